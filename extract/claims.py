"""The claim rules: a relation word, an object of the right category on the right side, a drug as subject.

Each cue in cues.json names a relation, the categories its object may have and how the
object attaches: after a verb ("suppresses B cells"), before or after a noun ("NK cell
enrichment", "enrichment of neutrophils"), right after "anti" ("anti-CD25"), or anywhere in
the clause (side effects). Coordinated objects ("neutrophils and CD8(low) T cells") each
give a claim. The subject is the nearest drug, or a reference back to the drug in focus.
"""

from __future__ import annotations

import re

from mskg.extract.comparisons import compared_readings, rather_than
from mskg.extract.context import Context, Reading, Span
from mskg.extract.cues import RelationCue, load_cues
from mskg.extract.lexicon import Term, load_lexicon
from mskg.extract.mentions import Mention
from mskg.extract.prefilter import ascii_lowered
from mskg.extract.scope import certainty, polarity, relative_spans
from mskg.extract.sentences import sentences

_WORDS = re.compile(r"[\w'-]+")
_OPENING_REACH = 20  # characters before a sentence's subject ("Circulating B cells ...")
_STUDY_REACH = 500  # characters before a sentence in which a reported study still speaks for it (about a paragraph)
_CLEFT_REACH = 12  # characters between a cleft sentence's frame and its relation word ("... do is cause")
_HARD_STOP = re.compile(r"[;:!?]|\.(?!\d)")  # a decimal point ("lymphocytes 1.2, down from 2.1") ends nothing
# A passive relation word still takes an object after it when it ends in a preposition or an
# infinitive ("is used to treat RMS").
_PREPOSITION_END = re.compile(r"\b(?:for|in|of|to|with|against|on|from|to\s+\w+)$", re.IGNORECASE)


def filler_ok(text: str, start: int, end: int) -> bool:
    """May these words stand between a relation word and its object (or two coordinated objects)?"""
    cues = load_cues()
    between = cues.patterns["filler_location"].sub(" ", text[start:end])
    if _HARD_STOP.search(between) or cues.patterns["filler_blocking"].search(between):
        return False
    others = [w for w in _WORDS.findall(between) if not cues.patterns["filler_allowed"].fullmatch(w)]
    return len(others) <= int(cues.data["filler"]["free_words"])


def coordinated(text: str, start: int, end: int) -> bool:
    """Is the text between two objects a coordination ("and immunomodulatory", ", ")?"""
    return bool(load_cues().patterns["coordination"].fullmatch(text, start, end))


def _verb_after(ctx: Context, m: Mention) -> bool:
    """Is this name followed by a verb of its own ("..., and B cells overshoot"): a new statement, not a list."""
    return bool(load_cues().patterns["relation_verb_after"].match(ctx.clause.text, m.end, ctx.clause.end))


def _verb_before(ctx: Context, m: Mention) -> bool:
    """Is this name the object of a verb before it ("depletes lymphocytes, and B cells ...")?"""
    return bool(load_cues().patterns["relation_verb_before"].search(ctx.clause.text, max(ctx.clause.start, m.start - 40), m.start))


def chain_after(ctx: Context, first: Mention, cats: tuple[str, ...]) -> list[Mention]:
    """The first object and every object coordinated after it (not one that has a verb of its own)."""
    chain = [first]
    for m in (m for m in ctx.mentions if m.start >= first.end):
        if m.term is None or m.category not in cats or not coordinated(ctx.clause.text, chain[-1].end, m.start) or _verb_after(ctx, m):
            break
        chain.append(m)
    return chain


def chain_before(ctx: Context, last: Mention, cats: tuple[str, ...]) -> list[Mention]:
    """The object nearest before a relation word, and every object coordinated before it (not the
    object of an earlier verb)."""
    chain = [last]
    for m in reversed([m for m in ctx.mentions if m.end <= last.start]):
        if m.term is None or m.category not in cats or not coordinated(ctx.clause.text, m.end, chain[0].start) or _verb_before(ctx, m):
            break
        chain.insert(0, m)
    return chain


def _unknown_conjunct(ctx: Context, start: int, end: int) -> bool:
    """Is the text before an object an unnamed first conjunct ("raised CD34+ progenitors and B cells")?"""
    return bool(load_cues().patterns["unknown_conjunct"].fullmatch(ctx.clause.text, start, end))


def objects_after(ctx: Context, cue: Span, cats: tuple[str, ...], noun: bool = False) -> list[Mention]:
    """Objects of a relation word that follow it within reach, across allowed filler words
    (after a noun, also across "of"/"in": "increase in NK cells")."""
    cues = load_cues()
    reach = int(cues.data["object_reach"]["after"])
    prep = cues.patterns["noun_preposition"].match(ctx.clause.text, cue[1]) if noun else None
    start = prep.end() if prep else cue[1]
    for m in ctx.mentions:
        if m.start >= cue[1] and (m.term is not None or m.kind == "focus") and m.category in cats:
            if m.start - cue[1] <= reach and (filler_ok(ctx.clause.text, start, m.start) or _unknown_conjunct(ctx, start, m.start)):
                return chain_after(ctx, m, cats)
            return []
    return []


def objects_before(ctx: Context, cue: Span, cats: tuple[str, ...], reach: int | None = None) -> list[Mention]:
    """Objects of a relation word that come just before it ("NK cell enrichment", "B cells were depleted"),
    also past an apposition ("Your neutrophils, the cells that fight bacteria, can fall")."""
    limit = int(load_cues().data["object_reach"]["before"]) if reach is None else reach
    before = [m for m in ctx.mentions if m.end <= cue[0]]
    if not before or before[-1].term is None or before[-1].category not in cats:
        return []
    last = gap_from = before[-1]
    if len(before) > 1 and before[-2].term is not None and before[-2].category in cats and \
            load_cues().patterns["reference_group"].fullmatch(ctx.clause.text, before[-2].end, last.start):
        last = before[-2]  # "regulatory T cells among CD4 T cells increased": the group counted in is no object
    gap = load_cues().patterns["object_appositive"].match(ctx.clause.text, gap_from.end, cue[0])
    gap_start = gap.end() if gap else gap_from.end
    if cue[0] - gap_start > limit or not filler_ok(ctx.clause.text, gap_start, cue[0]):
        return []
    return chain_before(ctx, last, cats)


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
        last = [t for t in _earlier_subjects(ctx) if _ms_treatment(t)][-1:] if ctx.voice == "anecdote" else []
    return last[0] if last else ctx.focus


def _ms_treatment(term: Term) -> bool:
    """Is this drug a disease-modifying therapy (one a patient is "on"), not a co-medication such as a steroid?"""
    return load_cues().data["co_medication"]["treatments"] in load_lexicon().ancestors(term.iri)


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
    if ctx.voice != "anecdote" or m.term is None or _ms_treatment(m.term):
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


def _aside(ctx: Context, m: Mention) -> bool:
    """Is this adverse effect named only to describe patients ("patients with grade 3 lymphopenia"),
    a condition a person may meet ("if you get an infection") or another effect ("PML, an opportunistic
    brain infection", "low IgG is linked to serious infections")?"""
    cues = load_cues()
    text = ctx.clause.text
    if cues.patterns["population_with"].search(text, max(0, m.start - 60), m.start):
        return True
    if cues.patterns["person_condition"].search(text, max(ctx.clause.start, m.start - 40), m.start):
        return True
    prev = [x for x in ctx.mentions if x.end <= m.start and x.term is not None and x.category == m.category]
    return bool(prev) and bool(cues.patterns["appositive"].fullmatch(text, prev[-1].end, m.start)
                               or cues.patterns["effect_link"].fullmatch(text, prev[-1].end, m.start))


def _anaphoric(ctx: Context, cue: RelationCue, span: Span) -> list[Mention]:
    """Objects a pronoun before the relation word refers back to, named earlier in the sentence, when
    the clause names its drug ("No infusion reactions, although they are common with ublituximab")."""
    named = any(m.term is not None and m.category == "drug" for m in ctx.mentions)
    if not named or not load_cues().patterns["anaphor"].search(ctx.clause.text, ctx.clause.start, span[0]):
        return []
    return _named_before_clause(ctx, cue.objects)


def _named_before_clause(ctx: Context, cats: tuple[str, ...]) -> list[Mention]:
    """What a pronoun of this clause may stand for: the terms of these categories named earlier in its sentence."""
    return [m for m in ctx.sentence_mentions if m.end <= ctx.clause.start and m.term is not None and m.category in cats]


def find_objects(ctx: Context, cue: RelationCue, span: Span) -> tuple[list[Mention], bool]:
    """The objects of one relation word, and whether its subject should be looked for after it."""
    text = ctx.clause.text
    cues = load_cues()
    if cue.kind == "any":
        found = [m for m in ctx.mentions if m.term is not None and m.category in cue.objects and not _aside(ctx, m)]
        return (found or _anaphoric(ctx, cue, span)), True
    if cue.kind == "noun":
        before = objects_before(ctx, span, cue.objects, reach=3)
        return (before or objects_after(ctx, span, cue.objects, noun=True)), False
    after_be = cues.patterns["passive_before"].search(text, ctx.clause.start, span[0])
    before = objects_before(ctx, span, cue.objects) if after_be else []
    if before:
        return before + _gapped_objects(ctx, span, cue.objects), True
    passive = after_be and (cues.patterns["passive_after"].match(text, span[1]) or not _PREPOSITION_END.search(text, span[0], span[1]))
    after = [] if passive else objects_after(ctx, span, cue.objects) or _them_object(ctx, cue, span)
    if after:
        return after, False
    if not passive and not cues.patterns["intransitive_after"].match(text, span[1], ctx.clause.end):
        return [], False
    before = objects_before(ctx, span, cue.objects)
    if before:
        return before + _gapped_objects(ctx, span, cue.objects), True
    return (_relative_object(ctx, cue, span) or _pronoun_object(ctx, cue, span) or _shared_subject(ctx, cue, span)
            or _participle_object(ctx, cue, span)), True


def _gapped_objects(ctx: Context, span: Span, cats: tuple[str, ...]) -> list[Mention]:
    """A second subject of an intransitive change with its verb left out ("CD4 T cells declined by
    about 40% and CD8 T cells by about 25%"), or one it is compared with ("CD4 T cells were reduced more
    than CD8 T cells") or named as where it mostly was ("B cells dropped by about half, mainly naive B
    cells"), which changed the same way."""
    cues = load_cues()
    text = ctx.clause.text
    return [m for m in ctx.mentions if m.start >= span[1] and m.term is not None and m.category in cats
            and (cues.patterns["gapped_between"].fullmatch(text, span[1], m.start) and cues.patterns["gapped_after"].match(text, m.end)
                 or cues.patterns["gapped_compared"].fullmatch(text, span[1], m.start)
                 or cues.patterns["gapped_mainly"].fullmatch(text, span[1], m.start))]


def _relative_object(ctx: Context, cue: RelationCue, span: Span) -> list[Mention]:
    """The objects a relative pronoun stands for ("long-lived plasma cells, which ofatumumab does not deplete")."""
    found = list(load_cues().patterns["relative_object"].finditer(ctx.clause.text, ctx.clause.start, span[0]))
    return objects_before(ctx, found[-1].span(), cue.objects) if found else []


def _pronoun_object(ctx: Context, cue: RelationCue, span: Span) -> list[Mention]:
    """The objects a pronoun opening the clause stands for, named earlier in its sentence, the
    pronoun the subject of this verb ("..., so they are spared") or of one before it that this one is
    coordinated with ("NK cells are hit too, but they recover ... and often overshoot")."""
    patterns, text = load_cues().patterns, ctx.clause.text
    if not any(patterns[p].fullmatch(text, ctx.clause.start, span[0]) for p in ("pronoun_object", "pronoun_coordinated")):
        return []
    return _named_before_clause(ctx, cue.objects)


def _them_object(ctx: Context, cue: RelationCue, span: Span) -> list[Mention]:
    """The cells an object pronoun after the relation word stands for: the last named before it in the
    sentence ("Unlike ocrelizumab, which wipes out B cells, it doesn't deplete them")."""
    if "cell" not in cue.objects or not load_cues().patterns["them_object"].match(ctx.clause.text, span[1]):
        return []
    named = [m for m in ctx.sentence_mentions if m.end <= span[0] and m.term is not None and m.category == "cell"]
    if not named:
        return []
    return chain_before(ctx, named[-1], ("cell",)) if named[-1] in ctx.mentions else [named[-1]]


def _participle_object(ctx: Context, cue: RelationCue, span: Span) -> list[Mention]:
    """The cells a trailing participle is said of: the first named in its clause ("the B cells come back
    within six to nine months, often overshooting their old level")."""
    text = ctx.clause.text
    if not text[span[0] : span[1]].endswith("ing") or not load_cues().patterns["participle_before"].search(text, ctx.clause.start, span[0]):
        return []
    first = next((m for m in ctx.mentions if m.end <= span[0] and m.term is not None and m.category in cue.objects), None)
    return chain_after(ctx, first, cue.objects) if first is not None else []


def _shared_subject(ctx: Context, cue: RelationCue, span: Span) -> list[Mention]:
    """The cells a bare second predicate is said of: those opening its sentence ("B cells returned by
    month 6 and then rose to 165% of baseline")."""
    if not load_cues().patterns["shared_subject"].fullmatch(ctx.clause.text, ctx.clause.start, span[0]):
        return []
    opening = [m for m in ctx.sentence_mentions if m.end <= ctx.clause.start and m.term is not None]
    if not opening or opening[0].category not in cue.objects or opening[0].start - ctx.clause.sentence[0] > _OPENING_REACH:
        return []
    return chain_after(ctx, opening[0], cue.objects) if opening[0] in ctx.mentions else [opening[0]]


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


def _left_drug(ctx: Context, cue: RelationCue, span: Span) -> list[tuple[Term, Mention]]:
    """The drug a patient switched from, when the effect is the reason for the switch."""
    cues = load_cues()
    if cue.relation != "hasAdverseEffect" or not cues.patterns["reason"].match(ctx.clause.text[span[0] : span[1]]):
        return []
    left = [m for m in ctx.mentions if m.term is not None and m.category == "drug" and m.end <= span[0]
            and cues.patterns["left_drug"].search(ctx.clause.text, max(ctx.clause.start, m.start - 40), m.start)]
    return [(left[-1].term, left[-1])] if left else []


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
    "It also raised liver enzymes"); each is its own relation word."""
    described = [m for m in ctx.mentions if m.kind == "description" and m not in taken]
    if not described:
        return []
    cues = load_cues()
    effect = next(c for c in cues.relations if c.relation == "hasAdverseEffect" and c.kind == "any")
    text, found = ctx.clause.text, []
    for m in described:
        window = max(ctx.clause.start, m.start - 40)
        opening = not text[ctx.clause.start:m.start].strip()
        own = (ctx.voice == "anecdote" and (opening or cues.patterns["described_own"].search(text, window, m.start))) or (ctx.voice == "study" and opening)
        said_of_drug = any(d.category == "drug" and d.end <= m.start and cues.patterns["described_after_subject"].fullmatch(text, d.end, m.start)
                           for d in ctx.mentions)
        if own or said_of_drug or cues.patterns["described_auxiliary"].search(text, window, m.start):
            found.append((effect, (m.start, m.end), [m], False))
    return found


def plural_subjects(ctx: Context) -> list[tuple[Term, Mention]]:
    """The drugs "either drug" or "both drugs" refers to: every drug named earlier in the sentence,
    else the last two drugs that earlier sentences of the segment were about; those "all four" or "the
    three newer drugs" refers to: the last so many drugs named before it."""
    cues = load_cues()
    counted = cues.patterns["counted_reference"].search(ctx.clause.text, ctx.clause.sentence[0], ctx.clause.end)
    if counted:
        here = Mention(counted.start(), counted.end(), "plural")
        return [(t, here) for t in _named_drugs(ctx, counted.start())[-int(cues.data["subjects"]["numbers"][counted.group("n").lower()]):]]
    ref = cues.patterns["plural_reference"].search(ctx.clause.text, ctx.clause.start, ctx.clause.end)
    if not ref:
        return []
    here = Mention(ref.start(), ref.end(), "plural")
    named = [m.term for m in ctx.sentence_mentions if m.end <= ref.start() and m.term is not None and m.category == "drug" and not compared(ctx, m)]
    terms = list(dict.fromkeys(named)) or _earlier_subjects(ctx)[-2:]
    return [(t, here) for t in terms]


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


def _subjects(ctx: Context, cue: RelationCue, span: Span, objs: list[Mention], prefer_after: bool) -> list[tuple[Term, Mention]]:
    """The drugs a relation word is said of; after an object-first verb ("my CD8 count fell ... and my
    neuro switched me to Aubagio") a drug after it counts only as an agent ("by", "with", "on")."""
    agent_only = cue.kind == "noun" or cue.agent_after or (prefer_after and cue.kind == "verb")
    named = subjects_of(ctx, span, objs, prefer_after, before_only=cue.kind == "prefix", agent_only=agent_only)
    found = _left_drug(ctx, cue, span) or _cleft_subject(ctx, span) or _relative_head(ctx, span) or \
        [s for s in named if not _other_medicine(ctx, s[1])]
    if not found and cue.kind != "prefix":
        found = plural_subjects(ctx)
    if not found and cue.kind != "prefix":
        implied = sentence_subject(ctx)
        if implied is None and ctx.focus is not None and (cue.relation in ctx.implicit or _unsaid_agent(ctx, cue, span, objs)):
            here = Mention(span[0], span[1], "implicit")
            implied = (antecedent(ctx, here) or ctx.focus, here)
        found = [implied] if implied else []
    return found


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
    continued = all(o.end <= span[0] for o in objs) and cues.patterns["continued_effect"].search(text, opening, ctx.clause.end)
    return own or bool(continued) or bool(cues.patterns["passive_before"].search(text, ctx.clause.start, span[0]))


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
    return out


def studied_drug(ctx: Context) -> Term | None:
    """The drug of a study reported just before this sentence ("A new paper followed 160 people
    starting Tecfidera"): the first drug named from the report's words to the sentence."""
    sentence = ctx.clause.sentence[0]
    reports = list(load_cues().patterns["reported_study"].finditer(ctx.clause.text, max(ctx.segment_start, sentence - _STUDY_REACH), sentence))
    if not reports:
        return None
    drugs = [m for m in ctx.segment_mentions if reports[-1].start() <= m.start < sentence and m.category == "drug" and m.term is not None]
    return drugs[0].term if drugs else None


def personal_non_occurrence(ctx: Context, effect: Mention) -> bool:
    """Does a patient say this adverse effect did not happen to them ("I did not get shingles")? One
    patient spared is no evidence that the drug does not cause it. Only the words before the effect
    count: in "No slow pulse at all, and I have not had a relapse" the pulse is not what "I have not" denies."""
    pattern = load_cues().patterns["personal_non_occurrence"]
    return ctx.voice == "anecdote" and bool(pattern.search(ctx.clause.text, ctx.clause.start, effect.start))


def read_relations(ctx: Context) -> list[Reading]:
    """The claims one clause states with a relation word, and those its comparisons imply; an effect
    given as the reason for leaving a drug is that drug's only ("switched from Gilenya to Kesimpta
    because of the PML risk")."""
    hits = cue_hits(ctx)
    if not hits:
        return []
    relatives = relative_spans(ctx.clause, [span[0] for _, span, _, _ in hits])
    left = {o.term: d for cue, span, objs, _ in hits for d, _ in _left_drug(ctx, cue, span) for o in objs}
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
    for subject, subj_mention in _subjects(ctx, cue, span, objs, prefer_after):
        for obj in objs:
            term = obj.term or ctx.focus
            if term is None or term == subject or left.get(term, subject) != subject:
                continue
            claim = (min(subj_mention.start, span[0], obj.start), max(subj_mention.end, span[1], obj.end))
            pol = "negative" if denied else polarity(ctx.clause, claim, span, relatives, (obj.start, obj.end))
            if pol == "negative" and cue.relation == "hasAdverseEffect" and personal_non_occurrence(ctx, obj):
                continue
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
