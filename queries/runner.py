"""Run a saved or user query on a store, its parameters bound as RDF terms by the store."""

from __future__ import annotations

from collections.abc import Mapping

from mskg.queries.catalogue import SavedQuery
from mskg.queries.checks import check_query
from mskg.queries.params import bindings
from mskg.stores.base import Solutions, Store


def prepare(query: SavedQuery, values: Mapping[str, str] | None = None) -> dict[str, object]:
    """Check the query and turn parameter values into terms, before any store is touched."""
    check_query(query.text, query.source)
    return dict(bindings(query, values or {}))


def run(query: SavedQuery, store: Store, values: Mapping[str, str] | None = None) -> Solutions:
    """Check the query, bind its parameters (given values, else defaults) and select."""
    return store.select(query.text, prepare(query, values))
