"""Values read as findings: a patient's count below normal or said to be low or normal, a count that went
from one value to another, a lab marker's value against its limit ("my lymphocytes are 0.4",
"Lymphocytes were always fine on it", "went from 1.9 to 1.3", "His IgG came back at 4.1"). Each says
what the drug of the report did, or did not do, though no relation word does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from mskg.extract.context import Context, Reading
from mskg.extract.cues import load_cues
from mskg.extract.lexicon import Term, load_lexicon
from mskg.extract.mentions import Mention
from mskg.extract.scope import certainty, polarity
from mskg.extract.subjects import antecedent

_DIGIT = re.compile(r"\d|\b(?:zero|nil)\b", re.IGNORECASE)  # a value in digits, or a count given as a word


def with_values(ctx: Context, readings: list[Reading]) -> list[Reading]:
    """The clause's readings and the findings its values state that no relation word already gave
    (a clause without a digit or "zero" states no value, so most are only asked for a count said to be normal)."""
    values = _said_counts(ctx, "count_said_normal", "negative") + _said_counts(ctx, "count_said_low")
    if _DIGIT.search(ctx.clause.text, ctx.clause.start, ctx.clause.end):
        values += low_counts(ctx) + value_changes(ctx) + marker_values(ctx)
    return readings + [r for r in values if not any((o.relation, o.object) == (r.relation, r.object) for o in readings)]


def _said_counts(ctx: Context, pattern: str, polarity_: str | None = None) -> list[Reading]:
    """A patient's count said to be normal ("Lymphocytes were always fine on it", `count_said_normal`: their
    drug did not lower those cells, negative) or low ("my last NK count was low", `count_said_low`: it did)."""
    if ctx.voice != "anecdote":
        return []
    return [r for m, hit in _cells_then(ctx, load_cues().patterns[pattern])
            if (r := _count_reading(ctx, m, hit, "decreasesAmountOf", polarity_)) is not None]


def _cells_then(ctx: Context, pattern: re.Pattern[str]) -> Iterator[tuple[Mention, re.Match[str]]]:
    """Each cell named in the clause with the match of `pattern` right after its name."""
    for m in ctx.mentions:
        hit = pattern.match(ctx.clause.text, m.end, ctx.clause.end) if m.term is not None and m.category == "cell" else None
        if hit is not None:
            yield m, hit


def _count_reading(ctx: Context, cell: Mention, hit: re.Match[str], relation: str, polarity_: str | None = None) -> Reading | None:
    """What a count of `cell` (its words up to the end of `hit`) says the report's drug did, if a drug is meant;
    its polarity from the clause's negations unless given."""
    drug = antecedent(ctx, cell)
    if drug is None:
        return None
    span = (cell.start, hit.end())
    return Reading(drug, relation, cell.term, polarity_ or polarity(ctx.clause, span, span, []),
                   certainty(ctx.clause, span, span, []), (ctx.clause.start, ctx.clause.end), cue=span)


def _number(hit: re.Match[str]) -> float:
    """The value a count pattern read: its digits, or 0 for a count given as a word ("B cells still zero")."""
    return 0.0 if hit.groupdict().get("zero") else float(hit.group("value"))


def _below_normal(cell: Term, value: float) -> bool:
    """Is this count of these cells below the lower limit of normal (in the unit its size implies)?"""
    return _beyond(tuple(load_cues().data["low_counts"]["limits"].get(cell.curie, ())), value)


def low_counts(ctx: Context) -> list[Reading]:
    """A patient's count below normal ("my lymphocytes are 0.4"): their drug lowered those cells."""
    if ctx.voice != "anecdote":
        return []
    value, normal = load_cues().patterns["low_count_value"], load_cues().patterns["low_count_normal"]
    low = [(m, hit) for m, hit in _cells_then(ctx, value) if _below_normal(m.term, _number(hit))
           and not normal.search(ctx.clause.text, hit.end(), _next_cell(ctx, hit.end()))]
    return [r for m, hit in low if (r := _count_reading(ctx, m, hit, "decreasesAmountOf")) is not None]


def _next_cell(ctx: Context, after: int) -> int:
    """Where the next cell is named in the sentence after a point (else the sentence's end): a value is
    called normal only before it ("CD4 cells 190, CD8 cells about normal": the CD4 count is low)."""
    return next((m.start for m in ctx.sentence_mentions if m.start >= after and m.category == "cell"), ctx.clause.sentence[1])


def marker_values(ctx: Context) -> list[Reading]:
    """A lab value named by a marker word ("His IgG came back at 4.1"): below its limit the marker's adverse
    effect of the drug, at or above it and called fine or normal ("IgG still fine at 8.2") its absence. A
    patient's value is always read; another voice's only with a drug named in the clause."""
    if ctx.voice != "anecdote" and not any(m.category == "drug" and m.term is not None for m in ctx.mentions):
        return []
    cues, text = load_cues(), ctx.clause.text
    value_at, normal = cues.patterns["marker_value"], cues.patterns["low_count_normal"]
    out = []
    for marker in _markers():
        for m in marker.name.finditer(text, ctx.clause.start, ctx.clause.end):
            hit = value_at.match(text, m.end(), ctx.clause.end)
            if hit is None:
                continue
            low = marker.outside(float(hit.group("value")))
            said_normal = bool(hit.group("fine")) or bool(normal.search(text, hit.end(), ctx.clause.sentence[1]))
            if low == said_normal:
                continue
            drug = antecedent(ctx, Mention(m.start(), m.end(), "implicit"))
            if drug is not None and drug.category == "drug":
                span = (m.start(), hit.end())
                out.append(Reading(drug, "hasAdverseEffect", marker.effect, "positive" if low else "negative",
                                   certainty(ctx.clause, span, span, []), (ctx.clause.start, ctx.clause.end), cue=span))
    return out


@dataclass(frozen=True)
class _Marker:
    """A lab marker read by name, the adverse effect a value beyond its limit is (below it, or above it when
    `high`), and its limits per unit."""

    name: re.Pattern[str]
    effect: Term
    limits: tuple[tuple[float, float], ...]
    high: bool = False

    def outside(self, value: float) -> bool:
        """Is this value on the side of the limit that is the adverse effect?"""
        return _beyond(self.limits, value, self.high)


@lru_cache(maxsize=1)
def _markers() -> tuple[_Marker, ...]:
    """The lab markers whose values cues.json reads, with the effect a value beyond its limit is and its limits."""
    lexicon = load_lexicon()
    return tuple(_Marker(re.compile(m["name"]), lexicon.resolve(m["effect"]), tuple((float(a), float(b)) for a, b in m["limits"]),
                         bool(m.get("high")))
                 for m in load_cues().data["low_counts"]["markers"])


def _beyond(limits: tuple[tuple[float, float], ...], value: float, high: bool = False) -> bool:
    """Is this value below (above, if `high`) the limit for the unit its size implies?"""
    return next(((value > limit) if high else (value < limit) for largest, limit in limits if value <= largest), False)


def value_changes(ctx: Context) -> list[Reading]:
    """A count said to go from one value to another ("my lymphocytes went from 1.9 to 1.3"): the drug
    lowered or raised those cells."""
    out = []
    for m, hit in _cells_then(ctx, load_cues().patterns["count_from_to"]):
        before, after = float(hit.group("before")), float(hit.group("after"))
        reading = _count_reading(ctx, m, hit, "decreasesAmountOf" if after < before else "increasesAmountOf") if before != after else None
        if reading is not None:
            out.append(reading)
    return out
