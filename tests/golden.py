"""Golden findings files: one JSON object per line, the findings-table fields minus the IRIs."""

from __future__ import annotations

import json
from pathlib import Path

from mskg.extract.model import Claim
from mskg.identifiers import curie

FIELDS = ("subject", "relation", "object", "polarity", "certainty", "evidence_type", "segment",
          "comment_index", "quote", "start", "end", "qualifiers")


def row(claim: Claim) -> dict:
    """The golden row of one claim."""
    ev = claim.evidence
    return {
        "subject": curie(claim.subject), "relation": claim.relation, "object": curie(claim.object),
        "polarity": claim.polarity, "certainty": ev.certainty, "evidence_type": ev.evidence_type,
        "segment": ev.segment_kind, "comment_index": ev.comment_index, "quote": ev.quote,
        "start": ev.start, "end": ev.end, "qualifiers": sorted([k, curie(v)] for k, v in claim.qualifiers),
    }


def sort_key(r: dict) -> tuple:
    """Golden rows sort by position, then by what they say."""
    return (r["start"], r["end"], r["relation"], r["subject"], r["object"], r["polarity"], json.dumps(r["qualifiers"]))


def rows(claims: list[Claim]) -> list[dict]:
    """Sorted golden rows of some claims."""
    return sorted((row(c) for c in claims), key=sort_key)


def read(path: Path) -> list[dict]:
    """The rows of a golden file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def dumps(found: list[dict]) -> str:
    """A golden file's text: one object per line, keys in field order."""
    return "".join(json.dumps({k: r[k] for k in FIELDS}, ensure_ascii=False) + "\n" for r in found)
