"""Mentions for a whole document, segment by segment, and the drug each segment is about.

Two passes: names first, then the abbreviations the document defines, misspelt and
shortened drug names, inner targets of "anti-X" names, and references back to the focus
drug. A name in brackets right after a name of the same category ("Methyprednisolon
(Urbason)", "multiple sclerosis (MS)") repeats it and is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from mskg.extract.cues import load_cues
from mskg.extract.lexicon import Lexicon, Term, load_lexicon
from mskg.extract.mentions import Matcher, Mention
from mskg.extract.model import Document, Segment, TextView
from mskg.extract.tokens import key_of, tokenize


POST_FOCUS_DISPLACE = 2
"""In the post itself a drug named once in passing does not take the focus from the drug the post is about."""


@dataclass(frozen=True)
class SegmentMentions:
    """One segment's readable text, the part of it to read, its mentions and its focus drug."""

    segment: Segment
    view: TextView
    start: int
    end: int
    mentions: tuple[Mention, ...]
    focus: Term | None


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The matcher over the shipped lexicon, built once."""
    return Matcher(load_lexicon())


def reading_range(doc: Document, seg: Segment, view: TextView) -> tuple[int, int]:
    """The part of a segment's view to read: a comment's quotation of an earlier comment is skipped."""
    if seg.quote_end is None or not view.runs:
        return 0, len(view.text)
    run_start, orig_start, _ = view.runs[0]
    offset = seg.quote_end - orig_start + run_start
    closing = view.text.find('"', offset, offset + 2)
    return min(len(view.text), (closing + 1) if closing != -1 else offset), len(view.text)


def _appositions(text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop a bracketed name that repeats the category of the name right before it."""
    kept: list[Mention] = []
    for m in mentions:
        prev = kept[-1] if kept else None
        if prev and prev.term and m.term and prev.category == m.category and text[prev.end : m.start].strip() == "(":
            continue
        kept.append(m)
    return kept


def _named_subsets_only(lexicon: Lexicon, text: str, mentions: list[Mention]) -> list[Mention]:
    """Drop cells named with a specificity the ontology has no term for ("EBV-specific CD8 T cells",
    "CD20-positive T cells"): they are a subset, not the population the name would ground to. A
    marker the whole population carries ("CD20-positive B cells") names no subset."""
    subset = load_cues().patterns["unnamed_subset"]
    return [m for m in mentions if m.category != "cell" or not _is_subset(lexicon, m, subset.search(text, max(0, m.start - 40), m.start))]


def _is_subset(lexicon: Lexicon, mention: Mention, qualifier: re.Match[str] | None) -> bool:
    """Does this qualifier before a cell name ("EBV-specific", "CD20-positive") narrow it to a subset?"""
    if qualifier is None:
        return False
    if qualifier.group("kind") not in ("positive", "expressing"):
        return True
    markers = load_cues().data["subjects"]["lineage_markers"]
    lineage = [mention.term] + [lexicon.terms[i] for i in lexicon.ancestors(mention.term.iri) if i in lexicon.terms]
    carried = {mk.upper() for term in lineage for mk in markers.get(term.curie, ())}
    return qualifier.group("marker").upper() not in carried


@lru_cache(maxsize=1)
def _described() -> tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...]:
    """The patterns of cues.json's `described_effects`, compiled, with the strings one of which each needs and the term it describes."""
    effects = load_cues().data["described_effects"]["effects"]
    return tuple((tuple(e["needs"]), re.compile(e["pattern"], re.IGNORECASE), e["term"]) for e in effects)


def _described_effects(matcher: Matcher, text: str, start: int, end: int, names: list[Mention]) -> list[Mention]:
    """Adverse effects described in a patient's words ("lumps at the injection sites"); a description
    replaces the names inside it."""
    found = []
    lowered = text[start:end].lower()
    for needs, pattern, curie_ in _described():
        term = matcher.lexicon.resolve(curie_) if any(n in lowered for n in needs) else None
        if term is not None:
            found += [Mention(m.start(), m.end(), "description", term) for m in pattern.finditer(text, start, end)]
    if not found:
        return names
    inside = [n for n in names if any(d.start <= n.start and n.end <= d.end for d in found)]
    crossing = [d for d in found if any(n.start < d.start < n.end or n.start < d.end < n.end for n in names)]
    return [n for n in names if n not in inside] + [d for d in found if d not in crossing]


def _marker_cell(matcher: Matcher, text: str, m: Mention) -> Term | None:
    """The cell a count marker is named for ("lymphocyte count" counts lymphocytes)."""
    if m.category != "marker":
        return None
    key = key_of(text[m.start : m.end])
    if len(key) < 2 or key[-1] != load_cues().data["counts"]["word"]:
        return None
    cells = [t for i in range(len(key) - 1) if (t := matcher.lexicon.lookup(key[i:-1])) and t.category == "cell"]
    return cells[0] if cells else None


def _counted_cells(matcher: Matcher, text: str, start: int, end: int) -> list[Mention]:
    """Names before "count" that are '<name> cell' ("my CD4 count halved" counts CD4 cells)."""
    cell_word = load_cues().data["counts"]["cell_word"]
    found = []
    for hit in load_cues().patterns["count_word"].finditer(text, start, end):
        words = tokenize(text, max(start, hit.start() - 24), hit.start())[-3:]
        for i in range(len(words)):
            term = matcher.lexicon.lookup((*(w.norm for w in words[i:]), cell_word))
            if term and term.category == "cell":
                found.append(Mention(words[i].start, words[-1].end, "count", term))
                break
    return found


def _counts_as_cells(matcher: Matcher, text: str, start: int, end: int, names: list[Mention]) -> list[Mention]:
    """A count of cells is the amount of those cells ("my CD4 count halved", "lymphocyte counts fell")."""
    out = []
    for m in names:
        cell = _marker_cell(matcher, text, m) if m.term else None
        out.append(replace(m, term=cell) if cell else m)
    counted = [c for c in _counted_cells(matcher, text, start, end)
               if not any(m.start <= c.start and c.end <= m.end and m.category == "cell" for m in out)]
    return [m for m in out if not any(c.start < m.end and m.start < c.end for c in counted)] + counted


def _inner_targets(matcher: Matcher, text: str, mentions: list[Mention]) -> list[Mention]:
    """Targets named inside an "anti-X ..." drug name, so that "anti" can point at them, and inside a
    drug class named for its target ("S1P receptor modulator", "BTK inhibitor"), so that the class
    noun can."""
    inner: list[Mention] = []
    for m in (m for m in mentions if m.category == "drug" and m.term):
        if text[m.start : m.start + 4].lower() == "anti":
            inner += [x for x in matcher.names(text, m.start + 4, m.end) if x.category == "target"]
        elif m.term.iri in matcher.classes:
            last = text.rfind(" ", m.start, m.end)
            inner += [x for x in matcher.names(text, m.start, last) if x.category == "target"] if last > m.start else []
    return inner


def _first_pass(matcher: Matcher, doc: Document) -> dict[str, tuple[TextView, int, int, list[Mention]]]:
    out = {}
    for seg in doc.segments:
        view = doc.view(seg.id)
        start, end = reading_range(doc, seg, view)
        out[seg.id] = (view, start, end, matcher.names(view.text, start, end))
    return out


def focus_of(text: str, mentions: list[Mention] | tuple[Mention, ...], fallback: Term | None, classes: set[str],
             displace: int = 1) -> Term | None:
    """The drug a stretch of text is about: the one named most often (specific drugs before drug
    classes, not counting drugs named for comparison: "switched from X", "unlike X"); ties go to
    `fallback`, then the first. A drug named fewer than `displace` times leaves `fallback` (a specific
    drug, not a class) in focus."""
    return _focus(_named(text, mentions), fallback, classes, displace)


def _named(text: str, mentions: list[Mention] | tuple[Mention, ...]) -> list[Mention]:
    """The mentions that are not named for comparison ("switched from X", "unlike X", "versus X")."""
    aside = load_cues().patterns["not_subject_before"]
    return [m for m in mentions if not aside.search(text, max(0, m.start - 40), m.start)]


def _focus(mentions: list[Mention], fallback: Term | None, classes: set[str], displace: int = 1) -> Term | None:
    """The drug named most often (specific drugs before drug classes); ties go to `fallback`, then the first."""
    named = [m.term for m in mentions if m.term and m.category == "drug"]
    drugs = [t for t in named if t.iri not in classes] or named
    if not drugs:
        return fallback
    counts = Counter(t.iri for t in drugs)
    best = max(counts.values())
    if fallback is not None and fallback.iri not in classes and best < displace:
        return fallback
    tied = [t for t in drugs if counts[t.iri] == best]
    return fallback if fallback in tied else tied[0]


def annotate(doc: Document, matcher: Matcher | None = None) -> list[SegmentMentions]:
    """Every segment's mentions and focus drug."""
    matcher = matcher or default_matcher()
    first = _first_pass(matcher, doc)
    defined: dict = {}
    for view, _, _, names in first.values():
        defined.update(matcher.abbreviations(view.text, names))
    drugs = {m.term.iri for *_, names in first.values() for m in names if m.term and m.category == "drug"}
    per_segment: dict[str, tuple[TextView, int, int, list[Mention]]] = {}
    for seg in doc.segments:
        view, start, end, names = first[seg.id]
        if defined:
            names = matcher.names(view.text, start, end, defined)
        names = names + matcher.elliptical(view.text, names)
        names = names + matcher.fuzzy(view.text, start, end, names)
        names = names + matcher.short_forms(view.text, start, end, names, drugs)
        names = _appositions(view.text, sorted(names, key=lambda m: m.start))
        names = _named_subsets_only(matcher.lexicon, view.text, names)
        names = _described_effects(matcher, view.text, start, end, names)
        names = sorted(_counts_as_cells(matcher, view.text, start, end, names), key=lambda m: (m.start, m.end))
        refs, replaced = matcher.focus(view.text, start, end, names)
        names = [m for m in names if m not in replaced] + refs + _inner_targets(matcher, view.text, names)
        per_segment[seg.id] = (view, start, end, sorted(names, key=lambda m: (m.start, m.end)))
    return _with_focus(doc, per_segment, matcher.classes)


def _with_focus(doc: Document, per_segment: dict[str, tuple[TextView, int, int, list[Mention]]], classes: set[str]) -> list[SegmentMentions]:
    titles = [(per_segment[s.id][0].text, per_segment[s.id][3]) for s in doc.segments if s.kind == "title"]
    everything = [m for view, _, _, ms in per_segment.values() for m in _named(view.text, ms)]
    doc_focus = next((f for text, ms in titles if (f := focus_of(text, ms, None, classes))), None) or _focus(everything, None, classes)
    out = []
    for seg in doc.segments:
        view, start, end, mentions = per_segment[seg.id]
        displace = 1 if seg.kind == "comment" else POST_FOCUS_DISPLACE
        out.append(SegmentMentions(seg, view, start, end, tuple(mentions), focus_of(view.text, mentions, doc_focus, classes, displace)))
    return out


def lexicon() -> Lexicon:
    """The lexicon the default matcher uses."""
    return default_matcher().lexicon
