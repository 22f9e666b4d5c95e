"""N-Quads for the bulk loader: every literal survives, an IRI N-Quads cannot hold is refused."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from mskg.build import built
from mskg.errors import InputError
from mskg.stores.ntriples import graph_nquads
from mskg.stores.terms import to_oxigraph

G = "https://w3id.org/mskg/id/doc/x"
S, P = URIRef("http://example.org/s"), URIRef("http://example.org/p")


def test_literals_of_every_kind_parse_back_unchanged() -> None:
    values = [Literal('a "quote", a \\ backslash,\r\nand a newline'), Literal("Mitoxantron", lang="de"),
              Literal(19), Literal("\u00a0\u2022 emoji \U0001f600")]
    g = Graph(identifier=URIRef(G))
    for v in values:
        g.add((S, P, v))
    parsed = {q.object for q in ox.parse(graph_nquads(g, G), format=ox.RdfFormat.N_QUADS)}
    assert parsed == {to_oxigraph(v) for v in values}


@pytest.mark.hardening
def test_an_iri_with_a_space_is_refused_naming_the_document() -> None:
    g = Graph(identifier=URIRef(G))
    g.add((S, P, URIRef("http://example.org/a b")))
    with pytest.raises(InputError, match="not a valid IRI") as err:
        built(Path("posts/x.txt"), g)
    assert err.value.path == "posts/x.txt"
