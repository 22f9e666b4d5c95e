"""Parse RDF text safely: never fetch anything, and report syntax errors as file:line:column.

pyoxigraph checks the syntax first because its errors carry line and column; rdflib then
builds the graph that pyshacl and the assemblers work with.
"""

from __future__ import annotations

import pyoxigraph
from rdflib import Graph

from mskg.errors import InputError

_OXI_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
}


def check_syntax(text: str, *, fmt: str, source: str) -> None:
    """Raise InputError naming source, line and column if `text` is not valid `fmt`."""
    try:
        for _ in pyoxigraph.parse(text.encode("utf-8"), format=_OXI_FORMATS[fmt]):
            pass
    except SyntaxError as exc:
        reason = str(exc).split(": ", 1)[-1] if ": " in str(exc) else str(exc)
        raise InputError(f"not valid {fmt}: {reason}", path=source, line=exc.lineno, column=exc.offset) from None


def parse_turtle(text: str, *, source: str, identifier: str | None = None) -> Graph:
    """Parse Turtle text into an rdflib graph; bad syntax becomes an InputError."""
    check_syntax(text, fmt="turtle", source=source)
    g = Graph(identifier=identifier) if identifier else Graph()
    try:
        g.parse(data=text, format="turtle")
    except RecursionError:
        raise InputError("nested too deeply to read safely (thousands of levels of lists or nodes)", path=source) from None
    return g
