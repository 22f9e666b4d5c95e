"""The `<stem>.json` sidecar beside a document: title, source, date, author and cited study."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mskg.errors import InputError
from mskg.extract.model import Study
from mskg.extract.reading import read_text

TEXT_FIELDS = ("title", "source", "date", "author")


@dataclass(frozen=True)
class Metadata:
    """What a sidecar says about its document; every field may be missing."""

    title: str | None = None
    source: str | None = None
    date: str | None = None
    author: str | None = None
    study: Study | None = None


def sidecar_path(path: Path) -> Path:
    """Where the sidecar of a document lives: the same folder and stem, extension `.json`."""
    return path.with_suffix(".json")


def read_metadata(path: Path) -> Metadata:
    """The sidecar of the document at `path`, or empty metadata when there is none."""
    side = sidecar_path(path)
    if not side.is_file():
        return Metadata()
    data = parse_json(read_text(side), side)
    if not isinstance(data, dict):
        raise InputError("metadata must be a JSON object", path=side, line=1, column=1)
    fields = {name: _text(data, name, side) for name in TEXT_FIELDS}
    cites = data.get("cites")
    if cites is not None and not isinstance(cites, dict):
        raise InputError('"cites" must be a JSON object', path=side)
    return Metadata(**fields, study=study_from(cites, side) if cites else None)


def parse_json(text: str, path: Path) -> Any:
    """Parsed JSON; a syntax error becomes an InputError at its line and column."""
    body = text.removeprefix("\ufeff")
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        shift = 1 if exc.lineno == 1 and len(body) < len(text) else 0
        raise InputError(f"malformed JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno + shift) from None
    except RecursionError:
        raise InputError("malformed JSON: nested too deeply to read safely", path=path) from None


def study_from(cites: dict[str, Any], path: Path) -> Study:
    """A Study from a sidecar's `cites` object: key, title, formatted citation and DOI."""
    doi = _text(cites, "doi", path)
    title = _text(cites, "title", path)
    if doi:
        key = f"doi:{doi.lower()}"
    else:
        basis = "\x1f".join(str(cites.get(k, "")) for k in ("title", "journal", "year"))
        key = "cite:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20]
    return Study(iri_key=key, title=title, citation=citation(cites), doi=doi)


def citation(cites: dict[str, Any]) -> str:
    """A Vancouver-style reference: `Authors. Title. Journal Year;Vol(Issue):Article. doi:…`."""
    authors = cites.get("authors") or []
    parts = [", ".join(str(a) for a in authors) if isinstance(authors, list) else str(authors)]
    parts.append(str(cites.get("title") or "").rstrip("."))
    parts.append(_source(cites))
    if cites.get("doi"):
        parts.append(f"doi:{cites['doi']}")
    return ". ".join(p for p in parts if p)


def _source(cites: dict[str, Any]) -> str:
    """`Journal Year;Volume(Issue):Article`, with whatever parts are present."""
    where = " ".join(str(cites[k]) for k in ("journal", "year") if cites.get(k))
    volume = str(cites.get("volume") or "")
    if cites.get("issue"):
        volume += f"({cites['issue']})"
    if cites.get("article") or cites.get("pages"):
        volume += f":{cites.get('article') or cites.get('pages')}"
    return f"{where};{volume}" if where and volume else where or volume


def _text(data: dict[str, Any], name: str, path: Path) -> str | None:
    """A string field of a JSON object, None when absent; any other type is an InputError."""
    value = data.get(name)
    if value is None or isinstance(value, str):
        return value.strip() or None if isinstance(value, str) else None
    raise InputError(f'"{name}" must be a string, not {type(value).__name__}', path=path)
