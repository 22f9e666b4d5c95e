"""A cheap test that a cue pattern cannot match a stretch of ASCII text, so its scan can be skipped.

From a compiled pattern's parse tree we derive strings one of which every match must
contain (a run of literal letters, or one per alternative of a group), lower-case them and
join them into one case-sensitive alternation. Plain literals searched in lower-cased text
are much faster than the ignore-case pattern itself, and a miss proves the pattern has no
match there. Only ASCII text is tested: there `str.lower` agrees with the regex engine's
ignore-case matching.

>>> check = Prefilter.of(re.compile(r"\\b(?:deplet(?:e|ed)|lower(?:s|ed)?)\\b", re.IGNORECASE))
>>> check.may_match(ascii_lowered("Rituximab DEPLETES B cells", 0, 26)), check.may_match(ascii_lowered("It binds CD20", 0, 13))
(True, False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

try:
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    _REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
except (ImportError, AttributeError):  # a Python whose private regex parser differs: no prefilter skips
    C = _parser = None
    _REPEATS = ()

Factors = frozenset[str]
_PARSER_DRIFT = (AttributeError, IndexError, KeyError, TypeError, ValueError, re.error)


@dataclass(frozen=True)
class Prefilter:
    """The strings one of which every match of a pattern contains, as one lower-case alternation (None: no such strings)."""

    needles: re.Pattern[str] | None

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> Prefilter:
        """The prefilter of a compiled pattern; one that never skips when nothing safe can be derived."""
        found = _derived(pattern)
        if not found or any(_folds_to_ascii(ch) for f in found for ch in f if not ch.isascii()):
            return cls(None)
        lowered = sorted({f.lower() for f in found}, key=lambda f: (-len(f), f))
        return cls(re.compile("|".join(re.escape(f) for f in lowered)))

    def may_match(self, lowered: str | None) -> bool:
        """False only when the pattern surely has no match in the text `lowered` is made from (see `ascii_lowered`)."""
        return self.needles is None or lowered is None or self.needles.search(lowered) is not None


def ascii_lowered(text: str, start: int, end: int) -> str | None:
    """`text[start:end]` lower-cased when it is ASCII (the only text a prefilter may skip), else None."""
    words = text[start:end]
    return words.lower() if words.isascii() else None


def _derived(pattern: re.Pattern[str]) -> Factors | None:
    """The pattern's factors, or None (never skip) where the private `re._parser` is missing or parses differently."""
    if _parser is None:
        return None
    try:
        return _factors(_parser.parse(pattern.pattern, pattern.flags))
    except _PARSER_DRIFT:
        return None


def _folds_to_ascii(ch: str) -> bool:
    """Does this non-ASCII pattern letter match some ASCII letter when case is ignored (the Kelvin sign, 'ſ')?"""
    return any(re.fullmatch(re.escape(ch), chr(a), re.IGNORECASE) for a in range(128))


def _factors(seq: Any) -> Factors | None:
    """Strings one of which every match of this sequence contains: its most selective literal run or required item."""
    candidates: list[Factors] = []
    run = ""
    for op, av in seq:
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append(frozenset([run]))
            run = ""
        found = _item(op, av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset([run]))
    return max(candidates, key=lambda f: (min(map(len, f)), -len(f)), default=None)


def _item(op: Any, av: Any) -> Factors | None:
    """The factors of one parsed item, or None when it may match without any known string."""
    if op is C.SUBPATTERN:
        return _factors(av[3])
    if op is C.ATOMIC_GROUP:
        return _factors(av)
    if op is C.BRANCH:
        parts = [_factors(alt) for alt in av[1]]
        return None if any(p is None for p in parts) else frozenset().union(*parts)
    if op in _REPEATS and av[0] >= 1:
        return _factors(av[2])
    if op is C.IN and av and all(o is C.LITERAL for o, _ in av):
        return frozenset(chr(a) for _, a in av)
    return None
