"""Remote-only behaviour; the shared behaviour is in test_store_compliance.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from mskg.errors import StoreUnavailableError
from mskg.stores import open_store
from mskg.stores.remote import Endpoint, RemoteStore
from tests.conftest import free_port
from tests.test_store_embedded import G1, G2, small_graph, write

pytestmark = pytest.mark.server


def test_a_replaced_graph_reads_back_as_the_same_quads(oxigraph_server, tmp_path: Path) -> None:
    remote = open_store(endpoint=oxigraph_server.url)
    one, two = small_graph(G1, 'quote " and \\ and\nnewline', "b"), small_graph(G2, "x")
    remote.replace_graph(G1, one)
    remote.replace_graph(G2, two)
    write(tmp_path, one, two)
    assert remote.quads() == open_store(tmp_path).quads()
    assert remote.graph_names() == [G1, G2]
    assert (remote.count(G1), remote.count()) == (2, 3)


def test_an_unreachable_endpoint_is_one_clear_error() -> None:
    remote = RemoteStore(Endpoint.from_url(f"http://127.0.0.1:{free_port()}"), timeout=2, retries=1, backoff=0.01)
    with pytest.raises(StoreUnavailableError, match="connection refused"):
        remote.count()
    with pytest.raises(StoreUnavailableError, match="PUT graph"):
        remote.replace_graph(G1, small_graph(G1, "a"))


def test_endpoint_layouts() -> None:
    assert Endpoint.from_url("http://h:7878/query") == Endpoint("http://h:7878/query", "http://h:7878/store")
    fuseki = Endpoint.from_url("http://h:3030/ds", query_url="http://h:3030/ds/query", store_url="http://h:3030/ds/data")
    assert fuseki.store_url.endswith("/ds/data")
