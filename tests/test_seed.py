"""The seed corpus stays byte for byte as scraped, with its metadata beside it."""

import hashlib
import json

from tests.data import SEED_FILE, SEED_SHA256, SEEDS_DIR, SEED_ID


def test_seed_file_is_unchanged() -> None:
    assert hashlib.sha256(SEED_FILE.read_bytes()).hexdigest() == SEED_SHA256


def test_seed_metadata_names_the_file_and_its_study() -> None:
    meta = json.loads((SEEDS_DIR / f"{SEED_ID}.json").read_text(encoding="utf-8"))
    assert meta["file"] == SEED_FILE.name
    assert meta["sha256"] == SEED_SHA256
    assert meta["cites"]["doi"] == "10.1371/journal.pone.0039625"
    assert meta["author"] == "MouseDoctor"
