"""The compiled fast path gives the same results as pySHACL, and the build-facing API around it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from mskg.errors import BrokenShapesError, NonConformingError
from mskg.ontology.fastcheck import check_many, compile_shapes
from mskg.ontology.validation import ensure_conforms, ensure_conforms_many, parse_shapes
from tests.test_shapes import BAD, GOOD, SHAPES_DATA, load_fixture, reference

OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")


def _key(problems) -> set:
    return {(p.focus, p.shape, p.severity, p.value, p.message) for p in problems}


@pytest.mark.parametrize("path", GOOD + BAD, ids=[p.stem for p in GOOD + BAD])
def test_fast_path_and_pyshacl_agree_on_every_fixture(path: Path) -> None:
    graph = load_fixture(path)
    assert _key(check_many([("f", graph)])["f"]) == _key(reference(path).problems)


def renamed(graph: Graph, prefix: str) -> Graph:
    """The graph with every instance IRI moved under id:<prefix>, like another document's."""
    def move(term):
        text = str(term)
        return URIRef(text.replace("/mskg/id/", f"/mskg/id/{prefix}")) if "/mskg/id/" in text else term
    out = Graph()
    for triple in graph:
        out.add(tuple(move(t) if isinstance(t, URIRef) else t for t in triple))
    return out


def test_problems_are_attributed_to_the_graph_they_come_from() -> None:
    good = load_fixture(GOOD[0])
    bad = renamed(load_fixture(SHAPES_DATA / "bad" / "quote_differs_from_text.ttl"), "b-")
    found = check_many([("good.txt", good), ("bad.txt", bad)])
    assert found["good.txt"] == []
    assert [p.shape for p in found["bad.txt"]] == ["QuoteMatchesText"]


def test_ensure_conforms_passes_a_good_graph() -> None:
    ensure_conforms(load_fixture(GOOD[0]), source="post.txt")


def test_ensure_conforms_names_the_source_and_lists_every_violation() -> None:
    graph = load_fixture(GOOD[0])
    graph.set((URIRef("https://w3id.org/mskg/id/evidence/e1/quote"), OA_EXACT, Literal("Mitoxantrone decreases NK cells")))
    with pytest.raises(NonConformingError) as caught:
        ensure_conforms_many([("good.txt", renamed(load_fixture(GOOD[0]), "g-")), ("post.txt", graph)])
    assert caught.value.path == "post.txt"
    assert caught.value.exit_code == 1
    assert len(caught.value.lines) == 1
    assert caught.value.lines[0].startswith("post.txt: id:evidence/e1: violation: evidence id:evidence/e1 quotes")


def test_warnings_alone_do_not_stop_a_build() -> None:
    ensure_conforms(load_fixture(SHAPES_DATA / "bad" / "only_hypothetical_evidence.ttl"), source="post.txt")


SHAPE_WITH_OR = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property [ sh:path ex:p ; sh:or ( [ sh:datatype ex:a ] [ sh:datatype ex:b ] ) ; sh:message "x" ] .
"""


def test_a_shape_the_fast_path_cannot_compile_is_refused_not_skipped() -> None:
    with pytest.raises(BrokenShapesError, match="cannot compile .*#or"):
        compile_shapes(parse_shapes(SHAPE_WITH_OR, source="or.ttl"))


def test_problems_with_and_without_a_path_sort_on_both_paths() -> None:
    from mskg.ontology.validation import Problem

    bare = Problem("id:f", "mskg:S", "Violation", None, None, "no path")
    on_path = Problem("id:f", "mskg:S", "Violation", "mskg:quote", "x", "a path")
    assert sorted([on_path, bare], key=Problem.sort_key) == [bare, on_path]
