"""RDF files given to `mskg build` beside documents: curated graphs, checked like extracted ones.

Turtle and N-Triples files become one named graph `id:graph/<file stem>`; TriG and N-Quads
keep their named graphs (their default graph goes to `id:graph/<file stem>`). A syntax
error anywhere is `file:line:column` before anything is stored; blank nodes are refused,
because every node needs a stable IRI for byte-stable exports; `owl:imports` is refused, as
everywhere in mskg, because nothing is ever fetched.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import Graph, URIRef

from mskg.errors import InputError
from mskg.extract.reading import read_text
from mskg.namespaces import ID
from mskg.ontology.loading import check_syntax
from mskg.stores.terms import to_rdflib

GRAPH_SUFFIXES = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads"}
OWL_IMPORTS = ox.NamedNode("http://www.w3.org/2002/07/owl#imports")
_OX_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
              "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS}


def is_graph_file(path: Path) -> bool:
    """True for the RDF formats `mskg build` accepts as curated graphs."""
    return Path(path).suffix.lower() in GRAPH_SUFFIXES


def default_graph_name(path: Path) -> str:
    """The graph that a file's default-graph triples go into."""
    return str(ID[f"graph/{quote(Path(path).stem, safe='')}"])


def _graph_of(quad: ox.Quad, fallback: str, path: Path) -> str:
    if quad.predicate == OWL_IMPORTS:
        raise InputError(f"owl:imports {quad.object.value} refused: mskg never fetches other graphs", path=path)
    if any(isinstance(t, ox.BlankNode) for t in (quad.subject, quad.object, quad.graph_name)):
        raise InputError("blank nodes are not allowed: give every node an IRI", path=path)
    return fallback if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value


def read_graph_file(path: Path) -> list[Graph]:
    """The named graphs of one RDF file, sorted by name; InputError with line and column if broken."""
    path = Path(path)
    if not is_graph_file(path):
        raise InputError(f"unknown RDF file type {path.suffix or '(none)'!r}; expected {', '.join(GRAPH_SUFFIXES)}", path=path)
    fmt = GRAPH_SUFFIXES[path.suffix.lower()]
    text = read_text(path)
    check_syntax(text, fmt=fmt, source=str(path))
    graphs: dict[str, Graph] = {}
    fallback = default_graph_name(path)
    for quad in ox.parse(text.encode("utf-8"), format=_OX_FORMAT[fmt]):
        name = _graph_of(quad, fallback, path)
        graph = graphs.setdefault(name, Graph(identifier=URIRef(name)))
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    if not graphs:
        raise InputError("no triples in this file", path=path)
    return [graphs[name] for name in sorted(graphs)]
