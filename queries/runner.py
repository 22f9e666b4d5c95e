"""Run a saved or user query on a store, its parameters bound as RDF terms by the store."""

from __future__ import annotations

from collections.abc import Mapping

from mskg.queries.catalogue import SavedQuery
from mskg.queries.checks import check_query
from mskg.queries.params import bindings
from mskg.stores.base import Solutions, Store


def run(query: SavedQuery, store: Store, values: Mapping[str, str] | None = None) -> Solutions:
    """Check the query, bind its parameters (given values, else defaults) and select."""
    check_query(query.text, query.source)
    return store.select(query.text, bindings(query, values or {}))
