"""The cue words of cues.json, compiled once: relation words, hedges, negations, conditions, voice."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from mskg.extract.prefilter import Prefilter, ascii_lowered
from mskg.extract.tokens import load_data

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class RelationCue:
    """Words that state one relation, the categories its object may have, and where the object sits."""

    relation: str
    objects: tuple[str, ...]
    kind: str
    pattern: re.Pattern[str]
    agent_after: bool = False

    @cached_property
    def prefilter(self) -> Prefilter:
        """Skips scanning a clause the cue surely does not match (the scan is most of the claim rules' time)."""
        return Prefilter.of(self.pattern)


@dataclass(frozen=True)
class Cues:
    """Every compiled cue the claim rules use."""

    relations: tuple[RelationCue, ...]
    patterns: dict[str, re.Pattern[str]]
    data: dict[str, Any]
    prefilters: dict[str, Prefilter] = field(default_factory=dict)

    def find(self, name: str, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """All matches of the named cue in `text[start:end]` (none, without a scan, when its prefilter rules it out)."""
        stop = len(text) if end is None else end
        check = self.prefilters.get(name)
        if check is not None and not check.may_match(ascii_lowered(text, start, stop)):
            return []
        return list(self.patterns[name].finditer(text, start, stop))


def _compile(pattern: str, flags: int = _FLAGS) -> re.Pattern[str]:
    return re.compile(pattern, flags)


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cues shipped in cues.json, compiled."""
    data = load_data("cues.json")
    relations = tuple(
        RelationCue(r["relation"], tuple(r["objects"]), r["kind"], _compile(r["cue"]), bool(r.get("agent_after"))) for r in data["relations"]
    )
    named = {
        "sentential_hedge": data["hedges"]["sentential"],
        "modal_hedge": data["hedges"]["modal"],
        "anywhere_hedge": data["hedges"]["anywhere"],
        "conditional_before_cue": data["conditional"]["before_cue"],
        "open_question_before": data["conditional"]["open_question_before"],
        "open_question_after": data["conditional"]["open_question_after"],
        "class_determiner": data["class_determiners"]["pattern"] + "|" + data["class_determiners"]["after_copula"],
        "plural_beside_focus": data["class_determiners"]["plural_beside_focus"] + "|" + data["class_determiners"]["after_copula"],
        "intransitive_after": data["intransitive_after"]["pattern"],
        "noun_preposition": data["noun_preposition"],
        "negation": data["negation"]["cue"],
        "not_negating": data["negation"]["not_negating"],
        "exception": data["negation"]["exception"],
        "left_alone": data["negation"]["left_alone"],
        "relative": data["relative_clause"],
        "conditional_sentence": data["conditional"]["sentence_start"],
        "conditional_clause": data["conditional"]["clause_start"],
        "conditional_if_clause": data["conditional"]["if_clause"],
        "conditional_main_clause": data["conditional"]["main_clause_after_if"],
        "passive_before": data["passive"]["before"],
        "passive_after": data["passive"]["after"],
        "coordination": data["coordination"],
        "filler_allowed": data["filler"]["allowed"],
        "filler_blocking": data["filler"]["blocking"],
        "filler_location": data["filler"]["location"],
        "gaps": data["gaps"],
        "sample_size": data["study"]["sample_size"],
        "not_subject_before": data["subjects"]["not_subject_before"],
        "subject_coordination": data["subjects"]["coordination"],
        "population_with": data["subjects"]["population_with"],
        "co_medication": data["co_medication"]["pattern"],
        "course": data["co_medication"]["course"],
        "appositive": data["subjects"]["appositive"],
        "agent_before": data["subjects"]["agent_before"],
        "agent_class_before": data["subjects"]["agent_class_before"],
        "effect_causes": data["subjects"]["effect_causes"],
        "anaphor": data["subjects"]["anaphor"],
        "them_object": data["subjects"]["them_object"],
        "participle_before": data["subjects"]["participle_before"],
        "contrasted": data["subjects"]["contrasted"],
        "cleft": data["subjects"]["cleft"],
        "seen_with": data["subjects"]["seen_with"],
        "likened_class": data["subjects"]["likened_class"],
        "object_appositive": data["subjects"]["object_appositive"],
        "relative_head": data["subjects"]["relative_head"],
        "coordinated_infinitive": data["subjects"]["coordinated_infinitive"],
        "relative_object": data["subjects"]["relative_object"],
        "pronoun_object": data["subjects"]["pronoun_object"],
        "shared_subject": data["subjects"]["shared_subject"],
        "pronoun_coordinated": data["subjects"]["pronoun_coordinated"],
        "reference_group": data["subjects"]["reference_group"],
        "left_drug": data["subjects"]["left_drug"],
        "effect_link": data["subjects"]["effect_link"],
        "person_condition": data["subjects"]["person_condition"],
        "effect_vaccine": data["subjects"]["effect_vaccine"],
        "reason": data["subjects"]["reason"],
        "denied_agent": data["subjects"]["denied_agent"],
        "stated_before_denied": data["subjects"]["stated_before_denied"],
        "gapped_agent": data["subjects"]["gapped_agent"],
        "compared_doer_before": data["subjects"]["compared_doer_before"],
        "compared_doer_after": data["subjects"]["compared_doer_after"],
        "compared_degree_before": data["subjects"]["compared_degree_before"],
        "compared_degree_after": data["subjects"]["compared_degree_after"],
        "elided_verb_after": data["subjects"]["elided_verb_after"],
        "expletive_it": data["focus"]["expletive_it"],
        "plural_reference": data["subjects"]["plural_reference"],
        "counted_reference": data["subjects"]["counted_reference"],
        "plural_focus": data["subjects"]["plural_focus"],
        "unnamed_subset": data["subjects"]["unnamed_subset"],
        "speaker_label": data["voice"]["speaker_label"],
        "quote_label": data["voice"]["quote_label"],
        "paragraph_or_turn": data["voice"]["paragraph_break"] + "|" + data["voice"]["turn_start"],
        "lowered_risk": data["subjects"]["lowered_risk"],
        "other_cause": data["subjects"]["other_cause"],
        "named_as_cause": data["subjects"]["named_as_cause"],
        "switched_to": data["subjects"]["switched_to"],
        "reported_study": data["subjects"]["reported_study"],
        "unknown_conjunct": data["filler"]["unknown_conjunct"],
        "unknown_last_conjunct": data["filler"]["unknown_last_conjunct"],
        "population_not_after": data["voice"]["population_not_after"],
        "population_not_before": data["voice"]["population_not_before"],
        "sentential_negation": data["negation"]["sentential"],
        "negation_across_conjunct": data["negation"]["across_conjunct"],
        "negation_lexical": data["negation"]["lexical"],
        "count_word": data["counts"]["pattern"],
        "own_count": data["implicit_subject_relations"]["own_count"],
        "definite_count": data["implicit_subject_relations"]["definite_count"],
        "gapped_between": data["gapped_object"]["between"],
        "gapped_after": data["gapped_object"]["after"],
        "gapped_compared": data["gapped_object"]["compared"],
        "gapped_mainly": data["gapped_object"]["mainly"],
        "mainly_word": data["gapped_object"]["mainly_word"],
        "described_own": data["described_events"]["own"],
        "described_opening": data["described_events"]["opening"],
        "described_auxiliary": data["described_events"]["auxiliary"],
        "described_coordinated": data["described_events"]["coordinated_auxiliary"],
        "described_after_subject": data["described_events"]["after_subject"],
        "continued_effect": data["implicit_subject_relations"]["continued_effect"],
        "low_count_value": data["low_counts"]["value"],
        "low_count_normal": data["low_counts"]["said_normal"],
        "count_said_normal": data["low_counts"]["count_said_normal"],
        "count_said_low": data["low_counts"]["count_said_low"],
        "count_from_to": data["low_counts"]["from_to"],
        "marker_value": data["low_counts"]["marker_value"],
        "activity_after_object": data["activity"]["after_object"],
        "activity_rather_than": data["activity"]["rather_than"],
        **{f"response_{k}": v for k, v in data["response"].items() if isinstance(v, str) and k != "mature_prefix"},
        **{f"voice_{k}": v for k, v in data["voice"].items() if k not in ("population_not_after", "population_not_before", "speaker_label", "quote_label", "turn_start", "paragraph_break")},
    }
    verbs = "|".join(f"(?:{r['cue']})" for r in data["relations"] if r["kind"] == "verb")
    named["relation_verb_after"] = rf"\s+(?:(?!(?:and|or|but)\b)[\w-]+\s+)?(?:{verbs})"  # "neutrophils and raise ...": a shared subject's next verb
    named["relation_verb_before"] = rf"(?:{verbs})\s+(?:[\w-]+\s+){{0,3}}$"
    case_sensitive = {"voice_patient", "voice_patient_population", "voice_own_course", "quote_label", "speaker_label"}
    patterns = {k: _compile(v, 0 if k in case_sensitive else _FLAGS) for k, v in named.items()}
    return Cues(relations, patterns, data, {k: Prefilter.of(p) for k, p in patterns.items()})
