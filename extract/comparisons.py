"""Comparisons read as claims about the other drug: an effect seen on it, a drug contrasted with a
denial, one compared as doing the same, one the change is denied for; and a change denied as the
alternative to one stated.

"Unlike interferons, mitoxantrone does not cause flu-like symptoms" says interferons do; "Fingolimod
lowers CD4 T cells more than siponimod does" says siponimod does too; "restrains lymphocytes rather than
killing them" denies the killing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mskg.extract.context import Context, Reading, Span
from mskg.extract.cues import RelationCue, load_cues
from mskg.extract.lexicon import Term
from mskg.extract.mentions import Mention


def compared_readings(ctx: Context, cue: RelationCue, span: Span, objs: list[Mention], stated: list[Reading],
                      cue_starts: list[int]) -> list[Reading]:
    """What a comparison around a relation word says of another drug, asserted, as the comparison takes it
    as given: an effect seen on it ("the lymphopenia you see after Mavenclad"), a drug contrasted with a
    denial ("Unlike interferons, mitoxantrone does not cause flu-like symptoms"), one compared as doing
    the same ("more than siponimod does")."""
    whole = (ctx.clause.start, ctx.clause.end)
    out = []
    if cue.relation == "hasAdverseEffect":
        out += [Reading(drug, cue.relation, o.term, "positive", "asserted", whole, cue=own, subject_at=own[0])
                for drug, o, own in seen_with(ctx, objs)]
    denied = {r.object for r in stated if r.polarity == "negative"}
    known = {(r.subject, r.object) for r in stated}
    out += [Reading(drug, cue.relation, o.term, "positive", "asserted", whole, cue=span, subject_at=m.start)
            for drug, m in _contrasted(ctx, span) for o in objs
            if o.term in denied and o.term != drug and (drug, o.term) not in known]
    out += [Reading(doer, cue.relation, o.term, "positive", "asserted", whole, cue=span, subject_at=own[0])
            for doer, own in compared_doers(ctx, span, cue_starts) for o in objs if o.term not in (None, doer)]
    return out + denied_agents(ctx, stated) + stated_before_denied(ctx, stated)


def denied_agents(ctx: Context, stated: list[Reading]) -> list[Reading]:
    """A drug the change is denied for right after the drug it is stated for ("plasmablasts fell by 41% on
    remibrutinib but not on teriflunomide"): the same claim of that drug, negative; one it is stated for
    again with the verb left out ("had fallen by 57% on ozanimod and by 62% on ponesimod"): the same claim."""
    patterns, text = load_cues().patterns, ctx.clause.text
    drugs = [m for m in ctx.mentions if m.category == "drug" and m.term is not None]
    out = []
    for r in stated:
        said = _said(drugs, r)
        for name, pol in (("denied_agent", "negative"), ("gapped_agent", r.polarity)):
            hit = patterns[name].match(text, said.end, ctx.clause.end) if said is not None and r.polarity == "positive" else None
            other = next((m for m in drugs if hit and m.start == hit.end() and m.term != r.subject), None)
            if other is not None:
                out.append(replace(r, subject=other.term, polarity=pol, subject_at=other.start))
    return out


def stated_before_denied(ctx: Context, stated: list[Reading]) -> list[Reading]:
    """A drug named right before the one a change is denied for ("Rituximab but not ocrelizumab caused
    neutropenia"): the same claim of that drug, positive."""
    pattern, text = load_cues().patterns["stated_before_denied"], ctx.clause.text
    drugs = [m for m in ctx.sentence_mentions if m.category == "drug" and m.term is not None]
    out = []
    for r in stated:
        said = _said(drugs, r)
        before = [m for m in drugs if said is not None and r.polarity == "negative" and m.end <= said.start]
        if before and before[-1].term != r.subject and pattern.fullmatch(text, before[-1].end, said.start):
            out.append(replace(r, subject=before[-1].term, polarity="positive", subject_at=before[-1].start,
                               span=(min(r.span[0], before[-1].start), r.span[1])))
    return out


def _said(drugs: list[Mention], reading: Reading) -> Mention | None:
    """The mention of the drug a reading is stated for, among `drugs`."""
    return next((m for m in drugs if m.start == reading.subject_at and m.term == reading.subject), None)


def seen_with(ctx: Context, objs: list[Mention]) -> list[tuple[Term, Mention, Span]]:
    """An adverse effect said to be seen on another drug ("the profound lymphopenia you see after Mavenclad"):
    that drug, the effect and the words that say so."""
    pattern, text = load_cues().patterns["seen_with"], ctx.clause.text
    out = []
    for o in objs:
        hit = pattern.match(text, o.end, ctx.clause.end)
        drug = next((m for m in ctx.mentions if hit and m.start == hit.end() and m.category == "drug" and m.term is not None), None)
        if drug is not None and o.term is not None:
            out.append((drug.term, o, (o.start, drug.end)))
    return out


def _contrasted(ctx: Context, span: Span) -> list[tuple[Term, Mention]]:
    """The drug a denied claim is contrasted with at the opening of its sentence ("Unlike interferons,
    mitoxantrone does not cause flu-like symptoms"): that drug does what the other does not."""
    pattern, text = load_cues().patterns["contrasted"], ctx.clause.text
    opening = pattern.match(text, ctx.clause.sentence[0], span[0])
    return [(m.term, m) for m in ctx.sentence_mentions if opening and m.category == "drug" and m.term is not None
            and opening.start("drug") <= m.start and m.end <= opening.end("drug")][:1]


def compared_doers(ctx: Context, span: Span, cue_starts: list[int]) -> list[tuple[Term, Span]]:
    """Drugs named after a relation word (before any other, at `cue_starts`) as doing the same, for comparison
    ("Fingolimod lowers CD4 T cells more than siponimod does", "..., as ocrelizumab does", "causes fewer GI side
    effects than Tecfidera", "more common with rituximab than with ocrelizumab"): each with the
    span of its own words. What the comparison takes as given is asserted, whatever hedges the claim it is
    compared with ("I suspect it may lower IgG, as ocrelizumab does")."""
    cues, text = load_cues(), ctx.clause.text
    out = []
    for m in ctx.mentions:
        if m.category != "drug" or m.term is None or m.start < span[1] or any(span[1] <= c < m.start for c in cue_starts):
            continue
        done = cues.patterns["compared_doer_after"].match(text, m.end, ctx.clause.end)
        if done and cues.patterns["compared_doer_before"].search(text, max(ctx.clause.start, m.start - 12), m.start):
            out.append((m.term, (m.start, done.end())))
        elif cues.patterns["compared_degree_before"].search(text, max(ctx.clause.start, span[0] - 30), m.start) and \
                cues.patterns["compared_degree_after"].match(text, m.end, ctx.clause.end):
            out.append((m.term, (m.start, m.end)))
    return out


def rather_than(alternatives: list[re.Match[str]], readings: list[Reading]) -> list[Reading]:
    """A change denied as the alternative to one just stated ("restrains proliferating lymphocytes rather than
    killing them", the clause's `alternatives`): the same drug and cells, the verb's relation, negative, where
    the verb found none itself."""
    out: list[Reading] = []
    for m in alternatives:
        verb = m.group("verb")
        relation = next((c.relation for c in load_cues().relations if c.kind == "verb" and "cell" in c.objects and c.pattern.fullmatch(verb)), None)
        stated = [r for r in readings if r.cue[1] <= m.start() and r.relation != relation and r.polarity == "positive"]
        out += [replace(r, relation=relation, polarity="negative", cue=m.span("verb")) for r in stated if relation is not None
                and not any((x.subject, x.relation, x.object) == (r.subject, relation, r.object) for x in readings + out)]
    return out
