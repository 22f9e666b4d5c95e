"""Turn `--param name=value` strings into RDF terms, so values are bound, never pasted.

A term parameter accepts `<IRI>`, a CURIE with a known prefix (`CHEBI:50729`), or a name
the ontology knows (`mitoxantrone`); a literal parameter binds the value as a plain string.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pyoxigraph
from rdflib import Literal, URIRef

from mskg import identifiers
from mskg.errors import QueryError, UnknownTermError
from mskg.queries.catalogue import Param, SavedQuery

_CURIE = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*:[^\s<>\"{}|^`\\]+")


def parse_assignments(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`["drug=CHEBI:50729"]` → `{"drug": "CHEBI:50729"}`; a pair without `=` is an error."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"parameter {pair!r} is not name=value")
        values[name.strip()] = value.strip()
    return values


def _checked_iri(value: str, *, param: str) -> URIRef:
    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        raise QueryError(f"parameter {param}: {value!r} is not a valid IRI") from None
    return URIRef(value)


def _label_term(value: str, *, param: str) -> URIRef:
    from mskg.extract.lexicon import load_lexicon

    lexicon = load_lexicon()
    term = lexicon.resolve(value)
    if term is None:
        hint = ", ".join(t.label for t in lexicon.suggest(value, n=3))
        more = f"; did you mean {hint}?" if hint else ""
        raise UnknownTermError(f"parameter {param}: unknown term {value!r}{more}")
    return _checked_iri(term.iri, param=param)


def to_term(param: Param, value: str) -> URIRef | Literal:
    """The RDF term a parameter value stands for; unknown names raise UnknownTermError."""
    if param.kind == "literal":
        return Literal(value)
    if value.startswith("<") and value.endswith(">"):
        return _checked_iri(value[1:-1], param=param.name)
    if _CURIE.fullmatch(value):
        try:
            return _checked_iri(identifiers.iri(value), param=param.name)
        except ValueError:
            pass
    return _label_term(value, param=param.name)


def bindings(query: SavedQuery, values: Mapping[str, str]) -> dict[str, URIRef | Literal]:
    """Every declared parameter bound to a term: given values first, then defaults."""
    unknown = sorted(set(values) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(f"query {query.name} has no parameter {unknown[0]!r} (its parameters: {known})")
    bound = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            raise QueryError(f"query {query.name} needs parameter {param.name!r}: {param.description}")
        bound[param.name] = to_term(param, value)
    return bound
