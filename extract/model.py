"""Plain objects that flow through extraction: documents, segments, evidence and claims.

Offsets are 0-based, end-exclusive indices into `Document.text`, the decoded text of the
original file, so `document.text[start:end] == quote` holds for every piece of evidence.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["title", "abstract", "commentary", "body", "comment"]
Polarity = Literal["positive", "negative"]
Certainty = Literal["asserted", "hedged", "hypothetical"]
EvidenceType = Literal["study", "expert", "anecdote", "background"]

POLARITIES: tuple[str, ...] = ("positive", "negative")
CERTAINTIES: tuple[str, ...] = ("asserted", "hedged", "hypothetical")
EVIDENCE_TYPES: tuple[str, ...] = ("study", "expert", "anecdote", "background")
QUALIFIER_KEYS: tuple[str, ...] = ("population", "condition", "context")


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

    def segment(self, segment_id: str) -> Segment:
        """The segment with this id; KeyError when there is none."""
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)


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
