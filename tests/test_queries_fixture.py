"""A small multi-document graph built from hand-made Documents and Claims, for query tests.

Three posts (`a`, `b`, `c`) by different authors, with comments, a study, a contradiction
across documents, hedged and hypothetical claims, a finding qualified by a co-medication and
knowledge gaps.
`MemoryStore` is an in-memory pyoxigraph store with the mskg.stores `select` interface.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from mskg.extract.model import Claim, Document, Evidence, Gap, Segment, Study
from mskg.extract.rdf import document_graph
from mskg.identifiers import iri
from mskg.namespaces import ONTOLOGY_IRI
from mskg.ontology import ontology_graph
from mskg.ontology.rules import derive_direct_edges
from mskg.stores.base import Solutions
from tests.data import DATA_DIR

FX = "http://example.org/mskg-fixture/"
MITOX, DACLI, CLADRI = iri("CHEBI:50729"), iri("DRUGBANK:DB00111"), iri("DRUGBANK:DB00242")
NK, MATURE_NK, T_CELL, B_CELL = (iri(c) for c in ("CL:0000623", "CL:0000824", "CL:0000084", "CL:0000236"))
RELAPSE = iri("mskg:Relapse")
STUDY_KEY = "10.9999/fixture.1"


def _oxi(term: object) -> ox.NamedNode | ox.Literal:
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)) if term.datatype else None)
    return ox.NamedNode(str(term))


def _rdflib(term: object) -> URIRef | Literal | BNode:
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    return BNode(term.value) if isinstance(term, ox.BlankNode) else URIRef(term.value)


class MemoryStore:
    """pyoxigraph in memory behind `select`; `union` makes the default graph the union."""

    def __init__(self, union: bool = False) -> None:
        self.store = ox.Store()
        self.union = union

    def add_graph(self, name: str, ntriples: bytes) -> None:
        self.store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> Solutions:
        subs = {ox.Variable(k): _oxi(v) for k, v in (bindings or {}).items()}
        answer = self.store.query(query, substitutions=subs, use_default_graph_as_union=self.union)
        names = tuple(v.value for v in answer.variables)
        rows = ({n: _rdflib(s[n]) for n in names if s[n] is not None} for s in answer)
        return Solutions(names, rows)

    def quads(self) -> list[str]:
        return sorted(str(q) for q in self.store)


def _doc(doc_id: str, author: str, parts: list[tuple], study: Study | None = None) -> Document:
    """A document from `(segment id, kind, text, author, comment index, reply to)` parts."""
    text, segments = "", []
    for seg_id, kind, body, seg_author, index, reply_to in parts:
        start = len(text)
        text += body + "\n\n"
        quote = (start + body.index("\u201c") + 1, start + body.index("\u201d")) if "\u201c" in body else (None, None)
        segments.append(Segment(seg_id, kind, start, start + len(body), seg_author, index, reply_to, *quote))
    return Document(doc_id, f"{doc_id}.txt", text, "plain-text", f"Post {doc_id}", None, "2012-07", author, tuple(segments), study)


def _ev(doc: Document, segment: str, quote: str, certainty: str, kind: str, study: str | None = None) -> Evidence:
    seg = doc.segment(segment)
    start = doc.text.index(quote, seg.start)
    author = seg.author or doc.author
    return Evidence(doc.id, segment, start, start + len(quote), quote, certainty, kind, author, seg.comment_index, study)  # type: ignore[arg-type]


def _claim(s: str, rel: str, o: str, ev: Evidence, polarity: str = "positive", **quals: str) -> Claim:
    return Claim(s, rel, o, ev, polarity, tuple(sorted(quals.items())))  # type: ignore[arg-type]


STUDY = Study(STUDY_KEY, "A fixture study", None, STUDY_KEY, (FX + "OpenLabel", FX + "SingleArm"), 19, FX + "SPMS", (FX + "FlowCytometry",))
DOC_A = _doc("a", "Blogger A", [
    ("abstract", "abstract", "Mitoxantrone increased NK cells. Mitoxantrone promoted maturation of mature NK cells only in responders. Mitoxantrone suppresses B cells.", None, None, None),
    ("commentary", "commentary", "It seems daclizumab affects NK cells. Mitoxantrone damages heart muscle. It is not clear how mitoxantrone slows progression.", None, None, None),
    ("comment-1", "comment", "I also get methylprednisolone with my mitoxantrone. My relapses have stopped.", "Patient P", 1, None),
    ("comment-2", "comment", "If only there was a way to predict who will benefit.", "Reader R", 2, None),
    ("comment-3", "comment", "Re: \u201cIf only there was a way to predict who will benefit.\u201d Gd-enhancing lesions may predict response to mitoxantrone.", "Doctor D", 3, "comment-2"),
], STUDY)
DOC_B = _doc("b", "Blogger B", [
    ("body", "body", "Mitoxantrone reduces NK cells. If daclizumab expands NK cells, trials will show it. Daclizumab does not deplete T cells. Cladribine depletes B cells.", None, None, None),
    ("comment-1", "comment", "Cladribine gave me cancer, I think.", "Patient Q", 1, None),
])
DOC_C = _doc("c", "Blogger C", [
    ("abstract", "abstract", "Daclizumab depleted T cells in our trial. Daclizumab damaged heart muscle in two patients.", None, None, None),
])


def _claims_a() -> tuple[list[Claim], list[Gap]]:
    d = DOC_A
    claims = [
        _claim(MITOX, "increasesAmountOf", NK, _ev(d, "abstract", "Mitoxantrone increased NK cells.", "asserted", "study", STUDY_KEY)),
        _claim(MITOX, "promotesMaturationOf", MATURE_NK, _ev(d, "abstract", "Mitoxantrone promoted maturation of mature NK cells only in responders.", "asserted", "study", STUDY_KEY), condition=FX + "ClinicalResponse"),
        _claim(MITOX, "decreasesAmountOf", B_CELL, _ev(d, "abstract", "Mitoxantrone suppresses B cells.", "asserted", "study", STUDY_KEY)),
        _claim(DACLI, "affects", NK, _ev(d, "commentary", "It seems daclizumab affects NK cells.", "hedged", "expert")),
        _claim(MITOX, "hasAdverseEffect", FX + "Cardiotoxicity", _ev(d, "commentary", "Mitoxantrone damages heart muscle.", "asserted", "expert")),
        _claim(MITOX, "inhibits", RELAPSE, _ev(d, "comment-1", "My relapses have stopped.", "asserted", "anecdote"),
               comedication=FX + "Methylprednisolone"),
        _claim(FX + "GdLesions", "predictsResponseTo", MITOX, _ev(d, "comment-3", "Gd-enhancing lesions may predict response to mitoxantrone.", "hedged", "expert")),
    ]
    gaps = [
        Gap((MITOX,), _ev(d, "commentary", "It is not clear how mitoxantrone slows progression.", "asserted", "expert")),
        Gap((MITOX,), _ev(d, "comment-2", "If only there was a way to predict who will benefit.", "asserted", "anecdote")),
    ]
    return claims, gaps


def _claims_b() -> list[Claim]:
    d = DOC_B
    return [
        _claim(MITOX, "decreasesAmountOf", NK, _ev(d, "body", "Mitoxantrone reduces NK cells.", "asserted", "expert")),
        _claim(DACLI, "increasesAmountOf", NK, _ev(d, "body", "If daclizumab expands NK cells, trials will show it.", "hypothetical", "expert")),
        _claim(DACLI, "decreasesAmountOf", T_CELL, _ev(d, "body", "Daclizumab does not deplete T cells.", "asserted", "expert"), "negative"),
        _claim(CLADRI, "decreasesAmountOf", B_CELL, _ev(d, "body", "Cladribine depletes B cells.", "asserted", "background")),
        _claim(CLADRI, "hasAdverseEffect", FX + "Cancer", _ev(d, "comment-1", "Cladribine gave me cancer, I think.", "hedged", "anecdote")),
    ]


def _claims_c() -> list[Claim]:
    return [
        _claim(DACLI, "decreasesAmountOf", T_CELL, _ev(DOC_C, "abstract", "Daclizumab depleted T cells in our trial.", "asserted", "study")),
        _claim(DACLI, "hasAdverseEffect", FX + "Cardiotoxicity", _ev(DOC_C, "abstract", "Daclizumab damaged heart muscle in two patients.", "asserted", "study")),
    ]


def fixture_graphs() -> list:
    """The three document graphs (direct edges derived) and the ontology graph with extras."""
    claims_a, gaps_a = _claims_a()
    docs = [document_graph(DOC_A, claims_a, gaps_a), document_graph(DOC_B, _claims_b()), document_graph(DOC_C, _claims_c())]
    onto = ontology_graph()
    onto.parse(DATA_DIR / "queries" / "ontology-extra.ttl", format="turtle")
    return [derive_direct_edges(g) for g in docs] + [onto]


@lru_cache(maxsize=1)
def _fixture_ntriples() -> tuple[tuple[str, bytes], ...]:
    return tuple((str(g.identifier), g.serialize(format="nt", encoding="utf-8")) for g in fixture_graphs())


def fixture_store(union: bool = False) -> MemoryStore:
    """The fixture graphs loaded into an in-memory store, one named graph each."""
    store = MemoryStore(union=union)
    for name, ntriples in _fixture_ntriples():
        store.add_graph(name, ntriples)
    return store


def test_every_fixture_quote_sits_at_its_offsets() -> None:
    for doc, claims in ((DOC_A, _claims_a()[0]), (DOC_B, _claims_b()), (DOC_C, _claims_c())):
        for claim in claims:
            ev = claim.evidence
            assert doc.text[ev.start : ev.end] == ev.quote


def test_fixture_store_has_one_named_graph_per_document_and_the_ontology() -> None:
    answer = fixture_store().select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    names = [str(row["g"]) for row in answer]
    assert names == sorted([str(ONTOLOGY_IRI)] + [f"https://w3id.org/mskg/id/doc/{d}" for d in "abc"])


def fixture_store_dir(root) -> None:  # type: ignore[no-untyped-def]
    """Write the fixture graphs into an embedded store directory, as `mskg build` would."""
    from mskg.stores.embedded import graph_nquads
    from mskg.stores.writer import StoreWriter

    with StoreWriter(root, fresh=True) as writer:
        for g in fixture_graphs():
            writer.replace_graph(str(g.identifier), graph_nquads(g, str(g.identifier)))
