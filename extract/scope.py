"""How sure a writer is of one claim, and whether they deny it: certainty and polarity by scope.

A condition ("if", "unless") makes its clause hypothetical; a sentential hedge ("it seems
that", "suggests", "indicates") covers what follows it in the clause, a modal ("may") only
the words between the claim's subject and its object; a negation ("not", "no") counts inside
the claim or just before its relation word, a sentential one ("I doubt") anywhere before it, but
not an object named as an exception ("not more frequent, apart from shingles"). A relative clause (", which ...") is its own
scope: what it says is not hedged by the sentence around it, and its hedges stay inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mskg.extract.cues import load_cues

Span = tuple[int, int]
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Clause:
    """One clause of a segment's readable text, with the sentence it belongs to."""

    text: str
    start: int
    end: int
    sentence: Span
    conditional: bool = False

    @property
    def words(self) -> str:
        """The clause's own text."""
        return self.text[self.start : self.end]


def relative_spans(clause: Clause, cue_starts: list[int]) -> list[Span]:
    """The relative clauses (", which ...") inside a clause: to the next comma or the last later cue."""
    spans: list[Span] = []
    for m in load_cues().find("relative", clause.text, clause.start, clause.end):
        comma = clause.text.find(",", m.end(), clause.end)
        later = sorted({c for c in cue_starts if c > m.end()})
        end = comma if comma != -1 else (later[-1] if len(later) > 1 else clause.end)
        spans.append((m.start(), end))
    return spans


def _inside(pos: int, spans: list[Span]) -> Span | None:
    return next((s for s in spans if s[0] <= pos < s[1]), None)


def certainty(clause: Clause, claim: Span, cue: Span, relatives: list[Span]) -> str:
    """`hypothetical`, `hedged` or `asserted` for a claim spanning `claim` with its relation word at `cue`."""
    cues = load_cues()
    own = _inside(cue[0], relatives)
    region = (own[0], cue[0]) if own else (clause.start, cue[0])
    if clause.conditional or cues.find("conditional_before_cue", clause.text, *region) or _open_question(clause, region, claim):
        return "hypothetical"
    if cues.find("anywhere_hedge", clause.text, clause.start, clause.end):
        return "hedged"
    for m in cues.find("sentential_hedge", clause.text, *region):
        if own or not _inside(m.start(), relatives):
            return "hedged"
    for name in ("modal_hedge", "sentential_hedge"):
        for m in cues.find(name, clause.text, *claim):
            if own or not _inside(m.start(), relatives):
                return "hedged"
    return "hedged" if cues.find("modal_hedge", clause.text, _words_before(clause, cue[0], int(cues.data["hedges"]["modal_reach_before_cue"])), cue[0]) else "asserted"


def _open_question(clause: Clause, region: Span, claim: Span) -> bool:
    """Is the claim what an open question asks ("how this affects the NK cells ... has not been reported")?"""
    cues = load_cues()
    return bool(cues.find("open_question_before", clause.text, *region)) and bool(cues.find("open_question_after", clause.text, claim[1], clause.end))


def _words_before(clause: Clause, at: int, n: int) -> int:
    """Where the `n` words before `at` start (a modal right before the relation word hedges it: "may dampen")."""
    words = [m.start() for m in _WORD.finditer(clause.text, clause.start, at)]
    return words[-n] if len(words) >= n else clause.start


def _object_start(clause: Clause, obj: Span) -> int:
    """Where an object's phrase starts for negation: before an unnamed first conjunct ("any dizziness or slow heartbeat")."""
    conjunct = load_cues().patterns["negation_across_conjunct"].search(clause.text, max(clause.start, obj[0] - 40), obj[0])
    return conjunct.start() if conjunct else obj[0]


def polarity(clause: Clause, claim: Span, cue: Span, relatives: list[Span], obj: Span | None = None) -> str:
    """`negative` when a negation falls inside the claim or within a few words before its relation word,
    unless the object `obj` is named as an exception after it ("not more frequent, apart from shingles")."""
    cues = load_cues()
    if obj is not None and cues.find("exception", clause.text, max(clause.start, obj[0] - 40), obj[0]):
        return "positive"
    reach = int(cues.data["negation"]["reach_before_cue"])
    words = [m.start() for m in _WORD.finditer(clause.text, clause.start, min(cue[0], _object_start(clause, obj)) if obj else cue[0])]
    window_start = words[-reach] if len(words) >= reach else clause.start
    start = min(claim[0], window_start)
    masked = [(m.start(), m.end()) for m in cues.find("not_negating", clause.text, clause.start, clause.end)]
    own = _inside(cue[0], relatives)
    if cues.find("sentential_negation", clause.text, clause.start, cue[0]):
        return "negative"
    if any(m.start() == cue[0] for m in cues.find("left_alone", clause.text, cue[0], clause.end)):
        return "negative"  # "leaves B-cell numbers alone": the words after the object deny the change
    lexical = cues.patterns["negation_lexical"]
    for m in cues.find("negation", clause.text, start, max(claim[1], cue[1])):
        if _inside(m.start(), masked) or (not own and _inside(m.start(), relatives)):
            continue
        if m.start() < window_start and lexical.fullmatch(m.group()):
            continue  # "spares CD56bright NK cells and produces a depletion of ...": that verb denies only its own object
        return "negative"
    return "positive"
