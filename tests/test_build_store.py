"""Writing built documents into the embedded store: replace per document, all or nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mskg.build import write_batches, write_store
from mskg.errors import NonConformingError, StoreUnavailableError
from mskg.namespaces import ONTOLOGY_IRI
from mskg.ontology.validation import ensure_conforms
from mskg.stores import open_store
from mskg.stores.writer import StoreWriter
from tests.build_helpers import hand_made, hand_made_graph
from tests.data import ROOT


def test_the_hand_made_graph_conforms_to_the_shapes() -> None:
    ensure_conforms(hand_made_graph("doc-a"), source="doc-a.txt")


def test_a_build_stores_the_ontology_and_one_graph_per_document(tmp_path: Path) -> None:
    docs = [hand_made("doc-a"), hand_made("doc-b")]
    quads = write_store(tmp_path, docs)
    store = open_store(tmp_path)
    assert store.graph_names() == sorted([str(ONTOLOGY_IRI), docs[0].graph_name, docs[1].graph_name])
    assert quads == store.count()
    assert docs[0].findings == 1 and docs[0].evidence == 1


def test_building_twice_gives_the_identical_store(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    before = open_store(tmp_path).quads()
    write_store(tmp_path, [hand_made("doc-a")])
    assert open_store(tmp_path).quads() == before


def test_rebuilding_one_document_replaces_only_its_graph(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a"), hand_made("doc-b")])
    other = open_store(tmp_path).count(hand_made("doc-b").graph_name)
    changed = hand_made("doc-a", "Mitoxantrone increased the number of NK cells. More text here.")
    write_store(tmp_path, [changed])
    store = open_store(tmp_path)
    assert store.count(changed.graph_name) == len(changed.nquads.splitlines())
    assert store.count(hand_made("doc-b").graph_name) == other


def test_clean_drops_documents_not_in_this_build(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a"), hand_made("doc-b")])
    write_store(tmp_path, [hand_made("doc-b")], clean=True)
    assert hand_made("doc-a").graph_name not in open_store(tmp_path).graph_names()


WRITE_SCRIPT = """
import sys
from pathlib import Path
from mskg.build import write_batches, write_store
from mskg.errors import NonConformingError, StoreUnavailableError
from tests.build_helpers import hand_made
write_store(Path(sys.argv[1]), [hand_made(f"doc-{i}", sys.argv[2]) for i in range(6)])
print("done", flush=True)
"""


def _write_in_subprocess(root: Path, text: str, pause: str | None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if pause:
        env["MSKG_TEST_PAUSE_MIDWAY"] = pause
    return subprocess.Popen([sys.executable, "-c", WRITE_SCRIPT, str(root), text], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_for_half_written(root: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        gens = sorted((root / "generations").iterdir()) if (root / "generations").is_dir() else []
        if len(gens) >= 2 and any((gens[-1]).glob("*.sst")):
            time.sleep(0.3)
            return
        time.sleep(0.05)
    raise AssertionError(f"the build never reached its midpoint: {proc.communicate()}")


@pytest.mark.hardening
def test_a_build_killed_midway_leaves_the_previous_store(tmp_path: Path) -> None:
    first = _write_in_subprocess(tmp_path, "Mitoxantrone increased the number of NK cells.", None)
    assert first.wait(timeout=120) == 0, first.communicate()
    before = open_store(tmp_path).quads()
    second = _write_in_subprocess(tmp_path, "Mitoxantrone increased the number of NK cells. Changed.", "30")
    _wait_for_half_written(tmp_path, second)
    second.send_signal(signal.SIGKILL)
    second.wait(timeout=10)
    assert open_store(tmp_path).quads() == before
    third = _write_in_subprocess(tmp_path, "Mitoxantrone increased the number of NK cells. Changed.", None)
    assert third.wait(timeout=120) == 0, third.communicate()
    after = open_store(tmp_path).quads()
    assert after != before and any("Changed." in line for line in after)


def test_a_second_writer_is_store_in_use(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    with StoreWriter(tmp_path):
        with pytest.raises(StoreUnavailableError, match="store in use by another build"):
            write_store(tmp_path, [hand_made("doc-b")])
    assert hand_made("doc-b").graph_name not in open_store(tmp_path).graph_names()


def test_readers_keep_the_old_store_while_a_build_writes(tmp_path: Path) -> None:
    first = _write_in_subprocess(tmp_path, "Mitoxantrone increased the number of NK cells.", None)
    assert first.wait(timeout=120) == 0, first.communicate()
    reader = open_store(tmp_path)
    before = reader.quads()
    second = _write_in_subprocess(tmp_path, "Mitoxantrone increased the number of NK cells. Changed.", "1")
    _wait_for_half_written(tmp_path, second)
    assert open_store(tmp_path).quads() == before
    assert second.wait(timeout=120) == 0, second.communicate()
    assert reader.quads() == before
    assert open_store(tmp_path).quads() != before


def test_a_graph_the_build_expected_to_replace_but_did_not_is_kept(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    before = {q for q in open_store(tmp_path).quads() if "doc-a" in q}
    write_batches(tmp_path, [[hand_made("doc-b")]], {hand_made("doc-a").graph_name})
    store = open_store(tmp_path)
    assert {hand_made("doc-a").graph_name, hand_made("doc-b").graph_name} <= set(store.graph_names())
    assert {q for q in store.quads() if "doc-a" in q} == before


def test_a_batch_failing_after_others_were_written_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    before = open_store(tmp_path).quads()

    def batches():
        yield [hand_made("doc-b")]
        yield [hand_made("doc-c")]  # spooled, not yet loaded, when the next batch fails
        raise NonConformingError("does not conform", path="doc-d.txt")

    with pytest.raises(NonConformingError):
        write_batches(tmp_path, batches(), {hand_made(d).graph_name for d in ("doc-b", "doc-c")})
    assert open_store(tmp_path).quads() == before
    assert sorted(p.name for p in (tmp_path / "generations").iterdir()) == ["000001"]


def test_a_killed_build_s_spool_is_removed_by_the_next_build(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    (tmp_path / "generations" / "000002.spool").write_bytes(b"<urn:x> <urn:y> <urn:z> <urn:g> .\n")
    write_store(tmp_path, [hand_made("doc-b")])
    assert not list((tmp_path / "generations").glob("*.spool"))
    assert "urn:g" not in open_store(tmp_path).graph_names()
