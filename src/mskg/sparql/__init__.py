"""SPARQL that mskg's own commands run (the findings table), shipped as package data."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=None)
def sparql(name: str) -> str:
    """The text of `<name>.rq` shipped in mskg.sparql."""
    return (files("mskg.sparql") / f"{name}.rq").read_text(encoding="utf-8")
