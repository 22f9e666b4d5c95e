"""Convert RDF terms between rdflib and pyoxigraph without changing their lexical forms."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD

from mskg.stores.base import Term

_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)


def to_rdflib(term: object) -> Term:
    """The rdflib term for a pyoxigraph NamedNode, Literal or BlankNode."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"not an RDF term: {term!r}")


def to_oxigraph(term: object) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """The pyoxigraph term for an rdflib term (pyoxigraph terms pass through)."""
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None and str(term.datatype) not in (_XSD_STRING, _LANG_STRING):
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def nquad_line(quad: ox.Quad) -> str:
    """One quad as a canonical N-Quads line (pyoxigraph's serialisation, with the dot)."""
    return f"{quad} ."
