"""Apply the declared derivation rule (direct_edges.rq) to one document's triples."""

from __future__ import annotations

from collections.abc import Iterable
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
