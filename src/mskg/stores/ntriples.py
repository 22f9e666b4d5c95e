"""N-Triples / N-Quads text for rdflib triples (what bulk loads read), each term written once.

An IRI that N-Quads cannot hold (a space, a quote, angle brackets) is an InputError here,
before anything reaches a store or a server.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rdflib import BNode, Literal, URIRef

from mskg.errors import InputError

_ESCAPES = (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"))
_IRI = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


def iri_text(iri: str) -> str:
    """`<iri>`, or InputError for an IRI that N-Triples cannot hold."""
    if not _IRI.fullmatch(iri):
        raise InputError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def escaped(text: str) -> str:
    """`text` with the characters an N-Triples string cannot hold as such escaped (one C-speed pass per character)."""
    for char, escape in _ESCAPES:
        if char in text:
            text = text.replace(char, escape)
    return text


def term_text(term: object) -> str:
    """One rdflib term in N-Triples syntax."""
    if type(term) is URIRef or isinstance(term, URIRef):  # the exact type first: isinstance on rdflib terms is slow
        return iri_text(str(term))
    if isinstance(term, Literal):
        text = f'"{escaped(str(term))}"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{iri_text(str(term.datatype))}" if term.datatype is not None else text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


class TermTexts(dict):
    """term -> its N-Triples text, each term written once (a cache shared across graphs)."""

    def __missing__(self, term: object) -> str:
        text = self[term] = term_text(term)
        return text


def triples_text(triples: Iterable[tuple[object, object, object]], suffix: str = " .\n",
                 texts: TermTexts | None = None) -> str:
    """Triples as N-Triples lines (or N-Quads lines, when `suffix` carries a graph name)."""
    texts = TermTexts() if texts is None else texts
    return "".join(f"{texts[s]} {texts[p]} {texts[o]}{suffix}" for s, p, o in triples)


def graph_suffix(name: str) -> str:
    """The end of every N-Quads line in graph `name`."""
    return f" {iri_text(name)} .\n"


def lines_text(bodies: list[str], suffix: str = " .\n") -> str:
    """Triples already written as `s p o` text (see extract.rdf.Triples.bodies), each ended by `suffix`."""
    return suffix.join(bodies) + suffix if bodies else ""


def graph_nquads(graph: Iterable[tuple[object, object, object]], name: str, texts: TermTexts | None = None) -> bytes:
    """An rdflib graph (or any iterable of triples) as N-Quads bytes in the named graph `name`."""
    return triples_text(graph, graph_suffix(name), texts).encode("utf-8")
