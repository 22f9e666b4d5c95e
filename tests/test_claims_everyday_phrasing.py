"""Everyday phrasings the benchmark corpus showed the rules missing, one per test, as a user writes them."""

from mskg.identifiers import curie
from tests.sentences import claims, one, triples

TERIFLUNOMIDE, AZATHIOPRINE, SIPONIMOD = "DRUGBANK:DB08880", "DRUGBANK:DB00993", "DRUGBANK:DB12371"
FENEBRUTINIB, CTL, MEMORY_T = "mskg:Fenebrutinib", "CL:0000794", "CL:0000813"


def _key(claim):
    return curie(claim.subject), claim.relation, curie(claim.object), claim.polarity


def test_is_used_to_treat_takes_the_disease_after_it():
    found = one("Teriflunomide is used to treat relapsing multiple sclerosis.")
    assert _key(found) == (TERIFLUNOMIDE, "treats", "mskg:RelapsingMS", "positive")


def test_a_passive_verb_without_preposition_or_infinitive_still_takes_no_object_after_it():
    assert claims("When teriflunomide is stopped, lymphocyte counts recover.") == []


def test_a_count_that_did_not_drop_on_a_drug_is_a_denied_decrease():
    found = one("My CTL count did not drop on azathioprine.", kind="comment")
    assert _key(found) == (AZATHIOPRINE, "decreasesAmountOf", CTL, "negative")


def test_a_count_that_did_not_fall_is_denied_too():
    found = one("My memory T cell count didn't fall on siponimod.", kind="comment")
    assert _key(found) == (SIPONIMOD, "decreasesAmountOf", MEMORY_T, "negative")


def test_a_count_that_may_drop_stays_a_hedged_decrease():
    found = one("Your CTL count may drop on azathioprine.")
    assert _key(found) == (AZATHIOPRINE, "decreasesAmountOf", CTL, "positive")
    assert found.evidence.certainty == "hedged"


def test_side_effect_split_over_a_line_break_is_still_a_side_effect():
    assert triples("The main side\neffect of fenebrutinib is infection.") == {
        (FENEBRUTINIB, "hasAdverseEffect", "mskg:Infection")}
