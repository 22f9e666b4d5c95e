"""Apply the declared derivation rule (direct_edges.rq) to one document's triples."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

import pyoxigraph as ox
from rdflib import URIRef

from mskg.errors import InputError
from mskg.extract.rdf import Triples
from mskg.ontology import resource_text
from mskg.stores.ntriples import TermTexts, lines_text, triples_text
from mskg.stores.terms import to_rdflib

G = TypeVar("G")
Reads = dict[URIRef, frozenset[URIRef] | None]


@lru_cache(maxsize=1)
def direct_edges_rule() -> str:
    """The SPARQL CONSTRUCT text of the direct-edge rule."""
    return resource_text("direct_edges.rq")


@lru_cache(maxsize=1)
def rule_reads() -> Reads | None:
    """The triples the rule's patterns can match: for each predicate they name, the objects they
    require (None: any object); None when some pattern has a variable or path as predicate."""
    from rdflib.plugins.sparql import prepareQuery

    reads: Reads = {}
    for _, p, o in _patterns(prepareQuery(direct_edges_rule()).algebra):
        if not isinstance(p, URIRef):
            return None
        known = reads.get(p, frozenset())
        reads[p] = None if known is None or not isinstance(o, URIRef) else known | {o}
    return reads


def _patterns(algebra: Any) -> list[tuple]:
    """Every triple pattern in a query's algebra (its WHERE part, not a CONSTRUCT template)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    found, todo = [], [algebra]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue) and node.name == "BGP":
            found.extend(node["triples"])
        elif isinstance(node, CompValue):
            todo.extend(v for k, v in node.items() if k != "template")
        elif isinstance(node, (list, tuple)):
            todo.extend(node)
    return found


def direct_edges(triples: Iterable[tuple], texts: TermTexts | None = None) -> list[tuple]:
    """The direct `subject relation object` edges the rule derives from one graph's triples.

    The rule runs on pyoxigraph over a private in-memory copy (rdflib's SPARQL engine costs
    tens of milliseconds per document; this costs well under one) of the triples it can read.
    """
    store = ox.Store()
    try:
        store.load(_ntriples(triples, texts).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise InputError(f"not valid RDF: {exc}") from None
    return [(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))
            for t in store.query(direct_edges_rule())]


def _ntriples(triples: Iterable[tuple], texts: TermTexts | None) -> str:
    """N-Triples text of the triples the rule can read (a Triples writes each of its lines once
    and keeps them for the build; those the rule's patterns cannot match are left out)."""
    reads = rule_reads()
    if not isinstance(triples, Triples) or reads is None:
        return triples_text(triples, texts=texts)
    bodies = triples.bodies(TermTexts() if texts is None else texts)
    return lines_text([b for (_, p, o), b in zip(triples, bodies)
                       if p in reads and (reads[p] is None or o in reads[p])])


def derive_direct_edges(g: G, texts: TermTexts | None = None) -> G:
    """Add to `g` (an rdflib Graph or extract.rdf.Triples) the direct edges its findings imply; return `g`."""
    for triple in direct_edges(g, texts):
        g.add(triple)
    return g


BATCH_GRAPH = "urn:mskg:rule-batch:"


@lru_cache(maxsize=1)
def batch_rule() -> tuple[str, tuple[tuple[str, str, str], ...]] | None:
    """The declared rule run over many graphs at once: a SELECT of the named graph and the
    template's variables, its WHERE part wrapped in `GRAPH ?g { }` (generated from the rule text),
    and the template as (subject, predicate, object) variable names; None when the template is
    not a plain list of variable triples."""
    text = "\n".join(line for line in direct_edges_rule().splitlines() if not line.lstrip().startswith("#"))
    match = re.fullmatch(r"(?s)(.*?)\bCONSTRUCT\s*\{([^{}]*)\}\s*WHERE\s*\{(.*)\}\s*", text)
    if match is None:
        return None
    prologue, template, where = match.groups()
    parts = template.replace(" .", " ").split()
    if not parts or len(parts) % 3 or not all(re.fullmatch(r"\?\w+", v) for v in parts) or "?_batch_graph" in text:
        return None
    triples = tuple(tuple(v[1:] for v in parts[i : i + 3]) for i in range(0, len(parts), 3))
    names = sorted({v for t in triples for v in t})
    query = (f"{prologue}SELECT DISTINCT ?_batch_graph {' '.join('?' + v for v in names)}\n"
             f"WHERE {{ GRAPH ?_batch_graph {{{where}}} }}")
    return query, triples


def derive_batch_edges(graphs: Sequence[Triples], texts: TermTexts) -> bool:
    """Add to each of `graphs` the direct edges the rule derives from it, running the rule once
    over a store holding each graph in its own named graph; False (nothing added) when the batch
    cannot be run this way (the caller then derives each graph's edges alone)."""
    reads, rule = rule_reads(), batch_rule()
    if reads is None or rule is None or not all(isinstance(g, Triples) for g in graphs):
        return False
    query, template = rule
    chunks = []
    for i, g in enumerate(graphs):
        chunks.append(lines_text([b for (_, p, o), b in zip(g, g.bodies(texts))
                                  if p in reads and (reads[p] is None or o in reads[p])],
                                 f" <{BATCH_GRAPH}{i}> .\n"))
    if any(g.blank for g in graphs):
        return False
    store = ox.Store()
    try:
        store.bulk_load("".join(chunks).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
    except SyntaxError:
        return False
    found: list[list[tuple]] = [[] for _ in graphs]
    terms: dict[Any, Any] = {}

    def term(node: Any) -> Any:
        value = terms.get(node)
        if value is None:
            value = terms[node] = to_rdflib(node)
        return value

    for row in store.query(query):
        edges = found[int(row["_batch_graph"].value[len(BATCH_GRAPH):])]
        for s, p, o in template:
            subject, predicate, obj = row[s], row[p], row[o]
            if not isinstance(subject, ox.NamedNode) or not isinstance(predicate, ox.NamedNode) or obj is None:
                continue  # as CONSTRUCT leaves out a template triple that is not a valid triple
            edges.append((term(subject), term(predicate), term(obj)))
    for g, edges in zip(graphs, found):
        for triple in edges:
            g.add(triple)
    return True
