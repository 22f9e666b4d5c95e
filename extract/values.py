"""Values read as findings: a patient's count below normal or said to be normal, a count that went
from one value to another, a lab marker's value against its limit ("my lymphocytes are 0.4",
"Lymphocytes were always fine on it", "went from 1.9 to 1.3", "His IgG came back at 4.1"). Each says
what the drug of the report did, or did not do, though no relation word does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mskg.extract.claims import antecedent
from mskg.extract.context import Context, Reading
from mskg.extract.cues import load_cues
from mskg.extract.lexicon import Term, load_lexicon
from mskg.extract.mentions import Mention
from mskg.extract.scope import certainty, polarity


_DIGIT = re.compile(r"\d")


def with_values(ctx: Context, readings: list[Reading]) -> list[Reading]:
    """The clause's readings and the findings its values state that no relation word already gave
    (a clause without a digit states no value, so most are only asked for a count said to be normal)."""
    values = normal_counts(ctx)
    if _DIGIT.search(ctx.clause.text, ctx.clause.start, ctx.clause.end):
        values += low_counts(ctx) + value_changes(ctx) + marker_values(ctx)
    return readings + [r for r in values if not any((o.relation, o.object) == (r.relation, r.object) for o in readings)]


def normal_counts(ctx: Context) -> list[Reading]:
    """A patient's count said to be normal ("Lymphocytes were always fine on it"): their drug did not lower those cells."""
    if ctx.voice != "anecdote":
        return []
    said = load_cues().patterns["count_said_normal"]
    out = []
    for m in (m for m in ctx.mentions if m.term is not None and m.category == "cell"):
        hit = said.match(ctx.clause.text, m.end, ctx.clause.end)
        drug = antecedent(ctx, m) if hit else None
        if drug is not None:
            span = (m.start, hit.end())
            out.append(Reading(drug, "decreasesAmountOf", m.term, "negative", certainty(ctx.clause, span, span, []),
                               (ctx.clause.start, ctx.clause.end), cue=span))
    return out


def _below_normal(cell: Term, value: float) -> bool:
    """Is this count of these cells below the lower limit of normal (in the unit its size implies)?"""
    return _under(tuple(load_cues().data["low_counts"]["limits"].get(cell.curie, ())), value)


def low_counts(ctx: Context) -> list[Reading]:
    """A patient's count below normal ("my lymphocytes are 0.4"): their drug lowered those cells."""
    if ctx.voice != "anecdote":
        return []
    value, normal = load_cues().patterns["low_count_value"], load_cues().patterns["low_count_normal"]
    out = []
    for m in (m for m in ctx.mentions if m.term is not None and m.category == "cell"):
        hit = value.match(ctx.clause.text, m.end, ctx.clause.end)
        low = hit and _below_normal(m.term, float(hit.group("value"))) and not normal.search(ctx.clause.text, hit.end(), ctx.clause.sentence[1])
        drug = antecedent(ctx, m) if low else None
        if drug is not None:
            span = (m.start, hit.end())
            out.append(Reading(drug, "decreasesAmountOf", m.term, polarity(ctx.clause, span, span, []),
                               certainty(ctx.clause, span, span, []), (ctx.clause.start, ctx.clause.end), cue=span))
    return out


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
            low = _under(marker.limits, float(hit.group("value")))
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
    """A lab marker read by name, the adverse effect a low value of it is, and its limits per unit."""

    name: re.Pattern[str]
    effect: Term
    limits: tuple[tuple[float, float], ...]


@lru_cache(maxsize=1)
def _markers() -> tuple[_Marker, ...]:
    """The lab markers whose values cues.json reads, with the effect a low value is and its limits."""
    lexicon = load_lexicon()
    return tuple(_Marker(re.compile(m["name"]), lexicon.resolve(m["effect"]), tuple((float(a), float(b)) for a, b in m["limits"]))
                 for m in load_cues().data["low_counts"]["markers"])


def _under(limits: tuple[tuple[float, float], ...], value: float) -> bool:
    """Is this value below the limit for the unit its size implies?"""
    return next((value < limit for largest, limit in limits if value <= largest), False)


def value_changes(ctx: Context) -> list[Reading]:
    """A count said to go from one value to another ("my lymphocytes went from 1.9 to 1.3"): the drug
    lowered or raised those cells."""
    pattern, text = load_cues().patterns["count_from_to"], ctx.clause.text
    out = []
    for m in (m for m in ctx.mentions if m.term is not None and m.category == "cell"):
        hit = pattern.match(text, m.end, ctx.clause.end)
        before, after = (float(hit.group("before")), float(hit.group("after"))) if hit else (0.0, 0.0)
        drug = antecedent(ctx, m) if before != after else None
        if drug is not None:
            span = (m.start, hit.end())
            relation = "decreasesAmountOf" if after < before else "increasesAmountOf"
            out.append(Reading(drug, relation, m.term, polarity(ctx.clause, span, span, []), certainty(ctx.clause, span, span, []),
                               (ctx.clause.start, ctx.clause.end), cue=span))
    return out
