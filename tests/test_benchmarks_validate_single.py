"""benchmarks/validate_single.py: one claim-sheet row citing a stored document, validated against the store."""

from __future__ import annotations

from pathlib import Path

from benchmarks.validate_single import measure, write_sheet
from mskg.build import build
from mskg.stores.embedded import EmbeddedStore
from tests.data import SEED_FILE, SEED_ID


def test_one_claim_citing_a_stored_document_conforms_and_is_timed(tmp_path: Path) -> None:
    build([SEED_FILE], tmp_path / "store", jobs=1)
    result = measure(tmp_path / "store", cli=False)
    assert result.conforms, result.lines
    assert result.quads > 1000 and 0 < result.warm and 0 < result.cold
    assert "one claim, median of" in result.text()


def test_the_sheet_quotes_the_cited_document(tmp_path: Path) -> None:
    build([SEED_FILE], tmp_path / "store", jobs=1)
    store = EmbeddedStore.open(tmp_path / "store")
    lines = write_sheet(store, tmp_path).read_text(encoding="utf-8").splitlines()
    store.close()
    assert lines[0].startswith("subject,relation,object")
    source, quote = lines[1].split(",")[6], lines[1].split(",", 7)[7].strip('"')
    assert source == SEED_ID and quote and quote in SEED_FILE.read_text(encoding="utf-8")
