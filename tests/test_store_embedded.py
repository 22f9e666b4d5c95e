"""The embedded store: graphs replaced whole, terms bound as terms, nothing half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from mskg.errors import QueryError, StoreUnavailableError
from mskg.stores import open_store
from mskg.stores.embedded import graph_nquads
from mskg.stores.writer import StoreWriter

G1 = "https://w3id.org/mskg/id/doc/one"
G2 = "https://w3id.org/mskg/id/doc/two"
EX = "http://example.org/"


def small_graph(name: str, *labels: str) -> Graph:
    g = Graph(identifier=URIRef(name))
    for i, label in enumerate(labels):
        g.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}label"), Literal(label)))
    return g


def write(root: Path, *graphs: Graph) -> None:
    with StoreWriter(root) as writer:
        for g in graphs:
            writer.replace_graph(str(g.identifier), graph_nquads(g, str(g.identifier)))


def test_a_written_graph_can_be_read_back(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "natural killer cell", "B cell"))
    store = open_store(tmp_path)
    assert store.graph_names() == [G1]
    assert store.count(G1) == 2
    assert store.count() == 2


def test_replacing_a_graph_leaves_no_old_triples(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "a", "b"), small_graph(G2, "x"))
    write(tmp_path, small_graph(G1, "c"))
    store = open_store(tmp_path)
    rows = list(store.select(f"SELECT ?l WHERE {{ GRAPH <{G1}> {{ ?s ?p ?l }} }}"))
    assert [str(r["l"]) for r in rows] == ["c"]
    assert store.count(G2) == 1


def test_writing_twice_gives_the_same_quads(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "a", "b"))
    before = open_store(tmp_path).quads()
    write(tmp_path, small_graph(G1, "a", "b"))
    assert open_store(tmp_path).quads() == before


def test_a_failed_write_leaves_the_old_store(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "a"))
    before = open_store(tmp_path).quads()
    with pytest.raises(RuntimeError):
        with StoreWriter(tmp_path) as writer:
            writer.replace_graph(G1, graph_nquads(small_graph(G1, "b"), G1))
            raise RuntimeError("extraction failed halfway")
    assert open_store(tmp_path).quads() == before


def test_a_bound_value_with_quotes_and_braces_stays_one_literal(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "a"))
    hostile = Literal('x" } ; DROP ALL ; #')
    query = f"SELECT ?s WHERE {{ GRAPH <{G1}> {{ ?s <{EX}label> ?l }} }}"
    assert list(open_store(tmp_path).select(query, {"l": hostile})) == []
    assert [str(r["s"]) for r in open_store(tmp_path).select(query, {"l": Literal("a")})] == [f"{EX}s0"]


def test_select_reports_unbound_variables_as_absent(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "a"))
    solutions = open_store(tmp_path).select("SELECT ?x ?y WHERE { VALUES ?x { 1 } }")
    assert solutions.variables == ("x", "y")
    assert [set(r) for r in solutions] == [{"x"}]


def test_an_update_is_refused_as_a_query_error(tmp_path: Path) -> None:
    write(tmp_path, small_graph(G1, "a"))
    with pytest.raises(QueryError) as err:
        open_store(tmp_path).select("DROP ALL")
    assert err.value.line == 1


def test_opening_a_store_that_was_never_built_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailableError, match="mskg build"):
        open_store(tmp_path / "nothing")


def test_old_generations_are_pruned(tmp_path: Path) -> None:
    for label in "abcd":
        write(tmp_path, small_graph(G1, label))
    assert len(list((tmp_path / "generations").iterdir())) == 2
