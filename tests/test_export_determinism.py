"""The same build, twice, under two PYTHONHASHSEEDs and with the inputs in shuffled order,
gives byte-identical exports in every format."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from mskg.export import FORMATS
from tests.data import DATA_DIR, ROOT, SEED_FILE

pytestmark = pytest.mark.hardening

BUILD_AND_EXPORT = """
import sys
from pathlib import Path
from mskg.build import build
from mskg.export import FORMATS, write_atomically
from mskg.stores.embedded import EmbeddedStore
out = Path(sys.argv[1])
build([Path(p) for p in sys.argv[2:]], out / "store", jobs=2)
store = EmbeddedStore.open(out / "store")
for fmt in FORMATS:
    write_atomically(out / f"export.{fmt}", store.dataset(), fmt)
"""


def inputs() -> list[Path]:
    return [SEED_FILE, *sorted((DATA_DIR / "posts").glob("*.txt"))]


def build_and_export(out: Path, files: list[Path], hash_seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", BUILD_AND_EXPORT, str(out), *map(str, files)],
                          env=env, cwd=out.parent, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr


def test_exports_are_byte_identical_across_hash_seeds_and_input_order(tmp_path: Path) -> None:
    files = inputs()
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    assert shuffled != files
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    build_and_export(tmp_path / "one", files, "1")
    build_and_export(tmp_path / "two", shuffled, "2")
    for fmt in FORMATS:
        one, two = (tmp_path / d / f"export.{fmt}" for d in ("one", "two"))
        assert one.read_bytes() == two.read_bytes(), fmt
    assert b"mitoxantrone" in (tmp_path / "one" / "export.ttl").read_bytes()
