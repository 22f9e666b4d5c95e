"""A store directory held by a running `oxigraph serve` is "in use": a clear error, no damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from mskg.build import write_store
from mskg.errors import StoreUnavailableError
from mskg.stores import open_store
from tests.build_helpers import hand_made
from tests.conftest import OxigraphServer, free_port

pytestmark = [pytest.mark.hardening, pytest.mark.server]


def test_building_into_a_store_served_by_oxigraph_is_store_in_use(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    before = open_store(tmp_path).quads()
    server = OxigraphServer(location=tmp_path / "active", port=free_port())
    server.start()
    try:
        with pytest.raises(StoreUnavailableError, match="store in use") as err:
            write_store(tmp_path, [hand_made("doc-b")])
        assert err.value.exit_code == 3
        assert open_store(tmp_path).quads() == before
    finally:
        server.stop()
    write_store(tmp_path, [hand_made("doc-b")])
    assert hand_made("doc-b").graph_name in open_store(tmp_path).graph_names()


def test_a_bare_oxigraph_database_in_use_is_store_in_use(tmp_path: Path) -> None:
    server = OxigraphServer(location=tmp_path, port=free_port())
    server.start()
    try:
        with pytest.raises(StoreUnavailableError, match="store in use"):
            write_store(tmp_path, [hand_made("doc-a")])
    finally:
        server.stop()
    with pytest.raises(StoreUnavailableError, match="bare Oxigraph database"):
        write_store(tmp_path, [hand_made("doc-a")])
