"""The mskg ontology (OWL), shapes (SHACL) and rules, shipped as package data.

Files are read with importlib.resources so an installed wheel works outside the checkout;
parsed graphs are cached once and handed out as copies because rdflib graphs are mutable.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from rdflib import Graph

from mskg.namespaces import ONTOLOGY_IRI

ONTOLOGY_FILE = "mskg.ttl"


def resource_text(name: str) -> str:
    """The text of a data file shipped in mskg.ontology (e.g. `mskg.ttl`)."""
    return (files("mskg.ontology") / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _parsed(name: str, identifier: str) -> Graph:
    from mskg.ontology.loading import parse_turtle

    return parse_turtle(resource_text(name), source=name, identifier=identifier)


def ontology_graph() -> Graph:
    """A fresh copy of the ontology graph, named by the ontology IRI."""
    cached = _parsed(ONTOLOGY_FILE, str(ONTOLOGY_IRI))
    copy = Graph(identifier=ONTOLOGY_IRI)
    for prefix, ns in cached.namespaces():
        copy.bind(prefix, ns, override=True)
    copy += cached
    return copy
