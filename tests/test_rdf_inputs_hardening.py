"""Hostile files given to `mskg validate`: other encodings cannot smuggle a DOCTYPE past the check,
malformed or deeply nested RDF/XML, JSON-LD and Turtle is one line naming the file, never a
traceback, and a claim sheet saved by Excel is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_shapes import SHAPES_DATA
from tests.test_validate import fixture_file, run
from tests.test_validate_hardening import FILE_ENTITY, _NoNetwork

pytestmark = pytest.mark.hardening

INTERNAL_ENTITY = FILE_ENTITY.replace('SYSTEM "file:///etc/passwd"', '"expanded"')


def validate(path: Path) -> tuple[int, str]:
    """`mskg validate PATH` with the network audit hook armed: (exit code, stderr)."""
    _NoNetwork.armed = True
    try:
        result = run(str(path), "--store", str(path.parent / "none"))
    finally:
        _NoNetwork.armed = False
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stderr


def one_line(err: str, path: Path) -> str:
    (line,) = err.splitlines()
    assert line.startswith(f"mskg: {path}:") or line.startswith(f"mskg: {path}: "), line
    return line


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-16-le", "utf-32"])
def test_an_entity_in_another_encoding_is_refused_not_expanded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.rdf"
    path.write_bytes(INTERNAL_ENTITY.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode(encoding))
    code, err = validate(path)
    assert code == 2
    one_line(err, path)


def test_a_declared_non_utf8_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "declared.rdf"
    path.write_text(INTERNAL_ENTITY.replace('version="1.0"', 'version="1.0" encoding="UTF-16BE"'), encoding="utf-8")
    code, err = validate(path)
    assert code == 2
    assert "encoding 'UTF-16BE' is refused" in one_line(err, path)


RDF_OPEN = ('<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns:ex="http://example.org/">\n')


@pytest.mark.parametrize("body, expected", [
    ('<rdf:Description rdf:about="http://example.org/a" rdf:ID="x"/>', ":3:0: not valid RDF/XML: Can have at most one"),
    ('<rdf:Description rdf:about="http://example.org/a"><p>x</p></rdf:Description>', "IRI 'p' is not a valid absolute IRI"),
    ("<html/>", "IRI 'html' is not a valid absolute IRI"),
], ids=["two-identifiers", "element-without-namespace", "not-rdf"])
def test_malformed_rdfxml_is_one_line(tmp_path: Path, body: str, expected: str) -> None:
    path = tmp_path / "odd.rdf"
    path.write_text(RDF_OPEN + body + "\n</rdf:RDF>\n", encoding="utf-8")
    code, err = validate(path)
    assert code == 2
    assert expected in one_line(err, path)


@pytest.mark.parametrize("text, expected", [
    ('{"@context": 5, "@id": "http://example.org/a"}', "not valid JSON-LD"),
    ('"just a string"', "the document must be an object or an array"),
    ("null", "the document must be an object or an array"),
    ('{"@id": "http://example.org/a", "@type": 5}', "IRI '' is not a valid absolute IRI"),
    ('{"@id": "http://example.org/a", "http://example.org/p": {"@value": "x", "@language": 5}}', "not valid JSON-LD"),
], ids=["number-context", "string", "null", "number-type", "number-language"])
def test_malformed_json_ld_is_one_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "odd.jsonld"
    path.write_text(text, encoding="utf-8")
    code, err = validate(path)
    assert code == 2
    assert expected in one_line(err, path)


@pytest.mark.parametrize("fixture, shape", [("offsets_outside_text", "OffsetsInsideText"),
                                            ("quote_differs_from_text", "QuoteMatchesText"),
                                            ("empty_quote", "QuoteExact")])
def test_bad_provenance_is_a_violation_naming_the_evidence_node(tmp_path: Path, fixture: str, shape: str) -> None:
    path = fixture_file(tmp_path, SHAPES_DATA / "bad" / f"{fixture}.ttl")
    result = run(str(path), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    lines = result.stdout.splitlines()
    assert all(line.startswith(f"{path}: id:") and ": violation: " in line for line in lines), lines
    assert any(line.startswith(f"{path}: id:evidence/e1") and line.endswith(f"[{shape}]") for line in lines), lines


@pytest.mark.parametrize("name, text", [
    ("deep.jsonld", "[" * 200_000 + "]" * 200_000),
    ("deep-object.jsonld", '{"a": ' * 5_000 + "1" + "}" * 5_000),
    ("deep.ttl", "<http://example.org/a> <http://example.org/b> " + "(" * 100_000 + ")" * 100_000 + " .\n"),
], ids=["json-array", "json-object", "turtle-list"])
def test_deep_nesting_is_one_line_not_a_recursion_error(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    code, err = validate(path)
    assert code == 2
    assert one_line(err, path) == f"mskg: {path}: nested too deeply to read safely (thousands of levels of lists or nodes)"


def test_a_claim_sheet_saved_by_excel_with_a_bom_and_crlf_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(("\ufeffsubject,relation,object,polarity,certainty,evidence_type,source,quote\r\n"
                      "mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,,Mitoxantrone increases NK cells\r\n"
                      ).encode("utf-8"))
    code, err = validate(path)
    assert code == 0, err
