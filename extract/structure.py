"""Shared pieces of every document reader: spans, lines, paragraphs and the parse result."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from mskg.extract.model import Segment, TextView

Span = tuple[int, int]
_LINE = re.compile(r"[^\n]*\n|[^\n]+")
_BLANK_RUN = re.compile(r"\n(?:[^\S\n]*\n)+")
_NOT_SPACE = re.compile(r"[^\s\ufeff]")


@dataclass(frozen=True)
class Parsed:
    """What a format reader found: segments (offsets into the file's text) and their views."""

    segments: tuple[Segment, ...]
    title: str | None = None
    author: str | None = None
    views: tuple[tuple[str, TextView], ...] = ()
    format: str | None = None


@lru_cache(maxsize=None)
def load_data(name: str) -> Any:
    """A JSON data file shipped in `mskg.extract`, parsed once."""
    return json.loads(resources.files("mskg.extract").joinpath(name).read_text(encoding="utf-8"))


def trim(text: str, start: int, end: int) -> Span:
    """The span without surrounding whitespace (U+00A0 and a BOM count as whitespace)."""
    first = _NOT_SPACE.search(text, start, end)
    if first is None:
        return start, start
    piece = text[first.start() : end]
    stripped = piece.rstrip().rstrip("\ufeff").rstrip()
    return first.start(), first.start() + len(stripped)


def lines(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Spans of the lines in `text[start:end]`, without their line endings (CR LF or LF)."""
    out = []
    for m in _LINE.finditer(text, start, len(text) if end is None else end):
        stop = m.end() - 1 if text[m.end() - 1 : m.end()] == "\n" else m.end()
        if stop > m.start() and text[stop - 1] == "\r":
            stop -= 1
        out.append((m.start(), stop))
    return out


def paragraphs(text: str, start: int, end: int) -> list[Span]:
    """Trimmed spans of the blank-line separated paragraphs of `text[start:end]`."""
    out, at = [], start
    for m in _BLANK_RUN.finditer(text, start, end):
        out.append(trim(text, at, m.start()))
        at = m.end()
    out.append(trim(text, at, end))
    return [p for p in out if p[1] > p[0]]


def segment(seg_id: str, kind: str, span: Span, **extra: Any) -> Segment:
    """A segment over a span (already trimmed)."""
    return Segment(id=seg_id, kind=kind, start=span[0], end=span[1], **extra)  # type: ignore[arg-type]
