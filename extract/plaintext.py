"""Plain text: one post, no comments; a short first line standing alone is its title."""

from __future__ import annotations

from mskg.extract.structure import Parsed, paragraphs, segment, trim
from mskg.extract.voice import split_body

MAX_TITLE = 150
_SENTENCE_END = ".,;!?\u2026"


def parse_plain(text: str) -> Parsed:
    """A `title` segment when the first paragraph is one short line, then the body parts."""
    paras = paragraphs(text, 0, len(text))
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
