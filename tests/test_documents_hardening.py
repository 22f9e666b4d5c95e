"""Issue 7 rows on reading: U+00A0, U+2022, emoji, CRLF and a BOM keep offsets exact, and a
10 MB text reads in bounded memory."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mskg.extract.documents import read_document
from tests.data import DATA_DIR, SEED_FILE

pytestmark = pytest.mark.hardening

VARIANTS = ["seed_crlf.txt", "seed_bom.txt", "seed_bom_crlf.txt"]
PARAGRAPH = (
    "We show that ocrelizumab depletes CD20 B cells in 98\u00a0% of patients \U0001f600. "
    "\u2022 Not a comment.\n"
)
CLOSING = "In my mind this is expected.\n"
MEASURE = """
import json, resource, sys
from pathlib import Path
from mskg.extract.documents import read_document
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
doc = read_document(Path(sys.argv[1]))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
last = doc.segments[-1]
print(json.dumps([before, after, [s.id for s in doc.segments], doc.text[last.start : last.end]]))
"""


def segment_texts(path: Path) -> dict[str, str]:
    doc = read_document(path)
    return {s.id: doc.text[s.start : s.end] for s in doc.segments}


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_variant_has_the_seed_segments(variant: str) -> None:
    seed = segment_texts(SEED_FILE)
    found = segment_texts(DATA_DIR / "documents" / variant)
    assert {k: v.replace("\r", "") for k, v in found.items()} == seed


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_variant_offsets_index_the_undecoded_text(variant: str) -> None:
    path = DATA_DIR / "documents" / variant
    doc = read_document(path)
    raw = path.read_bytes().decode("utf-8")
    assert doc.text == raw
    assert doc.text.startswith("\ufeff") == ("bom" in variant)
    for seg in doc.segments:
        piece = doc.text[seg.start : seg.end]
        assert piece == piece.strip().strip("\ufeff"), seg.id
        assert doc.view(seg.id).text == piece
    third = doc.segment("comment-3")
    assert doc.text[third.quote_start : third.quote_end].startswith("If only there was a way")
    assert "\U0001f600" in doc.text[doc.segment("comment-1").start : doc.segment("comment-1").end]


def test_ten_megabyte_text_reads_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    paragraph = PARAGRAPH.encode("utf-8")
    with path.open("wb") as out:
        out.write(b"A very long post about ocrelizumab\n\n")
        for _ in range(10_000_000 // len(paragraph)):
            out.write(paragraph + b"\n")
        out.write(CLOSING.encode("utf-8"))
    size = path.stat().st_size
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True)
    before_kb, after_kb, ids, closing = json.loads(done.stdout)
    assert size > 9_500_000
    assert ids == ["title", "abstract", "commentary"]
    assert closing == CLOSING.strip()
    assert (after_kb - before_kb) * 1024 < 16 * size


def readings(path: Path) -> set[tuple[str, ...]]:
    """Every claim of a document as plain values; each evidence quote checked against the text."""
    from mskg.extract.pipeline import extract

    doc = read_document(path)
    found = set()
    for claim in extract(doc).claims:
        ev = claim.evidence
        assert doc.text[ev.start : ev.end] == ev.quote
        found.add((claim.subject, claim.relation, claim.object, claim.polarity, ev.certainty, ev.segment,
                   ev.quote.replace("\r", "")))
    return found


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_variant_evidence_quotes_are_the_text_at_their_offsets(variant: str) -> None:
    seed = readings(SEED_FILE)
    assert seed
    assert readings(DATA_DIR / "documents" / variant) == seed


@pytest.mark.parametrize("page", ["wordpress_natalizumab.html", "blogger_fingolimod.html"])
def test_html_evidence_quotes_are_the_page_source_at_their_offsets(page: str) -> None:
    assert readings(DATA_DIR / "documents" / page)
