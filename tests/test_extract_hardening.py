"""Issue 3: a very long text is processed in bounded memory. Matching works through a long segment
blank line by blank line, so its tokens are never all held at once."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from mskg.extract.documents import read_document
from mskg.extract.mentions import CHUNK_CHARS, _chunks
from mskg.extract.pipeline import extract
from tests.data import SEED_FILE

pytestmark = pytest.mark.hardening

WORDS = "the a walk weather lovely today went long morning coffee garden neighbour dog park bench rain".split()
CLAIM = "Mitoxantrone depletes B cells."


def diary(path: Path, size: int) -> Path:
    """A long plain-text post of ordinary sentences, with one drug claim every tenth paragraph."""
    rng = random.Random(7)
    parts, length, index = ["A very long diary\n\n"], 0, 0
    while length < size:
        sentences = [" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6)]
        paragraph = " ".join(sentences + ([CLAIM] if index % 10 == 0 else [])) + "\n\n"
        parts.append(paragraph)
        length, index = length + len(paragraph), index + 1
    path.write_text("".join(parts), encoding="utf-8")
    return path


def test_a_long_segment_is_cut_only_at_blank_lines_and_covers_everything() -> None:
    text = "x" * (CHUNK_CHARS + 10) + "\n\n" + "y" * (CHUNK_CHARS + 10) + "\n\nz"
    pieces = list(_chunks(text, 0, len(text)))
    assert len(pieces) == 3
    assert [a for a, _ in pieces[1:]] == [b for _, b in pieces[:-1]]
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(text.startswith("\n\n", a) for a, _ in pieces[1:])
    assert list(_chunks("short text", 0, 10)) == [(0, 10)]


def test_a_long_text_is_extracted_in_bounded_memory(tmp_path: Path) -> None:
    extract(read_document(SEED_FILE))
    doc = read_document(diary(tmp_path / "diary.txt", 400_000))
    tracemalloc.start()
    try:
        out = extract(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(out.claims) == doc.text.count(CLAIM)
    assert out.claims[-1].evidence.start == doc.text.rindex(CLAIM)
    assert peak < 16 * len(doc.text), f"peak {peak} bytes for {len(doc.text)} characters"
