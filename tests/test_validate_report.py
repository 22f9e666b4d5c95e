"""The W3C report of `mskg validate --format ttl|json` agrees with the exit code on claim sheets.

Regression: rows with an unknown name, relation or value are not SHACL results, so the
report said `sh:conforms true` while the command exited 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SH

from mskg.cli import cli
from mskg.newclaims import SHEET_ROW_COMPONENT, SHEET_ROW_RULE, row_iri
from mskg.ontology import resource_text

HEADER = "subject,relation,object,polarity,certainty,evidence_type,source,quote\n"
GOOD_ROW = "mitoxantrone,increasesAmountOf,NK cells,positive,hedged,study,https://example.org/a,Mitoxantrone increases NK cells\n"
TYPO_NAME = "Mitoxantrnoe,increasesAmountOf,NK cells,positive,asserted,study,https://example.org/b,Mitoxantrone raises NK cells\n"
TYPO_RELATION = "mitoxantrone,increasesAmountof,NK cells,positive,asserted,study,https://example.org/c,Mitoxantrone raises NK cells\n"
FORMATS = {"ttl": "turtle", "json": "json-ld"}


def _validate(sheet: Path, tmp_path: Path, *extra: str):
    return CliRunner().invoke(cli, ["validate", str(sheet), "--store", str(tmp_path / "none"), *extra])


@pytest.fixture
def typo_sheet(tmp_path: Path) -> Path:
    """A sheet whose row 3 misspells the drug and row 4 the relation; row 2 is fine."""
    sheet = tmp_path / "typos.csv"
    sheet.write_text(HEADER + GOOD_ROW + TYPO_NAME + TYPO_RELATION, encoding="utf-8")
    return sheet


def _row_results(report: Graph) -> dict:
    return {report.value(r, SH.focusNode): r for r in report.subjects(SH.sourceShape, SHEET_ROW_RULE)}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_report_with_unreadable_rows_does_not_conform(typo_sheet: Path, tmp_path: Path, fmt: str) -> None:
    result = _validate(typo_sheet, tmp_path, "--format", fmt)
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format=FORMATS[fmt])
    assert set(report.objects(None, SH.conforms)) == {Literal(False)}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_unreadable_row_is_a_violation_on_its_row(typo_sheet: Path, tmp_path: Path, fmt: str) -> None:
    report = Graph().parse(data=_validate(typo_sheet, tmp_path, "--format", fmt).stdout, format=FORMATS[fmt])
    results = _row_results(report)
    assert set(results) == {row_iri(typo_sheet, 3), row_iri(typo_sheet, 4)}
    for node in results.values():
        assert (node, RDF.type, SH.ValidationResult) in report
        assert report.value(node, SH.resultSeverity) == SH.Violation
        assert report.value(node, SH.sourceConstraintComponent) == SHEET_ROW_COMPONENT
        assert node in set(report.objects(None, SH.result))


def test_row_results_carry_the_lines_the_text_format_prints(typo_sheet: Path, tmp_path: Path) -> None:
    lines = _validate(typo_sheet, tmp_path).stdout.splitlines()
    report = Graph().parse(data=_validate(typo_sheet, tmp_path, "--format", "ttl").stdout, format="turtle")
    messages = {str(report.value(r, SH.resultMessage)) for r in _row_results(report).values()}
    assert messages == set(lines) and len(lines) == 2
    assert any("Mitoxantrnoe" in m and ":3:" in m for m in messages)


def test_a_row_iri_is_the_file_uri_with_its_line(tmp_path: Path) -> None:
    assert str(row_iri(tmp_path / "a b.csv", 7)) == (tmp_path / "a b.csv").resolve().as_uri() + "#row=7"


def test_a_sheet_of_good_rows_still_conforms(tmp_path: Path) -> None:
    sheet = tmp_path / "good.csv"
    sheet.write_text(HEADER + GOOD_ROW, encoding="utf-8")
    result = _validate(sheet, tmp_path, "--format", "ttl")
    assert result.exit_code == 0, result.output
    report = Graph().parse(data=result.stdout, format="turtle")
    assert set(report.objects(None, SH.conforms)) == {Literal(True)}
    assert not _row_results(report)


def test_the_row_rule_is_documented_in_the_shapes() -> None:
    shapes = Graph().parse(data=resource_text("shapes.ttl"), format="turtle")
    for node in (SHEET_ROW_RULE, SHEET_ROW_COMPONENT):
        assert shapes.value(node, RDFS.label) and shapes.value(node, RDFS.comment)
