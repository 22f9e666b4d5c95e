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
def _markers() -> dict[str, re.Pattern[str]]:
    data = load_data("voice.json")
    return {who: re.compile("|".join(f"(?:{p})" for p in data[who]), re.M) for who in ("study", "blogger")}


def voice(text: str, span: Span) -> str:
    """`blogger`, `study` or `neutral` for one paragraph of text."""
    markers = _markers()
    if markers["blogger"].search(text, *span):
        return "blogger"
    return "study" if markers["study"].search(text, *span) else "neutral"


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
