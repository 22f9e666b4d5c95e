"""`mskg query` and `mskg queries` on an embedded store built from the fixture graph."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.cli import cli
from mskg.queries import catalogue
from tests.test_queries_fixture import fixture_store_dir


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store")
    fixture_store_dir(root)
    return root


def mskg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_queries_lists_every_saved_query_with_parameters() -> None:
    code, out, _ = mskg("queries")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(catalogue())
    assert any("drugs-acting-on-cells" in line and "cell=CL:0000623" in line for line in lines)


def test_query_table_names_the_nk_drugs(store_dir: Path) -> None:
    code, out, _ = mskg("query", "drugs-acting-on-cells", "--store", str(store_dir))
    assert code == 0
    assert "CHEBI:50729" in out and "DRUGBANK:DB00111" in out and out.rstrip().endswith("(4 rows)")


def test_query_json_follows_the_w3c_results_format(store_dir: Path) -> None:
    code, out, _ = mskg("query", "co-medications", "--format", "json", "--store", str(store_dir))
    data = json.loads(out)
    assert code == 0 and data["head"]["vars"][:2] == ["drug", "drugLabel"]
    (row,) = data["results"]["bindings"]
    assert row["with"] == {"type": "uri", "value": "http://example.org/mskg-fixture/Methylprednisolone"}
    assert row["quote"] == {"type": "literal", "value": "My relapses have stopped."}


def test_query_csv_and_tsv_have_one_line_per_row(store_dir: Path) -> None:
    _, out_csv, _ = mskg("query", "uncertain-claims", "--format", "csv", "--store", str(store_dir))
    _, out_tsv, _ = mskg("query", "uncertain-claims", "--format", "tsv", "--store", str(store_dir))
    rows = list(csv.reader(io.StringIO(out_csv)))
    assert rows[0][0] == "certainty" and len(rows) == 5
    assert out_tsv.splitlines()[0].startswith("?certainty\t?subject") and len(out_tsv.splitlines()) == 5


def test_query_takes_a_parameter_as_curie(store_dir: Path) -> None:
    code, out, _ = mskg("query", "drugs-acting-on-cells", "-p", "cell=CL:0000236", "--format", "csv", "--store", str(store_dir))
    assert code == 0 and len(out.splitlines()) == 3


def test_query_runs_a_users_file(store_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("#+ param: drug = CHEBI:50729 — a drug\nSELECT ?drug (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?f <https://w3id.org/mskg/subject> ?drug } } GROUP BY ?drug\n")
    code, out, _ = mskg("query", str(path), "--format", "csv", "--store", str(store_dir))
    assert code == 0 and out.splitlines()[1].startswith("http://purl.obolibrary.org/obo/CHEBI_50729,")


def test_unknown_query_lists_the_known_ones() -> None:
    code, _, err = mskg("query", "nk-drugs")
    assert code == 2 and "unknown query 'nk-drugs'" in err and "drugs-acting-on-cells" in err
    assert len(err.strip().splitlines()) == 1


def test_missing_parameter_is_named(tmp_path: Path) -> None:
    path = tmp_path / "needs.rq"
    path.write_text("#+ param: drug — the drug\nSELECT ?drug WHERE { GRAPH ?g { ?f ?p ?drug } }\n")
    code, _, err = mskg("query", str(path))
    assert code == 2 and "needs parameter 'drug'" in err


def test_unknown_parameter_is_refused() -> None:
    code, _, err = mskg("query", "contradictions", "-p", "drug=CHEBI:50729")
    assert code == 2 and "no parameter 'drug'" in err


def test_syntax_error_in_a_users_file_gives_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("# mine\nSELECT ?s WHERE {\n  ?s ?p ?o .\n  ?s <http://a b> ?o }\n")
    code, _, err = mskg("query", str(path))
    assert code == 2 and err.startswith(f"mskg: {path}:4:") and "\n" not in err.strip()


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "DROP ALL",
        "CLEAR DEFAULT",
        "CREATE GRAPH <http://a>",
        "PREFIX x: <http://a/>\nWITH <http://a> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused(tmp_path: Path, store_dir: Path, text: str) -> None:
    path = tmp_path / "update.rq"
    path.write_text(text + "\n")
    code, _, err = mskg("query", str(path), "--store", str(store_dir))
    assert code == 2 and "updates are refused" in err


def test_missing_store_is_one_line_exit_3(tmp_path: Path) -> None:
    code, _, err = mskg("query", "contradictions", "--store", str(tmp_path / "none"))
    assert code == 3 and "run `mskg build` first" in err
