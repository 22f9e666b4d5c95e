"""The one small interface both stores implement: select, replace a graph, count, list, dump.

Rows are dicts from variable name to rdflib term (unbound variables are absent), so the
query runner formats embedded and remote answers the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, Union, runtime_checkable

from rdflib import BNode, Graph, Literal, URIRef

Term = Union[URIRef, Literal, BNode]
Row = dict[str, Term]
ONTOLOGY_GRAPH = "https://w3id.org/mskg/ontology"


@dataclass
class Solutions:
    """The answer to a SELECT: its variables in order, and an iterator of rows."""

    variables: tuple[str, ...]
    rows: Iterator[Row]

    def __iter__(self) -> Iterator[Row]:
        return self.rows


@runtime_checkable
class Store(Protocol):
    """What mskg needs from a triple store, embedded or remote."""

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> Solutions:
        """Run a SELECT; `bindings` maps variable names to RDF terms, bound as terms."""
        ...

    def replace_graph(self, name: str, graph: Graph) -> None:
        """Replace the named graph `name` with `graph`, all or nothing."""
        ...

    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""
        ...

    def count(self, graph_name: str | None = None) -> int:
        """Quads in one named graph, or in the whole dataset when `graph_name` is None."""
        ...

    def quads(self) -> list[str]:
        """Every quad as an N-Quads line, sorted: the form tests compare."""
        ...

    def close(self) -> None:
        """Release files, locks or connections."""
        ...
