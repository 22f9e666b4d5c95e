"""Entity matching on real sentences: variants, abbreviations, misspellings, the drug in focus."""

import pytest

from mskg.extract.annotate import annotate
from mskg.extract.lexicon import load_lexicon
from mskg.extract.mentions import Matcher, edit_distance
from tests.sentences import document, one

B_CELL, NK_CELL, CD8_LOW = "CL:0000236", "CL:0000623", "mskg:CD8LowTCell"
MATURE_NK, CD56_BRIGHT = "CL:0000824", "CL:0000938"


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_lexicon())


def _found(matcher, text):
    return [(text[m.start : m.end], m.term.curie) for m in matcher.names(text) if m.term]


@pytest.mark.parametrize("text,name", [
    ("Numbers of NK cells rose.", "NK cells"),
    ("natural killer cells were enriched", "natural killer cells"),
    ("Natural Killer cell function", "Natural Killer cell"),
    ("persistent NK-cells", "NK-cells"),
    ("NK\u00a0cells in blood", "NK\u00a0cells"),
])
def test_nk_cell_variants_match(matcher, text, name):
    assert _found(matcher, text) == [(name, NK_CELL)]


def test_hyphenated_plural_b_cells(matcher):
    assert _found(matcher, "depletes B-cells quickly") == [("B-cells", B_CELL)]


def test_bracketed_cd8_low(matcher):
    assert _found(matcher, "immunomodulatory CD8(low) T cells") == [("CD8(low) T cells", CD8_LOW)]


def test_cd56bright_glued_form(matcher):
    assert _found(matcher, "CD56bright NK cells expand") == [("CD56bright NK cells", CD56_BRIGHT)]


def test_longest_match_wins(matcher):
    assert _found(matcher, "more mature NK cells") == [("mature NK cells", MATURE_NK)]


def test_a_name_is_not_matched_inside_a_longer_word(matcher):
    assert _found(matcher, "CD80 and MS2 phages") == []


def test_an_abbreviation_the_text_defines_is_used_later(matcher):
    text = "We counted natural killer cells (NKC) in blood. NKC numbers rose."
    names = matcher.names(text)
    defined = matcher.abbreviations(text, names)
    found = [(text[m.start : m.end], m.kind, m.term.curie) for m in matcher.names(text, defined=defined)]
    assert ("NKC", "abbreviation", NK_CELL) in found


def test_an_abbreviation_needs_matching_initials(matcher):
    text = "We counted natural killer cells (QQ) in blood."
    assert matcher.abbreviations(text, matcher.names(text)) == {}


def test_misspelt_drug_within_edit_distance(matcher):
    text = "Natalizunab was started."
    assert [(m.term.label, m.kind) for m in matcher.fuzzy(text, 0, len(text), [])] == [("natalizumab", "fuzzy")]


@pytest.mark.parametrize("word", ["relapsing", "treatment", "patients", "mitochondria", "cladding", "naturally"])
def test_fuzzy_matching_never_maps_a_real_word(matcher, word):
    text = f"The {word} were noted."
    assert matcher.fuzzy(text, 0, len(text), []) == []


def test_short_words_are_not_fuzzy_matched(matcher):
    text = "Ocrel was mentioned."
    assert matcher.fuzzy(text, 0, len(text), []) == []


def test_edit_distance_stops_past_its_limit():
    assert edit_distance("dacluzimab", "daclizumab", 2) == 2
    assert edit_distance("fingolimod", "cladribine", 2) == 3


def test_a_capitalised_prefix_of_a_named_drug_is_that_drug(matcher):
    text = "Ocrelizumab was given. I think that Ocreli was a good choice."
    names = matcher.names(text)
    short = matcher.short_forms(text, 0, len(text), names, {names[0].term.iri})
    assert [(text[m.start : m.end], m.term.label) for m in short] == [("Ocreli", "ocrelizumab")]


def test_treatment_refers_to_the_drug_in_focus():
    claim = one("Ocrelizumab was given for a year. Treatment led to a depletion of B cells.")
    assert claim.subject.endswith("DB11988")


def test_this_agent_refers_to_the_drug_in_focus():
    claim = one("Cladribine is cheap. This oral agent depletes memory B cells.")
    assert claim.subject.endswith("DB00242")


def test_it_refers_to_the_drug_in_focus_only_right_before_a_relation_word():
    claim = one("Natalizumab is popular. It increases circulating lymphocytes.")
    assert claim.subject.endswith("DB00108")


def test_focus_of_a_comment_without_drugs_is_the_document_drug():
    doc = document("In my experience it only helps people with Gd-enhancing lesions.", kind="comment",
                   title="Alemtuzumab and lesions")
    focus = {sm.segment.id: sm.focus for sm in annotate(doc)}
    assert focus["comment-1"].label == "alemtuzumab"


def test_brand_in_brackets_is_not_a_second_drug():
    doc = document("I get Tysabri (natalizumab) monthly.")
    drugs = [m for sm in annotate(doc) for m in sm.mentions if m.term and m.category == "drug"]
    assert len(drugs) == 1
