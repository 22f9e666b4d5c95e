"""The findings table: one row per (finding, evidence), read from a store with SPARQL.

Fields follow the contract in design.md; `csv`/`tsv` flatten subject and object into
`subject_id`, `subject_label`, ... and qualifiers into `key=CURIE` pairs.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO

from mskg.identifiers import curie
from mskg.sparql import sparql
from mskg.stores.base import Row, Store

FLAT_FIELDS = ("finding", "subject_id", "subject_label", "relation", "object_id", "object_label",
               "polarity", "certainty", "evidence_type", "document", "segment", "segment_id",
               "comment_index", "author", "start", "end", "quote", "qualifiers")
FORMATS = ("jsonl", "csv", "tsv")


def _labels(store: Store) -> dict[str, str]:
    return {str(r["term"]): str(r["name"]) for r in store.select(sparql("labels")) if "name" in r}


def _qualifiers(store: Store, labels: dict[str, str]) -> dict[str, dict[str, list[dict]]]:
    found: dict[str, dict[str, list[dict]]] = {}
    for r in store.select(sparql("qualifiers")):
        value = str(r["value"])
        entry = {"id": curie(value), "label": labels.get(value)}
        found.setdefault(str(r["finding"]), {}).setdefault(str(r["key"]), []).append(entry)
    return found


def _term(iri: str, labels: dict[str, str]) -> dict[str, str | None]:
    return {"id": curie(iri), "label": labels.get(iri)}


def _row(r: Row, labels: dict[str, str], qualifiers: dict[str, dict[str, list[dict]]]) -> dict:
    index = r.get("commentIndex")
    finding = str(r["finding"])
    return {
        "finding": finding,
        "subject": _term(str(r["subject"]), labels),
        "relation": str(r["relation"]).rsplit("/", 1)[-1],
        "object": _term(str(r["object"]), labels),
        "polarity": str(r["polarity"]),
        "certainty": str(r["certainty"]),
        "evidence_type": str(r["evidenceType"]),
        "document": str(r["document"]),
        "segment": "comment" if index is not None else "post",
        "segment_id": str(r["segmentId"]),
        "comment_index": int(index) if index is not None else None,
        "author": str(r["author"]) if "author" in r else None,
        "start": int(r["start"]),
        "end": int(r["end"]),
        "quote": str(r["quote"]),
        "evidence": str(r["evidence"]),
        "qualifiers": qualifiers.get(finding, {}),
    }


def findings(store: Store) -> Iterator[dict]:
    """Every (finding, evidence) row in the store, ordered by document, offsets and parts."""
    labels = _labels(store)
    qualifiers = _qualifiers(store, labels)
    for r in store.select(sparql("findings")):
        yield _row(r, labels, qualifiers)


def flat(row: dict) -> dict[str, object]:
    """A row with subject/object/qualifiers flattened for CSV and TSV."""
    out = {k: v for k, v in row.items() if k in FLAT_FIELDS}
    for side in ("subject", "object"):
        out[f"{side}_id"], out[f"{side}_label"] = row[side]["id"], row[side]["label"]
    out["qualifiers"] = ";".join(f"{k}={q['id']}" for k, vs in sorted(row["qualifiers"].items()) for q in vs)
    return out


def write(rows: Iterator[dict], out: IO[str], fmt: str) -> int:
    """Write rows as jsonl, csv or tsv; return how many were written."""
    n = 0
    if fmt == "jsonl":
        for n, row in enumerate(rows, 1):
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
        return n
    writer = csv.DictWriter(out, FLAT_FIELDS, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writeheader()
    for n, row in enumerate(rows, 1):
        writer.writerow(flat(row))
    return n
