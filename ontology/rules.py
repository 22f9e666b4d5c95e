"""Apply the declared derivation rule (direct_edges.rq) to one document's triples."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TypeVar

import pyoxigraph as ox

from mskg.errors import InputError
from mskg.ontology import resource_text
from mskg.stores.ntriples import TermTexts, triples_text
from mskg.stores.terms import to_rdflib

G = TypeVar("G")


@lru_cache(maxsize=1)
def direct_edges_rule() -> str:
    """The SPARQL CONSTRUCT text of the direct-edge rule."""
    return resource_text("direct_edges.rq")


def direct_edges(triples: Iterable[tuple], texts: TermTexts | None = None) -> list[tuple]:
    """The direct `subject relation object` edges the rule derives from one graph's triples.

    The rule runs on pyoxigraph over a private in-memory copy (rdflib's SPARQL engine costs
    tens of milliseconds per document; this costs well under one).
    """
    store = ox.Store()
    try:
        store.load(triples_text(triples, texts=texts).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise InputError(f"not valid RDF: {exc}") from None
    return [(to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object))
            for t in store.query(direct_edges_rule())]


def derive_direct_edges(g: G, texts: TermTexts | None = None) -> G:
    """Add to `g` (an rdflib Graph or extract.rdf.Triples) the direct edges its findings imply; return `g`."""
    for triple in direct_edges(g, texts):
        g.add(triple)
    return g
