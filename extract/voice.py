"""Whose voice a post body is in: the quoted study's abstract, or the blogger's commentary.

A paragraph with a study marker (first person plural, abstract headings) and no blogger
marker (first person singular, opinion phrases) is the study's; the abstract is the first
run of study paragraphs, widened back over unmarked paragraphs; commentary follows it.
The markers are data (`voice.json`), so the rule works on posts it has never seen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mskg.extract.structure import Span, load_data

Part = tuple[str, Span]


@lru_cache(maxsize=None)
def _markers(who: str) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """Patterns anchored with `^` (tried at the paragraph start only) and the others."""
    patterns = load_data("voice.json")[who]
    anchored = tuple(re.compile(p[1:]) for p in patterns if p.startswith("^"))
    return anchored, tuple(re.compile(p) for p in patterns if not p.startswith("^"))


_QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')


def _says(who: str, text: str, span: Span) -> bool:
    """Does the paragraph carry one of `who`'s markers, outside quotation marks (a quoted doctor's
    "we" is not the study's)?"""
    anchored, anywhere = _markers(who)
    if any(p.match(text, *span) for p in anchored):
        return True
    quoted = [m.span() for m in _QUOTED.finditer(text, *span)]
    if not quoted:
        return any(p.search(text, *span) for p in anywhere)
    return any(not any(a <= m.start() < b for a, b in quoted) for p in anywhere for m in p.finditer(text, *span))


def voice(text: str, span: Span) -> str:
    """`blogger`, `study` or `neutral` for one paragraph of text."""
    if _says("blogger", text, span):
        return "blogger"
    return "study" if _says("study", text, span) else "neutral"


def split_body(text: str, paras: list[Span]) -> list[Part]:
    """Name the parts of a post body: `abstract` and `commentary` when a study speaks, else `body`.

    Blogger paragraphs before the abstract stay a `body` part of their own.
    """
    if not paras:
        return []
    voices = [voice(text, p) for p in paras]
    if "study" not in voices:
        return [("body", (paras[0][0], paras[-1][1]))]
    first = voices.index("study")
    start = first
    while start > 0 and voices[start - 1] == "neutral":
        start -= 1
    last = first
    for i in range(first, len(paras)):
        if voices[i] == "blogger":
            break
        if voices[i] == "study":
            last = i
    parts = [("abstract", (paras[start][0], paras[last][1]))]
    if start > 0:
        parts.insert(0, ("body", (paras[0][0], paras[start - 1][1])))
    if last + 1 < len(paras):
        parts.append(("commentary", (paras[last + 1][0], paras[-1][1])))
    return parts
