"""The lexicon: names from mskg.ttl, normalised so that spelling variants find one term."""

import pytest

from mskg.extract.lexicon import build_lexicon, load_lexicon
from mskg.extract.tokens import key_of, normalise
from mskg.ontology import ontology_graph
from tests.data import DACLIZUMAB, MITOXANTRONE, NK_CELL

B_CELL = "CL:0000236"


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


@pytest.mark.parametrize("name", ["NK cell", "NK cells", "natural killer cells", "NK-cells", "Natural Killer cell"])
def test_variants_of_a_cell_name_resolve_to_one_term(lexicon, name):
    assert lexicon.resolve(name).curie == NK_CELL


def test_hyphen_plural_and_case_are_ignored(lexicon):
    assert lexicon.resolve("B-cells").curie == B_CELL


def test_nbsp_counts_as_a_space(lexicon):
    assert lexicon.resolve("natural\u00a0killer cells").curie == NK_CELL


def test_a_curie_and_an_iri_resolve(lexicon):
    assert lexicon.resolve(MITOXANTRONE).label == "mitoxantrone"
    assert lexicon.resolve("http://purl.obolibrary.org/obo/CL_0000623").curie == NK_CELL


def test_terms_carry_their_category(lexicon):
    assert lexicon.resolve("mitoxantrone").category == "drug"
    assert lexicon.resolve("NK cell").category == "cell"
    assert lexicon.resolve("SPMS").category == "disease"


def test_an_ambiguous_label_is_not_grounded():
    g = ontology_graph()
    from rdflib import Literal, URIRef

    for cls in ("http://purl.obolibrary.org/obo/CL_0000236", "http://purl.obolibrary.org/obo/CL_0000623"):
        g.add((URIRef(cls), URIRef("https://w3id.org/mskg/ambiguousLabel"), Literal("XYZ cell")))
    lexicon = build_lexicon(g)
    assert lexicon.resolve("XYZ cells") is None
    assert len(lexicon.ambiguous[("xyz", "cell")]) == 2


def test_unknown_name_gives_none_and_suggestions(lexicon):
    assert lexicon.resolve("daclizumap") is None
    assert [t.curie for t in lexicon.suggest("daclizumap")][0] == DACLIZUMAB


def test_acronyms_are_not_made_singular():
    assert normalise("RRMS") == "rrms"
    assert normalise("lesions") == "lesion"
    assert normalise("sclerosis") == "sclerosis"
    assert normalise("antibodies") == "antibody"


def test_letters_and_digits_split_into_tokens():
    assert key_of("CD56bright") == key_of("CD56-bright") == ("cd", "56", "bright")


def test_a_label_shared_by_two_terms_becomes_ambiguous():
    g = ontology_graph()
    from rdflib import Literal, URIRef
    from rdflib.namespace import SKOS

    g.add((URIRef("http://purl.obolibrary.org/obo/CL_0000236"), SKOS.altLabel, Literal("NK cell")))
    lexicon = build_lexicon(g)
    assert lexicon.resolve("NK cell") is None
    assert len(lexicon.ambiguous[("nk", "cell")]) == 2
