"""HermiT (through owlready2) finds the ontology consistent and fills the defined classes from data."""

from __future__ import annotations

import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from mskg.errors import InputError
from mskg.identifiers import iri
from mskg.namespaces import MSKG, ONTOLOGY_IRI
from mskg.ontology.reasoning import (
    findings_as_individuals,
    java_available,
    reasoning_graph,
    refuse_imports,
    representative,
    run_hermit,
    terms_in_class,
)
from tests.data import CLADRIBINE, DACLIZUMAB, MITOXANTRONE, NK_CELL

EX = Namespace("https://example.org/reasoning-test/")
B_CELL_IRI = URIRef(iri("CL:0000236"))
MATURE_NK_IRI = URIRef(iri("CL:0000824"))

needs_java = pytest.mark.skipif(not java_available(), reason="HermiT needs Java and `java` is not on PATH")


def _finding(g: Graph, name: str, drug: URIRef, drug_class: str, cell: URIRef, cell_class: URIRef,
             polarity: URIRef = MSKG.Positive) -> None:
    """Add a drug individual, a cell individual and a finding linking them."""
    g.add((drug, RDF.type, URIRef(iri(drug_class))))
    g.add((cell, RDF.type, cell_class))
    g.add((EX[name], RDF.type, MSKG.Finding))
    g.add((EX[name], MSKG.subject, drug))
    g.add((EX[name], MSKG.object, cell))
    g.add((EX[name], MSKG.polarity, polarity))


@pytest.fixture(scope="module")
def classified() -> object:
    """One HermiT run over the ontology plus a hand-made graph of two findings."""
    g = Graph()
    _finding(g, "f1", EX.mitoxantrone_dose, MITOXANTRONE, EX.mature_nk_pool, MATURE_NK_IRI)
    _finding(g, "f2", EX.cladribine_dose, CLADRIBINE, EX.b_cell_pool, B_CELL_IRI)
    _finding(g, "f3", EX.daclizumab_dose, DACLIZUMAB, EX.nk_pool, URIRef(iri(NK_CELL)), polarity=MSKG.Negative)
    return run_hermit(reasoning_graph(extra=g))


@pytest.mark.reasoner
@needs_java
def test_drug_with_a_finding_on_a_mature_nk_cell_is_nk_cell_modulating(classified) -> None:
    assert classified.consistent
    assert str(MSKG.NKCellModulatingDrug) in classified.classes_of(EX.mitoxantrone_dose)


@pytest.mark.reasoner
@needs_java
def test_drug_with_a_finding_on_b_cells_only_is_not_nk_cell_modulating(classified) -> None:
    types = classified.classes_of(EX.cladribine_dose)
    assert str(MSKG.Drug) in types
    assert str(MSKG.NKCellModulatingDrug) not in types


@pytest.mark.reasoner
@needs_java
def test_a_negated_finding_on_nk_cells_does_not_make_a_drug_nk_cell_modulating(classified) -> None:
    types = classified.classes_of(EX.daclizumab_dose)
    assert str(MSKG.Drug) in types
    assert str(MSKG.NKCellModulatingDrug) not in types


def _punned_findings() -> Graph:
    """Findings as the pipeline writes them: subjects and objects are term (class) IRIs."""
    g = Graph()
    for name, drug, cell, polarity in (("p1", MITOXANTRONE, "CL:0000824", MSKG.Positive),
                                       ("p2", CLADRIBINE, "CL:0000236", MSKG.Positive)):
        g.add((EX[name], RDF.type, MSKG.Finding))
        g.add((EX[name], MSKG.subject, URIRef(iri(drug))))
        g.add((EX[name], MSKG.object, URIRef(iri(cell))))
        g.add((EX[name], MSKG.polarity, polarity))
    return g


def test_findings_become_one_typed_individual_per_term() -> None:
    copy = findings_as_individuals(_punned_findings())
    mitoxantrone = representative(URIRef(iri(MITOXANTRONE)))
    assert (mitoxantrone, RDF.type, URIRef(iri(MITOXANTRONE))) in copy
    assert (EX.p1, MSKG.subject, mitoxantrone) in copy
    assert not any(s == URIRef(iri(MITOXANTRONE)) for s in copy.subjects())


@pytest.mark.reasoner
@needs_java
def test_drugs_in_findings_written_with_term_iris_are_classified() -> None:
    data = _punned_findings()
    result = run_hermit(reasoning_graph(extra=findings_as_individuals(data)))
    assert terms_in_class(result, data, MSKG.NKCellModulatingDrug) == [iri(MITOXANTRONE)]


@pytest.mark.reasoner
@needs_java
def test_shipped_ontology_is_consistent() -> None:
    assert run_hermit(reasoning_graph()).consistent


@pytest.mark.reasoner
@needs_java
def test_something_both_drug_and_cell_is_inconsistent() -> None:
    g = Graph()
    g.add((EX.chimera, RDF.type, URIRef(iri(MITOXANTRONE))))
    g.add((EX.chimera, RDF.type, B_CELL_IRI))
    result = run_hermit(reasoning_graph(extra=g))
    assert not result.consistent


@pytest.mark.hardening
def test_owl_imports_are_refused_before_the_reasoner_runs() -> None:
    g = Graph()
    g.add((ONTOLOGY_IRI, URIRef("http://www.w3.org/2002/07/owl#imports"), URIRef("http://example.org/x.owl")))
    with pytest.raises(InputError, match="owl:imports"):
        refuse_imports(g, "user.ttl")
