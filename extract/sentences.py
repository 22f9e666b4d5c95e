"""Sentences and clauses of a text, as (start, end) offsets into it, trimmed of spaces and end marks.

Sentences end at . ! ? before an upper-case start, or after a lower-case word before a lower-case one
(a forum's "fwiw. lymphs crashed"; never after "e.g.", "i.e.", "Dr.", "vs." ...),
at a blank line, or at a line that starts a new item; clauses split a sentence at the
boundaries listed in cues.json ("; ", ", but", ", unless", "and indeed ..."), so that a
claim's quote is the smallest stretch of words that carries it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from mskg.extract.tokens import load_data

Span = tuple[int, int]
_LEAD = " \t\r\n\u00a0\u2022\ufeff\"'“”‘’,;:-."
_TAIL = " \t\r\n\u00a0\u2022\ufeff\"'“”‘’,;:-.!?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = load_data("cues.json")["sentences"]
    ends = re.compile(data["sentence_end"])
    keep = re.compile(data["no_break_before_end"], re.IGNORECASE)
    clause = re.compile("|".join(f"(?:{p})" for p in data["clause_boundaries"]))
    return ends, keep, clause


def _symbol(ch: str) -> bool:
    """Emoji and other pictographs, which never start or end a quote."""
    return unicodedata.category(ch) in ("So", "Sk", "Cf", "Mn") and not ch.isalnum()


def trim(text: str, start: int, end: int) -> Span:
    """Shrink a span past surrounding spaces, quotes, end punctuation and an unmatched ')'."""
    while start < end and (text[start] in _LEAD or _symbol(text[start])):
        start += 1
    while end > start and (text[end - 1] in _TAIL or _symbol(text[end - 1])):
        end -= 1
    if end > start and text[end - 1] == ")" and text.count("(", start, end) < text.count(")", start, end):
        return trim(text, start, end - 1)
    return start, end


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of `text[start:end]`, as trimmed spans into `text`."""
    ends, keep, _ = _patterns()
    stop = len(text) if end is None else end
    spans: list[Span] = []
    cursor = start
    for m in ends.finditer(text, start, stop):
        mark = m.group("mark") or m.group("lowermark")
        if mark and keep.search(text, max(start, m.start() - 12), m.start() + 1):
            continue
        spans.append(trim(text, cursor, m.start() + len(mark or "")))
        cursor = m.end()
    spans.append(trim(text, cursor, stop))
    return [s for s in spans if s[1] > s[0]]


def clauses(text: str, span: Span) -> list[Span]:
    """The clauses of one sentence span, as trimmed spans into `text`; a leading condition stays
    with the clause it conditions ("if it does, it might slow ...")."""
    _, _, boundary = _patterns()
    out: list[Span] = []
    cursor = span[0]
    joined = False
    for m in boundary.finditer(text, span[0], span[1]):
        part = trim(text, cursor, m.start())
        if joined and out:
            out[-1] = (out[-1][0], part[1])
        elif part[1] > part[0]:
            out.append(part)
        joined = bool(_condition().match(text, out[-1][0])) and m.group().strip() == "," if out else False
        cursor = m.end()
    last = trim(text, cursor, span[1])
    if joined and out:
        out[-1] = (out[-1][0], last[1])
    else:
        out.append(last)
    return [c for c in out if c[1] > c[0]]


@lru_cache(maxsize=1)
def _condition() -> re.Pattern[str]:
    """A clause that opens with a condition ("if", "unless"), from cues.json."""
    return re.compile(load_data("cues.json")["sentences"]["leading_condition"], re.IGNORECASE)


def is_question(text: str, span: Span) -> bool:
    """Does the sentence ask rather than state ("Does Vumerity cause less flushing than Tecfidera?"), or
    report a question ("A patient asked whether an aspirin before the dose helps with the flushing")?"""
    question, reported = _questions()
    asks = span[1] < len(text) and text[span[1]] == "?" and bool(question.match(text, span[0], span[1]))
    return asks or bool(reported.search(text, span[0], span[1]))


@lru_cache(maxsize=1)
def _questions() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words a question starts with, and those that report one, from cues.json."""
    data = load_data("cues.json")["sentences"]
    return re.compile(data["question"], re.IGNORECASE), re.compile(data["reported_question"], re.IGNORECASE)
