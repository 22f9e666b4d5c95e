"""Every relation `mskg findings` prints is a contract relation or a subproperty of one.

Regression: a patient's co-medication was printed as a finding with relation `givenWith`,
which is neither; it is now the finding qualifier `comedication`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDFS, URIRef

from mskg.cli import cli
from mskg.namespaces import BASE
from mskg.ontology import ontology_graph
from tests.data import DATA_DIR, SEED_FILE, SEED_ID

CONTRACT = ("increasesAmountOf", "decreasesAmountOf", "promotesMaturationOf", "affects", "inhibits",
            "targets", "treats", "hasAdverseEffect", "predictsResponseTo", "kills")
POSTS = [SEED_FILE] + sorted(p for folder in ("posts", "heldout", "documents")
                             for p in (DATA_DIR / folder).iterdir() if p.suffix in (".txt", ".html"))


def allowed_relations() -> set[str]:
    """The contract names and every property under one of them (rdfs:subPropertyOf*) in mskg.ttl."""
    onto = ontology_graph()
    found = set()
    for name in CONTRACT:
        found |= {str(p) for p in onto.transitive_subjects(RDFS.subPropertyOf, URIRef(BASE + name))}
    return {p[len(BASE):] for p in found if p.startswith(BASE)}


@pytest.fixture(scope="module")
def rows(tmp_path_factory) -> list[dict]:
    """The findings of the seed and of every test post, built into one store."""
    store = tmp_path_factory.mktemp("contract") / "store"
    built = CliRunner().invoke(cli, ["build", *map(str, POSTS), "--store", str(store), "--jobs", "1"])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(cli, ["findings", "--store", str(store)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_contract_relations_are_all_in_the_ontology() -> None:
    assert set(CONTRACT) <= allowed_relations()


def test_every_relation_findings_prints_is_a_contract_relation_or_under_one(rows: list[dict]) -> None:
    documents = {r["document"] for r in rows}
    assert len(documents) >= len(POSTS) - 1 and len(rows) > 50
    assert {r["relation"] for r in rows} - allowed_relations() == set()


def test_the_seed_patients_co_medication_is_a_qualifier_of_their_finding(rows: list[dict]) -> None:
    comment = [r for r in rows if r["document"] == SEED_ID and r["comment_index"] == 1]
    assert [(r["subject"]["id"], r["relation"], r["object"]["id"]) for r in comment] == [
        ("CHEBI:50729", "inhibits", "mskg:DisabilityProgression")]
    assert [q["id"] for q in comment[0]["qualifiers"]["comedication"]] == ["CHEBI:6888"]


def test_a_co_medication_with_no_finding_is_a_notice_of_the_build(tmp_path: Path) -> None:
    post = tmp_path / "note.txt"
    post.write_text("My treatment\n\nI also get methylprednisolone in addition to natalizumab.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(post), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "note: body: co-medication CHEBI:6888 with DRUGBANK:DB00108 qualifies no finding" in result.output
