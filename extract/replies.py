"""Which earlier comment a reader comment answers, from the words it quotes (`Re: "…"`)."""

from __future__ import annotations

import re

from mskg.extract.structure import Span

WINDOW = 200
MIN_QUOTE = 8
_QUOTED = re.compile(r"\s*(?:Re\s*:\s*)?[\"\u201c](?P<q>[^\"\u201c\u201d]+)[\"\u201d]", re.I)
# A `Re:` line quotes up to its last closing mark, so a quoted comment that itself opens with a quote
# (`Re: ""Liver enzyme rises ..." - so is ...?"`) is quoted whole.
_RE_LINE = re.compile(r"\s*Re\s*:\s*[\"\u201c](?P<q>[^\n]*[^\s\"\u201c\u201d][^\n]*?)[\"\u201d][ \t]*(?:\r?\n|$)", re.I)
_EDGE = " \t\r\n\u00a0.,;:!?\u2026'\u2018\u2019"


def normalize(text: str) -> str:
    """Case-folded, whitespace-collapsed text without edge punctuation, for matching quotes."""
    return " ".join(text.casefold().split()).strip(_EDGE)


class ReplyFinder:
    """Reads comments in order; each one's quote is looked up among the comments before it."""

    def __init__(self) -> None:
        self._seen: list[str] = []

    def add(self, text: str) -> tuple[Span | None, int | None]:
        """The quoted span in `text` (or None) and the 0-based index of the comment it quotes."""
        m = _RE_LINE.match(text) or _QUOTED.match(text)
        quote = (m.start("q"), m.end("q")) if m and len(m.group("q").strip()) >= MIN_QUOTE else None
        target = self._match(normalize(text[quote[0] : quote[1]])) if quote else None
        self._seen.append(normalize(text))
        return quote, target

    def _match(self, quoted: str) -> int | None:
        """The latest earlier comment containing the quote (or contained in it), if any."""
        stop = max(len(self._seen) - WINDOW, 0)
        for i in range(len(self._seen) - 1, stop - 1, -1):
            earlier = self._seen[i]
            if quoted in earlier or (len(earlier) >= MIN_QUOTE and earlier in quoted):
                return i
        return None
