"""Every name the seed document uses for a drug, cell, disease or other term is in mskg.ttl, on the right term."""

from __future__ import annotations

import pytest
from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from mskg.identifiers import iri
from mskg.ontology import ontology_graph
from mskg.ontology.stats import domain_terms
from tests.data import DACLIZUMAB, MITOXANTRONE, MULTIPLE_SCLEROSIS, NK_CELL, SEED_FILE, T_CELL

SEED_NAMES = [
    ("Mitoxantrone", MITOXANTRONE), ("Mitoxantron", MITOXANTRONE), ("Mitox", MITOXANTRONE),
    ("dacluzimab", DACLIZUMAB), ("Methyprednisolon", "CHEBI:6888"), ("Urbason", "CHEBI:6888"),
    ("immunosuppressive agent", "mskg:Immunosuppressant"),
    ("anti CD25-specif therapeutic antibody", "mskg:AntiCD25Antibody"),
    ("B cell", "CL:0000236"), ("neutrophil", "CL:0000775"), ("CD8(low) T cell", "mskg:CD8LowTCell"),
    ("NK cell", NK_CELL), ("natural killer cell", NK_CELL), ("T cell", T_CELL),
    ("multiple sclerosis", MULTIPLE_SCLEROSIS), ("MS", MULTIPLE_SCLEROSIS),
    ("progressive MS", "mskg:ProgressiveMS"), ("secondary progressive MS", "MONDO:0000450"),
    ("relapsing MS", "mskg:RelapsingMS"), ("RRMS", "MONDO:0005314"), ("active disease", "mskg:ActiveMS"),
    ("cancer", "mskg:Cancer"), ("damage of heart muscle", "mskg:Cardiotoxicity"),
    ("Gd-enhancing lesion", "mskg:GdEnhancingLesion"), ("relapse", "mskg:Relapse"),
    ("clinical response", "mskg:ClinicalResponse"), ("progression", "mskg:DisabilityProgression"),
    ("EBV", "NCBITaxon:10376"), ("prospective", "mskg:ProspectiveStudy"), ("single-arm", "mskg:SingleArmStudy"),
    ("open-label", "mskg:OpenLabelStudy"), ("phase II", "mskg:PhaseIITrial"), ("flow cytometry", "mskg:FlowCytometry"),
    ("MRI", "mskg:MRI"),
]


@pytest.fixture(scope="module")
def names() -> dict[str, set[str]]:
    """Case-folded label or synonym -> the IRIs of the terms it names."""
    g: Graph = ontology_graph()
    out: dict[str, set[str]] = {}
    for term in domain_terms(g):
        for name in (*g.objects(term, RDFS.label), *g.objects(term, SKOS.altLabel)):
            out.setdefault(str(name).casefold(), set()).add(str(term))
    return out


@pytest.mark.parametrize(("name", "expected"), SEED_NAMES)
def test_seed_name_names_the_expected_term(names: dict[str, set[str]], name: str, expected: str) -> None:
    assert names.get(name.casefold()) == {iri(expected)}


@pytest.mark.parametrize("name", [n for n, _ in SEED_NAMES if n not in ("B cell", "CD8(low) T cell", "Gd-enhancing lesion", "relapse")])
def test_seed_name_really_occurs_in_the_seed(name: str) -> None:
    text = " ".join(SEED_FILE.read_text(encoding="utf-8").split())
    assert name.casefold() in text.casefold()


def test_the_cd8_low_t_cell_sits_under_cl_cd8_alpha_beta_t_cell() -> None:
    g = ontology_graph()
    assert (URIRef(iri("mskg:CD8LowTCell")), RDFS.subClassOf, URIRef(iri("CL:0000625"))) in g


def test_mature_nk_cell_is_a_kind_of_nk_cell_which_is_a_leukocyte() -> None:
    g = ontology_graph()
    above = set(g.transitive_objects(URIRef(iri("CL:0000824")), RDFS.subClassOf))
    assert {URIRef(iri(NK_CELL)), URIRef(iri("CL:0000542")), URIRef(iri("CL:0000738"))} <= above
