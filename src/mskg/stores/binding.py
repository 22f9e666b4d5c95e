"""Bind query variables to RDF terms with a VALUES block, never by pasting text.

Used for remote endpoints (SPARQL 1.1 has no substitution API) and for the embedded store
(pyoxigraph plans a query far better around a VALUES block than around `substitutions`).
The block goes first inside the outermost WHERE group, so every pattern sees the value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mskg.errors import QueryError
from mskg.stores.terms import to_oxigraph

_SKIP = re.compile(
    r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>'
)


def term_text(value: object) -> str:
    """The SPARQL text of one RDF term, escaped by pyoxigraph's serialiser."""
    try:
        return str(to_oxigraph(value))
    except (TypeError, ValueError) as exc:
        raise QueryError(f"cannot bind {value!r} as an RDF term: {exc}") from None


def values_block(bindings: Mapping[str, object]) -> str:
    """`VALUES (?a ?b) { (<x> "y") }` for the given variable -> term bindings."""
    names = sorted(bindings)
    for name in names:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"not a variable name: {name!r}")
    head = " ".join(f"?{n}" for n in names)
    row = " ".join(term_text(bindings[n]) for n in names)
    return f"VALUES ({head}) {{ ({row}) }}"


def first_group_brace(query: str) -> int:
    """Index of the `{` that opens the outermost WHERE group, skipping comments, strings, IRIs."""
    i = 0
    while i < len(query):
        skipped = _SKIP.match(query, i)
        if skipped and skipped.end() > i:
            i = skipped.end()
        elif query[i] == "{":
            return i
        else:
            i += 1
    raise QueryError("query has no WHERE group to bind parameters in", path="<query>")


def without_comments(query: str) -> str:
    r"""The query with its `#` comments removed, strings and IRIs untouched.

    >>> without_comments('# it is not clear\nSELECT ?s WHERE { ?s ?p "#1" } # end')
    '\nSELECT ?s WHERE { ?s ?p "#1" } '
    """
    return _SKIP.sub(lambda m: "" if m.group().startswith("#") else m.group(), query)


def with_values(query: str, bindings: Mapping[str, object] | None) -> str:
    """The query with a VALUES block binding `bindings` at the top of its WHERE group."""
    if not bindings:
        return query
    at = first_group_brace(query) + 1
    return f"{query[:at]} {values_block(bindings)} {query[at:]}"
