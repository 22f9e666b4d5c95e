"""Precision and recall of extraction against the findings the generator planted.

A finding is matched on (document, subject, relation, object, polarity); certainty and
evidence type are reported as agreement rates over the matched findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.extraction import ExtractedRow

Key = tuple[str, str, str, str, str]
EXAMPLES = 8


@dataclass(frozen=True)
class Score:
    """Counts, precision, recall, per-relation figures and a few examples of each kind of error."""

    planted: int
    extracted: int
    matched: int
    certainty_agreement: float
    type_agreement: float
    by_relation: tuple[tuple[str, int, int, int], ...]
    missed: tuple[str, ...]
    spurious: tuple[str, ...]

    @property
    def precision(self) -> float:
        """Matched findings over extracted findings (1.0 when nothing was extracted and nothing planted)."""
        return self.matched / self.extracted if self.extracted else float(not self.planted)

    @property
    def recall(self) -> float:
        """Matched findings over planted findings."""
        return self.matched / self.planted if self.planted else 1.0


def _planted(rows: Iterable[Mapping[str, Any]]) -> dict[Key, list[Mapping[str, Any]]]:
    found: dict[Key, list[Mapping[str, Any]]] = defaultdict(list)
    for r in rows:
        found[(r["document"], r["subject"], r["relation"], r["object"], r["polarity"])].append(r)
    return found


def _extracted(rows: Iterable[ExtractedRow], documents: set[str]) -> dict[Key, list[ExtractedRow]]:
    found: dict[Key, list[ExtractedRow]] = defaultdict(list)
    for row in rows:
        if row[0] in documents:
            found[row[:5]].append(row)
    return found


def _agreement(matched: Sequence[Key], planted: Mapping[Key, list], extracted: Mapping[Key, list], field: str, index: int) -> float:
    if not matched:
        return 0.0
    same = sum(bool({p[field] for p in planted[k]} & {e[index] for e in extracted[k]}) for k in matched)
    return same / len(matched)


def _by_relation(planted: set[Key], extracted: set[Key]) -> tuple[tuple[str, int, int, int], ...]:
    relations = sorted({k[2] for k in planted | extracted})
    return tuple((r, sum(k[2] == r for k in planted), sum(k[2] == r for k in extracted),
                  sum(k[2] == r for k in planted & extracted)) for r in relations)


def score(planted_rows: Sequence[Mapping[str, Any]], extracted_rows: Iterable[ExtractedRow], documents: set[str]) -> Score:
    """Compare extracted rows with planted rows over `documents` (the generated corpus)."""
    planted = _planted(r for r in planted_rows if r["document"] in documents)
    extracted = _extracted(extracted_rows, documents)
    matched = sorted(set(planted) & set(extracted))
    missed = [f"{k[0]}: {planted[k][0]['quote']!r} -> {' '.join(k[1:])}" for k in sorted(set(planted) - set(extracted))]
    spurious = [f"{k[0]}: {extracted[k][0][9]!r} -> {' '.join(k[1:])}"
                for k in sorted(set(extracted) - set(planted))]
    return Score(len(planted), len(extracted), len(matched),
                 _agreement(matched, planted, extracted, "certainty", 5),
                 _agreement(matched, planted, extracted, "evidence_type", 6),
                 _by_relation(set(planted), set(extracted)), tuple(missed[:EXAMPLES]), tuple(spurious[:EXAMPLES]))
