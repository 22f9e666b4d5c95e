"""Domain terms are found below their category roots and counted once each."""

from __future__ import annotations

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from mskg.namespaces import MSKG, OBO
from mskg.ontology.stats import compute_stats, domain_terms

CLADRIBINE = URIRef("https://identifiers.org/drugbank:DB00242")
LOCAL_CLASS = URIRef("https://w3id.org/mskg/Immunosuppressant")


def _small_ontology() -> Graph:
    g = Graph()
    g.add((LOCAL_CLASS, RDFS.subClassOf, MSKG.Drug))
    g.add((CLADRIBINE, RDFS.subClassOf, LOCAL_CLASS))
    g.add((CLADRIBINE, RDFS.label, Literal("cladribine")))
    g.add((CLADRIBINE, SKOS.altLabel, Literal("Mavenclad")))
    g.add((OBO.CL_0000542, RDFS.subClassOf, OBO.CL_0000738))
    return g


def test_terms_below_a_root_are_found_with_their_category() -> None:
    assert domain_terms(_small_ontology()) == {
        LOCAL_CLASS: "drug", CLADRIBINE: "drug", OBO.CL_0000542: "immune cell", OBO.CL_0000738: "immune cell",
    }


def test_category_roots_other_than_leukocyte_are_schema_not_terms() -> None:
    assert MSKG.Drug not in domain_terms(_small_ontology())


def test_stats_count_minted_and_standard_terms_and_synonyms() -> None:
    s = compute_stats(_small_ontology())
    assert (s.terms, s.minted, s.external_ids, s.synonyms) == (4, 1, 3, 1)
    assert s.per_category["drug"] == 2 and s.per_category["immune cell"] == 2 and s.per_category["virus"] == 0
