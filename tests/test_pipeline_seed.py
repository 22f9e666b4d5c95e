"""The seed's findings, compared field by field with the hand-checked golden file."""

import pytest

from mskg.extract.documents import read_document
from mskg.extract.pipeline import extract
from tests import golden
from tests.data import DATA_DIR, MITOXANTRONE, NK_CELL, SEED_FILE

SEED_GOLDEN = DATA_DIR / "seed.golden.jsonl"


@pytest.fixture(scope="module")
def seed():
    return extract(read_document(SEED_FILE))


def test_every_golden_quote_is_the_text_at_its_offsets(seed):
    for r in golden.read(SEED_GOLDEN):
        assert seed.document.text[r["start"] : r["end"]] == r["quote"]


def test_seed_findings_match_the_golden_file_field_by_field(seed):
    expected = golden.read(SEED_GOLDEN)
    found = golden.rows(seed.claims)
    assert len(found) == len(expected)
    for want, got in zip(expected, found):
        for name in golden.FIELDS:
            assert got[name] == want[name], (name, want["quote"][:60])


def test_every_evidence_quote_is_the_document_text(seed):
    for claim in seed.claims:
        ev = claim.evidence
        assert seed.document.text[ev.start : ev.end] == ev.quote


def test_the_study_is_filled_from_the_abstract(seed):
    study = seed.document.study
    assert study.sample_size == 19
    assert study.population == "http://purl.obolibrary.org/obo/MONDO_0000450"
    assert len(study.designs) == 3
    assert study.methods


def test_study_evidence_points_to_the_study(seed):
    studies = {c.evidence.study for c in seed.claims if c.evidence.evidence_type == "study"}
    assert studies == {seed.document.study.iri_key}


def test_no_kills_claim_from_the_background_sentence(seed):
    assert not [c for c in seed.claims if c.relation == "kills"]


def test_knowledge_gaps_are_found(seed):
    quotes = [g.evidence.quote for g in seed.gaps]
    assert any("poorly understood" in q for q in quotes)
    assert any(q.startswith("In my mind it is not clear") for q in quotes)
    assert any(q.startswith("If only there was a way") for q in quotes)


def test_the_quoted_comment_is_not_read_twice(seed):
    assert len([g for g in seed.gaps if g.evidence.quote.startswith("If only")]) == 1


def test_the_post_author_signs_post_evidence(seed):
    post = [c for c in seed.claims if c.evidence.segment_kind == "post"]
    assert {c.evidence.author for c in post} == {"MouseDoctor"}
    assert any(c.subject == "http://purl.obolibrary.org/obo/CHEBI_50729" for c in post)
    assert MITOXANTRONE and NK_CELL
