"""Exports: every format round-trips to the store's quads, and the same input gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from mskg.build import write_store
from mskg.cli import cli
from mskg.export import FORMATS
from mskg.stores import open_store
from tests.build_helpers import hand_made

PARSE = {"nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


def export(store: Path, fmt: str) -> bytes:
    result = CliRunner().invoke(cli, ["export", "--format", fmt, "--store", str(store)])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.fixture
def store(tmp_path: Path) -> Path:
    write_store(tmp_path / "store", [hand_made("doc-a"), hand_made("doc-b")])
    return tmp_path / "store"


@pytest.mark.parametrize("fmt", sorted(PARSE))
def test_a_dataset_export_parses_back_to_the_same_quads(store: Path, fmt: str) -> None:
    parsed = sorted(f"{q} ." for q in ox.parse(export(store, fmt), format=PARSE[fmt]))
    assert parsed == open_store(store).quads()


def test_turtle_merges_the_graphs_into_one(store: Path) -> None:
    triples = sorted(f"{t} ." for t in ox.parse(export(store, "ttl"), format=ox.RdfFormat.TURTLE))
    quads = open_store(store).quads()
    merged = sorted({_triple(line) for line in quads})
    assert triples == merged
    assert len(triples) < len(quads)


def _triple(nquad_line: str) -> str:
    """The triple part of an N-Quads line from mskg (whose graph name is always the last IRI)."""
    return nquad_line.rsplit(" <", 1)[0] + " ."


def test_jsonld_uses_the_shipped_context_inline(store: Path) -> None:
    doc = json.loads(export(store, "jsonld"))
    assert doc["@context"]["mskg"] == "https://w3id.org/mskg/"
    assert any(g["@id"] == "id:doc/doc-a" for g in doc["@graph"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_builds_give_identical_bytes(tmp_path: Path, fmt: str) -> None:
    write_store(tmp_path / "one", [hand_made("doc-a"), hand_made("doc-b")])
    write_store(tmp_path / "two", [hand_made("doc-b"), hand_made("doc-a")])
    assert export(tmp_path / "one", fmt) == export(tmp_path / "two", fmt)


def test_output_is_replaced_atomically_and_kept_on_failure(store: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.nq"
    ok = CliRunner().invoke(cli, ["export", "--format", "nq", "--store", str(store), "--output", str(target)])
    assert ok.exit_code == 0
    good = target.read_bytes()
    failed = CliRunner().invoke(cli, ["export", "--format", "nq", "--store", str(tmp_path / "none"), "--output", str(target)])
    assert failed.exit_code == 3
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.nq")] == []
