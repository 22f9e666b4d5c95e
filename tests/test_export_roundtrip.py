"""Exported data builds and validates again: what mskg writes is what the store holds.

Regression for offsets written as xsd:nonNegativeInteger, which pyoxigraph stores as
xsd:integer, so an exported seed failed its own shapes ("SegmentEnd ... got '1422'").
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import XSD

from mskg.cli import cli
from mskg.extract.documents import read_document
from mskg.extract.pipeline import extract
from mskg.extract.rdf import document_graph
from mskg.namespaces import MSKG, OA
from mskg.stores import open_store
from tests.data import SEED_FILE

FORMATS = ("trig", "nq")


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[Path, dict[str, Path]]:
    """The seed built into a store, and its export in each format."""
    root = tmp_path_factory.mktemp("roundtrip")
    _run("build", str(SEED_FILE), "--store", str(root / "store"))
    files = {fmt: root / f"seed.{fmt}" for fmt in FORMATS}
    for fmt, path in files.items():
        _run("export", "--format", fmt, "-o", str(path), "--store", str(root / "store"))
    return root / "store", files


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_exported_seed_validates(seed, fmt: str, tmp_path: Path) -> None:
    _, files = seed
    _run("validate", str(files[fmt]), "--store", str(tmp_path / "no-store"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_exported_seed_builds_into_a_fresh_store_with_the_same_quads(seed, fmt: str, tmp_path: Path) -> None:
    store, files = seed
    _run("build", str(files[fmt]), "--store", str(tmp_path / "again"))
    assert open_store(tmp_path / "again").quads() == open_store(store).quads()


def test_offsets_are_written_with_the_datatype_the_store_keeps() -> None:
    doc = read_document(SEED_FILE)
    found = extract(doc)
    graph = document_graph(found.document, found.claims, found.gaps)
    offsets = [o for p in (OA.start, OA.end, MSKG.start, MSKG.end) for o in graph.objects(None, p)]
    assert offsets and {o.datatype for o in offsets} == {XSD.integer}


def test_an_ontology_graph_that_differs_from_the_shipped_one_is_still_refused(seed, tmp_path: Path) -> None:
    _, files = seed
    edited = tmp_path / "edited.nq"
    extra = '<https://w3id.org/mskg/Drug> <http://www.w3.org/2000/01/rdf-schema#comment> "edited" <https://w3id.org/mskg/ontology> .\n'
    edited.write_text(files["nq"].read_text(encoding="utf-8") + extra, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(edited), "--store", str(tmp_path / "store")])
    assert result.exit_code == 2
    assert "graph <https://w3id.org/mskg/ontology> is also written by the ontology" in result.output


@pytest.mark.server
def test_an_exported_seed_loads_into_a_sparql_store_as_an_exact_copy(seed, oxigraph_server) -> None:
    store, files = seed
    _run("load", str(files["trig"]), "--endpoint", oxigraph_server.url)
    assert open_store(endpoint=oxigraph_server.url).quads() == open_store(store).quads()
