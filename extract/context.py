"""What the claim rules read one clause with, and what they read from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from mskg.extract.lexicon import Term
from mskg.extract.mentions import Mention
from mskg.extract.scope import Clause

Span = tuple[int, int]


@dataclass(frozen=True)
class Reading:
    """A claim as read from one clause, before it is given its evidence."""

    subject: Term
    relation: str
    object: Term
    polarity: str
    certainty: str
    span: Span
    qualifiers: tuple[tuple[str, str], ...] = ()
    cue: Span = (0, 0)
    subject_at: int = -1


@dataclass
class Context:
    """What the rules need besides the clause: its mentions, the focus drug, the drug classes."""

    clause: Clause
    mentions: list[Mention]
    focus: Term | None
    classes: set[str] = field(default_factory=set)
    sentence_mentions: list[Mention] = field(default_factory=list)
    implicit: tuple[str, ...] = ()
    voice: str = ""
    segment_mentions: tuple[Mention, ...] = ()
    segment_start: int = 0
