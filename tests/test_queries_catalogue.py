"""The header parser and the catalogue of saved queries."""

from __future__ import annotations

import re

import pytest
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

from mskg.errors import QueryError
from mskg.queries import catalogue, load_query_file, parse_query
from mskg.queries.catalogue import Param
from mskg.queries.checks import check_query


def test_header_gives_title_question_and_parameters() -> None:
    text = (
        "#+ title: Drugs on a cell\n"
        "#+ question: Which drugs act on NK cells?\n"
        "#+ param: cell = CL:0000623 — the cell population\n"
        "#+ param: type (literal) = study -- an evidence type\n"
        "#+ param: drug — a drug, required\n"
        "SELECT * WHERE { ?s ?p ?o }\n"
    )
    q = parse_query(text, name="x", source="x.rq")
    assert (q.title, q.question) == ("Drugs on a cell", "Which drugs act on NK cells?")
    assert q.params == (
        Param("cell", "the cell population", "CL:0000623", "term"),
        Param("type", "an evidence type", "study", "literal"),
        Param("drug", "a drug, required", None, "term"),
    )


def test_header_stops_at_the_first_line_of_sparql() -> None:
    text = "#+ title: T\nSELECT * WHERE { ?s ?p ?o }\n#+ param: late = 1 — ignored\n"
    assert parse_query(text, name="x", source="x.rq").params == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("#+ titel: typo", "unknown header key"),
        ("#+ param: drug CHEBI:1", "parameter is not"),
        ("#+ no colon here", "not `#\\+ key: value`"),
    ],
)
def test_malformed_header_line_names_file_and_line(line: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as info:
        parse_query(f"#+ title: T\n{line}\nSELECT * {{}}", name="x", source="x.rq")
    assert info.value.location() == "x.rq:2:1"


def test_a_parameter_declared_twice_is_an_error() -> None:
    with pytest.raises(QueryError, match="declared twice"):
        parse_query("#+ param: a = 1 — one\n#+ param: a = 2 — two\nSELECT * {}", name="x", source="x.rq")


def test_catalogue_has_at_least_twelve_questions() -> None:
    assert len(catalogue()) >= 12


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_saved_query_is_complete_and_valid(name: str) -> None:
    q = catalogue()[name]
    assert q.title and q.question.endswith("?"), name
    for param in q.params:
        projection = q.text.split("SELECT", 1)[1].split("WHERE", 1)[0]
        assert re.search(rf"[?$]{param.name}\b", projection), f"{name}: ?{param.name} must be projected to be bound"
        assert param.default is not None, f"{name}: saved queries run with defaults"
    check_query(q.text, q.source)


def _patterns_outside_graph(node: object, inside: bool = False) -> int:
    """How many triple patterns of a query's algebra sit outside any GRAPH block."""
    if isinstance(node, CompValue):
        inside = inside or node.name == "Graph"
        own = len(node.get("triples") or []) if node.name == "BGP" and not inside else 0
        return own + sum(_patterns_outside_graph(v, inside) for v in node.values())
    if isinstance(node, (list, tuple)):
        return sum(_patterns_outside_graph(v, inside) for v in node)
    return 0


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_every_saved_query_uses_explicit_graph_patterns(name: str) -> None:
    algebra = translateQuery(parseQuery(catalogue()[name].text)).algebra
    assert _patterns_outside_graph(algebra) == 0, name


def test_user_query_file_is_read_with_its_header(tmp_path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("#+ title: Mine\n#+ param: drug = CHEBI:50729 — a drug\nSELECT ?drug {}\n", encoding="utf-8")
    q = load_query_file(path)
    assert (q.name, q.title, q.source, q.params[0].default) == ("mine", "Mine", str(path), "CHEBI:50729")


def test_missing_user_query_file_names_it(tmp_path) -> None:
    with pytest.raises(QueryError, match="cannot read query file") as info:
        load_query_file(tmp_path / "nope.rq")
    assert info.value.path == str(tmp_path / "nope.rq")


def test_graph_pattern_check_finds_a_bare_triple_pattern() -> None:
    text = "SELECT * WHERE { GRAPH ?g { ?a ?b ?c } ?x <http://p> ?y OPTIONAL { GRAPH ?h { ?x ?q ?z } } }"
    assert _patterns_outside_graph(translateQuery(parseQuery(text)).algebra) == 1
