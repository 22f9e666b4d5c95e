"""One document in, its claims and knowledge gaps out, each with the exact words as evidence.

read_document -> extract -> mskg.extract.rdf.document_graph: mentions per segment, then
sentence by sentence and clause by clause the claim rules, the response rules, the
qualifiers (study population, the patient's own disease course, trial context), and the
evidence (segment, author, certainty, evidence type, quote and offsets into Document.text).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mskg.extract.annotate import SegmentMentions, annotate, default_matcher, focus_of
from mskg.extract.claims import read_relations
from mskg.extract.comedication import CoMedication, qualify, read_comedications
from mskg.extract.context import Context, Reading
from mskg.extract.cues import load_cues
from mskg.extract.lexicon import Term
from mskg.extract.mentions import Mention
from mskg.extract.evidence import implicit_relations, paragraph_voices, sentence_voice
from mskg.extract.model import Claim, Document, Evidence, Gap, Study
from mskg.extract.response import read_responses
from mskg.extract.scope import Clause
from mskg.extract.sentences import clauses, is_question, sentences
from mskg.extract.study import fill_study, study_population
from mskg.extract.tokens import tokenize
from mskg.extract.values import with_values


@dataclass
class Extraction:
    """What one document says: the document (its study filled in), claims, gaps, and notices."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    comedications: list[CoMedication] = field(default_factory=list)


def _context_qualifiers(sm: SegmentMentions, r: Reading) -> tuple[tuple[str, str], ...]:
    """Trial context named between the relation word and just after its object ("(in phase II trials)"),
    with the context words that run on from it ("in its placebo-controlled phase 2 trial")."""
    cats = load_cues().data["context_categories"]
    inside = [m for m in sm.mentions if r.span[0] <= m.start and m.end <= r.span[1] and m.term]
    objs = [m for m in inside if m.term == r.object and m.start >= r.cue[0]]
    end = objs[0].end if objs else r.cue[1]
    lead = r.subject_at if r.subject_at >= r.span[0] else -1
    found, last = [], -2
    for m in (m for m in inside if m.category in cats):
        if r.cue[0] <= m.start <= end + 25 or m.end <= lead or 0 <= m.start - last <= 1:
            found.append(("context", m.term.iri))
            last = m.end
    return tuple(found)


def _population(sm: SegmentMentions, voice: str, study: Study | None, segment: SegmentMentions | None = None) -> str | None:
    """The study's population for study evidence (with no cited study, the one the paragraph counts, else
    the one its segment counts first: a press release's "1,131 adults with nrSPMS"); a patient's own disease
    course for anecdotes (not a service named after the disease: "the MS nurse"), the first one named, unless
    a later one of theirs is narrower ("My MS journey", then "RRMS since 2011")."""
    if voice == "study":
        if study is not None:
            return study.population
        whole = segment or sm
        return study_population(sm.view.text, sm.mentions, sm.start, sm.end) or study_population(whole.view.text, whole.mentions, whole.start, whole.end)
    if voice != "anecdote":
        return None
    named = [term for span in sentences(sm.view.text, sm.start, sm.end) if (term := _own_disease(sm, span)) is not None]
    if not named:
        return None
    first = named[0]
    narrower = [term for term in named if first.iri in default_matcher().lexicon.ancestors(term.iri)]
    return (narrower[0] if narrower else first).iri


def _own_disease(sm: SegmentMentions, span: tuple[int, int]) -> Term | None:
    """The disease a patient's sentence names as their own ("RRMS since 2011", "my MS"), if it does."""
    patterns, text = load_cues().patterns, sm.view.text
    own, other, service = patterns["voice_patient_population"], patterns["population_not_after"], patterns["population_not_before"]
    start, end = span
    if not own.search(text, start, end):
        return None
    found = [m for m in sm.mentions if start <= m.start < end and m.term and m.category == "disease" and m.kind != "abbreviation"
             and not other.search(text, max(start, m.start - 30), m.start) and not service.match(text, m.end)]
    return _most_specific(sm, found[0]) if found else None


def _most_specific(sm: SegmentMentions, mention: Mention) -> Term:
    """A disease course named inside a longer name ("RRMS" in "very aggressive RRMS") that is not
    merely a broader term of it; else the longer name's term."""
    matcher = default_matcher()
    outer = mention.term
    broader = matcher.lexicon.ancestors(outer.iri)
    for tok in reversed(tokenize(sm.view.text, mention.start, mention.end)[1:]):
        hits = matcher.names(sm.view.text, tok.start, mention.end)
        if hits and hits[0].start == tok.start and hits[0].category == "disease" and hits[0].term.iri not in broader:
            return hits[0].term
    return outer


def _qualified(sm: SegmentMentions, r: Reading, population: str | None) -> Reading:
    quals = set(r.qualifiers) | set(_context_qualifiers(sm, r))
    if population and r.relation in load_cues().data["population_relations"]:
        quals.add(("population", population))
    return replace(r, qualifiers=tuple(sorted(quals)))


def _evidence(doc: Document, sm: SegmentMentions, span: tuple[int, int], certainty: str, voice: str) -> Evidence:
    start, end = sm.view.original(*span)
    seg = sm.segment
    author = seg.author if seg.kind == "comment" else (seg.author or doc.author)
    study = doc.study.iri_key if voice == "study" and doc.study else None
    return Evidence(doc.id, seg.id, start, end, doc.text[start:end], certainty, voice, author, seg.comment_index, study)


def _context(sm: SegmentMentions, clause: Clause, voice: str, segment_start: int) -> Context:
    matcher = default_matcher()
    mentions = [m for m in sm.mentions if clause.start <= m.start and m.end <= clause.end]
    in_sentence = [m for m in sm.mentions if clause.sentence[0] <= m.start and m.end <= clause.sentence[1]]
    return Context(clause, mentions, sm.focus, matcher.classes, in_sentence, implicit_relations(voice), voice,
                   sm.mentions, segment_start)


def _clause_readings(ctx: Context) -> list[Reading]:
    return read_responses(ctx, default_matcher().lexicon, with_values(ctx, read_relations(ctx)))


def _sentence_clauses(text: str, span: tuple[int, int]) -> list[Clause]:
    """The clauses of a sentence; a speaker's or heading's label ("Rosa (RRMS, on Vumerity):",
    "RESULTS:") is no part of them: its words state nothing and are never quoted. A condition's clause
    and the one it conditions ("..., and if it can be caught early, I would expect ...") are hypothetical."""
    cues = load_cues()
    conditional = bool(cues.patterns["conditional_sentence"].match(text, span[0]))
    out: list[Clause] = []
    for a, b in clauses(text, span):
        label = cues.patterns["quote_label"].match(text, a, b)
        a = label.end() if label else a
        condition = bool(cues.patterns["conditional_clause"].match(text, a))
        after_condition = bool(out) and bool(cues.patterns["conditional_if_clause"].search(text, out[-1].start, a)) \
            and bool(cues.patterns["conditional_main_clause"].match(text, a)) and not condition
        out.append(Clause(text, a, b, span, conditional or condition or after_condition))
    return out


def _gap(doc: Document, sm: SegmentMentions, clause: Clause, voice: str) -> Gap | None:
    if not load_cues().patterns["gaps"].search(clause.text, clause.start, clause.end):
        return None
    about = sorted({m.term.iri for m in sm.mentions if clause.start <= m.start < clause.end and m.term and m.category not in ("design", "method")})
    if not about and sm.focus:
        about = [sm.focus.iri]
    return Gap(tuple(about), _evidence(doc, sm, (clause.start, clause.end), "asserted", voice)) if about else None


def _segment(doc: Document, sm: SegmentMentions, out: Extraction) -> None:
    if sm.segment.kind in load_cues().data["topic_segments"]["kinds"]:
        return
    text = sm.view.text
    parts = paragraph_voices(sm.segment, text, sm.start, sm.end)
    writer = _population(sm, "anecdote", None) if len(parts) > 1 else None
    for (start, end), default in parts:
        inside = [m for m in sm.mentions if start <= m.start < end]
        focus = focus_of(text, inside, sm.focus, default_matcher().classes) if len(parts) > 1 else sm.focus
        part = replace(sm, start=start, end=end, focus=focus)
        population = _population(part, default, out.document.study, sm)
        if population is None and default == "anecdote" and not load_cues().patterns["speaker_label"].match(text, start):
            population = writer
        _part(doc, part, default, population, out, sm.start)


def _part(doc: Document, sm: SegmentMentions, default: str, population: str | None, out: Extraction, segment_start: int) -> None:
    text = sm.view.text
    report = sm.view.original(sm.start, sm.end)  # the stretch of the document a co-medication qualifies
    for span in sentences(text, sm.start, sm.end):
        if is_question(text, span):
            continue
        for clause in _sentence_clauses(text, span):
            voice = sentence_voice(default, clause.words)
            ctx = _context(sm, clause, voice, segment_start)
            out.comedications += read_comedications(ctx, doc.id, sm.segment.id, report)
            for r in _clause_readings(ctx):
                r = _qualified(sm, r, population if voice == default else None)
                ev = _evidence(doc, sm, r.span, r.certainty, voice)
                out.claims.append(Claim(r.subject.iri, r.relation, r.object.iri, ev, r.polarity, r.qualifiers))
            gap = _gap(doc, sm, clause, voice)
            if gap:
                out.gaps.append(gap)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen: dict[tuple, Claim] = {}
    for c in claims:
        seen.setdefault((c.key(), c.evidence.segment, c.evidence.start, c.evidence.end), c)
    return sorted(seen.values(), key=lambda c: (c.evidence.start, c.evidence.end, c.relation, c.subject, c.object, c.polarity, c.qualifiers))


def extract(doc: Document) -> Extraction:
    """The claims, knowledge gaps and notices of one document; its Study filled from the abstract."""
    annotated = annotate(doc)
    abstract = [sm for sm in annotated if sm.segment.kind == "abstract"]
    if doc.study and abstract:
        sm = abstract[0]
        doc = replace(doc, study=fill_study(doc.study, sm.view.text[sm.start : sm.end], [
            replace(m, start=m.start - sm.start, end=m.end - sm.start) for m in sm.mentions]))
    out = Extraction(doc)
    for sm in annotated:
        _segment(doc, sm, out)
    out.claims, taken = qualify(out.claims, out.comedications)
    out.claims = _unique(out.claims)
    out.notices += taken
    out.gaps = sorted({g.key(): g for g in out.gaps}.values(), key=lambda g: (g.evidence.start, g.about))
    if not any(m.term for sm in annotated for m in sm.mentions):
        out.notices.append(f"{doc.id}: no known entity mentioned")
    elif not out.claims:
        out.notices.append(f"{doc.id}: no finding stated")
    return out
