"""One compliance suite for both stores: the embedded pyoxigraph store and a real `oxigraph serve`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from mskg.errors import QueryError
from mskg.stores import Store, open_store
from tests.test_store_embedded import EX, G1, G2, small_graph, write

QUERY = f"SELECT ?s ?l WHERE {{ GRAPH ?g {{ ?s <{EX}label> ?l }} }} ORDER BY ?s ?l"


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.server)])
def store(request, tmp_path: Path) -> Iterator[Store]:
    one, two = small_graph(G1, "natural killer cell", 'say "hi"\n'), small_graph(G2, "B cell")
    if request.param == "embedded":
        write(tmp_path, one, two)
        opened = open_store(tmp_path)
    else:
        server = request.getfixturevalue("oxigraph_server")
        opened = open_store(endpoint=server.url)
        opened.replace_graph(G1, one)
        opened.replace_graph(G2, two)
    yield opened
    opened.close()


def test_graph_names_and_counts(store: Store) -> None:
    assert store.graph_names() == [G1, G2]
    assert (store.count(G1), store.count(G2), store.count()) == (2, 1, 3)


def test_select_returns_rdflib_terms_in_order(store: Store) -> None:
    solutions = store.select(QUERY)
    assert solutions.variables == ("s", "l")
    rows = [(r["s"], r["l"]) for r in solutions]
    assert rows == [(URIRef(f"{EX}s0"), Literal("B cell")), (URIRef(f"{EX}s0"), Literal("natural killer cell")),
                    (URIRef(f"{EX}s1"), Literal('say "hi"\n'))]


def test_a_bound_term_filters_and_a_hostile_one_matches_nothing(store: Store) -> None:
    assert [str(r["s"]) for r in store.select(QUERY, {"l": Literal("B cell")})] == [f"{EX}s0"]
    assert list(store.select(QUERY, {"l": Literal('B cell" } UNION { ?s ?p ?l } #')})) == []
    assert store.count() == 3


def test_an_unprojected_binding_still_binds(store: Store) -> None:
    query = f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s <{EX}label> ?l }} }}"
    assert [str(r["s"]) for r in store.select(query, {"l": Literal("B cell")})] == [f"{EX}s0"]


def test_replacing_a_graph_is_whole_and_idempotent(store: Store) -> None:
    store.replace_graph(G1, small_graph(G1, "only this"))
    once = store.quads()
    store.replace_graph(G1, small_graph(G1, "only this"))
    assert store.quads() == once
    assert store.count(G1) == 1


def test_updates_are_refused(store: Store) -> None:
    with pytest.raises(QueryError):
        store.select("CLEAR ALL")
    assert store.count() == 3
