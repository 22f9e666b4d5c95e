"""Every saved query's expected answer on the small multi-document fixture graph."""

from __future__ import annotations

import pytest

from mskg.identifiers import curie
from mskg.queries import catalogue, run
from tests.test_queries_fixture import MemoryStore, fixture_store


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    return fixture_store()


def answer(store: MemoryStore, name: str, *columns: str, **params: str) -> list[tuple[str, ...]]:
    """The rows of a saved query, sorted, as tuples of CURIEs or plain values of some columns."""
    rows = run(catalogue()[name], store, params)
    return sorted(tuple(curie(str(r[c])) if c in r else "" for c in columns) for r in rows)


def test_nk_cells_are_acted_on_by_mitoxantrone_and_daclizumab(store: MemoryStore) -> None:
    rows = answer(store, "drugs-acting-on-cells", "drug", "relation", "target", "documents")
    assert rows == [
        ("CHEBI:50729", "mskg:decreasesAmountOf", "CL:0000623", "1"),
        ("CHEBI:50729", "mskg:increasesAmountOf", "CL:0000623", "1"),
        ("CHEBI:50729", "mskg:promotesMaturationOf", "CL:0000824", "1"),
        ("DRUGBANK:DB00111", "mskg:affects", "CL:0000623", "1"),
    ]


def test_b_cells_are_acted_on_by_mitoxantrone_and_cladribine(store: MemoryStore) -> None:
    rows = answer(store, "drugs-acting-on-cells", "drug", "relation", cell="CL:0000236")
    assert rows == [("CHEBI:50729", "mskg:decreasesAmountOf"), ("DRUGBANK:DB00242", "mskg:decreasesAmountOf")]
