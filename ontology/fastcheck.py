"""The build's fast path: shapes.ttl compiled into one SPARQL query per shape, run on pyoxigraph.

A batch of document graphs is loaded once into an in-memory pyoxigraph store with the slice
of the ontology they reference; each compiled query finds every violation of one shape in
the whole batch at once. Only the SHACL subset shapes.ttl uses is compiled (IRI paths, the
count/value constraints below, SPARQL constraints that bind $this themselves); anything else
is a BrokenShapesError, so no constraint is ever skipped silently. `tests/test_fastcheck.py`
checks that this path and pySHACL give the same results on every fixture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from mskg.errors import BrokenShapesError, InputError
from mskg.extract.rdf import Triples
from mskg.ontology.validation import (
    Problem, _term_triples, placeholder, render, shapes_graph, shipped_datatypes, short, suspect,
)
from mskg.stores.ntriples import TermTexts, lines_text, triples_text
from mskg.stores.terms import to_oxigraph, to_rdflib

PROLOGUE = ("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
            "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n")
NODE_KINDS = {
    SH.IRI: "!isIRI(?value)", SH.Literal: "!isLiteral(?value)", SH.BlankNode: "!isBlank(?value)",
    SH.BlankNodeOrIRI: "isLiteral(?value)", SH.IRIOrLiteral: "isBlank(?value)",
    SH.BlankNodeOrLiteral: "isIRI(?value)",
}
RANGES = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
ANNOTATIONS = {RDF.type, SH.message, SH.severity, SH.name, SH.description, SH.order, RDFS.label,
               RDFS.comment, SH.flags}
INTEGER_SUBTYPES = {XSD[t] for t in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
    "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
TARGETS = {SH.targetClass, SH.targetObjectsOf, SH.targetSubjectsOf, SH.targetNode}


@dataclass(frozen=True)
class Check:
    """One compiled query: it returns ?this (and ?value, other variables) per violation."""

    shape: str
    severity: str
    path: str | None
    message: str
    query: str
    lexical: bool


def _n3(node: Node) -> str:
    return str(to_oxigraph(node))


def _stored_datatype(datatype: Node) -> Node:
    """The datatype pyoxigraph keeps for a literal of `datatype`: it folds integer subtypes
    into xsd:integer (values of any other datatype were quarantined before loading)."""
    return XSD.integer if datatype in INTEGER_SUBTYPES else datatype


def _value_conditions(sg: Graph, shape: Node) -> list[str]:
    """The SPARQL condition under which one value of `shape`'s path breaks a value constraint."""
    get = lambda p: sg.value(shape, p)  # noqa: E731
    conds: list[str] = []
    if get(SH.datatype) is not None:
        conds.append(f"(!isLiteral(?value) || datatype(?value) != {_n3(_stored_datatype(get(SH.datatype)))})")
    if get(SH.nodeKind) is not None:
        conds.append(NODE_KINDS[get(SH.nodeKind)])
    if get(SH["in"]) is not None:
        members = " || ".join(f"sameTerm(?value, {_n3(m)})" for m in Collection(sg, get(SH["in"])))
        conds.append(f"!({members or 'false'})")
    if get(SH["class"]) is not None:
        conds.append(f"NOT EXISTS {{ ?value rdf:type/rdfs:subClassOf* {_n3(get(SH['class']))} }}")
    if get(SH.minLength) is not None:
        conds.append(f"(isBlank(?value) || STRLEN(STR(?value)) < {int(get(SH.minLength))})")
    if get(SH.maxLength) is not None:
        conds.append(f"(isBlank(?value) || STRLEN(STR(?value)) > {int(get(SH.maxLength))})")
    if get(SH.pattern) is not None:
        flags = _n3(Literal(str(get(SH.flags) or "")))
        conds.append(f"(isBlank(?value) || !REGEX(STR(?value), {_n3(Literal(str(get(SH.pattern))))}, {flags}))")
    for param, op in RANGES.items():
        if get(param) is not None:
            conds.append(f"!COALESCE(?value {op} {_n3(get(param))}, false)")
    return conds


def _target(sg: Graph, node: Node) -> str:
    """A group pattern binding ?this to every focus node of node shape `node`."""
    parts = [f"?this rdf:type/rdfs:subClassOf* {_n3(c)} ." for c in sg.objects(node, SH.targetClass)]
    parts += [f"?target_s {_n3(p)} ?this ." for p in sg.objects(node, SH.targetObjectsOf)]
    parts += [f"?this {_n3(p)} ?target_o ." for p in sg.objects(node, SH.targetSubjectsOf)]
    parts += [f"VALUES ?this {{ {_n3(v)} }}" for v in sg.objects(node, SH.targetNode)]
    union = " UNION ".join("{ " + p + " }" for p in parts)
    return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"


def _severity(sg: Graph, shape: Node) -> str:
    return str(sg.value(shape, SH.severity) or SH.Violation).rsplit("#", 1)[-1]


def _property_checks(sg: Graph, node: Node, prop: Node) -> Iterable[Check]:
    """Up to three queries for a property shape: counts, has-value, and the value constraints."""
    known = ANNOTATIONS | {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.nodeKind, SH["in"],
                           SH["class"], SH.minLength, SH.maxLength, SH.pattern, SH.hasValue} | set(RANGES)
    _refuse_unknown(sg, prop, known)
    path = sg.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise BrokenShapesError(f"the fast path supports only IRI paths; {short(prop)} has another")
    target, p = _target(sg, node), _n3(path)
    common = dict(shape=short(prop) or "", severity=_severity(sg, prop), path=short(path),
                  message=str(sg.value(prop, SH.message) or ""), lexical=False)
    low, high = sg.value(prop, SH.minCount), sg.value(prop, SH.maxCount)
    if low is not None or high is not None:
        bounds = ([f"?n < {int(low)}"] if low is not None else []) + ([f"?n > {int(high)}"] if high is not None else [])
        having = " || ".join(bounds)
        yield Check(query=f"SELECT ?this WHERE {{ {{ SELECT ?this (COUNT(DISTINCT ?v) AS ?n) WHERE {{ {target} "
                    f"OPTIONAL {{ ?this {p} ?v }} }} GROUP BY ?this }} FILTER ({having}) }}", **common)
    for value in sg.objects(prop, SH.hasValue):
        yield Check(query=f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {p} {_n3(value)} }} }}", **common)
    conds = _value_conditions(sg, prop)
    if conds:
        yield Check(query=f"SELECT DISTINCT ?this ?value WHERE {{ {target} ?this {p} ?value . "
                    f"FILTER ({' || '.join(conds)}) }}", **common)


def _prefixes(sg: Graph, constraint: Node) -> str:
    lines = []
    for owner in sg.objects(constraint, SH.prefixes):
        for decl in sg.objects(owner, SH.declare):
            lines.append(f"PREFIX {sg.value(decl, SH.prefix)}: <{sg.value(decl, SH.namespace)}>")
    return "\n".join(sorted(lines)) + "\n"


def _sparql_check(sg: Graph, node: Node, constraint: Node) -> Check:
    """A SPARQL constraint run once over the batch, its focus nodes joined in as a subquery."""
    _refuse_unknown(sg, constraint, ANNOTATIONS | {SH.select, SH.prefixes})
    select = str(sg.value(constraint, SH.select) or "")
    where = re.search(r"\bWHERE\s*\{", select, re.IGNORECASE)
    if where is None or "$this" not in select:
        raise BrokenShapesError(f"SPARQL constraint {short(constraint)} needs a SELECT $this … WHERE {{ … }}")
    query = select[: where.end()] + " " + _target(sg, node) + " " + select[where.end():]
    message = sg.value(constraint, SH.message) or sg.value(node, SH.message) or ""
    return Check(shape=short(constraint) or "", severity=_severity(sg, node), path=None,
                 message=str(message), query=_prefixes(sg, constraint) + query, lexical=True)


def _refuse_unknown(sg: Graph, node: Node, known: set) -> None:
    for pred in set(sg.predicates(node)) - known:
        raise BrokenShapesError(f"the fast path cannot compile {short(pred)} on {short(node)}")


def compile_shapes(sg: Graph) -> tuple[Check, ...]:
    """Every check of every node shape, in a stable order."""
    checks: list[Check] = []
    for node in sorted(sg.subjects(RDF.type, SH.NodeShape)):
        _refuse_unknown(sg, node, ANNOTATIONS | TARGETS | {SH.property, SH.sparql})
        for prop in sorted(sg.objects(node, SH.property)):
            checks.extend(_property_checks(sg, node, prop))
        for constraint in sorted(sg.objects(node, SH.sparql)):
            checks.append(_sparql_check(sg, node, constraint))
    return tuple(_with_prologue(c) for c in checks)


def _with_prologue(check: Check) -> Check:
    """The check with the rdf/rdfs prefixes its compiled parts use."""
    return Check(check.shape, check.severity, check.path, check.message, PROLOGUE + check.query, check.lexical)


@lru_cache(maxsize=1)
def shipped_checks() -> tuple[Check, ...]:
    """The shipped shapes, compiled once."""
    return compile_shapes(shapes_graph())


@dataclass
class Batch:
    """Graphs loaded into one in-memory store (their triples, suspect literals quarantined,
    plus the slice of the ontology they reference)."""

    store: ox.Store


def _quarantined(graph: Iterable[tuple], expected: dict, nodes: set) -> Iterable[tuple]:
    """The graph's triples, suspect literals replaced by placeholders; notes every non-literal node."""
    for s, p, o in graph:
        if isinstance(o, Literal):
            if suspect(p, o, expected):
                o = placeholder(o)
        else:
            nodes.add(o)
        nodes.add(s)
        yield s, p, o


def _load(store: ox.Store, triples: Iterable[tuple], texts: TermTexts, source: str) -> None:
    """Parse the triples into `store` as N-Triples text in one call; triples with blank nodes go
    in as terms instead (a parser renames blank nodes, and problems must name them as given)."""
    try:
        lines, blank = [], []
        for s, p, o in triples:
            if isinstance(s, BNode) or isinstance(o, BNode):
                blank.append(ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)))
            else:
                lines.append(f"{texts[s]} {texts[p]} {texts[o]} .\n")
        store.load("".join(lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        store.extend(blank)
    except InputError as exc:
        raise InputError(exc.message, path=source) from None
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"not valid RDF: {exc}", path=source) from None


def _quarantined_lines(graph: Triples, expected: dict, nodes: set, texts: TermTexts) -> list[str]:
    """The text of a Triples' triples (see `Triples.bodies`), suspect literals replaced by
    placeholders; notes every non-literal node."""
    bodies = graph.bodies(texts)
    triples = list(graph)
    objects = [o for _, _, o in triples]
    for i in graph.literals:
        objects[i] = None
    nodes.update(s for s, _, _ in triples)
    nodes.update(o for o in objects if o is not None)
    bad = [i for i in graph.literals if _suspect(triples[i], expected)]
    if bad:
        bodies = list(bodies)
        for i in bad:
            s, p, o = triples[i]
            bodies[i] = f"{texts[s]} {texts[p]} {texts[placeholder(o)]}"
    return bodies


def _suspect(triple: tuple, expected: dict) -> bool:
    """Is the triple's literal object suspect (only ill-typed ones or those on a property with expected datatypes can be)?"""
    _, p, o = triple
    return (o.ill_typed or p in expected) and suspect(p, o, expected)


def _blank(graph: Triples, texts: TermTexts, source: str) -> bool:
    """Does the Triples hold a blank node (its text written first, an IRI it cannot hold naming `source`)?"""
    try:
        graph.bodies(texts)
    except InputError as exc:
        raise InputError(exc.message, path=source) from None
    return graph.blank


def _load_text(store: ox.Store, graph: Triples, expected: dict, nodes: set, texts: TermTexts, source: str) -> None:
    """Parse a Triples without blank nodes into `store` from the text it holds (see `_load`)."""
    try:
        text = lines_text(_quarantined_lines(graph, expected, nodes, texts))
        store.load(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    except InputError as exc:
        raise InputError(exc.message, path=source) from None
    except (SyntaxError, ValueError) as exc:
        raise InputError(f"not valid RDF: {exc}", path=source) from None


def load_batch(graphs: Sequence[tuple[str, Iterable[tuple]]], texts: TermTexts | None = None) -> Batch:
    """Every graph (suspect literals quarantined) and the ontology slice they reference, in one
    in-memory store; `texts` caches the N-Triples text of terms across calls."""
    table, expected, texts = _term_triples(), shipped_datatypes(), TermTexts() if texts is None else texts
    store, nodes = ox.Store(), set()
    for source, graph in graphs:
        if isinstance(graph, Triples) and not _blank(graph, texts, source):
            _load_text(store, graph, expected, nodes, texts, source)
        else:
            _load(store, _quarantined(graph, expected, nodes), texts, source)
    _load(store, {t for n in nodes for t in table.get(n, ())}, texts, "the ontology")
    return Batch(store)


def run_checks(store: ox.Store, checks: Sequence[Check] | None = None) -> list[tuple[str, Problem]]:
    """Every problem the compiled checks find, with its focus node as pyoxigraph prints it."""
    problems = set()
    for check in checks if checks is not None else shipped_checks():
        solutions = store.query(check.query)
        names = tuple(solutions.variables)
        for row in solutions:
            problems.add((str(row["this"]), _from_row(check, names, row)))
    return sorted(problems, key=_order)


def _order(found: tuple[str, Problem]) -> tuple[str, ...]:
    """A problem's sort key: a missing path or value sorts first (Problem's own order cannot compare None with text)."""
    focus, p = found
    return (focus, *p.sort_key())


def _from_row(check: Check, names: tuple[ox.Variable, ...], row: ox.QuerySolution) -> Problem:
    rdf = {v.value: to_rdflib(row[v]) for v in names if row[v] is not None}
    text = {k: (str(v) if check.lexical and isinstance(v, Literal) else short(v)) for k, v in rdf.items()}
    return Problem(focus=short(rdf["this"]) or "", shape=check.shape, severity=check.severity,
                   path=check.path, value=short(rdf.get("value")), message=render(check.message, text))


def check_many(graphs: Sequence[tuple[str, Iterable[tuple]]], texts: TermTexts | None = None) -> dict[str, list[Problem]]:
    """Validate a batch of (source, graph) pairs in one store; problems attributed to sources.

    A graph is an rdflib Graph or any re-iterable collection of triples. A problem goes to
    every source that states its focus node; one about a node no source states as a subject
    (an unknown term) goes to the sources that mention it.
    """
    texts = TermTexts() if texts is None else texts
    problems = run_checks(load_batch(graphs, texts).store)
    found: dict[str, list[Problem]] = {source: [] for source, _ in graphs}
    if problems:
        stating, mentioning = _owners(graphs, {focus for focus, _ in problems}, texts)
        for focus, problem in problems:
            for source in sorted(stating.get(focus) or mentioning.get(focus, ())):
                found[source].append(problem)
    return found


def _owners(graphs: Sequence[tuple[str, Iterable[tuple]]], focus: set[str],
            texts: TermTexts) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """For each focus node: the sources stating it as subject, and those mentioning it as object."""
    stating: dict[str, set[str]] = {}
    mentioning: dict[str, set[str]] = {}
    for source, graph in graphs:
        for s, _, o in graph:
            if texts[s] in focus:
                stating.setdefault(texts[s], set()).add(source)
            if isinstance(o, URIRef) and texts[o] in focus:
                mentioning.setdefault(texts[o], set()).add(source)
    return stating, mentioning
