"""Parameter values become RDF terms: CURIEs, <IRIs>, ontology names, plain literals."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from mskg.errors import QueryError, UnknownTermError
from mskg.queries import parse_query
from mskg.queries.catalogue import Param
from mskg.queries.params import bindings, parse_assignments, to_term

DRUG = Param("drug", "a drug", "CHEBI:50729")
TYPE = Param("type", "an evidence type", "study", "literal")
MITOX_IRI = URIRef("http://purl.obolibrary.org/obo/CHEBI_50729")


def test_curie_becomes_its_iri() -> None:
    assert to_term(DRUG, "CHEBI:50729") == MITOX_IRI


def test_iri_in_angle_brackets_is_taken_as_is() -> None:
    assert to_term(DRUG, "<http://example.org/x>") == URIRef("http://example.org/x")


def test_a_name_the_ontology_knows_is_resolved() -> None:
    assert to_term(DRUG, "mitoxantrone") == MITOX_IRI
    assert to_term(DRUG, "Mitoxantrone") == MITOX_IRI


def test_an_unknown_name_is_an_unknown_term_error_with_suggestions() -> None:
    with pytest.raises(UnknownTermError, match="unknown term 'mitoxantron zzz'; did you mean mitoxantrone"):
        to_term(DRUG, "mitoxantron zzz")


@pytest.mark.parametrize("value", ["<http://a> UNION {?s ?p ?o}>", "<not an iri>", "<http://a b>"])
def test_malformed_iris_are_refused(value: str) -> None:
    with pytest.raises(QueryError):
        to_term(DRUG, value)


def test_literal_parameters_keep_the_text_as_a_string() -> None:
    assert to_term(TYPE, 'x" } ; DROP ALL ; #') == Literal('x" } ; DROP ALL ; #')


def test_assignments_split_on_the_first_equals_sign() -> None:
    assert parse_assignments(["drug=CHEBI:50729", " type = a=b "]) == {"drug": "CHEBI:50729", "type": "a=b"}
    with pytest.raises(QueryError, match="not name=value"):
        parse_assignments(["drug"])


def test_bindings_fill_defaults_and_refuse_unknown_names() -> None:
    q = parse_query("#+ param: drug = CHEBI:50729 — d\n#+ param: type (literal) = study — t\nSELECT ?drug ?type {}", name="q", source="q.rq")
    assert bindings(q, {"type": "expert"}) == {"drug": MITOX_IRI, "type": Literal("expert")}
    with pytest.raises(QueryError, match="no parameter 'cell'"):
        bindings(q, {"cell": "CL:0000623"})
