"""`mskg ontology stats` and `mskg ontology check` from the command line, including a broken .ttl."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.cli import cli
from mskg.ontology import resource_text
from mskg.ontology.reasoning import java_available

BROKEN_TTL = """@prefix mskg: <https://w3id.org/mskg/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

mskg:Drug rdfs:label "drug" .
mskg:Oops rdfs:label "no closing quote ;
"""


AUDITED: list[str] = []
_LISTENING: list[bool] = []


def _audit(event: str, _args: tuple) -> None:
    """Record network and process events while a test listens (audit hooks cannot be removed)."""
    if _LISTENING and (event.startswith("socket.") or event.startswith("subprocess.")):
        AUDITED.append(event)


sys.addaudithook(_audit)


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def _stats(output: str) -> dict[str, int]:
    return {k: int(v) for k, v in (line.split("\t") for line in output.splitlines())}


def test_stats_counts_terms_per_category() -> None:
    result = _run("ontology", "stats")
    assert result.exit_code == 0, result.output
    counts = _stats(result.output)
    assert counts["drug"] >= 4 and counts["immune cell"] >= 8
    assert counts["terms"] == counts["terms with a standard identifier"] + counts["terms minted in mskg:"]


def test_stats_reads_an_edited_copy_of_the_ontology(tmp_path: Path) -> None:
    edited = tmp_path / "edited.ttl"
    edited.write_text(resource_text("mskg.ttl") + '\nmskg:Extra a owl:Class ; rdfs:subClassOf mskg:Virus ; rdfs:label "extra virus" .\n')
    shipped, changed = _stats(_run("ontology", "stats").output), _stats(_run("ontology", "stats", "--file", str(edited)).output)
    assert changed["virus"] == shipped["virus"] + 1


@pytest.mark.hardening
def test_broken_ttl_is_refused_with_one_line_naming_file_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN_TTL)
    result = _run("ontology", "stats", "--file", str(broken))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"mskg: {broken}:5:")
    assert "Traceback" not in result.output


@pytest.mark.hardening
def test_missing_ontology_file_is_bad_input(tmp_path: Path) -> None:
    result = _run("ontology", "stats", "--file", str(tmp_path / "nowhere.ttl"))
    assert result.exit_code == 2
    assert "nowhere.ttl" in result.output


@pytest.mark.reasoner
@pytest.mark.skipif(not java_available(), reason="HermiT needs Java and `java` is not on PATH")
def test_check_reports_the_shipped_ontology_consistent() -> None:
    result = _run("ontology", "check")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "consistent"


@pytest.mark.reasoner
@pytest.mark.skipif(not java_available(), reason="HermiT needs Java and `java` is not on PATH")
def test_check_exits_1_for_an_inconsistent_ontology(tmp_path: Path) -> None:
    edited = tmp_path / "contradiction.ttl"
    edited.write_text(resource_text("mskg.ttl") + "\n<https://example.org/x> a obo:CL_0000236, obo:CHEBI_50729 .\n")
    result = _run("ontology", "check", "--file", str(edited))
    assert result.exit_code == 1
    assert result.output.strip() == "inconsistent"


@pytest.mark.hardening
@pytest.mark.parametrize("subcommand", ["stats", "check"])
def test_broken_ttl_is_refused_by_every_ontology_command(tmp_path: Path, subcommand: str) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text(BROKEN_TTL)
    result = _run("ontology", subcommand, "--file", str(broken))
    assert result.exit_code == 2
    assert result.output.startswith(f"mskg: {broken}:5:")


@pytest.mark.hardening
def test_owl_imports_are_refused_before_any_socket_or_process_is_opened(tmp_path: Path) -> None:
    edited = tmp_path / "imports.ttl"
    edited.write_text(resource_text("mskg.ttl") + "\n<https://w3id.org/mskg/ontology> owl:imports <http://example.org/other.owl> .\n")
    AUDITED.clear()
    _LISTENING.append(True)
    try:
        result = _run("ontology", "check", "--file", str(edited))
    finally:
        _LISTENING.clear()
    assert result.exit_code == 2
    assert "owl:imports" in result.output and str(edited) in result.output
    assert AUDITED == []


FINDINGS_TTL = """@prefix mskg: <https://w3id.org/mskg/> .
@prefix obo: <http://purl.obolibrary.org/obo/> .

<https://w3id.org/mskg/id/finding/a> a mskg:Finding ; mskg:subject obo:CHEBI_50729 ; mskg:relation mskg:promotesMaturationOf ;
    mskg:object obo:CL_0000824 ; mskg:polarity mskg:Positive .
<https://w3id.org/mskg/id/finding/b> a mskg:Finding ; mskg:subject <https://identifiers.org/drugbank:DB00111> ; mskg:relation mskg:affects ;
    mskg:object obo:CL_0000623 ; mskg:polarity mskg:Negative .
"""


@pytest.mark.reasoner
@pytest.mark.skipif(not java_available(), reason="HermiT needs Java and `java` is not on PATH")
def test_check_lists_the_drugs_the_reasoner_classifies_from_findings(tmp_path: Path) -> None:
    data = tmp_path / "findings.ttl"
    data.write_text(FINDINGS_TTL)
    result = _run("ontology", "check", "--data", str(data))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["consistent", "NK-cell-modulating drug\tCHEBI:50729\tmitoxantrone"]
