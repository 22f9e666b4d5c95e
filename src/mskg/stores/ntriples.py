"""N-Quads text for rdflib graphs (what bulk loads read), each term written once per graph.

An IRI that N-Quads cannot hold (a space, a quote, angle brackets) is an InputError here,
before anything reaches a store or a server.
"""

from __future__ import annotations

import re

from rdflib import BNode, Graph, Literal, URIRef

from mskg.errors import InputError

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


def iri_text(iri: str) -> str:
    """`<iri>`, or InputError for an IRI that N-Triples cannot hold."""
    if not _IRI.fullmatch(iri):
        raise InputError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def term_text(term: object) -> str:
    """One rdflib term in N-Triples syntax."""
    if isinstance(term, URIRef):
        return iri_text(str(term))
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{iri_text(str(term.datatype))}" if term.datatype is not None else text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def graph_nquads(graph: Graph, name: str) -> bytes:
    """An rdflib graph as N-Quads bytes in the named graph `name`."""
    texts: dict[object, str] = {}
    suffix = f" {iri_text(name)} .\n"
    lines = []
    for s, p, o in graph:
        parts = []
        for term in (s, p, o):
            text = texts.get(term)
            if text is None:
                text = texts[term] = term_text(term)
            parts.append(text)
        lines.append(" ".join(parts) + suffix)
    return "".join(lines).encode("utf-8")
