"""Which drug a relation word is said of: the nearest drug (not one named for comparison or as a
description), the drugs coordinated with it, a pronoun's or a reference's antecedent ("it", "the
drug", "both drugs"), or the drug in focus when the agent goes unsaid ("T cells are reduced").
"""

from __future__ import annotations

import re

from mskg.extract.context import Context, Span
from mskg.extract.cues import RelationCue, load_cues
from mskg.extract.lexicon import Term, load_lexicon
from mskg.extract.mentions import Mention
from mskg.extract.sentences import sentences

_STUDY_REACH = 500  # characters before a sentence in which a reported study still speaks for it (about a paragraph)
_CLEFT_REACH = 12  # characters between a cleft sentence's frame and its relation word ("... do is cause")


def describes(ctx: Context, m: Mention) -> bool:
    """Is this drug-class mention a description ("an anti-CD25 antibody") rather than a subject (also
    not when it is coordinated with a drug before it, "natalizumab or an anti-CD20 antibody", nor an
    agent, "the B-cell count hardly moves on a BTK inhibitor")?"""
    if m.term is None or m.term.iri not in ctx.classes or _coordinated_with_drug(ctx, m) or _plural_class(ctx, m):
        return False
    cues = load_cues()
    reach = int(cues.data["class_determiners"]["reach"])
    text = ctx.clause.text
    agent = cues.patterns["agent_class_before"].search(text, max(0, m.start - 40), m.start)
    return not agent and bool(cues.patterns["class_determiner"].search(text, max(0, m.start - reach), m.start))


def _plural_class(ctx: Context, m: Mention) -> bool:
    """Is a drug class named in the plural ("the fumarates switch on Nrf2")? Then it is the class itself, as
    "the anti-CD20 drugs" is, not a description of one drug; "the other S1P modulators" still sets the
    drug in focus beside them."""
    text = ctx.clause.text
    plural = text[m.start : m.end].endswith("s") and not m.term.label.endswith("s")
    return plural and not load_cues().patterns["plural_beside_focus"].search(text, max(0, m.start - 10), m.start)


def _coordinated_with_drug(ctx: Context, m: Mention) -> bool:
    """Is this mention joined by "and"/"or" to the drug named right before it?"""
    before = [x for x in ctx.mentions if x.end <= m.start and x.category == "drug" and x.term is not None]
    text = ctx.clause.text
    return bool(before) and bool(re.fullmatch(r"\s+(?:and|or)\s+(?:an?\s+|the\s+)?", text[before[-1].end : m.start]))


def compared(ctx: Context, m: Mention) -> bool:
    """Is this drug named only for comparison or as an example ("unlike fingolimod", "such as tolebrutinib",
    "a fraction of what Ocrevus does")?"""
    patterns, text = load_cues().patterns, ctx.clause.text
    return bool(patterns["not_subject_before"].search(text, max(0, m.start - 40), m.start) or patterns["elided_verb_after"].match(text, m.end))


def antecedent(ctx: Context, m: Mention) -> Term | None:
    """The drug a pronoun or an unstated subject refers to: the nearest drug named earlier in the
    sentence (not one named for comparison), else, for a pronoun, the drug the last sentence that
    named one was about ("Kesimpta halved the relapse rate. Whether it slows ..."); for an unstated
    subject, in a blogger's account of a study the drug the study followed, in a patient's report
    the drug they were on by then ("Switched to Briumvi. ... No relapses"); else the drug the
    segment is about."""
    earlier = [x for x in ctx.sentence_mentions if x.end <= m.start and x.term is not None and x.category == "drug"]
    for x in reversed(earlier):
        if not compared(ctx, x) and not describes(ctx, x) and not _other_medicine(ctx, x):
            return x.term
    if m.kind == "pronoun":
        last = _earlier_subjects(ctx, specific=False)[-1:]
    elif ctx.voice == "expert" and (studied := studied_drug(ctx)) is not None:
        last = [studied]
    else:
        courses = given_as_course(ctx, ctx.clause.sentence[0])
        last = [t for t in _earlier_subjects(ctx) if ms_treatment(t) or t in courses][-1:] if ctx.voice == "anecdote" else []
    return last[0] if last else ctx.focus


def ms_treatment(term: Term) -> bool:
    """Is this drug a disease-modifying therapy (one a patient is "on"), not a co-medication such as a steroid?"""
    return load_cues().data["co_medication"]["treatments"] in load_lexicon().ancestors(term.iri)


def given_as_course(ctx: Context, before: int) -> set[Term]:
    """The drugs a patient says they were given as a course before a point of the segment ("I had five
    days of IV Solu-Medrol"): what their next sentences are about, steroid or not."""
    return {m.term for m in ctx.segment_mentions if m.end <= before and m.term is not None and course_words(ctx, m, ctx.segment_start)}


def course_words(ctx: Context, m: Mention, floor: int) -> re.Match[str] | None:
    """The words naming this drug as a course ("five days of IV"), within a few words before it (not before `floor`)."""
    if m.category != "drug" or m.term is None:
        return None
    return load_cues().patterns["course"].search(ctx.clause.text, max(floor, m.start - 60), m.start)


def _candidates(ctx: Context, cue: Span, exclude: list[Mention]) -> list[Mention]:
    """The drugs a relation word may be said of: a pronoun only right before it, or further when the pronoun
    opens the clause ("In Sweden it has been the most prescribed treatment for relapsing MS"), or as an agent."""
    reach = int(load_cues().data["focus"]["pronoun_reach"])
    cands = [m for m in ctx.mentions if m.category == "drug" and m not in exclude and not describes(ctx, m) and not compared(ctx, m)]
    return [m for m in cands if m.kind != "pronoun" or (m.end <= cue[0] and cue[0] - m.end <= (2 * reach if _opens_clause(ctx, m) else reach))
            or (m.start >= cue[1] and _agent(ctx, m))]


def _opens_clause(ctx: Context, m: Mention) -> bool:
    """Is this mention the clause's first noun, after at most a short opening phrase ("In Sweden it ..."), and
    no empty "it" ("It is not clear whether ...")?"""
    text = ctx.clause.text
    return len(text[ctx.clause.start : m.start].split()) <= 2 and not any(x.end <= m.start for x in ctx.mentions) \
        and not load_cues().patterns["expletive_it"].match(text, m.end)


def _other_medicine(ctx: Context, m: Mention) -> bool:
    """Is this a patient's other medicine, not a disease-modifying one ("I take Fampyra for my walking as
    well, and ... not a single relapse"): a co-medication, not what the report's findings are about?"""
    if ctx.voice != "anecdote" or m.term is None or ms_treatment(m.term):
        return False
    return bool(load_cues().patterns["co_medication"].search(ctx.clause.text, max(ctx.clause.start, m.start - 40), m.start))


def _agent(ctx: Context, m: Mention) -> bool:
    """Is this drug introduced as an agent ("enrichment of NK cells by mitoxantrone")?"""
    return bool(load_cues().patterns["agent_before"].search(ctx.clause.text, max(ctx.clause.start, m.start - 30), m.start))


def subject_of(ctx: Context, cue: Span, exclude: list[Mention], prefer_after: bool = False, before_only: bool = False,
               agent_only: bool = False) -> tuple[Term, Mention] | None:
    """The drug a relation word is said of: the nearest drug or focus reference, before it by default
    (after it, with `agent_only`, only a drug introduced by "by", "with", "on" ...)."""
    cands = _candidates(ctx, cue, exclude)
    before = [m for m in reversed(cands) if m.end <= cue[0]]
    after = [] if before_only else [m for m in cands if m.start >= cue[1] and (not agent_only or _agent(ctx, m))]
    for m in (after + before) if prefer_after else (before + after):
        term = m.term or (antecedent(ctx, m) if m.kind == "pronoun" else _focus_reference(ctx, m))
        if term is not None and all(term != o.term for o in exclude):
            return term, m
    return None


def _focus_reference(ctx: Context, m: Mention) -> Term | None:
    """What a reference back means: a plural one ("The drugs dampen B-cell activation", "the antibodies
    are very hard to beat") the drug class named last before it in the segment, else the drug in focus."""
    plural = load_cues().patterns["plural_focus"].search(ctx.clause.text, m.start, m.end)
    named = [x.term for x in ctx.segment_mentions
             if plural and x.end <= m.start and x.category == "drug" and x.term is not None and x.term.iri in ctx.classes]
    return named[-1] if named else ctx.focus


def subjects_of(ctx: Context, cue: Span, exclude: list[Mention], prefer_after: bool = False, before_only: bool = False,
                agent_only: bool = False) -> list[tuple[Term, Mention]]:
    """The subject of a relation word and the drugs coordinated with it ("fenebrutinib and remibrutinib")."""
    found = subject_of(ctx, cue, exclude, prefer_after, before_only, agent_only)
    if found is None or found[1].term is None:
        return [found] if found else []
    pattern = load_cues().patterns["subject_coordination"]
    out = [found]
    first = found[1]
    for m in reversed([m for m in ctx.mentions if m.end <= first.start and m.category == "drug"]):
        if m.term is None or not pattern.fullmatch(ctx.clause.text, m.end, first.start) or compared(ctx, m) or m.term in {t for t, _ in out}:
            break
        out.insert(0, (m.term, m))
        first = m
    return out


def sentence_subject(ctx: Context) -> tuple[Term, Mention] | None:
    """A clause with no drug of its own continues the sentence's subject, named or a pronoun ("..., but
    did not reduce B cells", "It depletes B cells but does not reduce T cells")."""
    if any(m.category == "drug" for m in ctx.mentions) or ctx.clause.start == ctx.clause.sentence[0]:
        return None
    start = Mention(ctx.clause.start, ctx.clause.start, "implicit")
    earlier = [x for x in ctx.sentence_mentions if x.end <= start.start and x.category == "drug" and (x.term is not None or x.kind == "pronoun")]
    term = antecedent(ctx, start) if earlier else None
    return (term, start) if term else None


def relation_subjects(ctx: Context, cue: RelationCue, span: Span, objs: list[Mention], prefer_after: bool) -> list[tuple[Term, Mention]]:
    """The drugs a relation word is said of; after an object-first verb ("my CD8 count fell ... and my
    neuro switched me to Aubagio") a drug after it counts only as an agent ("by", "with", "on")."""
    agent_only = cue.kind == "noun" or cue.agent_after or (prefer_after and cue.kind == "verb")
    named = subjects_of(ctx, span, objs, prefer_after, before_only=cue.kind == "prefix", agent_only=agent_only)
    found = left_drug(ctx, cue, span) or _cleft_subject(ctx, span) or _relative_head(ctx, span) or \
        [s for s in named if not _other_medicine(ctx, s[1])] or _infinitive_subject(ctx, span)
    if not found and cue.kind != "prefix":
        found = plural_subjects(ctx)
    if not found and cue.kind != "prefix":
        implied = sentence_subject(ctx)
        if implied is None and ctx.focus is not None and (cue.relation in ctx.implicit or _unsaid_agent(ctx, cue, span, objs)):
            here = Mention(span[0], span[1], "implicit")
            implied = (antecedent(ctx, here) or ctx.focus, here)
        found = [implied] if implied else []
    return found


def _infinitive_subject(ctx: Context, span: Span) -> list[tuple[Term, Mention]]:
    """The subject of a coordinated infinitive ("It is thought to push T cells towards the Th2 type and to
    expand regulatory T cells"): the drug, or the pronoun for it, that opens the clause."""
    if not load_cues().patterns["coordinated_infinitive"].search(ctx.clause.text, max(ctx.clause.start, span[0] - 12), span[0]):
        return []
    opening = next((m for m in ctx.mentions if m.category == "drug" and m.end <= span[0]), None)
    if opening is None or not _opens_clause(ctx, opening):
        return []
    term = opening.term or antecedent(ctx, opening)
    return [(term, opening)] if term is not None else []


def left_drug(ctx: Context, cue: RelationCue, span: Span) -> list[tuple[Term, Mention]]:
    """The drug a patient switched from, when the effect is the reason for the switch."""
    cues = load_cues()
    if cue.relation != "hasAdverseEffect" or not cues.patterns["reason"].match(ctx.clause.text[span[0] : span[1]]):
        return []
    left = [m for m in ctx.mentions if m.term is not None and m.category == "drug" and m.end <= span[0]
            and cues.patterns["left_drug"].search(ctx.clause.text, max(ctx.clause.start, m.start - 40), m.start)]
    return [(left[-1].term, left[-1])] if left else []


def _cleft_subject(ctx: Context, span: Span) -> list[tuple[Term, Mention]]:
    """The drug of a cleft sentence's frame right before the relation word ("What Aubagio does not do is
    cause ..."): the subject, whatever drug follows."""
    frames = load_cues().find("cleft", ctx.clause.text, ctx.clause.start, span[0])
    if not frames or span[0] - frames[-1].end() > _CLEFT_REACH:
        return []
    frame = frames[-1]
    return [(m.term, m) for m in ctx.mentions if m.category == "drug" and m.term is not None and frame.start() <= m.start and m.end <= frame.end()][:1]


def _relative_head(ctx: Context, span: Span) -> list[tuple[Term, Mention]]:
    """The drug a relative clause right after it describes ("Unlike ocrelizumab, which wipes out B cells, ..."),
    even one named for comparison: the subject of the relation word in that clause."""
    pattern, text = load_cues().patterns["relative_head"], ctx.clause.text
    return [(m.term, m) for m in ctx.mentions if m.category == "drug" and m.term is not None and m.end <= span[0]
            and pattern.fullmatch(text, m.end, span[0])][-1:]


def _unsaid_agent(ctx: Context, cue: RelationCue, span: Span, objs: list[Mention]) -> bool:
    """Is the drug in focus the unsaid agent of a change in cells: a passive ("T cells are reduced"),
    a person's own count ("your lymphocyte count may drop") or a change that follows from what the
    drug does or continues it, the cells before the verb ("so the blood lymphocyte count drops"), or
    a clause continuing an earlier one's cells ("NK cells are hit too, but they ... often overshoot"), or
    one right after a sentence reporting a study ("A new paper followed 160 people starting Tecfidera.
    ... CD8 T cells lost about half their number")?"""
    if "cell" not in cue.objects or cue.kind != "verb":
        return False
    if objs and all(o.end <= ctx.clause.start for o in objs):
        return True
    cues = load_cues()
    text = ctx.clause.text
    own = any(cues.patterns["own_count"].search(text, max(ctx.clause.start, o.start - 12), o.start)
              or (cues.patterns["definite_count"].search(text, max(ctx.clause.start, o.start - 20), o.start)
                  and cues.patterns["count_word"].match(text, o.end)) for o in objs)
    if studied_drug(ctx) is not None:
        return True
    opening = max(ctx.clause.sentence[0], ctx.clause.start - 8)
    continued = bool(objs) and objs[0].end <= span[0] and cues.patterns["continued_effect"].search(text, opening, ctx.clause.end)
    return own or bool(continued) or bool(cues.patterns["passive_before"].search(text, ctx.clause.start, span[0]))


def plural_subjects(ctx: Context) -> list[tuple[Term, Mention]]:
    """The drugs "either drug" or "both drugs" refers to: every drug named earlier in the sentence, else
    the first two named in the sentence right before, if it names two ("Rituximab is the older cousin of
    ocrelizumab. Both attach to CD20"), else the last two drugs that earlier sentences of the segment were
    about; those "all four" or "the three newer drugs" refers to: the last so many drugs named before it."""
    cues = load_cues()
    counted = cues.patterns["counted_reference"].search(ctx.clause.text, ctx.clause.sentence[0], ctx.clause.end)
    if counted:
        here = Mention(counted.start(), counted.end(), "plural")
        return [(t, here) for t in _named_drugs(ctx, counted.start())[-int(cues.data["subjects"]["numbers"][counted.group("n").lower()]):]]
    ref = cues.patterns["plural_reference"].search(ctx.clause.text, ctx.clause.sentence[0], ctx.clause.end)
    if not ref:
        return []
    here = Mention(ref.start(), ref.end(), "plural")
    named = [m.term for m in ctx.sentence_mentions if m.end <= ref.start() and m.term is not None and m.category == "drug" and not compared(ctx, m)]
    terms = list(dict.fromkeys(named)) or _pair_before(ctx) or _earlier_subjects(ctx)[-2:]
    return [(t, here) for t in terms]


def _pair_before(ctx: Context) -> list[Term]:
    """The first two specific drugs named in the sentence right before this one, if it names two."""
    before = sentences(ctx.clause.text, ctx.segment_start, ctx.clause.sentence[0])[-1:]
    named = list(dict.fromkeys(m.term for start, end in before for m in ctx.segment_mentions if start <= m.start and m.end <= end
                               and m.category == "drug" and m.term is not None and m.term.iri not in ctx.classes))
    return named[:2] if len(named) >= 2 else []


def _named_drugs(ctx: Context, before: int) -> list[Term]:
    """The specific drugs named in the segment before a point, in the order they were introduced."""
    return list(dict.fromkeys(m.term for m in ctx.segment_mentions
                              if m.end <= before and m.category == "drug" and m.term is not None and m.term.iri not in ctx.classes))


def _earlier_subjects(ctx: Context, specific: bool = True) -> list[Term]:
    """The drugs (only specific ones, not classes, if `specific`) that the sentences of the segment
    before this one were about (each sentence's first drug and those coordinated with it, then one
    switched to: "..., so I switched to Aubagio"), oldest first, each once at its last place."""
    text = ctx.clause.text
    pattern, switched = load_cues().patterns["subject_coordination"], load_cues().patterns["switched_to"]
    found: list[Term] = []
    for start, end in sentences(text, ctx.segment_start, ctx.clause.sentence[0]):
        drugs = [m for m in ctx.segment_mentions if start <= m.start and m.end <= end and m.term is not None
                 and m.category == "drug" and not (specific and m.term.iri in ctx.classes) and not compared(ctx, m)]
        chain = drugs[:1]
        for m in drugs[1:]:
            if not pattern.fullmatch(text, chain[-1].end, m.start):
                break
            chain.append(m)
        chain += [m for m in drugs[1:] if m not in chain and switched.search(text, max(start, m.start - 30), m.start)]
        found = [t for t in found if t not in {m.term for m in chain}] + [m.term for m in chain if m.term]
    return found


def studied_drug(ctx: Context) -> Term | None:
    """The drug of a study reported just before this sentence ("A new paper followed 160 people
    starting Tecfidera"): the first drug named from the report's words to the sentence."""
    sentence = ctx.clause.sentence[0]
    reports = list(load_cues().patterns["reported_study"].finditer(ctx.clause.text, max(ctx.segment_start, sentence - _STUDY_REACH), sentence))
    if not reports:
        return None
    drugs = [m for m in ctx.segment_mentions if reports[-1].start() <= m.start < sentence and m.category == "drug" and m.term is not None]
    return drugs[0].term if drugs else None

