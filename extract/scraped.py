"""The scraped blog-text format of the seed: title line, post body, boilerplate, a bullet
(U+2022) list of reader comments, a "By <author>" byline and the site's footer.

Boilerplate line patterns live in `boilerplate.json`. The post body ends at the first
boilerplate line; bullets after it are comments; a footer line ends the page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mskg.extract.model import Segment
from mskg.extract.replies import ReplyFinder
from mskg.extract.structure import Parsed, Span, lines, load_data, paragraphs, segment, trim
from mskg.extract.voice import split_body

MARKERS = ("byline", "drop", "footer")


@lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = load_data("boilerplate.json")
    found = {name: re.compile("|".join(f"(?:{p})" for p in data[name])) for name in ("drop", "footer")}
    found["byline"] = re.compile(data["byline"])
    found["comment_author"] = re.compile(data["comment_author"].removeprefix("^"))  # matched at a position
    return found


@lru_cache(maxsize=None)
def _bullets() -> frozenset[str]:
    return frozenset(load_data("boilerplate.json")["bullets"])


def classify(line: str) -> str:
    """`blank`, `bullet`, `byline`, `drop`, `footer` or `text` for one line of the page."""
    bare = line.strip().lstrip("\ufeff").strip()
    if not bare:
        return "blank"
    if bare[0] in _bullets() and (len(bare) == 1 or bare[1].isspace()):
        return "bullet"
    pats = _patterns()
    for name in MARKERS:
        if pats[name].match(bare):
            return name
    return "text"


def byline_author(line: str) -> str | None:
    """The author named by a byline, or None."""
    m = _patterns()["byline"].match(line.strip())
    return m.group("author") if m else None


def parse_scraped(text: str) -> Parsed | None:
    """Title, body parts, comments and byline author of a scraped blog page; None when no
    line of the text is blog boilerplate (then it is plain text)."""
    spans = lines(text)
    kinds = [classify(text[s:e]) for s, e in spans]
    if not any(kind in MARKERS for kind in kinds):
        return None
    first = next((i for i, k in enumerate(kinds) if k != "blank"), len(kinds))
    if first == len(kinds):
        return Parsed(segments=(), format="scraped-blog-text")
    title = trim(text, *spans[first])
    segs, end = _post(text, spans, kinds, first)
    segs += comments(text, spans[end:], kinds[end:])
    author = next((byline_author(text[s:e]) for (s, e), k in zip(spans, kinds) if k == "byline"), None)
    return Parsed(tuple(segs), text[title[0] : title[1]], author, format="scraped-blog-text")


def _post(text: str, spans: list[Span], kinds: list[str], first: int) -> tuple[list[Segment], int]:
    """Title and body parts of the post whose title is line `first`; and the line after it.

    The body starts at the first text line after the title (a byline or form line right
    under the title is skipped) and ends at the next boilerplate line.
    """
    title = trim(text, *spans[first])
    begin = next((i for i in range(first + 1, len(kinds)) if kinds[i] not in ("blank", "byline", "drop")), len(kinds))
    end = next((i for i in range(begin, len(kinds)) if kinds[i] in MARKERS), len(kinds))
    body = (spans[begin][0], spans[end - 1][1]) if end > begin else (title[1], title[1])
    segs = [segment("title", "title", title)]
    segs += [segment(pid, pid, span) for pid, span in split_body(text, paragraphs(text, *body))]
    return segs, end


def comments(text: str, spans: list[Span], kinds: list[str]) -> list[Segment]:
    """The bullet comments among the lines after the post body, until the footer."""
    found: list[Span] = []
    open_at: int | None = None
    last_end = 0
    for (s, e), kind in zip(spans, kinds):
        if kind in MARKERS or kind == "bullet":
            if open_at is not None:
                found.append(trim(text, open_at, last_end))
            open_at = _after_bullet(text, s) if kind == "bullet" else None
            if kind == "footer":
                break
        last_end = e
    if open_at is not None:
        found.append(trim(text, open_at, last_end))
    return _comment_segments(text, [span for span in found if span[1] > span[0]])


def _after_bullet(text: str, line_start: int) -> int:
    """The offset just after the bullet character of a bullet line."""
    at = line_start
    while text[at].isspace() or text[at] == "\ufeff":
        at += 1
    return at + 1


def _comment_segments(text: str, spans: list[Span]) -> list[Segment]:
    """Comment segments numbered from 1, each linked to the earlier comment it quotes."""
    finder, out = ReplyFinder(), []
    for n, (s, e) in enumerate(spans, start=1):
        author, s = comment_author(text, s, e)
        quote, target = finder.add(text[s:e])
        extra = {"quote_start": s + quote[0], "quote_end": s + quote[1]} if quote else {}
        reply_to = f"comment-{target + 1}" if target is not None else None
        out.append(segment(f"comment-{n}", "comment", (s, e), author=author, comment_index=n, reply_to=reply_to, **extra))
    return out


def comment_author(text: str, start: int, end: int) -> tuple[str | None, int]:
    """The writer named on a comment's first line ("Anna said...") and where its words start."""
    line_end = text.find("\n", start, end)
    m = _patterns()["comment_author"].match(text, start, line_end) if line_end > 0 else None
    if m is None:
        return None, start
    name = " ".join(m.group("author").split())
    unknown = name.casefold() in load_data("boilerplate.json")["unknown_authors"]
    return (None if unknown else name), trim(text, line_end, end)[0]
