"""Counts that describe the ontology: terms per category, synonyms, external identifiers."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import OWL, SKOS

from mskg.namespaces import BASE


@dataclass(frozen=True)
class OntologyStats:
    """Terms per top-level category, classes, labels, synonyms and identifiers."""

    classes: int
    labels: int
    synonyms: int
    external_ids: int
    per_category: dict[str, int]


def _categories() -> dict[str, URIRef]:
    from mskg.namespaces import MSKG, OBO

    return {
        "drug": MSKG.Drug,
        "immune cell (under CL leukocyte)": OBO.CL_0000738,
        "disease or course": MSKG.Disease,
        "molecular target": MSKG.MolecularTarget,
        "adverse effect": MSKG.AdverseEffect,
        "clinical marker": MSKG.ClinicalMarker,
        "clinical outcome": MSKG.ClinicalOutcome,
        "virus": MSKG.Virus,
        "study design": MSKG.StudyDesign,
    }


def compute_stats(g: Graph) -> OntologyStats:
    """Count what the ontology graph `g` names."""
    classes = set(g.subjects(predicate=None, object=OWL.Class)) & set(g.subjects(RDFS.label, None))
    external = {s for s in classes if isinstance(s, URIRef) and not str(s).startswith(BASE)}
    per_category = {}
    for name, iri in _categories().items():
        per_category[name] = len(set(g.transitive_subjects(RDFS.subClassOf, iri)) - {iri})
    return OntologyStats(
        classes=len(classes),
        labels=len(list(g.triples((None, RDFS.label, None)))),
        synonyms=len(list(g.triples((None, SKOS.altLabel, None)))),
        external_ids=len(external),
        per_category=per_category,
    )
