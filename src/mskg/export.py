"""Export the whole dataset byte-stably: sorted statements, the canonical prefixes, no blank nodes.

`ttl` merges every graph into one Turtle graph; `trig` and `nq` keep the named graphs;
`jsonld` writes named graphs with the shipped context (ontology/context.jsonld) inline.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from mskg.errors import InputError

FORMATS = ("ttl", "trig", "nq", "jsonld")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@lru_cache(maxsize=1)
def context() -> dict[str, str]:
    """The JSON-LD context shipped as ontology/context.jsonld: prefix -> namespace."""
    text = (files("mskg.ontology") / "context.jsonld").read_text(encoding="utf-8")
    return dict(sorted(json.loads(text)["@context"].items()))


def _key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def sorted_quads(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """Quads in a stable order: graph, subject, predicate, object (by their N-Quads text)."""
    return sorted(quads, key=_key)


def sorted_triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The triples of every graph merged (duplicates once), in a stable order."""
    unique = {(str(q.subject), str(q.predicate), str(q.object)): q.triple for q in quads}
    return [unique[k] for k in sorted(unique)]


def serialise(quads: Iterable[ox.Quad], fmt: str, out: IO[bytes]) -> None:
    """Write the dataset in `fmt` (one of FORMATS) to a binary stream."""
    if fmt == "nq":
        for quad in sorted_quads(quads):
            out.write(f"{quad} .\n".encode("utf-8"))
    elif fmt == "ttl":
        ox.serialize(sorted_triples(quads), out, format=ox.RdfFormat.TURTLE, prefixes=context())
    elif fmt == "trig":
        ox.serialize(sorted_quads(quads), out, format=ox.RdfFormat.TRIG, prefixes=context())
    elif fmt == "jsonld":
        out.write(json.dumps(jsonld(sorted_quads(quads)), ensure_ascii=False, indent=1).encode("utf-8"))
        out.write(b"\n")
    else:
        raise InputError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


@lru_cache(maxsize=1 << 16)
def compact(iri: str) -> str:
    """`prefix:local` for an IRI under a context namespace (longest match), else the IRI."""
    best = max((ns for ns in context().values() if iri.startswith(ns) and len(iri) > len(ns)), key=len, default=None)
    if best is None:
        return iri
    prefix = next(p for p, ns in context().items() if ns == best)
    local = iri[len(best):]
    return iri if local.startswith("//") else f"{prefix}:{local}"


def _value(term: object) -> dict[str, str]:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD_STRING:
            return {"@value": term.value}
        return {"@value": term.value, "@type": compact(term.datatype.value)}
    return {"@id": compact(term.value)}


def _nodes(quads: list[ox.Quad]) -> Iterator[dict]:
    node: dict = {}
    for quad in quads:
        subject = compact(quad.subject.value)
        if node.get("@id") != subject:
            if node:
                yield node
            node = {"@id": subject}
        if quad.predicate.value == RDF_TYPE and isinstance(quad.object, ox.NamedNode):
            node.setdefault("@type", []).append(compact(quad.object.value))
        else:
            node.setdefault(compact(quad.predicate.value), []).append(_value(quad.object))
    if node:
        yield node


def jsonld(quads: list[ox.Quad]) -> dict:
    """The dataset as a JSON-LD document: the context inline, one `@graph` per named graph."""
    graphs: dict[str, list[ox.Quad]] = {}
    for quad in quads:
        name = "" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        graphs.setdefault(name, []).append(quad)
    top: list[dict] = list(_nodes(graphs.pop("", [])))
    top += [{"@id": compact(name), "@graph": list(_nodes(g))} for name, g in sorted(graphs.items())]
    return {"@context": context(), "@graph": top}


def write_atomically(path: Path, quads: Iterable[ox.Quad], fmt: str) -> None:
    """Write the export to `path` through a temp file and os.replace: a failure keeps the old file."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
    except OSError as exc:
        raise InputError(f"cannot write here: {exc.strerror}", path=path) from None
    try:
        with os.fdopen(fd, "wb") as out:
            serialise(quads, fmt, out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a quota: the old file stays
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write here: {exc.strerror or exc}", path=path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
