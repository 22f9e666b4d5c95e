"""Every saved query's expected answer on the small multi-document fixture graph."""

from __future__ import annotations

import pytest

from mskg.identifiers import curie
from mskg.queries import catalogue, run
from tests.test_queries_fixture import STUDY_KEY, MemoryStore, fixture_store


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return fixture_store()


def answer(store: MemoryStore, name: str, *columns: str, **params: str) -> list[tuple[str, ...]]:
    """The rows of a saved query, sorted, as tuples of CURIEs or plain values of some columns."""
    rows = run(catalogue()[name], store, params)
    return sorted(tuple(curie(str(r[c])) if c in r else "" for c in columns) for r in rows)


def test_nk_cells_are_acted_on_by_mitoxantrone_and_daclizumab(store: MemoryStore) -> None:
    rows = answer(store, "drugs-acting-on-cells", "drug", "relation", "target", "documents")
    assert rows == [
        ("CHEBI:50729", "mskg:decreasesAmountOf", "CL:0000623", "1"),
        ("CHEBI:50729", "mskg:increasesAmountOf", "CL:0000623", "1"),
        ("CHEBI:50729", "mskg:promotesMaturationOf", "CL:0000824", "1"),
        ("DRUGBANK:DB00111", "mskg:affects", "CL:0000623", "1"),
    ]


def test_b_cells_are_acted_on_by_mitoxantrone_and_cladribine(store: MemoryStore) -> None:
    rows = answer(store, "drugs-acting-on-cells", "drug", "relation", cell="CL:0000236")
    assert rows == [("CHEBI:50729", "mskg:decreasesAmountOf"), ("DRUGBANK:DB00242", "mskg:decreasesAmountOf")]


def test_nk_query_counts_subtypes_only_through_the_hierarchy(store: MemoryStore) -> None:
    rows = answer(store, "drugs-acting-on-cells", "drug", "target", cell="CL:0000824")
    assert rows == [("CHEBI:50729", "CL:0000824")]


def test_drug_immune_effects_give_direction_certainty_type_and_quote(store: MemoryStore) -> None:
    rows = answer(store, "drug-immune-effects", "cell", "relation", "polarity", "certainty", "evidenceType", "quote", "document")
    assert rows == [
        ("CL:0000236", "mskg:decreasesAmountOf", "positive", "asserted", "study", "Mitoxantrone suppresses B cells.", "mskg:id/doc/a"),
        ("CL:0000623", "mskg:decreasesAmountOf", "positive", "asserted", "expert", "Mitoxantrone reduces NK cells.", "mskg:id/doc/b"),
        ("CL:0000623", "mskg:increasesAmountOf", "positive", "asserted", "study", "Mitoxantrone increased NK cells.", "mskg:id/doc/a"),
        ("CL:0000824", "mskg:promotesMaturationOf", "positive", "asserted", "study",
         "Mitoxantrone promoted maturation of mature NK cells only in responders.", "mskg:id/doc/a"),
    ]


def test_drug_immune_effects_include_denials_for_daclizumab(store: MemoryStore) -> None:
    rows = answer(store, "drug-immune-effects", "cell", "relation", "polarity", "certainty", drug="DRUGBANK:DB00111")
    assert rows == [
        ("CL:0000084", "mskg:decreasesAmountOf", "negative", "asserted"),
        ("CL:0000084", "mskg:decreasesAmountOf", "positive", "asserted"),
        ("CL:0000623", "mskg:affects", "positive", "hedged"),
        ("CL:0000623", "mskg:increasesAmountOf", "positive", "hypothetical"),
    ]


def test_response_is_predicted_by_lesions_and_accompanies_nk_maturation(store: MemoryStore) -> None:
    rows = answer(store, "response-predictors", "kind", "subject", "relation", "object", "condition", "certainty")
    fx = "http://example.org/mskg-fixture/"
    assert rows == [
        ("accompanies", "CHEBI:50729", "mskg:promotesMaturationOf", "CL:0000824", fx + "ClinicalResponse", "asserted"),
        ("predicts", fx + "GdLesions", "mskg:predictsResponseTo", "CHEBI:50729", "", "hedged"),
    ]


def test_adverse_effects_name_drug_effect_and_reporter(store: MemoryStore) -> None:
    rows = answer(store, "adverse-effects", "drug", "effect", "reporter", "evidenceType", "certainty")
    fx = "http://example.org/mskg-fixture/"
    assert rows == [
        ("CHEBI:50729", fx + "Cardiotoxicity", "Blogger A", "expert", "asserted"),
        ("DRUGBANK:DB00111", fx + "Cardiotoxicity", "Blogger C", "study", "asserted"),
        ("DRUGBANK:DB00242", fx + "Cancer", "Patient Q", "anecdote", "hedged"),
    ]


def test_alternatives_drop_drugs_sharing_an_adverse_effect(store: MemoryStore) -> None:
    rows = answer(store, "alternatives-without-adverse-effects", "other", "cell", "relation")
    assert rows == [("DRUGBANK:DB00242", "CL:0000236", "mskg:decreasesAmountOf")]


def test_alternatives_to_cladribine_count_cell_subtypes(store: MemoryStore) -> None:
    rows = answer(store, "alternatives-without-adverse-effects", "other", "otherCell", drug="DRUGBANK:DB00242")
    assert rows == [("CHEBI:50729", "CL:0000236")]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("study", [("CHEBI:50729", "mskg:decreasesAmountOf", "CL:0000236"), ("CHEBI:50729", "mskg:increasesAmountOf", "CL:0000623"),
                   ("CHEBI:50729", "mskg:promotesMaturationOf", "CL:0000824"), ("DRUGBANK:DB00111", "mskg:decreasesAmountOf", "CL:0000084"),
                   ("DRUGBANK:DB00111", "mskg:hasAdverseEffect", "http://example.org/mskg-fixture/Cardiotoxicity")]),
        ("anecdote", [("CHEBI:50729", "mskg:inhibits", "mskg:Relapse"),
                      ("DRUGBANK:DB00242", "mskg:hasAdverseEffect", "http://example.org/mskg-fixture/Cancer")]),
        ("background", [("DRUGBANK:DB00242", "mskg:decreasesAmountOf", "CL:0000236")]),
        ("nonsense", []),
    ],
)
def test_findings_by_evidence_type(store: MemoryStore, kind: str, expected: list) -> None:
    assert answer(store, "findings-by-evidence-type", "subject", "relation", "object", type=kind) == expected


def test_uncertain_claims_are_the_hedged_and_hypothetical_ones(store: MemoryStore) -> None:
    rows = answer(store, "uncertain-claims", "certainty", "subject", "relation", "author")
    assert rows == [
        ("hedged", "DRUGBANK:DB00111", "mskg:affects", "Blogger A"),
        ("hedged", "DRUGBANK:DB00242", "mskg:hasAdverseEffect", "Patient Q"),
        ("hedged", "http://example.org/mskg-fixture/GdLesions", "mskg:predictsResponseTo", "Doctor D"),
        ("hypothetical", "DRUGBANK:DB00111", "mskg:increasesAmountOf", "Blogger B"),
    ]


def test_contradictions_pair_opposite_directions_and_polarities(store: MemoryStore) -> None:
    rows = answer(store, "contradictions", "subject", "object", "relation1", "polarity1", "relation2", "polarity2")
    pairs = {(s, o, frozenset({(r1, p1), (r2, p2)})) for s, o, r1, p1, r2, p2 in rows}
    assert len(rows) == 2 and pairs == {
        ("CHEBI:50729", "CL:0000623", frozenset({("mskg:increasesAmountOf", "positive"), ("mskg:decreasesAmountOf", "positive")})),
        ("DRUGBANK:DB00111", "CL:0000084", frozenset({("mskg:decreasesAmountOf", "positive"), ("mskg:decreasesAmountOf", "negative")})),
    }


def test_co_medications_come_from_patient_reports(store: MemoryStore) -> None:
    rows = answer(store, "co-medications", "drug", "with", "relation", "object", "polarity", "author", "quote")
    assert rows == [("CHEBI:50729", "http://example.org/mskg-fixture/Methylprednisolone", "mskg:inhibits", "mskg:Relapse",
                     "positive", "Patient P", "My relapses have stopped.")]


def test_finding_studies_give_design_size_population_method_and_doi(store: MemoryStore) -> None:
    rows = run(catalogue()["finding-studies"], store, {})
    got = {(curie(str(r["object"])), str(r["doi"]), int(r["sampleSize"]), str(r["population"]),
            frozenset(str(r["designs"]).split(", ")), str(r["methods"])) for r in rows}
    designs = frozenset({"fixture open-label study", "fixture single-arm study"})
    spms = "http://example.org/mskg-fixture/SPMS"
    assert got == {(cell, STUDY_KEY, 19, spms, designs, "fixture flow cytometry") for cell in ("CL:0000236", "CL:0000623", "CL:0000824")}


def test_finding_studies_are_empty_for_a_drug_without_studies(store: MemoryStore) -> None:
    assert answer(store, "finding-studies", "finding", drug="DRUGBANK:DB00242") == []


def test_comment_threads_show_who_replies_to_whom_and_quotes(store: MemoryStore) -> None:
    rows = answer(store, "comment-threads", "index", "author", "repliesToIndex", "repliesToAuthor", "quotes", document="a")
    assert rows == [
        ("1", "Patient P", "", "Blogger A", ""),
        ("2", "Reader R", "", "Blogger A", ""),
        ("3", "Doctor D", "2", "Reader R", "If only there was a way to predict who will benefit."),
    ]


def test_knowledge_gaps_say_what_is_unknown_and_who_says_it(store: MemoryStore) -> None:
    rows = answer(store, "knowledge-gaps", "about", "author", "evidenceType", "quote")
    assert rows == [
        ("CHEBI:50729", "Blogger A", "expert", "It is not clear how mitoxantrone slows progression."),
        ("CHEBI:50729", "Reader R", "anecdote", "If only there was a way to predict who will benefit."),
    ]


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_saved_query_gives_the_same_rows_twice(store: MemoryStore, name: str) -> None:
    values = {"document": "a"} if name == "comment-threads" else {}
    first = list(run(catalogue()[name], store, values))
    assert first == list(run(catalogue()[name], store, values)) and first, name
