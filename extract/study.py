"""The study behind a quoted abstract: its designs, sample size, population and methods, read from the text."""

from __future__ import annotations

from dataclasses import replace

from mskg.extract.cues import load_cues
from mskg.extract.mentions import Mention
from mskg.extract.model import Study


def _terms(mentions: list[Mention], category: str) -> tuple[str, ...]:
    return tuple(sorted({m.term.iri for m in mentions if m.term is not None and m.category == category}))


def fill_study(study: Study, text: str, mentions: list[Mention]) -> Study:
    """The study with design, size, population and method filled from its abstract's text and mentions."""
    match = load_cues().patterns["sample_size"].search(text)
    size = int(match.group("n").replace(",", "")) if match else study.sample_size
    population = study_population(text, mentions) or study.population
    return replace(
        study,
        designs=study.designs or _terms(mentions, "design"),
        methods=study.methods or _terms(mentions, "method"),
        sample_size=size,
        population=population,
    )


def study_population(text: str, mentions: list[Mention], start: int = 0, end: int | None = None) -> str | None:
    """The disease of the people a study counted ("1,131 adults with nrSPMS"), from the first sample
    size in `text[start:end]` and the disease named right after it."""
    match = load_cues().patterns["sample_size"].search(text, start, len(text) if end is None else end)
    if match is None:
        return None
    settings = load_cues().data["study"]
    cats, reach = settings["population_categories"], int(settings["population_reach"])
    inside = [m for m in mentions if match.start() <= m.start <= match.end() + reach and m.term and m.category in cats]
    return inside[0].term.iri if inside else None
