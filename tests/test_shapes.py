"""The shapes: good fixtures conform, each bad fixture fires exactly the shape it names.

A bad fixture is the good post (`# base:`) minus some statements (`# drop: SUBJECT PREDICATE`,
`*` for every predicate) plus the Turtle in the file; `# expect: SHAPE message fragment`
lines say which shape must fire and what its message must say.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SH

from mskg.ontology.validation import ValidationResult, ontology_context, shapes_graph, validate
from tests.data import DATA_DIR

SHAPES_DATA = DATA_DIR / "shapes"
GOOD = sorted((SHAPES_DATA / "good").glob("*.ttl"))
BAD = sorted((SHAPES_DATA / "bad").glob("*.ttl"))


def _headers(path: Path, key: str) -> list[str]:
    prefix = f"# {key}:"
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line[len(prefix):].strip() for line in lines if line.startswith(prefix)]


def load_fixture(path: Path) -> Graph:
    """The fixture's graph: its base minus its drops, plus its own Turtle."""
    graph = Graph()
    for base in _headers(path, "base"):
        graph.parse(SHAPES_DATA / base, format="turtle")
    for drop in _headers(path, "drop"):
        subject, predicate = (graph.namespace_manager.expand_curie(t) if t != "*" else None
                              for t in drop.split())
        graph.remove((subject, predicate, None))
    text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.startswith("# "))
    graph.parse(data=text, format="turtle")
    return graph


@lru_cache(maxsize=None)
def reference(path: Path) -> ValidationResult:
    """pySHACL's result for a fixture, computed once per test session."""
    return validate(load_fixture(path))


def expectations(path: Path) -> list[tuple[str, str]]:
    """(shape, message fragment) pairs from the fixture's `# expect:` lines."""
    return [tuple(line.split(" ", 1)) for line in _headers(path, "expect")]  # type: ignore[misc]


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_good_fixture_conforms_without_any_result(path: Path) -> None:
    result = reference(path)
    assert result.conforms
    assert result.lines() == []


def test_there_are_at_least_twenty_bad_fixtures() -> None:
    assert len(BAD) >= 20


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_fires_exactly_its_shape_and_message(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no '# expect:' line"
    result = reference(path)
    problems = result.problems
    assert {p.shape for p in problems} == {shape for shape, _ in expected}
    assert result.conforms == (_headers(path, "conforms") == ["yes"])
    for shape, fragment in expected:
        messages = [p.message for p in problems if p.shape == shape]
        assert any(fragment in m for m in messages), messages


def _targets(shapes: Graph, shape: URIRef, data: Graph) -> set:
    found = set()
    for cls in shapes.objects(shape, SH.targetClass):
        classes = set(data.transitive_subjects(RDFS.subClassOf, cls))
        found |= {s for c in classes for s in data.subjects(RDF.type, c)}
    for prop in shapes.objects(shape, SH.targetObjectsOf):
        found |= set(data.objects(None, prop))
    for prop in shapes.objects(shape, SH.targetSubjectsOf):
        found |= set(data.subjects(prop, None))
    return found


def shapes_without_focus(shapes: Graph) -> list:
    """The node shapes that target nothing in the good fixtures (a misspelt target, say)."""
    data = Graph()
    for path in GOOD:
        data += load_fixture(path)
    data += ontology_context(data)
    return [s for s in shapes.subjects(RDF.type, SH.NodeShape) if not _targets(shapes, s, data)]


def test_every_node_shape_has_a_focus_node_in_the_good_fixtures() -> None:
    assert shapes_without_focus(shapes_graph()) == []


def test_every_property_shape_and_sparql_constraint_belongs_to_a_node_shape() -> None:
    shapes = shapes_graph()
    attached = set(shapes.objects(None, SH.property)) | set(shapes.objects(None, SH.sparql))
    declared = set(shapes.subjects(RDF.type, SH.PropertyShape))
    declared |= set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    assert declared - attached == set()
    assert attached - declared == set()


def test_every_shape_and_constraint_has_a_message() -> None:
    shapes = shapes_graph()
    checked = set(shapes.subjects(RDF.type, SH.PropertyShape))
    checked |= set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    assert [s for s in checked if shapes.value(s, SH.message) is None] == []
