"""The findings table: contract fields, one row per (finding, evidence), stable order."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from mskg.build import write_store
from mskg.cli import cli
from tests.build_helpers import TEXT, hand_made
from tests.data import MITOXANTRONE, NK_CELL

CONTRACT = {"finding", "subject", "relation", "object", "polarity", "certainty", "evidence_type",
            "document", "segment", "comment_index", "author", "start", "end", "quote"}


def _run(store: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["findings", "--store", str(store), *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_a_finding_row_has_the_contract_fields(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    rows = [json.loads(line) for line in _run(tmp_path).splitlines()]
    assert len(rows) == 1
    row = rows[0]
    assert CONTRACT <= set(row)
    assert row["subject"] == {"id": MITOXANTRONE, "label": "mitoxantrone"}
    assert row["object"]["id"] == NK_CELL
    assert (row["relation"], row["polarity"], row["certainty"], row["evidence_type"]) == (
        "increasesAmountOf", "positive", "asserted", "study")
    assert (row["document"], row["segment"], row["comment_index"], row["author"]) == ("doc-a", "post", None, None)
    assert TEXT[row["start"] : row["end"]] == row["quote"]


def test_the_same_finding_in_two_documents_gives_two_rows_in_document_order(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-b"), hand_made("doc-a")])
    rows = [json.loads(line) for line in _run(tmp_path).splitlines()]
    assert [r["document"] for r in rows] == ["doc-a", "doc-b"]
    assert rows[0]["finding"] == rows[1]["finding"]


def test_csv_and_tsv_flatten_subject_and_object(tmp_path: Path) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        rows = list(csv.DictReader(io.StringIO(_run(tmp_path, "--format", fmt)), delimiter=delimiter))
        assert [(r["subject_id"], r["object_id"], r["segment"]) for r in rows] == [(MITOXANTRONE, NK_CELL, "post")]


def test_findings_without_a_store_is_exit_3(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["findings", "--store", str(tmp_path / "none")])
    assert result.exit_code == 3
    assert "mskg build" in result.output
