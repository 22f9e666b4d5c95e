"""Data-integrity checks on every term of mskg.ttl: labels, synonyms, identifiers, sources, relations."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from mskg.identifiers import curie, is_valid_curie
from mskg.namespaces import BIOLINK, MSKG
from mskg.ontology import ontology_graph
from mskg.ontology.stats import domain_terms, is_minted

CONTRACT_RELATIONS = ("increasesAmountOf", "decreasesAmountOf", "promotesMaturationOf", "affects",
                      "inhibits", "targets", "treats", "hasAdverseEffect", "predictsResponseTo", "kills")
SKOS_MAPPINGS = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch)


@pytest.fixture(scope="module")
def g() -> Graph:
    return ontology_graph()


@pytest.fixture(scope="module")
def terms(g: Graph) -> dict[URIRef, str]:
    return domain_terms(g)


def normalise(text: str) -> str:
    """Case-folded, whitespace-normalised form of a label, as the matcher compares them."""
    return " ".join(str(text).casefold().split())


def label_collisions(g: Graph, terms: list[URIRef]) -> list[str]:
    """One message per label or synonym that names two terms without being marked ambiguous."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    ambiguous: dict[str, set[URIRef]] = defaultdict(set)
    for term in terms:
        for name in (*g.objects(term, RDFS.label), *g.objects(term, SKOS.altLabel)):
            owners[normalise(name)].add(term)
        for name in g.objects(term, MSKG.ambiguousLabel):
            ambiguous[normalise(name)].add(term)
    problems = []
    for name, who in sorted(owners.items()):
        if len(who) > 1:
            problems.append(f"{name!r} names {' and '.join(sorted(curie(str(t)) for t in who))}")
    for name, who in sorted(ambiguous.items()):
        if name in owners:
            problems.append(f"{name!r} is ambiguous for some terms but a plain label of {sorted(map(str, owners[name]))}")
    return problems


def test_no_label_or_synonym_names_two_terms(g: Graph, terms: dict[URIRef, str]) -> None:
    problems = label_collisions(g, list(terms))
    assert not problems, "\n".join(problems)


def test_a_term_reusing_another_terms_label_is_caught_with_both_named() -> None:
    g = Graph()
    a, b = URIRef("http://purl.obolibrary.org/obo/CL_0000623"), URIRef("https://w3id.org/mskg/KillerCell")
    g.add((a, RDFS.label, Literal("natural killer cell")))
    g.add((b, RDFS.label, Literal("killer cell")))
    g.add((b, SKOS.altLabel, Literal("Natural  Killer cell")))
    assert label_collisions(g, [a, b]) == ["'natural killer cell' names CL:0000623 and mskg:KillerCell"]


def test_a_label_marked_ambiguous_on_both_terms_is_allowed() -> None:
    g = Graph()
    a, b = URIRef("https://w3id.org/mskg/A"), URIRef("https://w3id.org/mskg/B")
    for term, label in ((a, "a"), (b, "b")):
        g.add((term, RDFS.label, Literal(label)))
        g.add((term, MSKG.ambiguousLabel, Literal("MS")))
    assert label_collisions(g, [a, b]) == []


def test_every_term_has_exactly_one_label(g: Graph, terms: dict[URIRef, str]) -> None:
    wrong = {curie(str(t)): len(list(g.objects(t, RDFS.label))) for t in terms}
    assert {t: n for t, n in wrong.items() if n != 1} == {}


def test_every_term_is_an_owl_class(g: Graph, terms: dict[URIRef, str]) -> None:
    assert [curie(str(t)) for t in terms if (t, RDF.type, OWL.Class) not in g] == []


def test_every_drug_and_cell_has_an_identifier_or_a_stated_reason(g: Graph, terms: dict[URIRef, str]) -> None:
    missing = [curie(str(t)) for t, cat in terms.items()
               if cat in ("drug", "immune cell") and is_minted(t) and g.value(t, RDFS.comment) is None]
    assert missing == []


def test_every_minted_term_says_why_in_a_comment(g: Graph, terms: dict[URIRef, str]) -> None:
    silent = [curie(str(t)) for t in terms if is_minted(t) and g.value(t, RDFS.comment) is None]
    assert silent == []


def test_every_standard_term_records_where_its_identifier_was_seen(g: Graph, terms: dict[URIRef, str]) -> None:
    unsourced = [curie(str(t)) for t in terms if not is_minted(t) and g.value(t, DCTERMS.source) is None]
    assert unsourced == []


def _external_iris(g: Graph, terms: dict[URIRef, str]) -> set[str]:
    iris = {str(t) for t in terms if not is_minted(t)}
    for term in terms:
        for mapping in SKOS_MAPPINGS:
            iris.update(str(o) for o in g.objects(term, mapping))
    return iris


def test_every_external_identifier_is_a_valid_curie(g: Graph, terms: dict[URIRef, str]) -> None:
    bad = sorted(i for i in _external_iris(g, terms) if not is_valid_curie(curie(i)))
    assert bad == []


@pytest.mark.parametrize("name", CONTRACT_RELATIONS)
def test_contract_relation_is_declared_and_mapped_to_biolink(g: Graph, name: str) -> None:
    prop = MSKG[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in g
    mapped = [o for m in SKOS_MAPPINGS for o in g.objects(prop, m) if str(o).startswith(str(BIOLINK))]
    assert mapped, f"mskg:{name} has no skos mapping to a Biolink predicate"


@pytest.mark.parametrize("name", ["increasesAmountOf", "decreasesAmountOf", "promotesMaturationOf", "kills"])
def test_directional_drug_cell_relations_sit_under_affects(g: Graph, name: str) -> None:
    assert (MSKG[name], RDFS.subPropertyOf, MSKG.affects) in g


def test_the_ontology_graph_has_no_blank_nodes(g: Graph) -> None:
    from rdflib import BNode

    assert not any(isinstance(node, BNode) for triple in g for node in triple)


@pytest.mark.parametrize("value", ["StudyEvidence", "ExpertEvidence", "AnecdoteEvidence", "BackgroundEvidence"])
def test_every_evidence_type_is_mapped_to_eco(g: Graph, value: str) -> None:
    mapped = [curie(str(o)) for m in SKOS_MAPPINGS for o in g.objects(MSKG[value], m)]
    assert any(c.startswith("ECO:") and is_valid_curie(c) for c in mapped), mapped


@pytest.mark.parametrize(("category", "minimum"), [
    ("drug", 25), ("immune cell", 30), ("adverse effect", 15), ("disease or course", 8),
    ("molecular target", 8), ("clinical marker", 5), ("clinical outcome", 5), ("virus", 2),
    ("study design", 10), ("study method", 2),
])
def test_the_field_is_covered_not_just_the_seed(terms: dict[URIRef, str], category: str, minimum: int) -> None:
    assert sum(1 for c in terms.values() if c == category) >= minimum


def test_every_mapping_to_an_external_identifier_records_its_source(g: Graph, terms: dict[URIRef, str]) -> None:
    unsourced = [curie(str(t)) for t in terms
                 if any(not is_minted(o) for m in SKOS_MAPPINGS for o in g.objects(t, m))
                 and g.value(t, DCTERMS.source) is None]
    assert unsourced == []


def test_every_term_iri_compresses_to_a_valid_curie(terms: dict[URIRef, str]) -> None:
    assert sorted(curie(str(t)) for t in terms if not is_valid_curie(curie(str(t)))) == []


def test_no_term_sits_under_two_categories(g: Graph) -> None:
    from mskg.ontology.stats import CATEGORIES

    seen: dict[URIRef, set[str]] = defaultdict(set)
    for name, root in CATEGORIES.items():
        for term in g.transitive_subjects(RDFS.subClassOf, root):
            seen[term].add(name)
    assert {curie(str(t)): sorted(c) for t, c in seen.items() if len(c) > 1} == {}
