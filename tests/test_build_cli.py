"""`mskg build` end to end with a stand-in extractor: summaries, exit codes, store left intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from mskg import build as build_module
from mskg.cli import cli
from mskg.extract.documents import read_document
from mskg.namespaces import MSKG
from mskg.stores import open_store
from tests.build_helpers import TEXT, hand_made_graph


def stand_in(path: Path) -> tuple[Graph, tuple[str, ...]]:
    """The real reader, then one hand-made finding (the extractor is tested elsewhere)."""
    doc = read_document(path)
    graph = hand_made_graph(doc.id, doc.text)
    if "BROKEN" in doc.text:
        graph.remove((None, MSKG.certainty, None))
    return graph, ()


@pytest.fixture(autouse=True)
def _stand_in_extractor(monkeypatch) -> None:
    monkeypatch.setattr(build_module, "document_graph_for", stand_in)


def posts(folder: Path, *names: str, text: str = TEXT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["build", *args])
    return result.exit_code, result.stdout, result.stderr


def test_build_reports_each_document_and_the_totals_on_stderr(tmp_path: Path) -> None:
    code, out, err = run(str(posts(tmp_path / "in", "post-a", "post-b")), "--store", str(tmp_path / "s"))
    assert code == 0, err
    assert out == ""
    lines = err.splitlines()
    assert lines[0].endswith("post-a.txt: 1 findings, 1 evidence, 0 notices")
    assert lines[-1].startswith("built 2 documents: 2 findings, 2 evidence, 0 notices")


def test_the_store_option_falls_back_to_the_environment(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MSKG_STORE", str(tmp_path / "from-env"))
    assert run(str(posts(tmp_path / "in", "post-a")))[0] == 0
    assert open_store(tmp_path / "from-env").count() > 0


def test_parallel_and_serial_builds_store_the_same_quads(tmp_path: Path) -> None:
    folder = posts(tmp_path / "in", *(f"post-{i}" for i in range(6)))
    run(str(folder), "--store", str(tmp_path / "one"), "--jobs", "1")
    run(str(folder), "--store", str(tmp_path / "two"), "--jobs", "2")
    assert open_store(tmp_path / "one").quads() == open_store(tmp_path / "two").quads()


def test_a_non_conforming_document_is_exit_1_and_stores_nothing(tmp_path: Path) -> None:
    store = tmp_path / "s"
    run(str(posts(tmp_path / "in", "post-a")), "--store", str(store))
    before = open_store(store).quads()
    posts(tmp_path / "in", "post-b", text=TEXT + " BROKEN")
    code, _, err = run(str(tmp_path / "in"), "--store", str(store))
    assert code == 1
    assert "post-b.txt" in err and len(err.splitlines()) == 1
    assert open_store(store).quads() == before


@pytest.mark.hardening
@pytest.mark.parametrize("name, content, where", [
    ("broken.ttl", b"@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b ", "broken.ttl:3:"),
    ("broken.trig", b"<http://example.org/g> {\n <http://example.org/a> <http://example.org/b> ", "broken.trig:2:"),
    ("binary.txt", b"\x00\x01\x02\xff\xfe" * 100, "binary.txt:1:1"),
])
def test_bad_input_is_exit_2_and_leaves_the_store_unchanged(tmp_path: Path, name: str, content: bytes, where: str) -> None:
    store = tmp_path / "s"
    folder = posts(tmp_path / "in", "post-a")
    run(str(folder), "--store", str(store))
    before = open_store(store).quads()
    (tmp_path / name).write_bytes(content)
    code, _, err = run(str(folder), str(tmp_path / name), "--store", str(store))
    assert code == 2
    assert where in err and len(err.splitlines()) == 1
    assert open_store(store).quads() == before


def test_a_curated_trig_file_is_stored_in_its_named_graph(tmp_path: Path) -> None:
    trig = tmp_path / "curated.trig"
    trig.write_text("<https://w3id.org/mskg/id/graph/curated> {\n"
                    " <https://w3id.org/mskg/id/person/x> <http://www.w3.org/2000/01/rdf-schema#label> \"X\" .\n}\n")
    code, _, err = run(str(posts(tmp_path / "in", "post-a")), str(trig), "--store", str(tmp_path / "s"))
    assert code == 0, err
    assert open_store(tmp_path / "s").count("https://w3id.org/mskg/id/graph/curated") == 1


def test_a_graph_file_with_blank_nodes_is_refused(tmp_path: Path) -> None:
    ttl = tmp_path / "blank.ttl"
    ttl.write_text("[] <http://www.w3.org/2000/01/rdf-schema#label> \"X\" .\n")
    code, _, err = run(str(ttl), "--store", str(tmp_path / "s"))
    assert code == 2 and "blank nodes" in err


def test_two_files_with_one_document_id_are_refused(tmp_path: Path) -> None:
    posts(tmp_path / "a", "post")
    posts(tmp_path / "b", "post")
    code, _, err = run(str(tmp_path / "a"), str(tmp_path / "b"), "--store", str(tmp_path / "s"))
    assert code == 2 and "document id 'post'" in err
