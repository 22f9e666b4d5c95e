"""Refuse what a user query must not do before anything runs: updates, remote fetches, bad syntax.

Keywords are looked for in the query with its comments, strings and IRIs blanked out, so a
word like `DROP` inside a literal or an IRI never trips the check.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph

from mskg.errors import QueryError

_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*"
)
_KEYWORD = re.compile(r"(?<![\w?$:.@-])([A-Za-z]+)(?![\w:-])")
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
REMOTE_WORDS = {"SERVICE": "SERVICE calls another endpoint", "FROM": "FROM/FROM NAMED can make a store fetch a graph"}
_POSITION = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.S)
_BRACKET = re.compile(r"[(){}\[\]]")
MAX_DEPTH = 200


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def keywords(text: str) -> list[tuple[str, int]]:
    """Upper-cased bare words of a query with their offsets, outside comments, strings and IRIs."""
    code = _OPAQUE.sub(_blank, text)
    return [(m.group(1).upper(), m.start(1)) for m in _KEYWORD.finditer(code)]


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def check_depth(text: str, *, source: str) -> None:
    """Raise QueryError where brackets nest deeper than MAX_DEPTH: the SPARQL parser would
    overflow its stack and crash the process (no real query nests more than a few dozen)."""
    depth = 0
    for match in _BRACKET.finditer(_OPAQUE.sub(_blank, text)):
        depth += 1 if match.group() in "({[" else -1
        if depth > MAX_DEPTH:
            line, column = _where(text, match.start())
            raise QueryError(f"brackets nest more than {MAX_DEPTH} deep; refused", path=source, line=line, column=column)


def check_allowed(text: str, *, source: str) -> None:
    """Raise QueryError if the query is an update, calls SERVICE or names FROM graphs."""
    for word, offset in keywords(text):
        line, column = _where(text, offset)
        if word in UPDATE_WORDS:
            raise QueryError(f"updates are refused ({word}); mskg query only reads", path=source, line=line, column=column)
        if word in REMOTE_WORDS:
            reason = REMOTE_WORDS[word]
            raise QueryError(f"{word} is refused: {reason}; use GRAPH <iri> {{ … }} patterns", path=source, line=line, column=column)


@lru_cache(maxsize=1)
def _empty_store() -> pyoxigraph.Store:
    return pyoxigraph.Store()


def check_syntax(text: str, *, source: str) -> None:
    """Raise QueryError with line and column if the text is not a SPARQL SELECT query."""
    try:
        answer = _empty_store().query(text)
    except SyntaxError as exc:
        match = _POSITION.match(str(exc))
        if not match:
            raise QueryError(f"not a valid SPARQL query: {exc}", path=source) from None
        reason = " ".join(match.group(3).split())
        reason = reason if len(reason) <= 120 else reason[:117] + "..."
        raise QueryError(f"not a valid SPARQL query: {reason}", path=source, line=int(match.group(1)), column=int(match.group(2))) from None
    if not isinstance(answer, pyoxigraph.QuerySolutions):
        raise QueryError("only SELECT queries can be run (this is ASK, CONSTRUCT or DESCRIBE)", path=source)


@lru_cache(maxsize=256)
def check_query(text: str, source: str) -> None:
    """Every check, in order: allowed operations first (nothing runs), then nesting, then syntax."""
    check_allowed(text, source=source)
    check_depth(text, source=source)
    check_syntax(text, source=source)
