"""The cue prefilters skip a scan only when the cue cannot match: checked on windows of the seed and held-out posts."""

import re

from mskg.extract import prefilter
from mskg.extract.cues import load_cues
from mskg.extract.prefilter import Prefilter, ascii_lowered

from tests.data import DATA_DIR, SEED_FILE


def _texts() -> list[str]:
    held = sorted((DATA_DIR / "heldout").glob("*.txt")) + sorted((DATA_DIR / "heldout").glob("*.html"))
    return [p.read_text(encoding="utf-8") for p in [SEED_FILE, *held]]


def test_prefilter_never_skips_a_window_a_relation_cue_matches():
    cues = [c for c in load_cues().relations if c.kind != "prefix"]
    for text in _texts():
        for start in range(0, len(text), 23):
            end = min(len(text), start + 90)
            lowered = ascii_lowered(text, start, end)
            for cue in cues:
                if cue.pattern.search(text, start, end):
                    assert cue.prefilter.may_match(lowered), (cue.relation, text[start:end])


def test_prefilter_never_skips_a_window_a_named_cue_matches():
    cues = load_cues()
    for text in _texts():
        for start in range(0, len(text), 41):
            end = min(len(text), start + 90)
            lowered = ascii_lowered(text, start, end)
            for name, check in cues.prefilters.items():
                if cues.patterns[name].search(text, start, end):
                    assert check.may_match(lowered), (name, text[start:end])


def test_prefilter_skips_a_sentence_without_the_cue_words():
    cue = next(c for c in load_cues().relations if c.relation == "kills")
    assert not cue.prefilter.may_match(ascii_lowered("Natalizumab binds VLA-4 on T cells.", 0, 35))


def test_prefilter_never_skips_non_ascii_text():
    check = Prefilter.of(re.compile(r"\bkill(?:s|ed)?\b", re.IGNORECASE))
    assert ascii_lowered("It \u017fuppresses", 0, 14) is None and check.may_match(None)


def test_prefilter_gives_up_on_a_pattern_without_required_words():
    assert Prefilter.of(re.compile(r"\w+\s+of", re.IGNORECASE)).needles is not None
    assert Prefilter.of(re.compile(r"(?:a|\w+)", re.IGNORECASE)).needles is None


class _ChangedParser:
    """A private regex parser that parses differently (as on some other Python)."""

    @staticmethod
    def parse(pattern: str, flags: int) -> object:
        raise TypeError("parse() takes a different signature here")


def _extractions() -> list[tuple]:
    from mskg.extract.documents import read_document
    from mskg.extract.pipeline import extract

    held = sorted((DATA_DIR / "heldout").glob("*.txt")) + sorted((DATA_DIR / "heldout").glob("*.html"))
    return [(e.claims, e.gaps, e.notices) for e in (extract(read_document(p)) for p in [SEED_FILE, *held])]


def test_prefilter_falls_back_to_scanning_everything_when_the_private_parser_changes(monkeypatch):
    expected = _extractions()
    for parser in (_ChangedParser, None):
        monkeypatch.setattr(prefilter, "_parser", parser)
        load_cues.cache_clear()
        try:
            cues = load_cues()
            assert all(c.prefilter.needles is None for c in cues.relations)
            assert all(p.needles is None for p in cues.prefilters.values())
            assert _extractions() == expected
        finally:
            load_cues.cache_clear()
