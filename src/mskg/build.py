"""The build: documents -> validated named graphs -> one new store generation, all or nothing.

Every document is read, extracted, turned into RDF, given its direct edges and validated
before the store is touched; the graphs are then bulk-loaded into a private snapshot of the
store that replaces the old one atomically (see mskg.stores.writer).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from mskg.errors import InputError
from mskg.extract.rdf import Triples
from mskg.graph_inputs import is_graph_file, read_graph_file
from mskg.namespaces import MSKG, ONTOLOGY_IRI
from mskg.stores.ntriples import TermTexts, graph_nquads
from mskg.stores.writer import StoreWriter

PAUSE_ENV = "MSKG_TEST_PAUSE_MIDWAY"
CHUNK_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class BuiltDocument:
    """One document's validated named graph, serialised, with what the summary line reports."""

    doc_id: str
    path: str
    graph_name: str
    nquads: bytes
    findings: int
    evidence: int
    notices: tuple[str, ...] = ()

    def summary(self) -> str:
        """The one-line report for this document."""
        line = f"{self.path}: {self.findings} findings, {self.evidence} evidence, {len(self.notices)} notices"
        return "; ".join([line, *self.notices])


@dataclass
class BuildReport:
    """What a build stored: its documents, in document-id order, and the totals."""

    documents: list[BuiltDocument] = field(default_factory=list)
    quads: int = 0
    seconds: float = 0.0

    def totals(self) -> str:
        """The closing summary line."""
        findings = sum(d.findings for d in self.documents)
        evidence = sum(d.evidence for d in self.documents)
        notices = sum(len(d.notices) for d in self.documents)
        return (f"built {len(self.documents)} documents: {findings} findings, {evidence} evidence, "
                f"{notices} notices, {self.quads} quads in the store, {self.seconds:.2f} s")


def document_graph_for(path: Path) -> tuple[Triples, tuple[str, ...]]:
    """Read, extract and assemble one document's triples, and its notices."""
    from mskg.extract.documents import read_document
    from mskg.extract.pipeline import extract
    from mskg.extract.rdf import document_triples

    extraction = extract(read_document(path))
    triples = document_triples(extraction.document, extraction.claims, extraction.gaps)
    return triples, tuple(str(n) for n in getattr(extraction, "notices", ()))


def _at(path: Path, step: Callable, *args: object) -> object:
    """`step(*args)`, an InputError from it naming `path`."""
    try:
        return step(*args)
    except InputError as exc:
        raise InputError(exc.message, path=path) from None


def _typed(graph: Iterable[tuple], classes: tuple[URIRef, ...]) -> list[int]:
    """How many distinct subjects have each of `classes` as rdf:type."""
    found: list[set] = [set() for _ in classes]
    a = RDF.type
    for s, p, o in graph:
        if p == a and o in classes:
            found[classes.index(o)].add(s)
    return [len(f) for f in found]


def built(path: Path, graph: Graph | Triples, notices: tuple[str, ...] = (), texts: TermTexts | None = None) -> BuiltDocument:
    """Package one (already validated) graph for the store."""
    name = str(graph.identifier)
    nquads = _at(path, graph_nquads, graph, name, texts)
    findings, evidence = _typed(graph, (MSKG.Finding, MSKG.Evidence))
    return BuiltDocument(doc_id=name.rsplit("/", 1)[-1], path=str(path), graph_name=name, nquads=nquads,
                         findings=findings, evidence=evidence, notices=notices)


def build_batch(paths: Sequence[Path]) -> list[BuiltDocument]:
    """Build a batch of documents, derive their direct edges and validate them (one fast-path
    run for the batch); the N-Triples text of each term is written once for the whole batch."""
    from mskg.ontology.rules import derive_direct_edges
    from mskg.ontology.validation import ensure_conforms_many

    texts = TermTexts()
    graphs = [(path, *document_graph_for(path)) for path in paths]
    for path, graph, _ in graphs:
        _at(path, derive_direct_edges, graph, texts)
    ensure_conforms_many([(str(path), graph) for path, graph, _ in graphs], texts)
    return [built(path, graph, notices, texts) for path, graph, notices in graphs]


def _batches(files: Sequence[Path], jobs: int) -> list[list[Path]]:
    size = max(1, min(50, -(-len(files) // max(jobs, 1))))
    return [list(files[i : i + size]) for i in range(0, len(files), size)]


def _check_unique(files: Sequence[Path]) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen and seen[path.stem] != path:
            raise InputError(f"two input files share the document id {path.stem!r} (also {seen[path.stem]})", path=path)
        seen[path.stem] = path


def _warm_caches() -> None:
    """Parse the lexicon, ontology and shapes once in the parent so forked workers inherit them."""
    from mskg.extract.lexicon import load_lexicon
    from mskg.ontology.validation import shapes_graph

    load_lexicon()
    shapes_graph()


def extract_all(files: Sequence[Path], jobs: int, batch: Callable[[Sequence[Path]], list[BuiltDocument]] = build_batch) -> list[BuiltDocument]:
    """Build every file's graph (in `jobs` processes), sorted by document id; nothing is stored."""
    batches = _batches(sorted(set(files)), jobs)
    if jobs <= 1 or len(batches) <= 1:
        results = [batch(b) for b in batches]
    else:
        import multiprocessing

        _warm_caches()
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(batch, batches))
    return sorted((d for r in results for d in r), key=lambda d: (d.doc_id, d.path))


def curated(files: Sequence[Path]) -> list[BuiltDocument]:
    """Read and validate RDF graph files (Turtle, TriG, N-Triples, N-Quads); nothing is stored."""
    from mskg.ontology.validation import ensure_conforms_many

    graphs = [(path, graph) for path in sorted(files) for graph in read_graph_file(path)]
    if graphs:
        ensure_conforms_many([(str(path), graph) for path, graph in graphs])
    return [built(path, graph) for path, graph in graphs]


def _shipped_copy(doc: BuiltDocument) -> bool:
    """Is this input the shipped ontology graph itself (as every `mskg export` contains it)?"""
    return doc.graph_name == str(ONTOLOGY_IRI) and set(doc.nquads.splitlines()) == set(ontology_nquads().splitlines())


def _one_per_graph(documents: list[BuiltDocument]) -> list[BuiltDocument]:
    """Documents sorted by id; two inputs writing the same graph (or the ontology's) are refused.
    An exact copy of the shipped ontology graph is dropped: the store writes that graph anyway."""
    seen = {str(ONTOLOGY_IRI): "the ontology"}
    documents = [doc for doc in documents if not _shipped_copy(doc)]
    for doc in documents:
        if doc.graph_name in seen:
            raise InputError(f"graph <{doc.graph_name}> is also written by {seen[doc.graph_name]}", path=doc.path)
        seen[doc.graph_name] = doc.path
    return sorted(documents, key=lambda d: (d.doc_id, d.path))


def ontology_nquads() -> bytes:
    """The shipped ontology as N-Quads in its own named graph."""
    from mskg.ontology import ontology_graph

    return graph_nquads(ontology_graph(), str(ONTOLOGY_IRI))


def _load(writer: StoreWriter, documents: Iterable[BuiltDocument]) -> None:
    """Bulk-load documents in chunks of about CHUNK_BYTES."""
    chunk: list[bytes] = []
    size = 0
    for doc in documents:
        chunk.append(doc.nquads)
        size += len(doc.nquads)
        if size >= CHUNK_BYTES:
            writer.load(b"".join(chunk))
            chunk, size = [], 0
    writer.load(b"".join(chunk))


def _pause_for_tests() -> None:
    """Sleep midway through the writes when MSKG_TEST_PAUSE_MIDWAY is set (the SIGKILL test)."""
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        time.sleep(float(seconds))


def _covers_store(root: Path, names: set[str]) -> bool:
    """True when the new graphs replace every graph of the current store (so start empty)."""
    from mskg.stores.embedded import active_path, open_database

    current = active_path(root)
    if current is None:
        return True
    old = {g.value for g in open_database(current, read_only=True).named_graphs()}
    return old <= names | {str(ONTOLOGY_IRI)}


def write_store(root: Path, documents: Sequence[BuiltDocument], *, clean: bool = False) -> int:
    """Replace the ontology and each document's graph in a new generation; return its quad count."""
    names = {d.graph_name for d in documents}
    with StoreWriter(root, fresh=clean or _covers_store(root, names)) as writer:
        writer.replace_graph(str(ONTOLOGY_IRI), ontology_nquads())
        for name in sorted(names):
            writer.remove_graph(name)
        half = len(documents) // 2
        _load(writer, documents[:half])
        _pause_for_tests()
        _load(writer, documents[half:])
        return writer.count()


def build(paths: Sequence[Path], root: Path, *, jobs: int | None = None, clean: bool = False) -> BuildReport:
    """Build every document under `paths` into the store at `root`; all or nothing."""
    from mskg.extract.documents import iter_documents

    started = time.perf_counter()
    files = list(iter_documents(paths))
    if not files:
        raise InputError("no documents (.txt, .html) or graph files found", path=", ".join(str(p) for p in paths))
    _check_unique(files)
    documents = extract_all([f for f in files if not is_graph_file(f)], jobs or os.cpu_count() or 1)
    documents = _one_per_graph(documents + curated([f for f in files if is_graph_file(f)]))
    quads = write_store(Path(root), documents, clean=clean)
    return BuildReport(documents, quads, time.perf_counter() - started)
