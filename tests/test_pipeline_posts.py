"""Six further posts about other MS drugs, each against its golden file, written before its rules."""

import pytest

from mskg.extract.documents import read_document
from mskg.extract.pipeline import extract
from tests import golden
from tests.data import DATA_DIR

POSTS = sorted((DATA_DIR / "posts").glob("*.txt"))


def _summary(r: dict) -> tuple:
    return (r["subject"], r["relation"], r["object"], r["polarity"], r["certainty"], r["evidence_type"],
            r["segment"], r["comment_index"], r["quote"][:50], tuple(map(tuple, r["qualifiers"])))


@pytest.mark.parametrize("path", POSTS, ids=[p.stem for p in POSTS])
def test_post_findings_match_their_golden_file(path):
    doc = read_document(path)
    expected = golden.read(path.with_suffix(".golden.jsonl"))
    found = golden.rows(extract(doc).claims)
    missing = [_summary(r) for r in expected if r not in found]
    extra = [_summary(r) for r in found if r not in expected]
    assert (missing, extra) == ([], [])
    for r in expected:
        assert doc.text[r["start"] : r["end"]] == r["quote"]


def test_there_are_at_least_six_posts():
    assert len(POSTS) >= 6
