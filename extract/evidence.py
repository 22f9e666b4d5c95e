"""What kind of evidence a sentence is: the study's own voice, an expert's, a patient's, or background.

The segment sets the default (a quoted abstract speaks for its study; the blogger's
commentary is expert opinion; a comment is a patient's anecdote when its writer reports
their own treatment, an expert's when they speak from experience); a sentence can
override it: a textbook statement ("This is a type of immune cell that usually ...") is
background, "In my experience" is expert. In a post body or commentary, a paragraph in which
the writer reports their own treatment (a forum digest, a patient's guest post) is an anecdote.
"""

from __future__ import annotations

from mskg.extract.cues import load_cues
from mskg.extract.model import Segment


def segment_voice(segment: Segment, text: str) -> str:
    """The default evidence type of a segment, from its kind and its readable text."""
    if segment.kind == "abstract":
        return "study"
    if segment.kind != "comment":
        return "expert"
    patterns = load_cues().patterns
    if patterns["voice_expert"].search(text):
        return "expert"
    return "anecdote" if patterns["voice_patient"].search(text) else "expert"


def sentence_voice(default: str, sentence: str) -> str:
    """The evidence type of one sentence in a segment whose default is `default`. A textbook
    sentence is background anywhere; a habitual one ("usually") only in a general statement of an
    expert or a patient ("Thyroid trouble is usually the first autoimmune side effect"): a patient's
    "my flushing usually settles" stays an anecdote, a study's result a study."""
    patterns = load_cues().patterns
    if patterns["voice_background"].search(sentence):
        return "background"
    if default in ("expert", "anecdote") and patterns["voice_background_habitual"].search(sentence) and not patterns["voice_background_not_habitual"].search(sentence):
        return "background"
    if default != "study" and patterns["voice_expert"].search(sentence):
        return "expert"
    return default


def paragraph_voices(segment: Segment, text: str, start: int, end: int) -> list[tuple[tuple[int, int], str]]:
    """The parts of a segment's text `text[start:end]` with their default evidence type: a comment
    or abstract is one part; a post body or commentary is read paragraph by paragraph, and a
    question and its answer ("Q: ...", "A: ...") are parts of their own."""
    default = segment_voice(segment, text[start:end])
    if segment.kind not in ("body", "commentary"):
        return [((start, end), default)]
    patterns = load_cues().patterns
    parts = []
    cursor, writer_is_patient = start, False
    for m in [*patterns["paragraph_or_turn"].finditer(text, start, end), None]:
        stop = m.start() if m else end
        para = text[cursor:stop]
        labelled = bool(patterns["speaker_label"].match(para.lstrip()))
        course = bool(patterns["voice_own_course"].search(para))
        own = _own_report(para, course, writer_is_patient and not labelled)
        writer_is_patient |= segment.kind == "body" and course and not labelled
        parts.append(((cursor, stop), "anecdote" if own else default))
        cursor = m.end() if m else end
    return [p for p in parts if p[0][1] > p[0][0]]


def _own_report(para: str, own_course: bool, writer_is_patient: bool) -> bool:
    """Does a paragraph report the writer's own treatment? It does when it gives their own course, or
    when an earlier unlabelled paragraph of the post body did (a diary's "RRMS since 2016": then "Bloods
    before dose three: CD19 count zero." is theirs too); never when it speaks from experience."""
    patterns = load_cues().patterns
    if patterns["voice_expert"].search(para):
        return False
    return own_course or writer_is_patient or bool(patterns["voice_patient"].search(para))


def implicit_relations(voice: str) -> tuple[str, ...]:
    """Relations whose drug may go unsaid in a sentence of this evidence type (the focus drug is meant)."""
    data = load_cues().data["implicit_subject_relations"]
    return tuple(data["relations"]) + tuple(data["by_voice"].get(voice, ()))
