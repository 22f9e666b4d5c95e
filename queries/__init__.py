"""Saved research questions (SPARQL .rq files with `#+` headers), shipped as package data.

`catalogue()` lists them by name; `run(query, store, values)` answers one on any store.
"""

from mskg.queries.catalogue import Param, SavedQuery, catalogue, find_query, load_query_file, parse_query
from mskg.queries.runner import prepare, run

__all__ = ["Param", "SavedQuery", "catalogue", "find_query", "load_query_file", "parse_query", "prepare", "run"]
