"""Where a relation word's objects are: after a verb or before a passive one, coordinated in a list,
across allowed filler words, or named earlier and referred to by a pronoun ("they are spared",
"doesn't deplete them", "..., which ofatumumab does not deplete").
"""

from __future__ import annotations

import re

from mskg.extract.context import Context, Span
from mskg.extract.cues import RelationCue, load_cues
from mskg.extract.mentions import Mention

_WORDS = re.compile(r"[\w'-]+")
_OPENING_REACH = 20  # characters before a sentence's subject ("Circulating B cells ...")
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
    return _after_mainly_list(ctx, chain)


def _after_mainly_list(ctx: Context, chain: list[Mention]) -> list[Mention]:
    """The part of a list after a run that says where an earlier change mostly was ("B cells dropped, mostly
    naive and transitional B cells, and memory B cells hardly moved": only the memory B cells)."""
    text, mainly = ctx.clause.text, load_cues().patterns["mainly_word"]
    runs = [i for i, m in enumerate(chain) if mainly.search(text, max(ctx.clause.start, m.start - 14), m.start)]
    if not runs:
        return chain
    cut = next((j for j in range(runs[-1] + 1, len(chain)) if "," in text[chain[j - 1].end : chain[j].start]), len(chain))
    return chain[cut:] or chain


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
    also past an unnamed last conjunct ("naive T cells and central memory T cells are the ones that
    disappear") and an apposition ("Your neutrophils, the cells that fight bacteria, can fall")."""
    limit = int(load_cues().data["object_reach"]["before"]) if reach is None else reach
    before = [m for m in ctx.mentions if m.end <= cue[0]]
    if not before or before[-1].term is None or before[-1].category not in cats:
        return []
    last = gap_from = before[-1]
    if len(before) > 1 and before[-2].term is not None and before[-2].category in cats and \
            load_cues().patterns["reference_group"].fullmatch(ctx.clause.text, before[-2].end, last.start):
        last = before[-2]  # "regulatory T cells among CD4 T cells increased": the group counted in is no object
    unnamed = load_cues().patterns["unknown_last_conjunct"].match(ctx.clause.text, gap_from.end, cue[0])
    after_list = unnamed.end() if unnamed else gap_from.end
    gap = load_cues().patterns["object_appositive"].match(ctx.clause.text, after_list, cue[0])
    gap_start = gap.end() if gap else after_list
    if cue[0] - gap_start > limit or not filler_ok(ctx.clause.text, gap_start, cue[0]):
        return []
    return chain_before(ctx, last, cats)


def _aside(ctx: Context, m: Mention) -> bool:
    """Is this adverse effect named only to describe patients ("patients with grade 3 lymphopenia"),
    a condition a person may meet ("if you get an infection"), its vaccine ("the shingles vaccine") or
    another effect ("PML, an opportunistic brain infection", "low IgG is linked to serious infections")?"""
    cues = load_cues()
    text = ctx.clause.text
    if cues.patterns["population_with"].search(text, max(0, m.start - 60), m.start):
        return True
    if cues.patterns["person_condition"].search(text, max(ctx.clause.start, m.start - 40), m.start) or cues.patterns["effect_vaccine"].match(text, m.end):
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
    after = [m for m in ctx.mentions if m.start >= span[1] and m.term is not None and m.category in cats]
    mainly = [m for m in after if cues.patterns["gapped_mainly"].fullmatch(text, span[1], m.start)]
    found = [m for m in after if m in mainly
             or cues.patterns["gapped_between"].fullmatch(text, span[1], m.start) and cues.patterns["gapped_after"].match(text, m.end)
             or cues.patterns["gapped_compared"].fullmatch(text, span[1], m.start)]
    listed = [x for m in mainly for x in chain_after(ctx, m, cats) if not _verb_after(ctx, x)]  # "mainly naive and transitional B cells"
    return list(dict.fromkeys(found + listed))


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

