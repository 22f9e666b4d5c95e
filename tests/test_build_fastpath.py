"""The build's fast paths give what the plain rdflib paths give: same triples, edges, N-Quads, verdicts."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDFS

from mskg.errors import InputError
from mskg.extract.documents import read_document
from mskg.extract.pipeline import extract
from mskg.extract.rdf import document_graph, document_triples
from mskg.build import built
from mskg.ontology.fastcheck import check_many
from mskg.ontology.rules import derive_direct_edges, direct_edges, direct_edges_rule, rule_reads
from mskg.stores.ntriples import TermTexts, graph_nquads
from tests.build_helpers import hand_made_graph
from tests.data import SEED_FILE


@pytest.fixture(scope="module")
def seed_extraction():
    return extract(read_document(SEED_FILE))


def test_document_triples_and_document_graph_hold_the_same_triples(seed_extraction) -> None:
    e = seed_extraction
    triples = document_triples(e.document, e.claims, e.gaps)
    graph = document_graph(e.document, e.claims, e.gaps)
    assert set(triples) == set(graph) and len(triples) == len(graph) > 100
    assert triples.identifier == graph.identifier


def test_direct_edges_on_pyoxigraph_equal_rdflibs_evaluation_of_the_rule(seed_extraction) -> None:
    e = seed_extraction
    graph = document_graph(e.document, e.claims, e.gaps)
    expected = set(graph.query(direct_edges_rule()))
    assert expected, "the seed has positive asserted findings"
    assert set(direct_edges(graph)) == expected


def test_deriving_edges_twice_adds_nothing_new() -> None:
    graph = hand_made_graph("post-a")
    before = len(graph)
    assert len(derive_direct_edges(graph)) == before


def test_n_quads_of_triples_and_of_the_graph_are_the_same_lines(seed_extraction) -> None:
    e = seed_extraction
    triples = document_triples(e.document, e.claims, e.gaps)
    graph = document_graph(e.document, e.claims, e.gaps)
    name = str(graph.identifier)
    shared = TermTexts()
    lines = graph_nquads(triples, name, shared).splitlines()
    assert sorted(lines) == sorted(graph_nquads(graph, name).splitlines())
    assert graph_nquads(triples, name, shared).splitlines() == lines
    parsed = {str(q) for q in ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_QUADS)}
    assert len(parsed) == len(lines)


def test_a_problem_about_a_blank_node_is_attributed_to_its_graph() -> None:
    good = hand_made_graph("post-a")
    odd = hand_made_graph("post-b")
    finding = next(s for s in odd.subjects() if "/finding/" in str(s))
    odd.remove((finding, None, None))
    blank = BNode("b0")
    odd.add((blank, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://w3id.org/mskg/Finding")))
    found = check_many([("good", good), ("odd", odd)])
    assert not found["good"]
    assert {p.shape for p in found["odd"] if p.focus == "b0"} >= {"FindingSubject", "FindingEvidence"}


def test_an_iri_n_triples_cannot_hold_is_an_input_error_naming_the_source() -> None:
    graph = Graph()
    graph.add((URIRef("https://w3id.org/mskg/id/x y"), RDFS.label, Literal("x")))
    with pytest.raises(InputError) as info:
        check_many([("broken.ttl", graph)])
    assert info.value.path == "broken.ttl" and "x y" in info.value.message


def test_direct_edges_from_the_lines_the_rule_reads_equal_those_from_the_whole_graph(seed_extraction) -> None:
    e = seed_extraction
    graph = document_graph(e.document, e.claims, e.gaps)
    triples = document_triples(e.document, e.claims, e.gaps)
    assert rule_reads() is not None and len(rule_reads()) == 7
    assert set(direct_edges(triples, TermTexts())) == set(direct_edges(graph))


def test_built_n_quads_of_triples_with_edges_equal_those_of_the_graph(seed_extraction) -> None:
    e = seed_extraction
    texts = TermTexts()
    triples = derive_direct_edges(document_triples(e.document, e.claims, e.gaps), texts)
    graph = derive_direct_edges(document_graph(e.document, e.claims, e.gaps))
    assert check_many([("seed", triples)], texts) == check_many([("seed", graph)])
    made, expected = built(SEED_FILE, triples, texts=texts), built(SEED_FILE, graph)
    assert sorted(made.nquads.splitlines()) == sorted(expected.nquads.splitlines())
    assert (made.findings, made.evidence) == (expected.findings, expected.evidence) > (0, 0)


def test_a_suspect_literal_in_triples_is_quarantined_like_in_a_graph(seed_extraction) -> None:
    e = seed_extraction
    triples = document_triples(e.document, e.claims, e.gaps)
    graph = document_graph(e.document, e.claims, e.gaps)
    segment = next(s for s, p, _ in graph if str(p) == "https://w3id.org/mskg/start")
    bad = (segment, URIRef("https://w3id.org/mskg/commentIndex"), Literal("first"))
    triples.add(bad)
    graph.add(bad)
    assert check_many([("seed", triples)])["seed"] == check_many([("seed", graph)])["seed"] != []
