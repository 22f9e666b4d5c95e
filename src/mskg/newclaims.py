"""Validate new claims (claim sheets or RDF files) against the shapes, and add them to the store.

Only the new nodes are validated (as focus nodes), together with what they reference: the
documents and segments they cite, fetched from the store, and the ontology slice of their
terms. So one new claim costs the same whatever the size of the store. Adding is all or
nothing: every file must conform, then every touched graph is replaced in one generation.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import re

from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.term import Node

from mskg.extract.rdf import add_claim, bind_prefixes, document_graph, document_iri
from mskg.extract.sheet import RowProblem, SheetRow, StoredDocument, read_sheet
from mskg.namespaces import BASE, MSKG, OA, SHAPES_IRI
from mskg.ontology import resource_text
from mskg.ontology.fastcheck import check_many
from mskg.ontology.inputs import read_rdf, read_text
from mskg.ontology.validation import ValidationResult, shapes_graph, short, validate
from mskg.stores.base import Store

_IRI = re.compile(r"https?://[^\s<>\"{}|^`\\]+")
DOC_LINKS = (MSKG.inDocument, MSKG.segmentOf, OA.hasSource)
SHEET_ROW_RULE, SHEET_ROW_COMPONENT = URIRef(f"{BASE}ClaimSheetRow"), URIRef(f"{BASE}ClaimSheetRowComponent")


def _query(name: str) -> str:
    """A saved query shipped beside the shapes (ontology/claims_*.rq)."""
    return resource_text(f"claims_{name}.rq")


@dataclass
class Checked:
    """One input file after validation: readable lines, verdict, and the graphs it would add."""

    path: Path
    lines: list[str] = field(default_factory=list)
    conforms: bool = True
    graphs: dict[str, Graph] = field(default_factory=dict)
    data: Graph = field(default_factory=Graph)
    focus: set[Node] = field(default_factory=set)
    row_problems: list[RowProblem] = field(default_factory=list)


@lru_cache(maxsize=1)
def contract_relations() -> tuple[str, ...]:
    """The relation names a finding may use: the sh:in list of shapes:FindingRelation."""
    shapes = shapes_graph()
    members = shapes.value(URIRef(f"{SHAPES_IRI}#FindingRelation"), SH["in"])
    return tuple(str(m).rsplit("/", 1)[-1] for m in Collection(shapes, members))


def _rows(store: Store | None, query: str, **bindings: object) -> list[dict]:
    return list(store.select(query, bindings)) if store is not None else []


def find_document(store: Store | None, wanted: str) -> StoredDocument | None:
    """The stored document whose identifier, IRI or source address is `wanted`, with its segments."""
    rows = _rows(store, _query("document_text"), wanted=Literal(wanted))
    if not rows and _IRI.fullmatch(wanted):
        rows = _rows(store, _query("document_text"), wanted=URIRef(wanted)) or [
            dict(r, doc=URIRef(wanted)) for r in _rows(store, _query("document_text"), doc=URIRef(wanted))]
    if not rows:
        return None
    doc = sorted(rows, key=lambda r: str(r["doc"]))[0]
    segments = tuple(sorted((str(r["seg"]).rsplit("/", 1)[-1], int(r["start"]), int(r["end"]))
                            for r in _rows(store, _query("document_segments"), doc=doc["doc"])))
    return StoredDocument(str(doc["doc"]).rsplit("/", 1)[-1], str(doc["text"]), segments)


def sheet_graphs(rows: Iterable[SheetRow]) -> tuple[dict[str, Graph], dict[str, int]]:
    """Each row's claim as RDF, through mskg.extract.rdf, grouped by the document graph it
    joins; and the sheet line of every node a row adds (to name rows in problems)."""
    graphs: dict[str, Graph] = {}
    lines: dict[str, int] = {}
    for row in rows:
        if row.claim is None:
            continue
        name = str(document_iri(row.claim.evidence.document))
        added = document_graph(row.document, [row.claim]) if row.document else _claim_graph(row)
        graphs.setdefault(name, bind_prefixes(Graph(identifier=URIRef(name)))).__iadd__(added)
        for node in set(added.subjects()) | set(added.objects(None, MSKG.subject)) | set(added.objects(None, MSKG.object)):
            lines.setdefault(short(node) or "", row.line)
    return graphs, lines


def _claim_graph(row: SheetRow) -> Graph:
    """The triples of one claim whose evidence points into a stored document."""
    graph = Graph()
    add_claim(graph, row.claim)  # type: ignore[arg-type]
    return graph


def rdf_graph_name(path: Path, graph: Graph) -> str:
    """The document graph an RDF file's triples join: the one document it defines or cites."""
    defined = sorted(set(graph.subjects(RDF.type, MSKG.Document)))
    cited = sorted({o for p in DOC_LINKS for o in graph.objects(None, p)})
    for candidates in (defined, cited):
        if len(candidates) == 1:
            return str(candidates[0])
    return str(document_iri(path.stem))


def context(store: Store | None, data: Graph) -> Graph:
    """The stored documents and segments the new data cites but does not define."""
    defined = set(data.subjects(RDF.type, MSKG.Document))
    cited = {o for p in DOC_LINKS for o in data.objects(None, p) if isinstance(o, URIRef)} - defined
    found = Graph()
    for doc in sorted(cited):
        for row in _rows(store, _query("document_context"), doc=doc):
            found.add((row["s"], row["p"], row["o"]))
    return found


def check_sheet(path: Path, store: Store | None) -> Checked:
    """Read a claim sheet, turn its rows into claims and RDF, and validate them."""
    from mskg.extract.lexicon import load_lexicon

    rows = read_sheet(path, read_text(path), load_lexicon(), contract_relations(),
                      lambda wanted: find_document(store, wanted))
    graphs, lines = sheet_graphs(rows)
    checked = _validated(path, graphs, store, lambda p: f"{path}:{lines.get(p.focus, 0)}")
    problems = [problem for row in rows for problem in row.problems]
    checked.lines = [p.text(str(path)) for p in problems] + checked.lines
    checked.conforms = checked.conforms and not problems
    checked.row_problems = problems
    return checked


def check_rdf(path: Path, store: Store | None) -> Checked:
    """Read an RDF file of claims and validate it."""
    graph = read_rdf(path)
    name = rdf_graph_name(path, graph)
    named = bind_prefixes(Graph(identifier=URIRef(name)))
    named += graph
    return _validated(path, {name: named}, store, lambda p: str(path))


def _validated(path: Path, graphs: dict[str, Graph], store: Store | None, where) -> Checked:
    """Validate the new graphs with their stored context; keep problems about new nodes only."""
    checked = Checked(path, graphs=graphs)
    for graph in graphs.values():
        checked.data += graph
    known = context(store, checked.data)
    old_only = set(known.subjects()) - set(checked.data.subjects())
    checked.focus = {n for t in checked.data for n in (t[0], t[2]) if isinstance(n, URIRef)} - old_only
    checked.data += known
    hidden = {short(n) for n in old_only}
    problems = [p for p in check_many([(str(path), checked.data)])[str(path)] if p.focus not in hidden]
    checked.lines = [p.line(where(p)) for p in problems]
    checked.conforms = not any(p.severity == "Violation" for p in problems)
    return checked


def check_file(path: Path, store: Store | None) -> Checked:
    """Validate one input: a claim sheet (.csv) or an RDF file."""
    return check_sheet(path, store) if path.suffix.lower() == ".csv" else check_rdf(path, store)


def w3c_report(checked: Sequence[Checked]) -> ValidationResult:
    """pySHACL's W3C validation report for the new nodes of every file (for --format ttl|json)."""
    data, focus = Graph(), set()
    for item in checked:
        data += item.data
        focus |= item.focus
    result = validate(data, focus_nodes=sorted(focus))
    rows = [(item.path, problem) for item in checked for problem in item.row_problems]
    return with_row_results(result, rows) if rows else result


def row_iri(path: Path, line: int) -> URIRef:
    """A stable IRI for one claim-sheet row: the file's URI with `#row=<line>`."""
    return URIRef(f"{Path(path).resolve().as_uri()}#row={line}")


def with_row_results(result: ValidationResult, rows: Sequence[tuple[Path, RowProblem]]) -> ValidationResult:
    """The report with one sh:Violation per unreadable sheet row (rule mskg:ClaimSheetRow in
    shapes.ttl), so a report never says it conforms while the exit code says violations."""
    report = result.report
    for node in set(report.subjects(RDF.type, SH.ValidationReport)):
        report.set((node, SH.conforms, Literal(False)))
        for path, problem in rows:
            report.add((node, SH.result, _row_result(report, path, problem)))
    return replace(result, conforms=False)


def _row_result(report: Graph, path: Path, problem: RowProblem) -> BNode:
    """One sh:ValidationResult for a row problem, its message the line the text format prints."""
    node = BNode()
    for p, o in ((RDF.type, SH.ValidationResult), (SH.resultSeverity, SH.Violation),
                 (SH.focusNode, row_iri(path, problem.line)), (SH.sourceShape, SHEET_ROW_RULE),
                 (SH.sourceConstraintComponent, SHEET_ROW_COMPONENT),
                 (SH.resultMessage, Literal(problem.text(str(path)))), (SH.value, Literal(problem.value))):
        report.add((node, p, o))
    return node


def _stored_graph(store: Store, name: str) -> Graph:
    graph = Graph(identifier=URIRef(name))
    for row in _rows(store, _query("graph"), g=URIRef(name)):
        graph.add((row["s"], row["p"], row["o"]))
    return graph


def add_to_store(root: Path, checked: Sequence[Checked]) -> list[str]:
    """Merge every file's new graphs into the store in one generation; return the graph names.

    Each touched document graph is rebuilt as stored triples + new triples + direct edges.
    """
    from mskg.ontology.rules import derive_direct_edges
    from mskg.stores.embedded import EmbeddedStore, graph_nquads
    from mskg.stores.writer import StoreWriter

    store = EmbeddedStore.open(root)
    merged: dict[str, Graph] = {}
    for item in checked:
        for name, graph in item.graphs.items():
            merged.setdefault(name, _stored_graph(store, name)).__iadd__(graph)
    store.close()
    with StoreWriter(root) as writer:
        for name in sorted(merged):
            writer.replace_graph(name, graph_nquads(derive_direct_edges(merged[name]), name))
    return sorted(merged)
