"""Find the saved research questions (`.rq` files shipped in mskg.queries) and read their headers.

A header is a block of `#+ key: value` comment lines at the top of a query file:

    #+ title: Drugs that act on a cell population
    #+ question: Which drugs act on NK cells, counting every NK cell subtype?
    #+ param: cell = CL:0000623 — the cell population (a CURIE, <IRI> or name)
    #+ param: type (literal) = study — an evidence type, bound as a plain string

A parameter without `= default` is required; `(literal)` binds the value as a string
literal, otherwise it is bound as an IRI (see mskg.queries.params).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from mskg.errors import QueryError

HEADER_LINE = re.compile(r"#\+\s*(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.*?)\s*")
PARAM_VALUE = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"(?:\s*\((?P<kind>term|literal)\))?"
    r"(?:\s*=\s*(?P<default>\S(?:.*?\S)?))?"
    r"\s+(?:—|--)\s+(?P<description>\S.*)"
)
KEYS = ("title", "question", "param")


@dataclass(frozen=True)
class Param:
    """One parameter of a query: the variable it binds, its default, what it means."""

    name: str
    description: str
    default: str | None = None
    kind: str = "term"


@dataclass(frozen=True)
class SavedQuery:
    """A research question: its name, header and SPARQL text, and where it came from."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    text: str
    source: str

    def param(self, name: str) -> Param | None:
        """The parameter called `name`, or None."""
        return next((p for p in self.params if p.name == name), None)


def parse_query(text: str, *, name: str, source: str) -> SavedQuery:
    """Read the `#+` header block at the top of a query; malformed lines raise QueryError."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            break
        match = HEADER_LINE.fullmatch(stripped)
        if not match:
            if stripped.startswith("#+"):
                raise QueryError("header line is not `#+ key: value`", path=source, line=lineno, column=1)
            continue
        key, value = match["key"].lower(), match["value"]
        if key not in KEYS:
            raise QueryError(f"unknown header key {key!r} (known: {', '.join(KEYS)})", path=source, line=lineno, column=1)
        if key == "param":
            params.append(_param(value, source=source, line=lineno, known=params))
        else:
            fields[key] = value
    return SavedQuery(name, fields.get("title", ""), fields.get("question", ""), tuple(params), text, source)


def _param(value: str, *, source: str, line: int, known: list[Param]) -> Param:
    match = PARAM_VALUE.fullmatch(value)
    if not match:
        raise QueryError("parameter is not `name [(literal)] [= default] — description`", path=source, line=line, column=1)
    if any(p.name == match["name"] for p in known):
        raise QueryError(f"parameter {match['name']!r} declared twice", path=source, line=line, column=1)
    return Param(match["name"], match["description"], match["default"], match["kind"] or "term")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, SavedQuery]:
    """Every saved query shipped with mskg, by name (the file name without `.rq`), sorted."""
    found = {}
    for entry in sorted(files("mskg.queries").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = parse_query(entry.read_text(encoding="utf-8"), name=name, source=entry.name)
    return found


def load_query_file(path: str | Path) -> SavedQuery:
    """A user's own `.rq` file, with the same optional header."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise QueryError("not a regular file (a folder, pipe or device)", path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file: {getattr(exc, 'strerror', None) or exc}", path=path) from None
    return parse_query(text.removeprefix("\ufeff"), name=path.stem, source=str(path))


def find_query(name_or_path: str) -> SavedQuery:
    """A saved query by name, or a user's `.rq` file by path; unknown names list the known ones."""
    known = catalogue()
    if name_or_path in known:
        return known[name_or_path]
    if name_or_path.endswith(".rq") or Path(name_or_path).is_file():
        return load_query_file(name_or_path)
    raise QueryError(f"unknown query {name_or_path!r}; known queries: {', '.join(known)}")
