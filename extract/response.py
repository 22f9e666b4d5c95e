"""Who responds: predictsResponseTo claims and "only in responders" conditions.

Three ways people say it: an effect "seen only in patients that showed a clinical response"
(the effect gets that condition, and the changed cell predicts response to the drug); a drug
that "only helps MSers with Gd-enhancing lesions" (the marker predicts response); and "those
without Gd-enhancing lesions don't respond" (a double negative: the marker predicts response).
"""

from __future__ import annotations

from dataclasses import replace

from mskg.extract.context import Context, Reading
from mskg.extract.cues import load_cues
from mskg.extract.lexicon import Lexicon, Term
from mskg.extract.mentions import Mention
from mskg.extract.scope import certainty, polarity
from mskg.extract.subjects import subject_of
from mskg.extract.tokens import key_of

CELL_RELATIONS = ("affects", "increasesAmountOf", "decreasesAmountOf", "promotesMaturationOf", "kills", "inhibits")


def _predictors(ctx: Context, start: int, end: int) -> list[Mention]:
    cats = load_cues().data["response"]["predictors"]
    return [m for m in ctx.mentions if start <= m.start and m.end <= end and m.term is not None and m.category in cats]


def predictor_of(lexicon: Lexicon, reading: Reading) -> Term:
    """The cell state that predicts response: the mature form for maturation, else the cell itself."""
    if reading.relation == "promotesMaturationOf":
        prefix = load_cues().data["response"]["mature_prefix"]
        mature = lexicon.lookup(key_of(prefix) + key_of(reading.object.label))
        if mature is not None:
            return mature
    return reading.object


def restricted(ctx: Context, lexicon: Lexicon, readings: list[Reading]) -> list[Reading]:
    """Effects seen only in responders: add the condition, and the predictsResponseTo claim."""
    cues = load_cues()
    out: list[Reading] = []
    for m in cues.find("response_restriction", ctx.clause.text, ctx.clause.start, ctx.clause.end):
        outcome = next((x.term for x in ctx.mentions if x.start >= m.end() and x.term and x.category == "outcome"), None)
        for r in readings:
            if r.relation not in CELL_RELATIONS or r.cue[0] > m.start():
                continue
            cond = tuple(sorted({*r.qualifiers, ("condition", outcome.iri)})) if outcome else r.qualifiers
            out.append(replace(r, qualifiers=cond))
            out.append(replace(r, subject=predictor_of(lexicon, r), relation="predictsResponseTo", object=r.subject, qualifiers=()))
    return out


def _drug(ctx: Context, at: tuple[int, int]) -> Term | None:
    found = subject_of(ctx, at, [])
    return found[0] if found else ctx.focus


def helps_only(ctx: Context) -> list[Reading]:
    """"it only helps MSers with active disease; i.e. with Gd-enhancing lesions": markers predict response."""
    out: list[Reading] = []
    for m in load_cues().find("response_helps_only", ctx.clause.text, ctx.clause.start, ctx.clause.end):
        drug = _drug(ctx, (m.start(), m.end()))
        for p in _predictors(ctx, m.end(), ctx.clause.end) if drug else []:
            span = (m.start(), p.end)
            out.append(_reading(ctx, p.term, drug, span, (m.start(), m.end())))
    return out


def lacking(ctx: Context) -> list[Reading]:
    """"Those without Gd-enhancing lesions don't seem to respond": the marker predicts response."""
    cues = load_cues()
    out: list[Reading] = []
    text = ctx.clause.text
    for m in cues.find("response_lacking", text, ctx.clause.start, ctx.clause.end):
        neg = next(iter(cues.find("negation", text, m.end(), ctx.clause.end)), None)
        resp = neg and next(iter(cues.find("response_response_word", text, neg.end(), ctx.clause.end)), None)
        drug = _drug(ctx, (m.start(), m.end()))
        if not (neg and resp and drug):
            continue
        for p in _predictors(ctx, m.end(), neg.start()):
            span = (m.start(), resp.end())
            out.append(_reading(ctx, p.term, drug, span, (resp.start(), resp.end()), double_negative=True))
    return out


def predicts(ctx: Context) -> list[Reading]:
    """"NfL levels predict response to natalizumab": a predictor before, the drug after or in focus."""
    out: list[Reading] = []
    for m in load_cues().find("response_predicts", ctx.clause.text, ctx.clause.start, ctx.clause.end):
        found = subject_of(ctx, (m.start(), m.end()), [], prefer_after=True)
        drug = found[0] if found else ctx.focus
        for p in _predictors(ctx, ctx.clause.start, m.start()) if drug else []:
            out.append(_reading(ctx, p.term, drug, (p.start, m.end()), (m.start(), m.end())))
    return out


def _reading(ctx: Context, subject: Term, drug: Term, span: tuple[int, int], cue: tuple[int, int], double_negative: bool = False) -> Reading:
    pol = "positive" if double_negative else polarity(ctx.clause, span, cue, [])
    return Reading(subject, "predictsResponseTo", drug, pol, certainty(ctx.clause, span, cue, []),
                   (ctx.clause.start, ctx.clause.end), cue=cue)


def read_responses(ctx: Context, lexicon: Lexicon, readings: list[Reading]) -> list[Reading]:
    """Replace effects restricted to responders by their conditioned form; add every predictsResponseTo claim."""
    conditioned = restricted(ctx, lexicon, readings)
    touched = {(r.relation, r.object, r.cue) for r in conditioned if r.relation != "predictsResponseTo"}
    kept = [r for r in readings if (r.relation, r.object, r.cue) not in touched]
    return kept + conditioned + helps_only(ctx) + lacking(ctx) + predicts(ctx)
