"""VALUES blocks bind terms as terms and land inside the outermost WHERE group."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from mskg.errors import QueryError
from mskg.stores.binding import with_values


def test_the_block_goes_inside_the_first_group() -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    assert with_values(query, {"o": URIRef("http://a/b")}) == (
        "SELECT ?s WHERE { VALUES (?o) { (<http://a/b>) }  ?s ?p ?o }"
    )


def test_braces_in_comments_and_strings_and_hashes_in_iris_are_skipped() -> None:
    query = '# a { comment\nPREFIX x: <http://a/b#c>\nSELECT ("{" AS ?c) WHERE { ?s ?p ?o }'
    bound = with_values(query, {"o": Literal("v")})
    assert bound.endswith('WHERE { VALUES (?o) { ("v") }  ?s ?p ?o }')


def test_a_hostile_literal_stays_one_escaped_literal() -> None:
    bound = with_values("SELECT * { ?s ?p ?o }", {"o": Literal('x" } ; DROP ALL ; #')})
    assert 'VALUES (?o) { ("x\\" } ; DROP ALL ; #") }' in bound


def test_an_iri_with_a_space_cannot_be_bound() -> None:
    with pytest.raises(QueryError):
        with_values("SELECT * { ?s ?p ?o }", {"o": URIRef("http://a/b c")})


def test_a_bad_variable_name_is_refused() -> None:
    with pytest.raises(QueryError):
        with_values("SELECT * { ?s ?p ?o }", {"o) {}": Literal("x")})
