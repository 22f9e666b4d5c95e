"""`mskg load` into a real `oxigraph serve`: exact copies, idempotent, survives a server crash."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.build import write_store
from mskg.cli import cli
from mskg.stores import open_store
from tests.build_helpers import hand_made
from tests.conftest import free_port
from tests.data import ROOT

pytestmark = pytest.mark.server


def load(store: Path, url: str, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["load", "--endpoint", url, "--store", str(store), *extra])
    return result.exit_code, result.output


@pytest.fixture
def store(tmp_path: Path) -> Path:
    write_store(tmp_path / "store", [hand_made("doc-a"), hand_made("doc-b")])
    return tmp_path / "store"


def test_a_load_makes_the_remote_an_exact_copy(store: Path, oxigraph_server) -> None:
    code, output = load(store, oxigraph_server.url)
    assert code == 0, output
    assert "loaded 3 graphs" in output
    assert open_store(endpoint=oxigraph_server.url).quads() == open_store(store).quads()


def test_reloading_is_idempotent(store: Path, oxigraph_server) -> None:
    load(store, oxigraph_server.url)
    first = open_store(endpoint=oxigraph_server.url).quads()
    assert load(store, oxigraph_server.url)[0] == 0
    assert open_store(endpoint=oxigraph_server.url).quads() == first


def test_prune_removes_graphs_the_local_store_dropped(tmp_path: Path, oxigraph_server) -> None:
    write_store(tmp_path / "s", [hand_made("doc-a"), hand_made("doc-b")])
    load(tmp_path / "s", oxigraph_server.url)
    write_store(tmp_path / "s", [hand_made("doc-a")], clean=True)
    code, output = load(tmp_path / "s", oxigraph_server.url, "--prune")
    assert code == 0, output
    assert open_store(endpoint=oxigraph_server.url).quads() == open_store(tmp_path / "s").quads()


def test_an_unreachable_endpoint_is_exit_3_and_one_line(store: Path) -> None:
    code, output = load(store, f"http://127.0.0.1:{free_port()}", "--retries", "1", "--timeout", "2")
    assert code == 3
    assert output.count("\n") == 1
    assert "connection refused" in output and "127.0.0.1" in output


LOAD_SCRIPT = "from mskg.cli import main; main()"


@pytest.mark.hardening
def test_a_server_stopped_midway_then_restarted_ends_with_an_exact_copy(tmp_path: Path, oxigraph_server) -> None:
    write_store(tmp_path / "big", [hand_made(f"doc-{i:03d}") for i in range(300)])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", LOAD_SCRIPT, "load", "--endpoint", oxigraph_server.url,
           "--store", str(tmp_path / "big"), "--retries", "1", "--timeout", "5"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    remote = open_store(endpoint=oxigraph_server.url, timeout=5)
    deadline = time.monotonic() + 60
    while remote.count() < 3000 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    oxigraph_server.stop()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 3, err
    assert err.count("\n") == 1 and "endpoint" in err
    oxigraph_server.start()
    code, output = load(tmp_path / "big", oxigraph_server.url)
    assert code == 0, output
    assert open_store(endpoint=oxigraph_server.url).quads() == open_store(tmp_path / "big").quads()


CURATED = ("<https://w3id.org/mskg/id/graph/curated> {\n"
           " <https://w3id.org/mskg/id/person/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X\" .\n}\n")


def test_curated_files_load_into_their_named_graphs(tmp_path: Path, oxigraph_server) -> None:
    (tmp_path / "curated.trig").write_text(CURATED, encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "curated.trig"), "--endpoint", oxigraph_server.url])
    assert result.exit_code == 0, result.output
    assert open_store(endpoint=oxigraph_server.url).quads() == [
        '<https://w3id.org/mskg/id/person/x> <http://www.w3.org/2000/01/rdf-schema#label> "X" '
        "<https://w3id.org/mskg/id/graph/curated> ."]


@pytest.mark.hardening
def test_a_file_broken_halfway_loads_nothing(tmp_path: Path, store: Path, oxigraph_server) -> None:
    load(store, oxigraph_server.url)
    before = open_store(endpoint=oxigraph_server.url).quads()
    (tmp_path / "good.trig").write_text(CURATED, encoding="utf-8")
    (tmp_path / "broken.trig").write_text(CURATED + "<https://w3id.org/mskg/id/graph/b> {\n <a:b> <a:c> ", encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "good.trig"), str(tmp_path / "broken.trig"),
                                      "--endpoint", oxigraph_server.url])
    assert result.exit_code == 2
    assert "broken.trig:5:" in result.output and result.output.count("\n") == 1
    assert open_store(endpoint=oxigraph_server.url).quads() == before
