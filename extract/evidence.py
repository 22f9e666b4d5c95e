"""What kind of evidence a sentence is: the study's own voice, an expert's, a patient's, or background.

The segment sets the default (a quoted abstract speaks for its study; the blogger's
commentary is expert opinion; a comment is a patient's anecdote when its writer reports
their own treatment, an expert's when they speak from experience); a sentence can
override it: a textbook statement ("This is a type of immune cell that usually ...") is
background, "In my experience" is expert.
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
    """The evidence type of one sentence in a segment whose default is `default`."""
    patterns = load_cues().patterns
    if patterns["voice_background"].search(sentence):
        return "background"
    if default != "study" and patterns["voice_expert"].search(sentence):
        return "expert"
    return default
