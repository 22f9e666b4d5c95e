"""Word tokens with offsets and the normal form both the lexicon and the matcher key on.

A token is a run of letters or of digits ("CD56bright" -> "CD", "56", "bright"), so
hyphens, spaces, NBSPs and brackets between words never change a key; the normal form is
NFKC, case-folded, Greek letters spelt out, and plurals made singular.

>>> [t.norm for t in tokenize("CD8(low) T-cells")]
['cd', '8', 'low', 't', 'cell']
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from importlib.resources import files
from typing import Any, NamedTuple

_TOKEN = re.compile(r"[^\W\d_]+|\d+")


class Token(NamedTuple):
    """One word token: where it is in the text, as written, and its normal form (a named tuple: a
    text has many tokens, and a tuple is built in half the time of a frozen dataclass)."""

    start: int
    end: int
    text: str
    norm: str


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """A JSON data file shipped in mskg.extract (cues, lexicon settings)."""
    return json.loads((files("mskg.extract") / name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], tuple[str, ...]]:
    data = load_data("lexicon.json")
    return data["greek"], tuple(data["singular_keep_endings"])


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """The lookup form of one word: NFKC, case-folded, Greek spelt out, singular."""
    greek, keep = _tables()
    folded = unicodedata.normalize("NFKC", word).casefold()
    folded = "".join(greek.get(ch, ch) for ch in folded)
    if word.isupper() or len(folded) <= 3 or not folded.isalpha():
        return folded
    if folded.endswith("ies") and len(folded) > 4:
        return folded[:-3] + "y"
    if folded.endswith(("uses", "sses")):
        return folded[:-2]
    if folded.endswith("s") and not folded.endswith(keep):
        return folded[:-1]
    return folded


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The word tokens of `text[start:end]`, with offsets into `text`."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group(), normalise(m.group())) for m in _TOKEN.finditer(text, start, stop)]


def token_columns(text: str, start: int = 0, end: int | None = None) -> tuple[list[int], list[int], list[str]]:
    """What `tokenize` gives, as three lists (starts, ends, normal forms) without a Token per word.

    >>> token_columns("CD8(low) T-cells", 4)
    ([4, 9, 11], [7, 10, 16], ['low', 't', 'cell'])
    """
    stop = len(text) if end is None else end
    found, match = list(_TOKEN.finditer(text, start, stop)), re.Match
    return list(map(match.start, found)), list(map(match.end, found)), list(map(normalise, map(match.group, found)))


def key_of(text: str) -> tuple[str, ...]:
    """The lookup key of a name: the normal forms of its tokens."""
    return tuple(t.norm for t in tokenize(text))
