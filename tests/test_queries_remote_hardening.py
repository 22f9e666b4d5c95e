"""Every saved query gives the same rows on a real `oxigraph serve` with the union default graph on
and off as on the embedded store: the queries' explicit GRAPH patterns make the default graph moot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mskg.queries import catalogue, run
from mskg.stores.base import Solutions
from mskg.stores.remote import RemoteStore
from mskg.stores.terms import to_oxigraph
from tests.conftest import OxigraphServer, free_port
from tests.test_queries_fixture import _fixture_ntriples, fixture_store

pytestmark = [pytest.mark.hardening, pytest.mark.server]


def _values(name: str) -> dict[str, str]:
    return {"document": "a"} if name == "comment-threads" else {}


def _rows(solutions: Solutions) -> list[dict[str, str]]:
    """Rows as canonical term text, so a plain literal equals its explicit xsd:string form."""
    return [{name: str(to_oxigraph(term)) for name, term in row.items()} for row in solutions]


def _loaded(location: Path, *extra: str) -> OxigraphServer:
    server = OxigraphServer(location=location, port=free_port())
    server.start(*extra)
    remote = RemoteStore.from_url(server.url, timeout=10)
    try:
        for name, ntriples in _fixture_ntriples():
            remote.put_graph(name, ntriples, len(ntriples.splitlines()))
    finally:
        remote.close()
    return server


@pytest.fixture(scope="module")
def remotes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, RemoteStore]]:
    servers = {"union-off": _loaded(tmp_path_factory.mktemp("off")),
               "union-on": _loaded(tmp_path_factory.mktemp("on"), "--union-default-graph")}
    stores = {key: RemoteStore.from_url(server.url, timeout=10) for key, server in servers.items()}
    yield stores
    for key, server in servers.items():
        stores[key].close()
        server.stop()


def test_the_union_server_really_answers_from_the_union(remotes: dict[str, RemoteStore]) -> None:
    bare = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(iter(remotes["union-off"].select(bare)))["n"]) == 0
    assert int(next(iter(remotes["union-on"].select(bare)))["n"]) > 0


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_a_saved_query_gives_the_embedded_rows_on_a_server_with_union_on_and_off(
        remotes: dict[str, RemoteStore], name: str) -> None:
    expected = _rows(run(catalogue()[name], fixture_store(), _values(name)))
    assert expected, name
    for key, remote in remotes.items():
        assert _rows(run(catalogue()[name], remote, _values(name))) == expected, (name, key)
