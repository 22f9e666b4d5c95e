"""Hostile input to `mskg validate` and to the shapes (issue 7): refused fast, nothing fetched,
nothing stored, every refusal one line naming the file."""

from __future__ import annotations

import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from mskg.errors import BrokenShapesError
from mskg.ontology.validation import parse_shapes, shapes_graph
from tests.test_shapes import GOOD, SHAPES_DATA, load_fixture, shapes_without_focus
from tests.test_validate import HEADER, POST_QUOTE, fixture_file, make_store, run, store_quads, write

pytestmark = pytest.mark.hardening

ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&lol7;</ex:p></rdf:Description>
</rdf:RDF>
"""
FILE_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE r [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/a"><ex:p>&secret;</ex:p></rdf:Description>
</rdf:RDF>
"""
PREFIXES = "@prefix mskg: <https://w3id.org/mskg/> .\n@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"


class _NoNetwork:
    """An audit hook that fails any socket connect or name lookup while armed."""

    armed = False

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        if cls.armed and event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
            raise AssertionError(f"network access attempted: {event} {args!r}")


sys.addaudithook(_NoNetwork.hook)


@pytest.fixture
def no_network() -> Iterator[None]:
    """Fail the test if anything opens a socket or resolves a name."""
    _NoNetwork.armed = True
    try:
        yield
    finally:
        _NoNetwork.armed = False


def test_the_audit_hook_catches_a_connection(no_network: None) -> None:
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.getaddrinfo("example.org", 80)


@pytest.mark.parametrize("text", [ENTITY_BOMB, FILE_ENTITY], ids=["entity-bomb", "file-entity"])
def test_rdfxml_with_doctype_is_refused_fast_and_nothing_is_stored(tmp_path: Path, text: str, no_network: None) -> None:
    assert len(ENTITY_BOMB.encode()) < 1024
    store = make_store(tmp_path / "store")
    before = store_quads(store)
    path = write(tmp_path, "hostile.rdf", text)
    started = time.monotonic()
    result = run(str(path), "--store", str(store), "--add")
    assert time.monotonic() - started < 1.0
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"mskg: {path}:2: RDF/XML with a DOCTYPE or ENTITY declaration is "
                                          "refused (entities can expand without bound or read local files)"]
    assert store_quads(store) == before


def test_plain_rdfxml_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "post.rdf"
    load_fixture(GOOD[0]).serialize(path, format="xml")
    result = run(str(path), "--store", str(tmp_path / "none"))
    assert result.exit_code == 0, result.output


def _broken_halfway(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text[: len(text) // 2] + " ] oops ;;\n" + text[len(text) // 2 :]


@pytest.mark.parametrize("suffix", [".ttl", ".trig", ".jsonld"])
def test_rdf_broken_halfway_names_file_line_column_and_leaves_the_store(tmp_path: Path, suffix: str) -> None:
    store = make_store(tmp_path / "store")
    before = store_quads(store)
    whole = tmp_path / f"whole{suffix}"
    graph = load_fixture(GOOD[0])
    graph.serialize(whole, format={".ttl": "turtle", ".trig": "trig", ".jsonld": "json-ld"}[suffix])
    path = write(tmp_path, f"broken{suffix}", _broken_halfway(whole))
    result = run(str(path), "--store", str(store), "--add")
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    where = line.split(": ", 2)[1]
    assert where.startswith(f"{path}:") and len(where[len(str(path)) + 1 :].split(":")) == 2
    assert store_quads(store) == before


@pytest.mark.parametrize("context", ['"https://example.org/context.jsonld"',
                                     '["https://example.org/c.jsonld", {"ex": "http://example.org/"}]',
                                     '{"@import": "https://example.org/c.jsonld"}'],
                         ids=["string", "list", "import"])
def test_jsonld_with_a_remote_context_is_refused_without_fetching(tmp_path: Path, context: str, no_network: None) -> None:
    path = write(tmp_path, "remote.jsonld", f'{{"@context": {context}, "@id": "http://example.org/a", "ex:p": "x"}}')
    result = run(str(path), "--store", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "refused: mskg never fetches" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_owl_imports_in_claims_is_refused_without_fetching(tmp_path: Path, no_network: None) -> None:
    path = write(tmp_path, "imports.ttl", PREFIXES + "<http://example.org/c> owl:imports <https://example.org/other.ttl> .\n")
    result = run(str(path), "--store", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert "owl:imports https://example.org/other.ttl refused" in result.stderr


SHAPE_TEMPLATE = """@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix mskg: <https://w3id.org/mskg/> .
<https://w3id.org/mskg/shapes> a owl:Ontology {extra} .
mskg:S a sh:NodeShape ; sh:targetClass mskg:Finding ; sh:sparql mskg:C .
mskg:C a sh:SPARQLConstraint ; sh:message "m" ; sh:select "{select}" .
"""


@pytest.mark.parametrize("extra, select", [
    ("; owl:imports <https://example.org/shapes.ttl>", "SELECT $this WHERE { $this ?p ?o }"),
    ("", "SELECT $this WHERE { SERVICE <https://example.org/sparql> { $this ?p ?o } }"),
    ("", "SELECT $this FROM <https://example.org/g> WHERE { $this ?p ?o }"),
], ids=["owl-imports", "service", "from"])
def test_shapes_that_reach_outside_are_refused_before_running(extra: str, select: str, no_network: None) -> None:
    with pytest.raises(BrokenShapesError) as caught:
        parse_shapes(SHAPE_TEMPLATE.format(extra=extra, select=select), source="evil.ttl")
    assert caught.value.exit_code == 4


def test_an_iri_with_a_space_is_rejected_in_turtle_and_json_ld(tmp_path: Path) -> None:
    ttl = write(tmp_path, "space.ttl", PREFIXES + "<https://w3id.org/mskg/id/finding/a b> mskg:subject mskg:Drug .\n")
    jsonld = write(tmp_path, "space.jsonld", '{"@id": "https://w3id.org/mskg/id/finding/a b", '
                   '"https://w3id.org/mskg/subject": {"@id": "https://w3id.org/mskg/Drug"}}')
    for path in (ttl, jsonld):
        result = run(str(path), "--store", str(tmp_path / "none"))
        assert result.exit_code == 2, path
        assert str(path) in result.stderr and ("IRI" in result.stderr)


def test_a_language_tag_with_an_underscore_is_rejected_in_turtle_and_json_ld(tmp_path: Path) -> None:
    ttl = write(tmp_path, "lang.ttl", PREFIXES + '<https://w3id.org/mskg/id/doc/x> mskg:text "hello"@en_US .\n')
    jsonld = write(tmp_path, "lang.jsonld", '{"@id": "https://w3id.org/mskg/id/doc/x", '
                   '"https://w3id.org/mskg/text": {"@value": "hello", "@language": "en_US"}}')
    results = [run(str(path), "--store", str(tmp_path / "none")) for path in (ttl, jsonld)]
    assert [r.exit_code for r in results] == [2, 2]
    assert f"{ttl}:3:54: not valid turtle" in results[0].stderr
    assert "language tag 'en_US' is not a BCP 47 tag" in results[1].stderr


def test_an_ill_typed_integer_in_claims_is_reported_by_the_shapes(tmp_path: Path) -> None:
    path = fixture_file(tmp_path, SHAPES_DATA / "bad" / "start_not_an_integer.ttl")
    result = run(str(path), "--store", str(tmp_path / "none"))
    assert result.exit_code == 1
    assert "got 'abc' [PositionStart]" in result.stdout


def test_a_misspelt_target_class_is_caught_by_the_focus_node_check() -> None:
    shapes = Graph()
    shapes += shapes_graph()
    finding_shape = URIRef("https://w3id.org/mskg/shapes#FindingShape")
    shapes.set((finding_shape, SH.targetClass, URIRef("https://w3id.org/mskg/Findng")))
    assert finding_shape in shapes_without_focus(shapes)


def test_a_broken_shapes_file_is_its_own_error_with_exit_code_4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mskg.ontology.fastcheck as fastcheck
    import mskg.ontology.validation as validation

    monkeypatch.setattr(validation, "resource_text", lambda name: "@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y")
    validation.shapes_graph.cache_clear()
    fastcheck.shipped_checks.cache_clear()
    validation.shipped_datatypes.cache_clear()
    try:
        sheet = write(tmp_path, "good.csv", HEADER + f"mitoxantrone,increasesAmountOf,NK cells,positive,asserted,study,,{POST_QUOTE}\n")
        result = run(str(sheet), "--store", str(tmp_path / "none"))
    finally:
        monkeypatch.undo()
        validation.shapes_graph.cache_clear()
        fastcheck.shipped_checks.cache_clear()
        validation.shipped_datatypes.cache_clear()
    assert result.exit_code == 4
    assert result.stderr.startswith("mskg: shapes.ttl:2:")
