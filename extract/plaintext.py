"""Plain text: one post, no comments; a short first line standing alone is its title; a press
release's closing sections (company background, forward-looking statements, contacts) are not read."""

from __future__ import annotations

import re
from functools import lru_cache

from mskg.extract.structure import Parsed, Span, load_data, paragraphs, segment, trim
from mskg.extract.voice import split_body

MAX_TITLE = 150
_SENTENCE_END = ".,;!?\u2026"


def parse_plain(text: str) -> Parsed:
    """A `title` segment when the first paragraph is one short line, then the body parts."""
    paras = _before_footer(text, paragraphs(text, 0, len(text)))
    segs = []
    title = None
    if len(paras) > 1 and _is_title(text[paras[0][0] : paras[0][1]]):
        title = text[paras[0][0] : paras[0][1]]
        segs.append(segment("title", "title", paras[0]))
        paras = paras[1:]
    segs += [segment(pid, pid, trim(text, *span)) for pid, span in split_body(text, paras)]
    return Parsed(segments=tuple(segs), title=title, format="plain-text")


def _is_title(line: str) -> bool:
    """One line, short, not ending like a sentence."""
    return "\n" not in line and len(line) <= MAX_TITLE and line[-1] not in _SENTENCE_END


@lru_cache(maxsize=1)
def _footer() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in load_data("boilerplate.json")["plain_footer"]))


def _before_footer(text: str, paras: list[Span]) -> list[Span]:
    """The paragraphs before the first whose first line starts a closing section ("Forward-looking statements")."""
    footer = _footer()
    end = next((i for i, (start, stop) in enumerate(paras) if footer.match(text[start:stop].split("\n", 1)[0].strip())), len(paras))
    return paras[:end]
