"""The W3C SPARQL 1.1 results formats and the people's table, term by term."""

from __future__ import annotations

import csv
import io
import json

from rdflib import BNode, Literal, URIRef

from mskg.queries.formats import term_json, term_tsv, write
from mskg.stores.base import Solutions

INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#integer")
ROWS = [
    {"s": URIRef("http://purl.obolibrary.org/obo/CL_0000623"), "n": Literal(3, datatype=INTEGER)},
    {"s": BNode("b0"), "q": Literal('say "hi",\nthen\tgo', lang="en")},
    {},
]


def solutions() -> Solutions:
    return Solutions(("s", "q", "n"), iter([dict(r) for r in ROWS]))


def render(fmt: str) -> str:
    out = io.StringIO()
    write(solutions(), fmt, out)
    return out.getvalue()


def test_json_terms_carry_type_language_and_datatype() -> None:
    assert term_json(URIRef("http://a")) == {"type": "uri", "value": "http://a"}
    assert term_json(Literal("x", lang="en")) == {"type": "literal", "value": "x", "xml:lang": "en"}
    assert term_json(Literal("x")) == {"type": "literal", "value": "x"}
    assert term_json(Literal("5", datatype=INTEGER))["datatype"] == str(INTEGER)
    assert term_json(BNode("b1")) == {"type": "bnode", "value": "b1"}


def test_json_document_has_head_and_bindings_with_unbound_variables_absent() -> None:
    data = json.loads(render("json"))
    assert data["head"] == {"vars": ["s", "q", "n"]}
    assert data["results"]["bindings"][2] == {} and "n" not in data["results"]["bindings"][1]


def test_csv_gives_lexical_values_quoted_where_needed_with_crlf() -> None:
    text = render("csv")
    assert text.startswith("s,q,n\r\n")
    assert list(csv.reader(io.StringIO(text, newline=""))) == [
        ["s", "q", "n"], ["http://purl.obolibrary.org/obo/CL_0000623", "", "3"], ["b0", 'say "hi",\nthen\tgo', ""], ["", "", ""],
    ]


def test_tsv_gives_escaped_ntriples_terms_one_line_per_row() -> None:
    lines = render("tsv").split("\n")
    assert lines[0] == "?s\t?q\t?n"
    assert lines[1] == f"<http://purl.obolibrary.org/obo/CL_0000623>\t\t\"3\"^^<{INTEGER}>"
    assert lines[2] == '_:b0\t"say \\"hi\\",\\nthen\\tgo"@en\t'
    assert term_tsv(Literal("back\\slash")) == '"back\\\\slash"'


def test_table_uses_curies_one_line_per_row_and_counts_rows() -> None:
    lines = render("table").splitlines()
    assert lines[0].split() == ["s", "q", "n"] and lines[2].split() == ["CL:0000623", "3"]
    assert lines[3].split(None, 1) == ["_:b0", "say \"hi\", then go"] and lines[-1] == "(3 rows)"


def test_table_stops_at_its_limit_and_says_so() -> None:
    rows = ({"s": Literal(i)} for i in range(10))
    out = io.StringIO()
    from mskg.queries.formats import write_table

    write_table(Solutions(("s",), rows), out, limit=4)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2 + 4 + 1 and lines[-1].startswith("(first 4 rows shown; use --format csv")
