"""Validate data graphs against ontology/shapes.ttl and report problems as readable lines.

`validate` runs pySHACL (the reference engine, which also gives the W3C report graph);
`ensure_conforms` / `ensure_conforms_many` are what the build calls per document graph and
use the compiled fast path in `mskg.ontology.fastcheck` (same shapes, same verdict).
Only sh:Violation results make data non-conforming; warnings and infos are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pyshacl
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, SH, SKOS
from rdflib.term import Node

from mskg.errors import BrokenShapesError, NonConformingError
from mskg.identifiers import curie
from mskg.namespaces import ID, SHAPES_IRI
from mskg.ontology import ontology_graph, resource_text
from mskg.stores.ntriples import TermTexts

SHAPES_FILE = "shapes.ttl"
_FORBIDDEN_QUERY = re.compile(r"\bSERVICE\b|\bFROM\s+(NAMED\s+)?<|\bLOAD\b", re.IGNORECASE)
_VAR = re.compile(r"\{[?$](\w+)\}")


@dataclass(frozen=True)
class Problem:
    """One validation result: where (focus node, path), which shape, how bad, and why."""

    focus: str
    shape: str
    severity: str
    path: str | None
    value: str | None
    message: str

    def sort_key(self) -> tuple[str, ...]:
        """Its order among problems: a missing path or value sorts first (None cannot be compared with text)."""
        return self.focus, self.shape, self.severity, self.path or "", self.value or "", self.message

    def line(self, source: str = "") -> str:
        """One readable line: source, node, property, severity, message."""
        where = f"{source}: " if source else ""
        prop = f" {self.path}" if self.path else ""
        return f"{where}{self.focus}{prop}: {self.severity.lower()}: {self.message} [{self.shape}]"


@dataclass(frozen=True)
class ValidationResult:
    """The verdict (violations only), every problem as a readable record, and the W3C report."""

    conforms: bool
    problems: tuple[Problem, ...]
    report: Graph

    def lines(self, source: str = "") -> list[str]:
        """One readable line per problem, sorted."""
        return [p.line(source) for p in self.problems]


def short(node: Node | None) -> str | None:
    """A node as a user reads it: a CURIE for IRIs, the lexical form for literals."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        text = str(node)
        if text.startswith(str(SHAPES_IRI) + "#"):
            return text.split("#", 1)[1]
        if text.startswith(str(ID)):
            return "id:" + text[len(str(ID)):]
        return curie(text)
    if isinstance(node, Literal):
        lexical = str(node)
        return repr(lexical if len(lexical) <= 80 else lexical[:77] + "...")
    return str(node)


def render(template: str, bindings: dict[str, str | None]) -> str:
    """Fill `{$var}` / `{?var}` placeholders; unbound ones read `none`."""
    return _VAR.sub(lambda m: _or_none(bindings.get(m.group(1))), template)


def _or_none(text: str | None) -> str:
    return "none" if text is None else text


def check_shapes(shapes: Graph, *, source: str) -> Graph:
    """Refuse shapes that would fetch anything: owl:imports, SERVICE, FROM <…>, LOAD."""
    for _, _, target in shapes.triples((None, OWL.imports, None)):
        raise BrokenShapesError(f"shapes may not import other graphs (owl:imports {target})", path=source)
    for node, _, query in shapes.triples((None, SH.select, None)):
        if _FORBIDDEN_QUERY.search(str(query)):
            raise BrokenShapesError(f"SPARQL constraint {short(node)} reaches outside the data", path=source)
    if not any(shapes.triples((None, RDF.type, SH.NodeShape))):
        raise BrokenShapesError("the shapes graph declares no sh:NodeShape", path=source)
    return shapes


def parse_shapes(text: str, *, source: str) -> Graph:
    """Parse and check a shapes graph; any syntax problem is a BrokenShapesError (exit 4)."""
    from mskg.errors import InputError
    from mskg.ontology.loading import parse_turtle

    try:
        graph = parse_turtle(text, source=source, identifier=str(SHAPES_IRI))
    except InputError as exc:
        raise BrokenShapesError(exc.message, path=source, line=exc.line, column=exc.column) from None
    return check_shapes(graph, source=source)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shipped shapes, parsed and checked once (treat as read-only)."""
    return parse_shapes(resource_text(SHAPES_FILE), source=SHAPES_FILE)


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return ontology_graph()


@lru_cache(maxsize=1)
def _term_triples() -> dict[Node, tuple[tuple[Node, Node, Node], ...]]:
    """For each ontology node: the triples the shapes may read about it and its ancestors."""
    onto = _ontology()
    wanted = (RDFS.label, RDFS.subClassOf, RDFS.subPropertyOf, SKOS.definition, RDF.type)
    direct: dict[Node, list[tuple[Node, Node, Node]]] = {}
    for pred in wanted:
        for s, p, o in onto.triples((None, pred, None)):
            direct.setdefault(s, []).append((s, p, o))
    return {node: tuple(_closure(node, direct)) for node in direct}


def _closure(node: Node, direct: dict[Node, list[tuple[Node, Node, Node]]]) -> set[tuple[Node, Node, Node]]:
    seen, todo, out = {node}, [node], set()
    while todo:
        for s, p, o in direct.get(todo.pop(), ()):
            out.add((s, p, o))
            if p in (RDFS.subClassOf, RDFS.subPropertyOf, RDF.type) and o not in seen:
                seen.add(o)
                todo.append(o)
    return out


def ontology_context(data: Graph) -> Graph:
    """The part of the ontology the shapes need for `data`: labels and ancestors of its terms.

    Cost grows with the data, not with the ontology (the per-term closures are cached).
    """
    table = _term_triples()
    context = Graph()
    for node in set(data.objects()) | set(data.subjects()):
        for triple in table.get(node, ()):
            context.add(triple)
    return context


ILL_TYPED = "urn:mskg:ill-typed:"


def expected_datatypes(shapes: Graph) -> dict[Node, frozenset[Node]]:
    """For each path with an sh:datatype somewhere in the shapes: the datatypes allowed on it."""
    found: dict[Node, set[Node]] = {}
    for shape, _, datatype in shapes.triples((None, SH.datatype, None)):
        found.setdefault(shapes.value(shape, SH.path), set()).add(datatype)
    return {path: frozenset(types) for path, types in found.items()}


def _datatype(literal: Literal) -> Node:
    return literal.datatype or (RDF.langString if literal.language else XSD.string)


def suspect(predicate: Node, literal: Literal, expected: dict[Node, frozenset[Node]]) -> bool:
    """True for an ill-typed literal or one whose datatype its property does not allow."""
    if literal.ill_typed:
        return True
    allowed = expected.get(predicate)
    return allowed is not None and _datatype(literal) not in allowed


def placeholder(literal: Literal) -> Literal:
    """The literal's text under a placeholder datatype no shape allows and no SPARQL computes with."""
    return Literal(str(literal), datatype=URIRef(ILL_TYPED + str(_datatype(literal))))


def quarantine(data: Graph, expected: dict[Node, frozenset[Node]]) -> Graph:
    """`data`, or a copy where each suspect literal (`"abc"^^xsd:integer`, `"5"` where a
    non-negative integer is due) carries a placeholder datatype: sh:datatype still rejects it,
    and no SPARQL constraint ever computes with it (in either validator)."""
    bad = [(s, p, o) for s, p, o in data if isinstance(o, Literal) and suspect(p, o, expected)]
    if not bad:
        return data
    copy = Graph(identifier=data.identifier)
    copy += data
    for s, p, o in bad:
        copy.remove((s, p, o))
        copy.add((s, p, placeholder(o)))
    return copy


@lru_cache(maxsize=1)
def shipped_datatypes() -> dict[Node, frozenset[Node]]:
    """The datatypes the shipped shapes expect, per property."""
    return expected_datatypes(shapes_graph())


def _results(report: Graph) -> Iterable[Problem]:
    for result in report.subjects(RDF.type, SH.ValidationResult):
        yield _problem(report, result)


def _problem(report: Graph, result: Node) -> Problem:
    get = lambda p: report.value(result, p)  # noqa: E731
    focus, value, path, shape = get(SH.focusNode), get(SH.value), get(SH.resultPath), get(SH.sourceShape)
    if isinstance(get(SH.sourceConstraint), URIRef):
        shape = get(SH.sourceConstraint)
    message = str(get(SH.resultMessage) or "")
    bindings = {"this": short(focus), "value": short(value), "path": short(path)}
    text = render(message, bindings)
    return Problem(
        focus=short(focus) or "",
        shape=short(shape) or "",
        severity=str(get(SH.resultSeverity)).rsplit("#", 1)[-1],
        path=short(path),
        value=short(value),
        message=_compress_iris(text),
    )


def _compress_iris(text: str) -> str:
    return re.sub(r"(?:https?|urn):[^\s,;)]+", lambda m: short(URIRef(m.group(0))) or m.group(0), text)


def validate(
    data: Graph,
    *,
    shapes: Graph | None = None,
    ontology: Graph | None = None,
    focus_nodes: Sequence[Node] | None = None,
) -> ValidationResult:
    """Validate `data` with pySHACL against the shapes, with the ontology for class lookups.

    `ontology` defaults to the slice of the shipped ontology that `data` references; it is
    merged into a copy of the data (pySHACL's ont_graph would copy only RDFS/OWL axioms,
    dropping the labels and definitions the term shapes read).
    """
    expected = expected_datatypes(shapes) if shapes is not None else shipped_datatypes()
    data = quarantine(data, expected)
    mixed = Graph()
    mixed += data
    mixed += ontology if ontology is not None else ontology_context(data)
    try:
        _, report, _ = pyshacl.validate(
            mixed,
            shacl_graph=shapes if shapes is not None else shapes_graph(),
            inference="none",
            allow_warnings=True,
            allow_infos=True,
            focus_nodes=list(focus_nodes) if focus_nodes else None,
        )
    except Exception as exc:  # pyshacl raises many unrelated types for one broken shapes graph
        raise BrokenShapesError(f"the shapes could not be applied: {exc}") from None
    problems = tuple(sorted(_results(report), key=Problem.sort_key))
    conforms = not any(p.severity == "Violation" for p in problems)
    return ValidationResult(conforms=conforms, problems=problems, report=report)


def ensure_conforms(data: Graph, *, source: str) -> None:
    """Raise NonConformingError listing every violation when `data` breaks the shapes."""
    ensure_conforms_many([(source, data)])


def ensure_conforms_many(graphs: Sequence[tuple[str, Iterable[tuple]]], texts: TermTexts | None = None) -> None:
    """Validate many document graphs in one fast-path run; raise when any has violations.

    The error names the first failing source; its `lines` hold every violation of every source.
    A graph is an rdflib Graph or any collection of triples; `texts` caches term texts across calls.
    """
    from mskg.ontology.fastcheck import check_many

    failures = {src: probs for src, probs in check_many(graphs, texts).items() if _violations(probs)}
    if failures:
        lines = [p.line(src) for src in sorted(failures) for p in _violations(failures[src])]
        error = NonConformingError(f"does not conform to the shapes: {lines[0]}", path=sorted(failures)[0])
        error.lines = lines  # type: ignore[attr-defined]
        raise error


def _violations(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "Violation"]
