"""`mskg findings` on the built seed matches the hand-checked golden file, field by field."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.cli import cli
from mskg.extract.reading import read_text
from tests.data import DATA_DIR, SEED_FILE

GOLDEN = DATA_DIR / "seed.golden.jsonl"
FIELDS = ("subject", "relation", "object", "polarity", "certainty", "evidence_type", "segment",
          "comment_index", "quote", "start", "end", "qualifiers")


@pytest.fixture(scope="module")
def seed_rows(tmp_path_factory) -> list[dict]:
    store = tmp_path_factory.mktemp("seed") / "store"
    built = CliRunner().invoke(cli, ["build", str(SEED_FILE), "--store", str(store)])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(cli, ["findings", "--store", str(store)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def as_golden(row: dict) -> tuple:
    """A findings row in the golden file's shape: CURIEs for terms, qualifiers as sorted pairs."""
    flat = {**row, "subject": row["subject"]["id"], "object": row["object"]["id"],
            "qualifiers": sorted([k, q["id"]] for k, qs in row["qualifiers"].items() for q in qs)}
    return tuple(json.dumps(flat[f], sort_keys=True) for f in FIELDS)


def golden_rows() -> list[tuple]:
    rows = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [tuple(json.dumps(r[f] if f != "qualifiers" else sorted(r[f]), sort_keys=True) for f in FIELDS) for r in rows]


def test_the_seed_findings_match_the_golden_file(seed_rows: list[dict]) -> None:
    found, expected = Counter(map(as_golden, seed_rows)), Counter(golden_rows())
    assert found - expected == Counter(), "findings that the golden file does not list"
    assert expected - found == Counter(), "golden findings that mskg findings did not print"


def test_every_quote_is_the_document_text_at_its_offsets(seed_rows: list[dict]) -> None:
    text = read_text(SEED_FILE)
    assert seed_rows and all(text[r["start"] : r["end"]] == r["quote"] for r in seed_rows)


def test_rows_come_sorted_by_offsets(seed_rows: list[dict]) -> None:
    keys = [(r["document"], r["start"], r["end"]) for r in seed_rows]
    assert keys == sorted(keys)
