"""Counts that describe the ontology: terms per category, synonyms, external identifiers.

A domain term is a labelled class below one of the category roots (the roots themselves,
except CL's leukocyte, are schema, not terms). Each term is counted once, under the first
category it falls into.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from mskg.namespaces import BASE, MSKG, OBO

CATEGORIES: dict[str, URIRef] = {
    "drug": MSKG.Drug,
    "immune cell": OBO.CL_0000738,
    "disease or course": MSKG.Disease,
    "molecular target": MSKG.MolecularTarget,
    "adverse effect": MSKG.AdverseEffect,
    "clinical marker": MSKG.ClinicalMarker,
    "clinical outcome": MSKG.ClinicalOutcome,
    "virus": MSKG.Virus,
    "study design": MSKG.StudyDesign,
    "study method": MSKG.StudyMethod,
}


@dataclass(frozen=True)
class OntologyStats:
    """Domain terms per category, labels, synonyms, and terms with standard identifiers."""

    terms: int
    synonyms: int
    ambiguous_labels: int
    external_ids: int
    minted: int
    per_category: dict[str, int]


def domain_terms(g: Graph) -> dict[URIRef, str]:
    """Every domain term in `g`, mapped to the name of its category."""
    terms: dict[URIRef, str] = {}
    for name, root in CATEGORIES.items():
        for term in g.transitive_subjects(RDFS.subClassOf, root):
            keep = term != root or root == OBO.CL_0000738
            if keep and isinstance(term, URIRef) and term not in terms:
                terms[term] = name
    return terms


def is_minted(term: URIRef) -> bool:
    """True for a term minted in the mskg: namespace rather than reused from a standard."""
    return str(term).startswith(BASE)


def compute_stats(g: Graph) -> OntologyStats:
    """Count what the ontology graph `g` names."""
    terms = domain_terms(g)
    per_category = {name: 0 for name in CATEGORIES}
    for category in terms.values():
        per_category[category] += 1
    return OntologyStats(
        terms=len(terms),
        synonyms=sum(len(list(g.objects(t, SKOS.altLabel))) for t in terms),
        ambiguous_labels=sum(len(list(g.objects(t, MSKG.ambiguousLabel))) for t in terms),
        external_ids=sum(1 for t in terms if not is_minted(t)),
        minted=sum(1 for t in terms if is_minted(t)),
        per_category=per_category,
    )
