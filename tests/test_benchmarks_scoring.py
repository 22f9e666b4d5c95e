"""Scoring extraction against planted findings, and the percentile the latency tables use."""

from __future__ import annotations

import pytest

from benchmarks.querying import percentile
from benchmarks.scoring import score

DOC = "00001_abc"
PLANTED = [
    {"document": DOC, "subject": "CHEBI:50729", "relation": "decreasesAmountOf", "object": "CL:0000236",
     "polarity": "positive", "certainty": "asserted", "evidence_type": "study", "quote": "Mitoxantrone depletes B cells."},
    {"document": DOC, "subject": "CHEBI:50729", "relation": "increasesAmountOf", "object": "CL:0000623",
     "polarity": "negative", "certainty": "asserted", "evidence_type": "expert", "quote": "It did not expand NK cells."},
]


def _row(relation: str, obj: str, polarity: str, certainty: str = "asserted", kind: str = "study") -> tuple:
    return (DOC, "CHEBI:50729", relation, obj, polarity, certainty, kind, 0, 10, "quote")


def test_all_found_and_nothing_else_is_perfect() -> None:
    rows = [_row("decreasesAmountOf", "CL:0000236", "positive"), _row("increasesAmountOf", "CL:0000623", "negative", kind="expert")]
    s = score(PLANTED, rows, {DOC})
    assert (s.precision, s.recall, s.certainty_agreement, s.type_agreement) == (1.0, 1.0, 1.0, 1.0)


def test_wrong_polarity_counts_as_both_a_miss_and_a_spurious_finding() -> None:
    rows = [_row("decreasesAmountOf", "CL:0000236", "positive"), _row("increasesAmountOf", "CL:0000623", "positive")]
    s = score(PLANTED, rows, {DOC})
    assert (s.matched, s.precision, s.recall) == (1, 0.5, 0.5)
    assert len(s.missed) == 1 and "did not expand" in s.missed[0]
    assert len(s.spurious) == 1


def test_duplicate_evidence_is_one_finding() -> None:
    rows = [_row("decreasesAmountOf", "CL:0000236", "positive")] * 3
    s = score(PLANTED, rows, {DOC})
    assert (s.extracted, s.matched, s.precision, s.recall) == (1, 1, 1.0, 0.5)


def test_certainty_disagreement_is_reported_not_counted_against_recall() -> None:
    rows = [_row("decreasesAmountOf", "CL:0000236", "positive", certainty="hedged")]
    s = score(PLANTED, rows, {DOC})
    assert s.matched == 1 and s.certainty_agreement == 0.0 and s.type_agreement == 1.0


def test_documents_outside_the_corpus_are_ignored() -> None:
    rows = [("other", "CHEBI:50729", "treats", "MONDO:0005301", "positive", "asserted", "study", 0, 1, "q")]
    s = score(PLANTED, rows, {DOC})
    assert s.extracted == 0 and s.recall == 0.0


@pytest.mark.parametrize(("q", "expected"), [(0.5, 5.0), (0.95, 10.0), (0.0, 1.0), (1.0, 10.0)])
def test_percentile_by_nearest_rank(q: float, expected: float) -> None:
    assert percentile([float(v) for v in range(10, 0, -1)], q) == expected
