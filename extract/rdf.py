"""The one place where documents, claims and gaps become RDF triples.

Every node gets a stable IRI under https://w3id.org/mskg/id/ (no blank nodes), so the
same input always gives the same graph, and the same finding read in two documents is one
IRI with two pieces of evidence.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import islice
from typing import Protocol
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.term import Node

from mskg import namespaces
from mskg.extract.model import Claim, Document, Evidence, Gap, Segment, Study
from mskg.namespaces import ID, OBO


class _Cached:
    """A namespace whose terms are looked up once: closed DefinedNamespaces still refuse a
    misspelt name, but each later use is a plain attribute read (they cost µs per lookup)."""

    def __init__(self, space: object) -> None:
        self._space = space
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._space, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._space[name]
        return term


@lru_cache(maxsize=16384)
def term_iri(value: str) -> URIRef:
    """The URIRef of an ontology term's IRI (made once: URIRef() checks every IRI character by character)."""
    return URIRef(value)


MSKG, OA, SIOC = _Cached(namespaces.MSKG), _Cached(namespaces.OA), _Cached(namespaces.SIOC)
RDF, RDFS, XSD = _Cached(ns.RDF), _Cached(ns.RDFS), _Cached(ns.XSD)
DCTERMS, OWL = _Cached(ns.DCTERMS), _Cached(ns.OWL)
Triple = tuple[Node, Node, Node]


class Sink(Protocol):
    """Where the assembler puts triples: an rdflib Graph or `Triples`."""

    def add(self, triple: Triple) -> object: ...


class Triples:
    """A document's triples in the order first added, each once, without a Graph's indexes
    (what the build serialises; `document_graph` wraps the same triples in a Graph)."""

    def __init__(self, identifier: URIRef) -> None:
        self.identifier = identifier
        self._triples: dict[Triple, None] = {}
        self._bodies: list[str] = []
        self.literals: list[int] = []
        self.blank = False

    def add(self, triple: Triple) -> Triples:
        """Add one triple (again is a no-op)."""
        self._triples[triple] = None
        return self

    def bodies(self, texts: Mapping[Node, str]) -> list[str]:
        """Each triple as N-Triples text without its closing `' .'`, in order; written once
        (triples added since the last call are written with `texts`, term -> its text).
        Writing them notes the positions of literal objects and whether any node is blank."""
        bodies, literals = self._bodies, self.literals
        for s, p, o in islice(self._triples, len(bodies), None):
            subject, obj = texts[s], texts[o]
            if obj[0] == '"':
                literals.append(len(bodies))
            elif obj[0] == "_" or subject[0] == "_":
                self.blank = True
            bodies.append(f"{subject} {texts[p]} {obj}")
        return bodies

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples

POLARITY = {"positive": MSKG.Positive, "negative": MSKG.Negative}
CERTAINTY = {"asserted": MSKG.Asserted, "hedged": MSKG.Hedged, "hypothetical": MSKG.Hypothetical}
EVIDENCE_TYPE = {
    "study": MSKG.StudyEvidence,
    "expert": MSKG.ExpertEvidence,
    "anecdote": MSKG.AnecdoteEvidence,
    "background": MSKG.BackgroundEvidence,
}
SEGMENT_CLASS = {
    "title": MSKG.Title,
    "abstract": MSKG.QuotedAbstract,
    "commentary": MSKG.Commentary,
    "body": MSKG.PostBody,
    "comment": SIOC.Comment,
}
PREFIXES = {"mskg": namespaces.MSKG._NS, "id": ID, "oa": namespaces.OA, "sioc": namespaces.SIOC,
            "dcterms": ns.DCTERMS, "obo": OBO}
QUALIFIER = {"population": MSKG.population, "condition": MSKG.condition, "context": MSKG.context,
             "comedication": MSKG.comedication}


def _slug(text: str) -> str:
    """A lower-case, hyphenated IRI segment for a name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _hash(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


@lru_cache(maxsize=4096)
def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document, which is also the name of its named graph."""
    return ID[f"doc/{quote(doc_id, safe='')}"]


@lru_cache(maxsize=4096)
def segment_iri(doc_id: str, segment_id: str) -> URIRef:
    """The IRI of one segment (title, abstract, commentary, comment-N) of a document."""
    return URIRef(f"{document_iri(doc_id)}/{quote(segment_id, safe='')}")


@lru_cache(maxsize=4096)
def person_iri(name: str) -> URIRef:
    """The IRI of an author, by name."""
    return ID[f"person/{_slug(name)}"]


def study_iri(key: str) -> URIRef:
    """The IRI of a study, keyed by its DOI or another stable key."""
    return ID[f"study/{_hash(key)}"]


def finding_iri(claim: Claim) -> URIRef:
    """The IRI of a finding: a hash of subject, relation, object, polarity and qualifiers."""
    return ID[f"finding/{claim.key()}"]


def gap_iri(gap: Gap) -> URIRef:
    """The IRI of a knowledge gap statement."""
    return ID[f"gap/{gap.key()}"]


def evidence_iri(body: URIRef, ev: Evidence) -> URIRef:
    """The IRI of one piece of evidence for one finding or gap."""
    return ID[f"evidence/{_hash(body, ev.document, ev.segment, ev.start, ev.end)}"]


def _date_literal(value: str) -> Literal:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


@lru_cache(maxsize=4096)
def _person_label(name: str) -> Literal:
    """An author's label (made once per name: authors recur on every piece of their evidence)."""
    return Literal(name)


def add_person(g: Sink, name: str) -> URIRef:
    """Add an author node and return its IRI."""
    iri = person_iri(name)
    g.add((iri, RDF.type, MSKG.Author))
    g.add((iri, RDFS.label, _person_label(name)))
    return iri


def add_study(g: Sink, study: Study) -> URIRef:
    """Add a study node: design, size, population, methods, DOI."""
    iri = study_iri(study.iri_key)
    g.add((iri, RDF.type, MSKG.Study))
    if study.title:
        g.add((iri, DCTERMS.title, Literal(study.title)))
    if study.citation:
        g.add((iri, DCTERMS.bibliographicCitation, Literal(study.citation)))
    if study.doi:
        g.add((iri, MSKG.doi, Literal(study.doi)))
        g.add((iri, OWL.sameAs, URIRef("https://doi.org/" + study.doi)))
    for design in study.designs:
        g.add((iri, MSKG.design, term_iri(design)))
    for method in study.methods:
        g.add((iri, MSKG.method, term_iri(method)))
    if study.sample_size is not None:
        g.add((iri, MSKG.sampleSize, Literal(study.sample_size, datatype=XSD.integer)))
    if study.population:
        g.add((iri, MSKG.population, term_iri(study.population)))
    return iri


@lru_cache(maxsize=65536, typed=True)
def _offset(value: int) -> Literal:
    """An xsd:integer literal (made once per value: offsets repeat, and Literal() is slow)."""
    return Literal(value, datatype=XSD.integer)


def add_segment(g: Sink, doc: Document, seg: Segment) -> URIRef:
    """Add one segment with its offsets, author, comment index and reply link."""
    iri = segment_iri(doc.id, seg.id)
    g.add((iri, RDF.type, MSKG.Segment))
    g.add((iri, RDF.type, SEGMENT_CLASS[seg.kind]))
    g.add((iri, MSKG.segmentOf, document_iri(doc.id)))
    g.add((iri, MSKG.start, _offset(seg.start)))
    g.add((iri, MSKG.end, _offset(seg.end)))
    if seg.author:
        g.add((iri, SIOC.has_creator, add_person(g, seg.author)))
    if seg.comment_index is not None:
        g.add((iri, MSKG.commentIndex, Literal(seg.comment_index, datatype=XSD.integer)))
        reply_of = segment_iri(doc.id, seg.reply_to) if seg.reply_to else document_iri(doc.id)
        g.add((iri, SIOC.reply_of, reply_of))
    if seg.quote_start is not None and seg.quote_end is not None:
        g.add((iri, MSKG.quotes, Literal(doc.text[seg.quote_start : seg.quote_end])))
    return iri


def add_document(g: Sink, doc: Document) -> URIRef:
    """Add the document node, its metadata, its full text, its segments and its study."""
    iri = document_iri(doc.id)
    g.add((iri, RDF.type, MSKG.Document))
    g.add((iri, RDF.type, SIOC.Post))
    g.add((iri, DCTERMS.identifier, Literal(doc.id)))
    g.add((iri, DCTERMS.format, Literal(doc.format)))
    g.add((iri, MSKG.text, Literal(doc.text)))
    if doc.title:
        g.add((iri, DCTERMS.title, Literal(doc.title)))
    if doc.source:
        g.add((iri, DCTERMS.source, URIRef(doc.source)))
    if doc.date:
        g.add((iri, DCTERMS.created, _date_literal(doc.date)))
    if doc.author:
        g.add((iri, SIOC.has_creator, add_person(g, doc.author)))
    for seg in doc.segments:
        add_segment(g, doc, seg)
    if doc.study:
        g.add((iri, DCTERMS.references, add_study(g, doc.study)))
    return iri


def add_evidence(g: Sink, body: URIRef, ev: Evidence) -> URIRef:
    """Add one piece of evidence for `body` with its Web Annotation text selectors."""
    iri = evidence_iri(body, ev)
    doc = document_iri(ev.document)
    g.add((body, MSKG.hasEvidence, iri))
    g.add((iri, RDF.type, MSKG.Evidence))
    g.add((iri, RDF.type, OA.Annotation))
    g.add((iri, OA.hasBody, body))
    g.add((iri, MSKG.inDocument, doc))
    g.add((iri, MSKG.inSegment, segment_iri(ev.document, ev.segment)))
    g.add((iri, MSKG.certainty, CERTAINTY[ev.certainty]))
    g.add((iri, MSKG.evidenceType, EVIDENCE_TYPE[ev.evidence_type]))
    if ev.author:
        g.add((iri, DCTERMS.creator, add_person(g, ev.author)))
    if ev.study:
        g.add((iri, MSKG.fromStudy, study_iri(ev.study)))
    target, exact, position = (URIRef(f"{iri}/{n}") for n in ("target", "quote", "position"))
    g.add((iri, OA.hasTarget, target))
    g.add((target, RDF.type, OA.SpecificResource))
    g.add((target, OA.hasSource, doc))
    g.add((target, OA.hasSelector, exact))
    g.add((target, OA.hasSelector, position))
    g.add((exact, RDF.type, OA.TextQuoteSelector))
    g.add((exact, OA.exact, Literal(ev.quote)))
    g.add((position, RDF.type, OA.TextPositionSelector))
    g.add((position, OA.start, _offset(ev.start)))
    g.add((position, OA.end, _offset(ev.end)))
    return iri


def add_claim(g: Sink, claim: Claim) -> URIRef:
    """Add a finding (keyed by its parts) and one piece of evidence for it."""
    iri = finding_iri(claim)
    g.add((iri, RDF.type, MSKG.Finding))
    g.add((iri, MSKG.subject, term_iri(claim.subject)))
    g.add((iri, MSKG.relation, MSKG[claim.relation]))
    g.add((iri, MSKG.object, term_iri(claim.object)))
    g.add((iri, MSKG.polarity, POLARITY[claim.polarity]))
    for key, value in claim.qualifiers:
        g.add((iri, QUALIFIER[key], term_iri(value)))
    add_evidence(g, iri, claim.evidence)
    return iri


def add_gap(g: Sink, gap: Gap) -> URIRef:
    """Add a knowledge-gap statement about some terms, with its evidence."""
    iri = gap_iri(gap)
    g.add((iri, RDF.type, MSKG.KnowledgeGap))
    for term in gap.about:
        g.add((iri, MSKG.about, term_iri(term)))
    add_evidence(g, iri, gap.evidence)
    return iri


def bind_prefixes(g: Graph) -> Graph:
    """Bind the prefixes mskg writes with, so serialisations read well."""
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def document_triples(doc: Document, claims: Iterable[Claim], gaps: Iterable[Gap] = ()) -> Triples:
    """The triples of one document's named graph: the document, its claims and its gaps."""
    triples = Triples(document_iri(doc.id))
    add_document(triples, doc)
    for claim in claims:
        add_claim(triples, claim)
    for gap in gaps:
        add_gap(triples, gap)
    return triples


def document_graph(doc: Document, claims: Iterable[Claim], gaps: Iterable[Gap] = ()) -> Graph:
    """The named graph of one document as an rdflib Graph, prefixes bound."""
    triples = document_triples(doc, claims, gaps)
    g = bind_prefixes(Graph(identifier=triples.identifier))
    for triple in triples:
        g.add(triple)
    return g
