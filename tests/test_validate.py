"""`mskg validate`: claim sheets and RDF files against the shapes, with the store's documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, URIRef

from mskg.cli import cli
from mskg.extract.model import Claim, Evidence
from mskg.extract.rdf import finding_iri
from mskg.namespaces import MSKG
from tests.data import MITOXANTRONE, NK_CELL
from tests.test_shapes import GOOD, SHAPES_DATA, load_fixture

HEADER = "subject,relation,object,polarity,certainty,evidence_type,source,quote\n"
POST_QUOTE = "Mitoxantrone increases NK cells"
POST_IRI = "https://w3id.org/mskg/id/doc/post"


def run(*args: str) -> Result:
    """Run `mskg validate ARGS` in-process."""
    return CliRunner().invoke(cli, ["validate", *args])


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def fixture_file(tmp_path: Path, fixture: Path) -> Path:
    """A shapes fixture written out as a plain Turtle file."""
    path = tmp_path / f"{fixture.stem}.ttl"
    load_fixture(fixture).serialize(path, format="turtle")
    return path


def make_store(root: Path) -> Path:
    """An embedded store holding the ontology and the good fixture post (id:doc/post)."""
    from mskg.ontology import ontology_graph
    from mskg.stores.embedded import graph_nquads
    from mskg.stores.writer import StoreWriter

    with StoreWriter(root) as writer:
        writer.replace_graph("https://w3id.org/mskg/ontology", graph_nquads(ontology_graph(), "https://w3id.org/mskg/ontology"))
        writer.replace_graph(POST_IRI, graph_nquads(load_fixture(GOOD[0]), POST_IRI))
    return root


def store_quads(root: Path) -> list[str]:
    from mskg.stores.embedded import EmbeddedStore

    store = EmbeddedStore.open(root)
    try:
        return store.quads()
    finally:
        store.close()


def test_a_typo_in_a_drug_name_names_the_row_and_suggests_the_drug(tmp_path: Path) -> None:
    sheet = write(tmp_path, "typo.csv", HEADER + f"Mitoxantrnoe,increasesAmountOf,NK cells,positive,asserted,study,,{POST_QUOTE}\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert f"{sheet}:2: subject: unknown term 'Mitoxantrnoe'" in result.stdout
    assert "did you mean mitoxantrone (CHEBI:50729)?" in result.stdout


def test_a_good_sheet_without_a_store_conforms_each_row_its_own_document(tmp_path: Path) -> None:
    sheet = write(tmp_path, "good.csv", HEADER + "mitoxantrone,increasesAmountOf,NK cells,positive,hedged,study,"
                  "https://doi.org/10.1371/journal.pone.0039625,mitoxantrone increased NK cells\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_a_sheet_row_becomes_the_same_finding_the_extractor_would_make(tmp_path: Path) -> None:
    from mskg.extract.lexicon import load_lexicon
    from mskg.extract.sheet import read_sheet
    from mskg.newclaims import contract_relations, sheet_graphs

    text = HEADER + f"CHEBI:50729,increasesAmountOf,natural killer cell,positive,asserted,study,,{POST_QUOTE}\n"
    rows = read_sheet(tmp_path / "s.csv", text, load_lexicon(), contract_relations())
    graphs, _ = sheet_graphs(rows)
    evidence = Evidence("s-row2", "body", 0, len(POST_QUOTE), POST_QUOTE, "asserted", "study")
    expected = finding_iri(Claim(load_lexicon().resolve(MITOXANTRONE).iri, "increasesAmountOf",
                                 load_lexicon().resolve(NK_CELL).iri, evidence))
    (graph,) = graphs.values()
    assert set(graph.subjects(predicate=MSKG.relation)) == {expected}


def test_a_sheet_citing_a_stored_document_finds_the_quote_in_its_text(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store")
    sheet = write(tmp_path, "cites.csv", HEADER + f"mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,post,{POST_QUOTE}\n"
                  "mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,post,words the post never says\n")
    result = run(str(sheet), "--store", str(store))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{sheet}:3: quote: the quote is not in the text of document 'post'"]


def test_unknown_relation_and_value_are_row_violations_with_suggestions(tmp_path: Path) -> None:
    sheet = write(tmp_path, "values.csv", HEADER + "mitoxantrone,increasesAmountof,NK cells,postive,asserted,studdy,,q\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{sheet}:2: relation: unknown relation 'increasesAmountof'" in lines[0]
    assert lines[0].endswith("(did you mean increasesAmountOf?)")
    assert any("polarity: unknown polarity 'postive'" in line and "(did you mean positive?)" in line for line in lines)
    assert any("evidence_type: unknown evidence type 'studdy'" in line for line in lines)


def test_an_empty_quote_is_a_row_violation(tmp_path: Path) -> None:
    sheet = write(tmp_path, "empty.csv", HEADER + "mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,,\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert f"{sheet}:2: quote: the quote is empty" in result.stdout


def test_a_wrong_column_count_is_a_violation_naming_the_row(tmp_path: Path) -> None:
    sheet = write(tmp_path, "short.csv", HEADER + "mitoxantrone,increasesAmountOf,NK cells\n"
                  "mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,,q,extra\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stdout.splitlines() == [f"{sheet}:2: row: wrong column count: 3 cells where the header has 8",
                                              f"{sheet}:3: row: wrong column count: 9 cells where the header has 8"]


def test_a_wrong_header_is_unreadable_input(tmp_path: Path) -> None:
    sheet = write(tmp_path, "header.csv", "drug,cell\nx,y\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert f"{sheet}:1: the header must be subject,relation" in result.stderr


def test_an_unterminated_csv_quote_is_unreadable_input(tmp_path: Path) -> None:
    sheet = write(tmp_path, "open.csv", HEADER + 'mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,,"never closed\n')
    result = run(str(sheet), "--store", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert f"{sheet}:" in result.stderr and "not valid CSV" in result.stderr


def test_a_conforming_turtle_file_passes(tmp_path: Path) -> None:
    result = run(str(fixture_file(tmp_path, GOOD[0])), "--store", str(tmp_path / "none"))
    assert result.exit_code == 0, result.output


def test_a_violating_turtle_file_gets_one_line_per_problem_naming_node_and_shape(tmp_path: Path) -> None:
    path = fixture_file(tmp_path, SHAPES_DATA / "bad" / "quote_differs_from_text.ttl")
    result = run(str(path), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{path}: id:evidence/e1: violation: evidence id:evidence/e1 quotes Mitoxantrone decreases NK cells, "
        "but the document text at 0..31 reads Mitoxantrone increases NK cells [QuoteMatchesText]"]


@pytest.mark.parametrize("fmt", ["ttl", "json"])
def test_the_w3c_report_comes_as_turtle_or_json_ld(tmp_path: Path, fmt: str) -> None:
    path = fixture_file(tmp_path, SHAPES_DATA / "bad" / "treats_a_cell.ttl")
    result = run(str(path), "--store", str(tmp_path / "none"), "--format", fmt)
    assert result.exit_code == 1
    report = Graph().parse(data=result.stdout, format="turtle" if fmt == "ttl" else "json-ld")
    shacl = "http://www.w3.org/ns/shacl#"
    assert (None, URIRef(shacl + "sourceConstraint"), URIRef("https://w3id.org/mskg/shapes#TreatsObject")) in report
    if fmt == "json":
        json.loads(result.stdout)


def test_add_merges_a_conforming_sheet_into_the_store(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store")
    sheet = write(tmp_path, "cites.csv", HEADER + f"mitoxantrone,promotesMaturationOf,NK cells,positive,asserted,study,post,{POST_QUOTE}\n")
    before = store_quads(store)
    result = run(str(sheet), "--store", str(store), "--add")
    assert result.exit_code == 0, result.output
    after = store_quads(store)
    added = set(after) - set(before)
    assert any("promotesMaturationOf" in quad and quad.endswith(f"<{POST_IRI}> .") for quad in added)
    assert set(before) <= set(after)


def test_add_is_all_or_nothing_when_one_file_does_not_conform(tmp_path: Path) -> None:
    store = make_store(tmp_path / "store")
    good = write(tmp_path, "good.csv", HEADER + f"mitoxantrone,promotesMaturationOf,NK cells,positive,asserted,study,post,{POST_QUOTE}\n")
    bad = fixture_file(tmp_path, SHAPES_DATA / "bad" / "treats_a_cell.ttl")
    before = store_quads(store)
    result = run(str(good), str(bad), "--store", str(store), "--add")
    assert result.exit_code == 1
    assert store_quads(store) == before


def test_add_without_a_store_is_a_store_error(tmp_path: Path) -> None:
    sheet = write(tmp_path, "good.csv", HEADER + "mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,,q\n")
    result = run(str(sheet), "--store", str(tmp_path / "none"), "--add")
    assert result.exit_code == 3
    assert "no store here yet" in result.stderr
