"""One rule per test, on real sentences: a sentence in, one expected claim (or none) out."""

from mskg.extract.model import Study
from mskg.extract.pipeline import extract
from mskg.identifiers import curie
from tests.sentences import claims, document, one, triples

RITUXIMAB, NATALIZUMAB, FINGOLIMOD = "DRUGBANK:DB00073", "DRUGBANK:DB00108", "DRUGBANK:DB08868"
B_CELL, NK_CELL, T_CELL = "CL:0000236", "CL:0000623", "CL:0000084"


def _is(claim, subject, relation, obj, polarity="positive", certainty="asserted"):
    assert (curie(claim.subject), claim.relation, curie(claim.object)) == (subject, relation, obj)
    assert (claim.polarity, claim.evidence.certainty) == (polarity, certainty)


def test_depletes_means_decreases_amount_of():
    _is(one("Rituximab depletes B cells within weeks."), RITUXIMAB, "decreasesAmountOf", B_CELL)


def test_suppresses_means_decreases_amount_of():
    _is(one("Fingolimod persistently suppresses T cells in the blood."), FINGOLIMOD, "decreasesAmountOf", T_CELL)


def test_enrichment_of_means_increases_amount_of():
    _is(one("Natalizumab led to an enrichment of NK cells."), NATALIZUMAB, "increasesAmountOf", NK_CELL)


def test_expansion_before_the_noun_means_increases_amount_of():
    _is(one("Natalizumab caused NK cell expansion."), NATALIZUMAB, "increasesAmountOf", NK_CELL)


def test_maturation_means_promotes_maturation_of():
    _is(one("Natalizumab promoted NK cell maturation."), NATALIZUMAB, "promotesMaturationOf", NK_CELL)


def test_coordinated_objects_each_give_a_claim():
    assert triples("Rituximab reduced B cells and T cells.") == {
        (RITUXIMAB, "decreasesAmountOf", B_CELL), (RITUXIMAB, "decreasesAmountOf", T_CELL)}


def test_passive_voice_finds_object_before_and_subject_after():
    _is(one("B cells were depleted by rituximab."), RITUXIMAB, "decreasesAmountOf", B_CELL)


def test_anti_prefix_means_targets():
    _is(one("Daclizumab is an anti-CD25 antibody."), "DRUGBANK:DB00111", "targets", "HGNC:6008")


def test_approved_for_means_treats():
    _is(one("Natalizumab is approved for relapsing MS."), NATALIZUMAB, "treats", "mskg:RelapsingMS")


def test_side_effects_mean_has_adverse_effect():
    _is(one("Bradycardia is a known side effect of fingolimod."), FINGOLIMOD, "hasAdverseEffect", "mskg:Bradycardia")


def test_stopping_an_outcome_means_inhibits():
    _is(one("Natalizumab stopped relapses in most patients."), NATALIZUMAB, "inhibits", "mskg:Relapse")


def test_in_addition_to_makes_the_other_drug_a_comedication_of_the_reports_findings():
    claim = one("I get methylprednisolone in addition to natalizumab. Natalizumab stopped my relapses.", kind="comment")
    _is(claim, NATALIZUMAB, "inhibits", "mskg:Relapse")
    assert [(k, curie(v)) for k, v in claim.qualifiers] == [("comedication", "CHEBI:6888")]


def test_a_comedication_with_no_finding_of_its_own_is_a_notice_not_a_claim():
    found = extract(document("I also get methylprednisolone in addition to natalizumab.", kind="comment"))
    assert found.claims == []
    assert any("co-medication CHEBI:6888 with DRUGBANK:DB00108 qualifies no finding" in n for n in found.notices)


def test_a_denied_comedication_qualifies_nothing():
    claim = one("I do not take methylprednisolone in addition to natalizumab. Natalizumab stopped my relapses.", kind="comment")
    _is(claim, NATALIZUMAB, "inhibits", "mskg:Relapse")
    assert claim.qualifiers == ()


def test_a_comedication_qualifies_only_findings_about_its_drugs():
    found = extract(document("Natalizumab stopped my relapses. I also get methylprednisolone in addition to rituximab.", kind="comment"))
    assert [c.qualifiers for c in found.claims] == [()]
    assert any("co-medication CHEBI:6888 with DRUGBANK:DB00073" in n for n in found.notices)


def test_not_makes_a_negative_claim():
    _is(one("Natalizumab does not deplete B cells."), NATALIZUMAB, "decreasesAmountOf", B_CELL, polarity="negative")


def test_no_before_a_noun_makes_a_negative_claim():
    _is(one("There was no increase in NK cells with fingolimod."), FINGOLIMOD, "increasesAmountOf", NK_CELL, polarity="negative")


def test_not_only_is_not_a_negation():
    found = claims("Fingolimod reduced not only B cells but also T cells.")
    assert {c.polarity for c in found} == {"positive"}


def test_may_hedges():
    _is(one("Rituximab may deplete NK cells."), RITUXIMAB, "decreasesAmountOf", NK_CELL, certainty="hedged")


def test_seems_that_hedges():
    _is(one("It seems that rituximab depletes NK cells."), RITUXIMAB, "decreasesAmountOf", NK_CELL, certainty="hedged")


def test_suggests_hedges():
    _is(one("This study suggests that natalizumab increases NK cells."), NATALIZUMAB, "increasesAmountOf", NK_CELL, certainty="hedged")


def test_indicates_hedges():
    _is(one("The data indicate that rituximab reduces T cells."), RITUXIMAB, "decreasesAmountOf", T_CELL, certainty="hedged")


def test_may_before_the_subject_does_not_hedge_a_side_effect():
    found = one("This may be a way to avoid the side effects (cancer) associated with mitoxantrone use.")
    _is(found, "CHEBI:50729", "hasAdverseEffect", "mskg:Cancer")


def test_if_makes_a_claim_hypothetical():
    _is(one("If rituximab depletes NK cells, infections will follow."), RITUXIMAB, "decreasesAmountOf", NK_CELL, certainty="hypothetical")


def test_unless_makes_a_claim_hypothetical():
    found = one("Patients do well, unless natalizumab depletes their B cells.")
    assert found.evidence.certainty == "hypothetical"


def test_a_relative_clause_is_not_hedged_by_its_sentence():
    found = {c.relation: c.evidence.certainty for c in claims(
        "It seems that daclizumab, which is an anti-CD25 antibody, also affects NK cells.")}
    assert found == {"targets": "asserted", "affects": "hedged"}


def test_a_textbook_sentence_is_background_and_gives_no_kills_claim():
    assert claims("This is a type of immune cell that usually gets rid of cancerous cells.") == []


def test_a_textbook_statement_is_background_evidence():
    found = one("NK cells usually kill infected cells, and natalizumab increases NK cells.")
    assert found.evidence.evidence_type == "background"


def test_a_hypothesis_with_no_relation_gives_no_claim():
    assert claims("If the EBV hypothesis is correct, I think that natalizumab was not a bad choice.", kind="comment") == []


def test_abstract_voice_is_study_evidence_with_the_study():
    study = Study(iri_key="doi:10.1/x")
    found = one("We show that rituximab depletes B cells.", kind="abstract", study=study)
    assert (found.evidence.evidence_type, found.evidence.study) == ("study", "doi:10.1/x")


def test_commentary_is_expert_evidence_signed_by_the_post_author():
    found = one("In my mind rituximab depletes B cells.", kind="commentary")
    assert (found.evidence.evidence_type, found.evidence.author) == ("expert", "Blogger")


def test_a_patient_report_is_anecdote():
    found = one("I get my infusions monthly. Natalizumab stopped my relapses.", kind="comment")
    assert found.evidence.evidence_type == "anecdote"


def test_in_my_experience_is_expert_even_in_a_comment():
    found = one("In my experience natalizumab only helps people with Gd-enhancing lesions.", kind="comment")
    assert found.evidence.evidence_type == "expert"


def test_only_helps_people_with_a_marker_means_the_marker_predicts_response():
    _is(one("In my experience natalizumab only helps people with Gd-enhancing lesions.", kind="comment"),
        "mskg:GdEnhancingLesion", "predictsResponseTo", NATALIZUMAB)


def test_only_in_responders_is_a_condition_and_a_predictor():
    found = claims("Natalizumab-induced NK cell maturation was seen only in patients that showed a clinical response.")
    conditioned = [c for c in found if c.relation == "promotesMaturationOf"]
    assert [dict(c.qualifiers).get("condition") for c in conditioned] == ["https://w3id.org/mskg/ClinicalResponse"]
    assert [curie(c.subject) for c in found if c.relation == "predictsResponseTo"] == ["CL:0000824"]


def test_those_without_a_marker_not_responding_is_a_hedged_predictor():
    found = one("Those without Gd-enhancing lesions don't seem to respond.", kind="comment", title="Natalizumab")
    _is(found, "mskg:GdEnhancingLesion", "predictsResponseTo", NATALIZUMAB, certainty="hedged")


def test_trial_context_right_after_the_object_is_a_qualifier():
    found = one("Daclizumab treats relapsing MS (in phase II trials).")
    assert found.qualifiers == (("context", "https://w3id.org/mskg/PhaseIITrial"),)


def test_a_patients_own_disease_course_is_the_population():
    found = one("I have RRMS. Natalizumab stopped my relapses.", kind="comment")
    assert dict(found.qualifiers)["population"] == "http://purl.obolibrary.org/obo/MONDO_0005314"


def test_the_quote_is_the_clause_and_sits_at_its_offsets():
    doc = document("While we confirm that rituximab depletes B cells, we show that it spares NK cells.")
    found = extract(doc).claims[0]
    assert found.evidence.quote == "While we confirm that rituximab depletes B cells"
    assert doc.text[found.evidence.start : found.evidence.end] == found.evidence.quote


def test_a_post_with_no_known_entity_gives_a_notice_not_an_error():
    out = extract(document("The weather was lovely and the garden is growing."))
    assert out.claims == [] and out.notices == ["test: no known entity mentioned"]


def test_an_open_question_is_a_knowledge_gap():
    out = extract(document("It is not clear how natalizumab influences progression."))
    assert [curie(a) for a in out.gaps[0].about] == ["DRUGBANK:DB00108", "mskg:DisabilityProgression"]
