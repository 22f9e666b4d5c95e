"""The claim rules: a relation word, an object of the right category on the right side, a drug as subject.

Each cue in cues.json names a relation, the categories its object may have and how the
object attaches: after a verb ("suppresses B cells"), before or after a noun ("NK cell
enrichment", "enrichment of neutrophils"), right after "anti" ("anti-CD25"), or anywhere in
the clause (side effects). Coordinated objects ("neutrophils and CD8(low) T cells") each
give a claim (where objects are: extract/objects.py). The subject is the nearest drug, or a
reference back to the drug in focus (extract/subjects.py).
"""

from __future__ import annotations

import re

from mskg.extract.comparisons import compared_readings, rather_than
from mskg.extract.context import Context, Reading, Span
from mskg.extract.cues import RelationCue, load_cues
from mskg.extract.lexicon import Term
from mskg.extract.mentions import Mention
from mskg.extract.objects import find_objects
from mskg.extract.prefilter import ascii_lowered
from mskg.extract.scope import certainty, polarity, relative_spans
from mskg.extract.subjects import course_words, describes, left_drug, ms_treatment, relation_subjects


def prefix_readings(ctx: Context, cue: RelationCue) -> list[tuple[Span, list[Mention], bool]]:
    """Objects named right after a prefix such as "anti" ("anti CD25-specific antibody"), not inside
    a drug class used on its own ("where anti-CD20 antibodies cannot reach"): that names no claim."""
    found = []
    for m in ctx.mentions:
        if m.term is not None and m.category in cue.objects:
            hit = cue.pattern.search(ctx.clause.text, max(ctx.clause.start, m.start - 6), m.start)
            if hit and not _inside_own_class(ctx, hit.start()):
                found.append(((hit.start(), hit.end()), [m], False))
    return found


def _inside_own_class(ctx: Context, at: int) -> bool:
    """Does a drug-class name start here that describes no drug ("anti-CD20 antibodies cannot ...", "it may
    be working a little like a very mild anti-CD20")?"""
    likened = load_cues().patterns["likened_class"]
    return any(m.start == at and m.term is not None and m.term.iri in ctx.classes
               and (not describes(ctx, m) or likened.search(ctx.clause.text, max(ctx.clause.start, m.start - 40), m.start))
               for m in ctx.mentions if m.category == "drug")


def _brought_by_another_effect(ctx: Context, m: re.Match[str]) -> bool:
    """Is the relation word said of another effect, not a drug ("low IgG raises the risk of infection")?"""
    before = [x for x in ctx.mentions if x.end <= m.start() and x.term is not None]
    return bool(before) and before[-1].category == "adverse_effect" and bool(
        load_cues().patterns["effect_causes"].fullmatch(ctx.clause.text, before[-1].end, m.end()))


def _not_the_drugs(ctx: Context, effect: Mention) -> bool:
    """Is the effect named as a risk that is lowered or falls ("lowered the risk of PML", "linked to a much
    lower PML risk", "the PML risk falls with extended dosing"), or as what something other than a drug
    causes ("JC virus, the virus that causes PML"), or as the cause of something else ("it is more likely
    caused by the thyroid problem")? Then it is no adverse effect of a drug."""
    cues, text = load_cues(), ctx.clause.text
    near = (max(ctx.clause.start, effect.start - 40), min(ctx.clause.end, effect.end + 40))
    return bool(cues.patterns["lowered_risk"].search(text, *near) or cues.patterns["other_cause"].search(text, near[0], effect.start)
                or cues.patterns["named_as_cause"].search(text, near[0], effect.start))


def cue_hits(ctx: Context) -> list[tuple[RelationCue, Span, list[Mention], bool]]:
    """Every relation word in the clause with its objects (only words that found an object); a word
    inside a longer relation phrase gives way to it ("expansion" in "slows the expansion of"). A cue
    is not scanned for when no mention could be its object (objects come from the clause's mentions,
    for an "any" cue or a clause opening with "they are" also from the sentence's, by anaphora) or
    its prefilter rules it out."""
    hits = []
    lowered = ascii_lowered(ctx.clause.text, ctx.clause.start, ctx.clause.end)
    in_clause = {m.category for m in ctx.mentions}
    in_sentence = in_clause | {m.category for m in ctx.sentence_mentions}
    reachable = in_clause if in_sentence == in_clause or not _objects_by_pronoun(ctx) else in_sentence
    for cue in load_cues().relations:
        if cue.kind == "prefix":
            hits += [(cue, span, objs, after) for span, objs, after in prefix_readings(ctx, cue)]
            continue
        if (in_sentence if cue.kind == "any" else reachable).isdisjoint(cue.objects) or not cue.prefilter.may_match(lowered):
            continue
        for m in cue.pattern.finditer(ctx.clause.text, ctx.clause.start, ctx.clause.end):
            if cue.relation == "hasAdverseEffect" and _brought_by_another_effect(ctx, m):
                continue
            span = _cue_span(m)
            objs, after = find_objects(ctx, cue, span)
            if cue.relation == "hasAdverseEffect":
                objs = [o for o in objs if not _not_the_drugs(ctx, o)]
            if objs:
                hits.append((cue, span, objs, after))
    hits += described_events(ctx, [o for _, _, objs, _ in hits for o in objs])
    return [h for h in hits if not any(o[1][0] <= h[1][0] and h[1][1] <= o[1][1] and o[1] != h[1] for o in hits)]


def _objects_by_pronoun(ctx: Context) -> bool:
    """May the clause's relation words take objects named earlier in the sentence, through a pronoun ("they are
    spared", "doesn't deplete them") or a shared subject ("and then rose")?"""
    cues, text = load_cues(), ctx.clause.text
    return any(cues.patterns[p].match(text, ctx.clause.start, ctx.clause.end) for p in ("pronoun_object", "shared_subject")) \
        or bool(cues.find("them_object", text, ctx.clause.start, ctx.clause.end))


def _cue_span(m: re.Match[str]) -> Span:
    """Where a relation word stands: its `at` group when the cue names one ("use cyclophosphamide ... for":
    the drug in between stays a subject), else the whole match."""
    return m.span("at") if "at" in m.re.groupindex and m.group("at") is not None else m.span()


def described_events(ctx: Context, taken: list[Mention]) -> list[tuple[RelationCue, Span, list[Mention], bool]]:
    """Descriptions that state an adverse effect by themselves: a patient's own ("My hair thinned", a
    diary's "IgG has been sliding" opening its clause), a study's result opening its clause ("ALT rose
    above three times the upper limit of normal") or what a drug can do or did ("it can raise liver enzymes",
    "It also raised liver enzymes", "they can lower white cells and raise liver enzymes"); each is its own
    relation word."""
    described = [m for m in ctx.mentions if m.kind == "description" and m not in taken]
    if not described:
        return []
    cues = load_cues()
    effect = next(c for c in cues.relations if c.relation == "hasAdverseEffect" and c.kind == "any")
    text, found = ctx.clause.text, []
    for m in described:
        window = max(ctx.clause.start, m.start - 40)
        opening = bool(cues.patterns["described_opening"].fullmatch(text, ctx.clause.start, m.start))
        own = (ctx.voice == "anecdote" and (opening or cues.patterns["described_own"].search(text, window, m.start))) or (ctx.voice == "study" and opening)
        said_of_drug = any(d.category == "drug" and d.end <= m.start and cues.patterns["described_after_subject"].fullmatch(text, d.end, m.start)
                           for d in ctx.mentions)
        auxiliary = cues.patterns["described_auxiliary"].search(text, window, m.start) or \
            cues.patterns["described_coordinated"].search(text, max(ctx.clause.start, m.start - 90), m.start)
        if own or said_of_drug or auxiliary:
            found.append((effect, (m.start, m.end), [m], False))
    return found


def co_medications(ctx: Context) -> list[Reading]:
    """A patient's other medicine ("I also take prednisolone", "I still use fampridine"): taken with
    the drug the patient's report is about (a `comedication` reading: a qualifier, not a finding)."""
    if ctx.voice != "anecdote" or ctx.focus is None:
        return []
    taking = load_cues().patterns["co_medication"]
    out = []
    for m in ctx.mentions:
        hit = taking.search(ctx.clause.text, max(ctx.clause.start, m.start - 40), m.start) if m.term and m.category == "drug" else None
        if hit and m.term != ctx.focus:
            span = (hit.start(), m.end)
            out.append(Reading(m.term, "comedication", ctx.focus, polarity(ctx.clause, span, span, []),
                               certainty(ctx.clause, span, span, []), (ctx.clause.start, ctx.clause.end), cue=span, subject_at=m.start))
    return out + _course_with_treatment(ctx)


def _course_with_treatment(ctx: Context) -> list[Reading]:
    """A course a patient was given ("I had five days of IV Solu-Medrol") taken with the disease-modifying
    drug they were on, named before it ("RRMS, on Kesimpta since 2022.")."""
    out = []
    for m in ctx.mentions:
        hit = course_words(ctx, m, ctx.clause.start)
        on = [x.term for x in ctx.segment_mentions if hit and x.end <= hit.start() and x.category == "drug" and x.term is not None
              and x.term != m.term and x.term.iri not in ctx.classes and ms_treatment(x.term)]
        if on:
            span = (hit.start(), m.end)
            out.append(Reading(m.term, "comedication", on[-1], "positive", certainty(ctx.clause, span, span, []),
                               (ctx.clause.start, ctx.clause.end), cue=span, subject_at=m.start))
    return out


def read_relations(ctx: Context) -> list[Reading]:
    """The claims one clause states with a relation word, and those its comparisons imply; an effect
    given as the reason for leaving a drug is that drug's only ("switched from Gilenya to Kesimpta
    because of the PML risk")."""
    hits = cue_hits(ctx)
    if not hits:
        return []
    relatives = relative_spans(ctx.clause, [span[0] for _, span, _, _ in hits])
    left = {o.term: d for cue, span, objs, _ in hits for d, _ in left_drug(ctx, cue, span) for o in objs}
    alternatives = load_cues().find("activity_rather_than", ctx.clause.text, ctx.clause.start, ctx.clause.end)
    denied = {m.start("verb") for m in alternatives}
    out: list[Reading] = []
    for cue, span, objs, prefer_after in hits:
        stated = _stated(ctx, cue, span, objs, prefer_after, relatives, left, span[0] in denied)
        out += stated + compared_readings(ctx, cue, span, objs, stated, [s[0] for _, s, _, _ in hits])
    return out + rather_than(alternatives, out)


def _stated(ctx: Context, cue: RelationCue, span: Span, objs: list[Mention], prefer_after: bool,
            relatives: list[Span], left: dict[Term, Term], denied: bool) -> list[Reading]:
    """The claims one relation word states: each of its subjects with each of its objects; a verb `denied` as
    the alternative to another ("rather than killing them") is negative."""
    out = []
    for subject, subj_mention in relation_subjects(ctx, cue, span, objs, prefer_after):
        for obj in objs:
            term = obj.term or ctx.focus
            if term is None or term == subject or left.get(term, subject) != subject:
                continue
            claim = (min(subj_mention.start, span[0], obj.start), max(subj_mention.end, span[1], obj.end))
            pol = "negative" if denied else polarity(ctx.clause, claim, span, relatives, (obj.start, obj.end))
            relation = cue.relation if denied else _activity_relation(ctx, cue.relation, obj)
            out.append(Reading(subject, relation, term, pol,
                               certainty(ctx.clause, claim, span, relatives), (ctx.clause.start, ctx.clause.end),
                               cue=span, subject_at=subj_mention.start))
    return out


def _activity_relation(ctx: Context, relation: str, obj: Mention) -> str:
    """A fall in what cells do ("B-cell proliferation was suppressed") inhibits them rather than lowering their number."""
    if relation == "decreasesAmountOf" and load_cues().patterns["activity_after_object"].match(ctx.clause.text, obj.end):
        return "inhibits"
    return relation

