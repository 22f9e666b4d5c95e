"""Plain objects that flow through extraction: documents, segments, evidence and claims.

Offsets are 0-based, end-exclusive indices into `Document.text`, the decoded text of the
original file, so `document.text[start:end] == quote` holds for every piece of evidence.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["title", "abstract", "commentary", "body", "comment"]
Polarity = Literal["positive", "negative"]
Certainty = Literal["asserted", "hedged", "hypothetical"]
EvidenceType = Literal["study", "expert", "anecdote", "background"]

POLARITIES: tuple[str, ...] = ("positive", "negative")
CERTAINTIES: tuple[str, ...] = ("asserted", "hedged", "hypothetical")
EVIDENCE_TYPES: tuple[str, ...] = ("study", "expert", "anecdote", "background")
QUALIFIER_KEYS: tuple[str, ...] = ("population", "condition", "context", "comedication")


@dataclass(frozen=True)
class Segment:
    """A stretch of a document written in one voice: title, abstract, commentary, a comment."""

    id: str
    kind: SegmentKind
    start: int
    end: int
    author: str | None = None
    comment_index: int | None = None
    reply_to: str | None = None
    quote_start: int | None = None
    quote_end: int | None = None


@dataclass(frozen=True)
class TextView:
    """The readable text of a segment, and where each stretch of it sits in the original.

    `runs` are `(view_start, original_start, length)` triples in order, `length` counted in
    the view. For plain-text formats one run covers the whole segment; for HTML the runs skip
    tags. `widths`, when given, holds each run's length in the original where it differs: a
    decoded entity (`&amp;` is one character read, five in the file) is one run that maps
    as a whole, and a line break the reader inserted for a block tag has width 0.
    """

    text: str
    runs: tuple[tuple[int, int, int], ...]
    widths: tuple[int, ...] = ()

    def original(self, start: int, end: int) -> tuple[int, int]:
        """Original-text offsets `(start, end)` for the view's `text[start:end]`."""
        first = self._start(start)
        return (first, self._end(end)) if end > start else (first, first)

    def sub(self, start: int, end: int) -> TextView:
        """The view of `text[start:end]`, its runs clipped to that stretch."""
        runs, widths = [], []
        for k, (v, o, n) in enumerate(self.runs):
            lo, hi = max(v, start), min(v + n, end)
            if lo >= hi:
                continue
            whole = self._width(k) == n
            runs.append((lo - start, o + (lo - v if whole else 0), hi - lo))
            widths.append(hi - lo if whole else self._width(k))
        exact = all(w == r[2] for w, r in zip(widths, runs))
        return TextView(self.text[start:end], tuple(runs), () if exact else tuple(widths))

    def locate(self, offset: int) -> int:
        """The view index of the first readable character at or after an original offset."""
        k = max(bisect_right(self.runs, offset, key=lambda r: r[1]) - 1, 0)
        while k < len(self.runs):
            view_start, orig_start, length = self.runs[k]
            width = self._width(k)
            if offset < orig_start + width or (width == 0 and offset <= orig_start):
                if offset <= orig_start:
                    return view_start
                return view_start + (offset - orig_start if width == length else length)
            k += 1
        return len(self.text)

    def _width(self, k: int) -> int:
        return self.widths[k] if self.widths else self.runs[k][2]

    def _run(self, i: int) -> int:
        return max(bisect_right(self.runs, i, key=lambda r: r[0]) - 1, 0)

    def _start(self, i: int) -> int:
        k = self._run(i)
        view_start, orig_start, length = self.runs[k]
        if self._width(k) != length:
            return orig_start
        return orig_start + min(max(i - view_start, 0), length)

    def _end(self, i: int) -> int:
        k = self._run(i - 1)
        view_start, orig_start, length = self.runs[k]
        width = self._width(k)
        if width != length:
            return orig_start + width
        return orig_start + min(max(i - view_start, 0), length)


@dataclass(frozen=True)
class Study:
    """A study a document quotes; its design and population are ontology term IRIs."""

    iri_key: str
    title: str | None = None
    citation: str | None = None
    doi: str | None = None
    designs: tuple[str, ...] = ()
    sample_size: int | None = None
    population: str | None = None
    methods: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One input file: its full decoded text, metadata, and the segments found in it."""

    id: str
    path: str
    text: str
    format: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    author: str | None = None
    segments: tuple[Segment, ...] = ()
    study: Study | None = None
    views: tuple[tuple[str, TextView], ...] = ()

    def segment(self, segment_id: str) -> Segment:
        """The segment with this id; KeyError when there is none."""
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)

    def view(self, segment_id: str) -> TextView:
        """The readable text of a segment; plain formats read the original text directly."""
        for sid, view in self.views:
            if sid == segment_id:
                return view
        seg = self.segment(segment_id)
        return TextView(self.text[seg.start : seg.end], ((0, seg.start, seg.end - seg.start),))


@dataclass(frozen=True)
class Evidence:
    """Where a claim was read: document, segment, author, how sure, what kind, exact words."""

    document: str
    segment: str
    start: int
    end: int
    quote: str
    certainty: Certainty = "asserted"
    evidence_type: EvidenceType = "expert"
    author: str | None = None
    comment_index: int | None = None
    study: str | None = None

    @property
    def segment_kind(self) -> str:
        """`comment` for reader comments, `post` for every part of the post itself."""
        return "comment" if self.comment_index is not None else "post"


@dataclass(frozen=True)
class Claim:
    """A finding as read: subject, relation, object, polarity, qualifiers, and its evidence.

    `relation` is the local name of a contract relation (`increasesAmountOf`, ...);
    subject, object and qualifier values are ontology term IRIs.
    """

    subject: str
    relation: str
    object: str
    evidence: Evidence
    polarity: Polarity = "positive"
    qualifiers: tuple[tuple[str, str], ...] = field(default=())

    def key(self) -> str:
        """A stable hash of the parts that make a finding the same finding."""
        parts = [self.subject, self.relation, self.object, self.polarity]
        parts += [f"{k}={v}" for k, v in sorted(self.qualifiers)]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Gap:
    """An open question or admitted gap in knowledge about some terms, with its evidence."""

    about: tuple[str, ...]
    evidence: Evidence

    def key(self) -> str:
        """A stable hash of what the gap is about and where it was said."""
        ev = self.evidence
        parts = sorted(self.about) + [ev.document, ev.segment, str(ev.start), str(ev.end)]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]
