"""Write SELECT answers as the W3C SPARQL 1.1 results formats (JSON, CSV, TSV) or a table.

JSON, CSV and TSV are written row by row, so a result of any size streams in bounded memory;
the table is for people, so it holds at most `TABLE_LIMIT` rows and says when it stopped.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from itertools import islice
from typing import TextIO

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from mskg.identifiers import curie
from mskg.stores.base import Row, Solutions

FORMATS = ("table", "csv", "tsv", "json")
TABLE_LIMIT = 500
_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def term_json(term: object) -> dict[str, str]:
    """One term as a SPARQL 1.1 JSON results binding."""
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype != XSD.string:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "bnode" if isinstance(term, BNode) else "uri", "value": str(term)}


def term_tsv(term: object) -> str:
    """One term in the N-Triples-like syntax SPARQL 1.1 TSV results use."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_NT_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return f"_:{term}" if isinstance(term, BNode) else f"<{term}>"


def term_text(term: object) -> str:
    """One term as people read it: CURIEs for IRIs, the plain value of literals."""
    if isinstance(term, URIRef):
        return curie(str(term))
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def write_json(solutions: Solutions, out: TextIO) -> None:
    """SPARQL 1.1 Query Results JSON, one binding per line."""
    out.write('{"head": {"vars": ' + json.dumps(list(solutions.variables)) + '},\n "results": {"bindings": [')
    sep = "\n  "
    for row in solutions:
        out.write(sep + json.dumps({k: term_json(v) for k, v in row.items()}, ensure_ascii=False, sort_keys=True))
        sep = ",\n  "
    out.write("\n]}}\n")


def write_csv(solutions: Solutions, out: TextIO) -> None:
    """SPARQL 1.1 Query Results CSV: lexical values, CRLF line ends."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(solutions.variables)
    for row in solutions:
        writer.writerow([str(row[v]) if v in row else "" for v in solutions.variables])


def write_tsv(solutions: Solutions, out: TextIO) -> None:
    """SPARQL 1.1 Query Results TSV: `?var` header, terms in N-Triples syntax."""
    out.write("\t".join(f"?{v}" for v in solutions.variables) + "\n")
    for row in solutions:
        out.write("\t".join(term_tsv(row[v]) if v in row else "" for v in solutions.variables) + "\n")


def _cells(rows: Iterable[Row], variables: tuple[str, ...]) -> list[list[str]]:
    return [[" ".join(term_text(row[v]).split()) if v in row else "" for v in variables] for row in rows]


def write_table(solutions: Solutions, out: TextIO, limit: int = TABLE_LIMIT) -> None:
    """An aligned text table of at most `limit` rows, with a footer saying how many."""
    variables = tuple(solutions.variables)
    rows = iter(solutions)
    cells = _cells(islice(rows, limit), variables)
    more = next(rows, None) is not None
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(variables)]
    for line in [list(variables), ["-" * w for w in widths], *cells]:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() + "\n")
    if more:
        out.write(f"(first {limit} rows shown; use --format csv, tsv or json for every row)\n")
    else:
        out.write(f"({len(cells)} row{'s' if len(cells) != 1 else ''})\n")


WRITERS: dict[str, Callable[[Solutions, TextIO], None]] = {
    "table": write_table,
    "csv": write_csv,
    "tsv": write_tsv,
    "json": write_json,
}


def write(solutions: Solutions, fmt: str, out: TextIO) -> None:
    """Write `solutions` to `out` in one of FORMATS."""
    WRITERS[fmt](solutions, out)
