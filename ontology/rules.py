"""Apply the declared derivation rule (direct_edges.rq) to a document graph."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph

from mskg.ontology import resource_text


@lru_cache(maxsize=1)
def direct_edges_rule() -> str:
    """The SPARQL CONSTRUCT text of the direct-edge rule."""
    return resource_text("direct_edges.rq")


def derive_direct_edges(g: Graph) -> Graph:
    """Add to `g` the direct `subject relation object` edges its findings imply; return `g`."""
    for triple in g.query(direct_edges_rule()):
        g.add(triple)
    return g
