"""Read a claims file a user hands to `mskg validate`: Turtle, TriG, N-Triples, N-Quads,
JSON-LD or RDF/XML, safely.

Nothing is ever fetched: a JSON-LD `@context` must be inline, RDF/XML may not declare a
DOCTYPE or entities (checked on the raw bytes before any XML parser sees them), and
`owl:imports` is refused. Syntax errors become InputError with file:line:column.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from xml.sax import SAXParseException

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.namespace import OWL

from mskg.errors import InputError
from mskg.ontology.loading import check_syntax

TEXT_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads"}
JSONLD = {".jsonld", ".json"}
RDFXML = {".rdf", ".xml", ".owl"}
_XML_DECLARATIONS = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_ENCODING = re.compile(r"""<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
TOO_DEEP = "nested too deeply to read safely (thousands of levels of lists or nodes)"
_BAD_IRI = re.compile(r"[\s<>\"{}|^`\\]")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


def read_text(path: Path) -> str:
    """The file as UTF-8 text; a missing file, a pipe or device, or bad encoding is an InputError."""
    if path.exists() and not path.is_file() and not path.is_dir():
        raise InputError("not a regular file (a pipe or device would block or never end)", path=path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text", path=path, line=line) from None


def read_rdf(path: Path) -> Graph:
    """All triples of an RDF file (graph names of TriG/N-Quads are merged), checked and safe."""
    suffix = path.suffix.lower()
    if suffix in RDFXML:
        graph = _read_rdfxml(path)
    elif suffix in JSONLD:
        graph = _read_jsonld(path)
    elif suffix in TEXT_FORMATS:
        graph = _read_text_rdf(path, TEXT_FORMATS[suffix])
    else:
        raise InputError(f"unknown file type {suffix or '(none)'}: expected .ttl, .trig, .nt, .nq, "
                         ".jsonld, .rdf or .csv", path=path)
    for _, _, target in graph.triples((None, OWL.imports, None)):
        raise InputError(f"owl:imports {target} refused: mskg never fetches other graphs", path=path)
    _check_iris(path, graph)
    return graph


def _check_iris(path: Path, graph: Graph) -> None:
    """Every IRI must be absolute and valid, as a store needs it (RDF/XML and JSON-LD parsers let some through)."""
    terms = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    terms |= {t.datatype for t in graph.objects() if isinstance(t, Literal) and t.datatype is not None}
    for term in terms:
        try:
            ox.NamedNode(str(term))
        except ValueError as exc:
            raise InputError(f"IRI {str(term)!r} is not a valid absolute IRI: {exc}", path=path) from None


def _flatten(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def _read_text_rdf(path: Path, fmt: str) -> Graph:
    text = read_text(path)
    check_syntax(text, fmt=fmt, source=str(path))
    try:
        if fmt in ("turtle", "nt"):
            return Graph().parse(data=text, format=fmt)
        dataset = Dataset(default_union=True)
        dataset.parse(data=text, format=fmt)
    except RecursionError:
        raise InputError(TOO_DEEP, path=path) from None
    return _flatten(dataset)


def _read_rdfxml(path: Path) -> Graph:
    text = read_text(path)
    _refuse_unsafe_xml(path, text)
    graph = Graph()
    try:
        graph.parse(data=text.encode("utf-8"), format="xml")
    except SAXParseException as exc:
        raise InputError(f"not valid RDF/XML: {exc.getMessage()}", path=path,
                         line=exc.getLineNumber(), column=exc.getColumnNumber()) from None
    except ParserError as exc:
        found = re.match(r"[^:]*:(\d+):(\d+): (.*)", str(exc))
        line, column, message = (int(found[1]), int(found[2]), found[3]) if found else (None, None, str(exc))
        raise InputError(f"not valid RDF/XML: {message}", path=path, line=line, column=column) from None
    return graph


def _refuse_unsafe_xml(path: Path, text: str) -> None:
    """DOCTYPE/ENTITY declarations, and any encoding but UTF-8 (which could hide them), are refused."""
    if "\x00" in text:
        raise InputError("RDF/XML with NUL characters (UTF-16 or binary) is refused: write it as UTF-8",
                         path=path, line=text.count("\n", 0, text.index("\x00")) + 1)
    declared = _XML_ENCODING.match(text.lstrip("\ufeff"))
    if declared and declared.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise InputError(f"RDF/XML declaring encoding {declared.group(1)!r} is refused: write it as UTF-8",
                         path=path, line=1)
    found = _XML_DECLARATIONS.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError("RDF/XML with a DOCTYPE or ENTITY declaration is refused (entities can "
                         "expand without bound or read local files)", path=path, line=line)


def _read_jsonld(path: Path) -> Graph:
    text = read_text(path)
    try:
        document = json.loads(text)
        problems = list(_jsonld_problems(document))
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise InputError(TOO_DEEP, path=path) from None
    if not isinstance(document, (dict, list)):
        raise InputError("not valid JSON-LD: the document must be an object or an array", path=path)
    for problem in problems:
        raise InputError(problem, path=path)
    dataset = Dataset(default_union=True)
    try:
        dataset.parse(data=text, format="json-ld")
    except Exception as exc:  # rdflib's JSON-LD parser raises arbitrary types on malformed documents
        raise InputError(f"not valid JSON-LD: {type(exc).__name__}: {exc}", path=path) from None
    return _flatten(dataset)


def _jsonld_problems(node: object) -> Iterator[str]:
    """Remote contexts, IRIs with spaces and malformed language tags anywhere in a JSON-LD tree."""
    if isinstance(node, list):
        for item in node:
            yield from _jsonld_problems(item)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "@context":
            yield from _context_problems(value)
        elif key in ("@id", "@type", "@vocab", "@base") and isinstance(value, str) and _BAD_IRI.search(value):
            yield f"IRI {value!r} has a space or a character IRIs may not contain"
        elif key == "@language" and isinstance(value, str) and not _LANGUAGE.fullmatch(value):
            yield f"language tag {value!r} is not a BCP 47 tag (write en-US, not en_US)"
        else:
            yield from _jsonld_problems(value)


def _context_problems(context: object) -> Iterator[str]:
    items = context if isinstance(context, list) else [context]
    for item in items:
        if isinstance(item, str):
            yield f"remote JSON-LD @context {item!r} refused: mskg never fetches; inline the context"
        elif isinstance(item, dict):
            if "@import" in item:
                yield "JSON-LD @import refused: mskg never fetches; inline the context"
            yield from _jsonld_problems({k: v for k, v in item.items() if k != "@import"})
