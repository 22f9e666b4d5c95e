"""Read one input file (scraped blog text, a WordPress or Blogger page, plain text) and its
`<stem>.json` sidecar into a `Document` whose offsets point into the file's own text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from mskg.errors import InputError
from mskg.extract.html import parse_html
from mskg.extract.metadata import read_metadata
from mskg.extract.model import Document
from mskg.extract.plaintext import parse_plain
from mskg.extract.reading import read_bytes, read_text
from mskg.extract.scraped import parse_scraped
from mskg.extract.structure import Parsed, load_data

FORMATS = load_data("formats.json")
TEXT_SUFFIXES: tuple[str, ...] = tuple(FORMATS["text_suffixes"])
HTML_SUFFIXES: tuple[str, ...] = tuple(FORMATS["html_suffixes"])
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


def parse_text(text: str) -> Parsed:
    """A `.txt` file: the scraped blog format when it has blog boilerplate, else plain text."""
    return parse_scraped(text) or parse_plain(text)


PARSERS: dict[str, Callable[[str], Parsed]] = {"html": parse_html, "text": parse_text}


def read_document(path: Path) -> Document:
    """The document at `path` with its segments and sidecar metadata; InputError if unreadable."""
    path = Path(path)
    _check_path(path)
    text = read_text(path)
    fmt = detect_format(path, text)
    parsed = PARSERS[fmt](text)
    if not any(seg.kind != "title" for seg in parsed.segments):
        raise InputError(f"no post text found in this {parsed.format or fmt} file", path=path)
    meta = read_metadata(path)
    return Document(
        id=path.stem,
        path=str(path),
        text=text,
        format=parsed.format or fmt,
        title=meta.title or parsed.title,
        source=meta.source,
        date=meta.date,
        author=meta.author or parsed.author,
        segments=parsed.segments,
        study=meta.study,
        views=parsed.views,
    )


def _check_path(path: Path) -> None:
    """Refuse a missing path, a directory or an unknown extension before reading anything."""
    if not path.exists() or path.is_dir():
        read_bytes(path)
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        known = ", ".join(DOCUMENT_SUFFIXES)
        raise InputError(f"unknown document type {path.suffix or '(no extension)'!r}; expected {known}", path=path)


def detect_format(path: Path, text: str) -> str:
    """`html` or `text`, from the extension and the content (markup in a `.txt` is HTML)."""
    head = text[:512].lstrip("\ufeff \t\r\n")
    for opening, name in FORMATS["foreign_openings"].items():
        if head.startswith(opening):
            raise InputError(f"unknown format: this is {name}, not a blog post", path=path, line=1, column=1)
    head = head.lower()
    markup = head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in text[:4096].lower()
    if path.suffix.lower() in HTML_SUFFIXES:
        if not markup and "<" not in text[:4096]:
            raise InputError("not an HTML page: no markup found", path=path, line=1, column=1)
        return "html"
    if markup:
        return "html"
    return "text"


def iter_documents(paths: Sequence[Path]) -> Iterator[Path]:
    """The document files named or contained (recursively, sorted) in `paths`, each once;
    sidecars and hidden files are skipped. A missing path is an InputError."""
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputError("no such file or directory", path=path)
        for found in sorted(_walk(path)) if path.is_dir() else [path]:
            if found.resolve() not in seen:
                seen.add(found.resolve())
                yield found


def _walk(folder: Path) -> Iterator[Path]:
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).parts
        if any(part.startswith(".") for part in rel):
            continue
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES:
            yield path
