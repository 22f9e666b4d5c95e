"""Every CLI error is one line on stderr with a non-zero exit, never a traceback: regressions
found by feeding each command hostile arguments by hand."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import mskg.export
from mskg.build import write_store
from mskg.cli import cli
from mskg.stores import open_store
from mskg.stores.writer import StoreWriter
from tests.build_helpers import hand_made
from tests.conftest import free_port

pytestmark = pytest.mark.hardening


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="mskg")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def one_line(err: str) -> str:
    (line,) = err.splitlines()
    assert line.startswith("mskg: ") and "Traceback" not in line
    return line


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store")
    write_store(root, [hand_made("doc-a")])
    return root


@pytest.mark.parametrize("url", ["notaurl", "ftp://example.org/sparql", "http://[::1", "http://curator:s3cret@[::1",
                                 "http://example.org:port/sparql", "http:///sparql"])
@pytest.mark.parametrize("command", ["load", "query"])
def test_a_malformed_endpoint_url_is_bad_input_in_one_line(store: Path, command: str, url: str) -> None:
    args = ["adverse-effects"] if command == "query" else []
    code, out, err = run(command, *args, "--endpoint", url, "--store", str(store))
    assert code == 2 and out == ""
    line = one_line(err)
    assert "not an http:// or https:// URL with a host" in line
    assert "s3cret" not in line and "curator" not in line


def test_load_refuses_a_file_of_unknown_type_before_any_request(tmp_path: Path) -> None:
    path = tmp_path / "claims.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    code, _, err = run("load", str(path), "--endpoint", "http://127.0.0.1:9")
    assert code == 2
    assert one_line(err) == f"mskg: {path}: unknown RDF file type '.pdf'; expected .ttl, .trig, .nt, .nq"


def test_export_into_a_missing_folder_is_one_line_and_writes_nothing(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "graph.ttl"
    code, out, err = run("export", "--format", "ttl", "--output", str(target), "--store", str(store))
    assert code == 2 and out == ""
    assert one_line(err) == f"mskg: {target}: cannot write here: No such file or directory"
    assert not target.parent.exists()


def test_a_store_folder_that_cannot_be_created_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "post.txt").write_text("Mitoxantrone increased the number of NK cells.\n", encoding="utf-8")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = run("build", str(tmp_path / "post.txt"), "--store", str(blocker / "store"))
    assert code == 3
    assert one_line(err).startswith(f"mskg: {blocker / 'store'}: cannot create the store directory")


@pytest.mark.parametrize("args, expected", [
    (["no-such-command"], "mskg: No such command 'no-such-command'. (see mskg --help)"),
    (["--bogus"], "mskg: No such option '--bogus'. (see mskg --help)"),
    (["query"], "mskg: query: Missing argument 'NAME|FILE.rq'. (see mskg query --help)"),
    (["export", "--format", "xml"], "mskg: export: Invalid value for '--format': 'xml' is not one of 'ttl', 'trig', "
                                    "'nq', 'jsonld'. (see mskg export --help)"),
    (["build", "--jobs", "0"], "mskg: build: Invalid value for '--jobs' / '-j': 0 is not in the range x>=1. "
                               "(see mskg build --help)"),
    (["ontology", "stats", "extra"], "mskg: ontology stats: Got unexpected extra argument (extra) "
                                     "(see mskg ontology stats --help)"),
], ids=["command", "option", "argument", "choice", "range", "nested"])
def test_a_usage_error_is_one_line_exit_2(args: list[str], expected: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert one_line(err) == expected


def test_a_bare_command_group_still_shows_its_help() -> None:
    code, _, err = run("ontology")
    assert code == 2 and err.startswith("Usage: mskg ontology")


@pytest.mark.parametrize("name, args", [
    ("post.txt", ["build", "{path}", "--store", "{tmp}/store"]),
    ("claims.csv", ["validate", "{path}", "--store", "{tmp}/store"]),
    ("claims.ttl", ["validate", "{path}", "--store", "{tmp}/store"]),
    ("curated.ttl", ["load", "{path}", "--endpoint", "http://127.0.0.1:9"]),
    ("mine.rq", ["query", "{path}", "--store", "{tmp}/store"]),
    ("edited.ttl", ["ontology", "stats", "--file", "{path}"]),
], ids=["build", "validate-csv", "validate-ttl", "load", "query", "ontology"])
def test_a_named_pipe_is_refused_instead_of_blocking(tmp_path: Path, name: str, args: list[str]) -> None:
    path = tmp_path / name
    os.mkfifo(path)
    code, _, err = run(*(a.format(path=path, tmp=tmp_path) for a in args))
    assert code == 2
    assert one_line(err).startswith(f"mskg: {path}: not a regular file")


def test_a_query_url_alone_goes_to_that_server_not_silently_to_the_local_store(store: Path) -> None:
    port = free_port()
    code, out, err = run("query", "adverse-effects", "--query-url", f"http://127.0.0.1:{port}/sparql",
                         "--store", str(store), "--timeout", "2")
    assert code == 3 and out == ""
    assert one_line(err).startswith(f"mskg: endpoint http://127.0.0.1:{port}/sparql: connection refused")


def damage(store: Path) -> None:
    """Cut every table file of the active generation short, as a failing disk would."""
    tables = list((store / "active").resolve().glob("*.sst"))
    assert tables, "the store has no table files to damage"
    for table in tables:
        table.write_bytes(table.read_bytes()[:100])


def test_a_damaged_store_is_one_line_and_build_clean_replaces_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    write_store(store, [hand_made("doc-a")])
    damage(store)
    for args in (["findings"], ["export", "--format", "nq"], ["query", "adverse-effects"]):
        code, out, err = run(*args, "--store", str(store))
        assert code == 3 and out == ""
        assert "store is damaged, rebuild it with `mskg build --clean`" in one_line(err)
    (tmp_path / "post.txt").write_text("Mitoxantrone increased the number of NK cells.\n", encoding="utf-8")
    code, _, err = run("build", str(tmp_path / "post.txt"), "--store", str(store), "--jobs", "1", "--clean")
    assert code == 0, err
    code, out, _ = run("findings", "--format", "csv", "--store", str(store))
    assert code == 0 and "mitoxantrone" in out


def test_a_users_query_saved_with_a_bom_runs(store: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_bytes("\ufeffSELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1\n".encode("utf-8"))
    code, out, err = run("query", str(path), "--store", str(store), "--format", "csv")
    assert code == 0, err
    assert out.splitlines()[0] == "g" and len(out.splitlines()) == 2


def test_a_full_disk_during_export_keeps_the_old_file(store: Path, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "graph.nq"
    target.write_text("the previous export\n", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(mskg.export, "serialise", full)
    code, _, err = run("export", "--format", "nq", "--output", str(target), "--store", str(store))
    assert code == 2
    assert one_line(err) == f"mskg: {target}: cannot write here: No space left on device"
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nq"]


def test_a_full_disk_during_a_build_is_one_line_and_keeps_the_old_store(tmp_path: Path, monkeypatch) -> None:
    store = tmp_path / "store"
    write_store(store, [hand_made("doc-a")])
    before = open_store(store).quads()

    def full(self: StoreWriter, nquads: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(StoreWriter, "load", full)
    (tmp_path / "post.txt").write_text("Mitoxantrone increased the number of NK cells.\n", encoding="utf-8")
    code, _, err = run("build", str(tmp_path / "post.txt"), "--store", str(store), "--jobs", "1")
    assert code == 3
    assert one_line(err) == f"mskg: {store}: cannot write the store: No space left on device"
    assert open_store(store).quads() == before
