"""Issue 3's bad input through the real `mskg build`: one line naming the file, a non-zero exit and
nothing written (same quads, same files in the store folder); a post naming no known entity is a
notice, not an error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.cli import cli
from mskg.stores import open_store
from tests.data import SEED_FILE
from tests.test_validate_hardening import FILE_ENTITY, _NoNetwork

pytestmark = pytest.mark.hardening

POST = "Mitoxantrone depletes B cells in patients with secondary progressive MS.\n"
BAD_INPUTS = {
    "empty.txt": (b"", "empty.txt: empty file"),
    "binary.txt": (b"Mitoxantrone\x00\x01\x02\xff" * 50, "binary.txt:1:13: binary file"),
    "latin1.txt": ("Mitoxantrone d\u00e9pl\u00e8te B cells.\n".encode("latin-1"), "latin1.txt:1:15: not UTF-8"),
    "truncated.txt": (POST.encode("utf-8") + "\u2022".encode("utf-8")[:2], "truncated.txt:2:1: truncated UTF-8"),
    "utf16.txt": (POST.encode("utf-16"), "utf16.txt"),
    "post.pdf": (b"%PDF-1.4\n" + POST.encode("utf-8"), "post.pdf: unknown document type '.pdf'"),
    "entities.rdf": (FILE_ENTITY.encode("utf-8"), "entities.rdf: unknown document type '.rdf'"),
    "imports.ttl": (b"<https://w3id.org/mskg/id/graph/x> <http://www.w3.org/2002/07/owl#imports> "
                    b"<https://example.org/other.ttl> .\n", "imports.ttl: owl:imports https://example.org/other.ttl refused"),
}


def build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["build", "--jobs", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


def snapshot(store: Path) -> tuple[list[str], list[str]]:
    """The store's sorted N-Quads and every file name in its folder."""
    return open_store(store).quads(), sorted(str(p.relative_to(store)) for p in store.rglob("*"))


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("seed") / "store"
    code, err = build(str(SEED_FILE), "--store", str(store))
    assert code == 0, err
    return store


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_naming_the_file_and_writes_nothing(seed_store: Path, tmp_path: Path, name: str) -> None:
    content, expected = BAD_INPUTS[name]
    (tmp_path / name).write_bytes(content)
    before = snapshot(seed_store)
    _NoNetwork.armed = True
    try:
        code, err = build(str(SEED_FILE), str(tmp_path / name), "--store", str(seed_store))
    finally:
        _NoNetwork.armed = False
    assert code == 2
    (line,) = err.splitlines()
    assert line.startswith(f"mskg: {tmp_path}/") and expected in line, line
    assert snapshot(seed_store) == before


@pytest.mark.parametrize("sidecar", ['{"title": "x", "study": ', '{"title": ' + "[" * 100_000 + "]" * 100_000 + "}"],
                         ids=["broken", "nested-too-deep"])
def test_a_broken_sidecar_names_the_json_file_and_writes_nothing(seed_store: Path, tmp_path: Path, sidecar: str) -> None:
    shutil.copy(SEED_FILE, tmp_path / SEED_FILE.name)
    (tmp_path / SEED_FILE.with_suffix(".json").name).write_text(sidecar, encoding="utf-8")
    before = snapshot(seed_store)
    code, err = build(str(tmp_path / SEED_FILE.name), "--store", str(seed_store))
    assert code == 2
    (line,) = err.splitlines()
    assert line.startswith(f"mskg: {tmp_path / SEED_FILE.with_suffix('.json').name}") and "malformed JSON" in line
    assert snapshot(seed_store) == before


def test_a_post_naming_no_known_entity_is_zero_findings_and_a_notice(tmp_path: Path) -> None:
    (tmp_path / "weather.txt").write_text("The weather was lovely today, so I went for a long walk.\n", encoding="utf-8")
    code, err = build(str(tmp_path / "weather.txt"), "--store", str(tmp_path / "store"))
    assert code == 0, err
    assert err.splitlines()[0] == f"{tmp_path / 'weather.txt'}: 0 findings, 0 evidence, 1 notices; weather: no known entity mentioned"
    graph = [q for q in open_store(tmp_path / "store").quads() if q.endswith("<https://w3id.org/mskg/id/doc/weather> .")]
    assert any("<https://w3id.org/mskg/text>" in q for q in graph)
    assert not [q for q in graph if "#type> <https://w3id.org/mskg/Finding>" in q]
