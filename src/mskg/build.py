"""The build: documents -> validated named graphs -> one new store generation, all or nothing.

Every document is read, extracted, turned into RDF, given its direct edges and validated
before it is written; validated batches are spooled beside a private new generation of the
store as they arrive and bulk-loaded into it in one go when all are in, and that generation
replaces the old one atomically only then (see mskg.stores.writer).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from mskg.errors import InputError
from mskg.extract.rdf import Triples
from mskg.graph_inputs import is_graph_file, read_graph_file
from mskg.namespaces import MSKG, ONTOLOGY_IRI
from mskg.stores.ntriples import TermTexts, graph_nquads, graph_suffix, lines_text
from mskg.stores.writer import StoreWriter

PAUSE_ENV = "MSKG_TEST_PAUSE_MIDWAY"


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
    found: dict[URIRef, set] = {c: set() for c in classes}
    a = RDF.type
    for s, p, o in graph:
        if o in found and p == a:
            found[o].add(s)
    return [len(found[c]) for c in classes]


def _nquads(graph: Graph | Triples, name: str, texts: TermTexts | None) -> bytes:
    """The graph as N-Quads in graph `name` (from the text a Triples already holds, when it is one)."""
    if isinstance(graph, Triples):
        return lines_text(graph.bodies(TermTexts() if texts is None else texts), graph_suffix(name)).encode("utf-8")
    return graph_nquads(graph, name, texts)


def built(path: Path, graph: Graph | Triples, notices: tuple[str, ...] = (), texts: TermTexts | None = None) -> BuiltDocument:
    """Package one (already validated) graph for the store."""
    name = str(graph.identifier)
    nquads = _at(path, _nquads, graph, name, texts)
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
    """Parse the lexicon, ontology, shapes and rule (and compile the checks) once in the parent so
    forked workers inherit them."""
    from mskg.extract.cues import load_cues
    from mskg.extract.lexicon import load_lexicon
    from mskg.ontology.fastcheck import shipped_checks
    from mskg.ontology.rules import rule_reads
    from mskg.ontology.validation import _term_triples, shapes_graph, shipped_datatypes

    load_lexicon()
    load_cues()
    rule_reads()
    shapes_graph()
    shipped_checks()
    shipped_datatypes()
    _term_triples()


@contextmanager
def built_batches(files: Sequence[Path], jobs: int,
                  batch: Callable[[Sequence[Path]], list[BuiltDocument]] = build_batch) -> Iterator[Iterator[list[BuiltDocument]]]:
    """The built (validated) documents, one batch at a time in file order, as `jobs` processes finish them.

    The workers are forked on entry, before the caller opens any store; leaving early cancels
    the batches not yet started.
    """
    batches = _batches(sorted(set(files)), jobs)
    if jobs <= 1 or len(batches) <= 1:
        yield map(batch, batches)
        return
    import multiprocessing

    _warm_caches()
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        yield pool.map(batch, batches)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_all(files: Sequence[Path], jobs: int, batch: Callable[[Sequence[Path]], list[BuiltDocument]] = build_batch) -> list[BuiltDocument]:
    """Build every file's graph (in `jobs` processes), sorted by document id; nothing is stored."""
    with built_batches(files, jobs, batch) as results:
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


class _Graphs:
    """The graphs a build writes: two inputs writing the same graph (or the ontology's) are refused."""

    def __init__(self) -> None:
        self.seen = {str(ONTOLOGY_IRI): "the ontology"}

    def claim(self, doc: BuiltDocument) -> None:
        if doc.graph_name in self.seen:
            raise InputError(f"graph <{doc.graph_name}> is also written by {self.seen[doc.graph_name]}", path=doc.path)
        self.seen[doc.graph_name] = doc.path


def ontology_nquads() -> bytes:
    """The shipped ontology as N-Quads in its own named graph."""
    from mskg.ontology import ontology_graph

    return graph_nquads(ontology_graph(), str(ONTOLOGY_IRI))


def _pause_for_tests() -> None:
    """Sleep midway through the writes when MSKG_TEST_PAUSE_MIDWAY is set (the SIGKILL test)."""
    seconds = os.environ.get(PAUSE_ENV)
    if seconds:
        time.sleep(float(seconds))


def _stored_graphs(root: Path) -> set[str]:
    """The named graphs of the current store (none when there is no store yet)."""
    from mskg.stores.embedded import active_path, open_database

    current = active_path(root)
    return {g.value for g in open_database(current, read_only=True).named_graphs()} if current else set()


def write_batches(root: Path, batches: Iterable[Sequence[BuiltDocument]], names: set[str], *,
                  clean: bool = False) -> tuple[list[BuiltDocument], int]:
    """Spool validated batches as they arrive, load them into a private new generation, then switch to it.

    `names` are the graphs the build expects to write: when they cover every stored graph the
    generation starts empty, otherwise it starts as a copy and each written graph is replaced.
    Any error (a later batch failing validation, too) discards the generation: all or nothing.
    Returns the documents (without their N-Quads) sorted by id, and the store's quad count.
    """
    old = set() if clean else _stored_graphs(root)  # --clean never reads the old store, damaged or not
    fresh = clean or old <= names | {str(ONTOLOGY_IRI)}
    graphs, stored = _Graphs(), []
    with StoreWriter(root, fresh=fresh) as writer:
        writer.replace_graph(str(ONTOLOGY_IRI), ontology_nquads())
        for number, batch in enumerate(batches):
            for doc in batch:
                graphs.claim(doc)
                if not fresh:
                    writer.remove_graph(doc.graph_name)
                writer.spool(doc.nquads)
                stored.append(replace(doc, nquads=b""))
            if number == 0:
                writer.load_spooled()
                _pause_for_tests()
        writer.load_spooled()
        if fresh and not clean:
            writer.copy_graphs(old - set(graphs.seen))
        return sorted(stored, key=lambda d: (d.doc_id, d.path)), writer.count()


def write_store(root: Path, documents: Sequence[BuiltDocument], *, clean: bool = False) -> int:
    """Replace the ontology and each document's graph in a new generation; return its quad count."""
    half = len(documents) // 2
    batches = [documents[:half], documents[half:]]
    return write_batches(root, batches, {d.graph_name for d in documents}, clean=clean)[1]


def build(paths: Sequence[Path], root: Path, *, jobs: int | None = None, clean: bool = False) -> BuildReport:
    """Build every document under `paths` into the store at `root`; all or nothing.

    Batches are spooled while later ones are still being built (each batch is validated
    before it is written; the new generation only becomes visible when every batch is in).
    """
    from mskg.extract.documents import iter_documents
    from mskg.extract.rdf import document_iri

    started = time.perf_counter()
    files = list(iter_documents(paths))
    if not files:
        raise InputError("no documents (.txt, .html) or graph files found", path=", ".join(str(p) for p in paths))
    _check_unique(files)
    texts = [f for f in files if not is_graph_file(f)]
    graphs = [d for d in curated([f for f in files if is_graph_file(f)]) if not _shipped_copy(d)]
    names = {str(document_iri(f.stem)) for f in texts} | {d.graph_name for d in graphs}
    with built_batches(texts, jobs or os.cpu_count() or 1) as batches:
        documents, quads = write_batches(Path(root), chain([graphs] if graphs else [], batches), names, clean=clean)
    return BuildReport(documents, quads, time.perf_counter() - started)
