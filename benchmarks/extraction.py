"""Extraction throughput (read + extract) with one process and with all cores, keeping what was extracted.

Each document yields `ExtractedRow`s (CURIEs, relation, polarity, certainty, evidence type,
offsets) so the same run also scores precision and recall against the planted findings.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ExtractedRow = tuple[str, str, str, str, str, str, str, int, int, str]


@dataclass(frozen=True)
class Throughput:
    """Posts extracted per second, and the rows extracted (document order)."""

    processes: int
    posts: int
    seconds: float
    rows: tuple[ExtractedRow, ...]
    cpu_seconds: float | None = None

    @property
    def posts_per_second(self) -> float:
        """Documents read and extracted per wall-clock second."""
        return self.posts / self.seconds if self.seconds else 0.0


def extract_rows(path: Path) -> list[ExtractedRow]:
    """Read and extract one file; a row per claim: document, subject, relation, object, polarity, certainty, type, start, end, quote."""
    from mskg.extract.documents import read_document
    from mskg.extract.pipeline import extract
    from mskg.identifiers import curie

    doc = read_document(path)
    return [(doc.id, curie(c.subject), c.relation, curie(c.object), c.polarity, c.evidence.certainty,
             c.evidence.evidence_type, c.evidence.start, c.evidence.end, c.evidence.quote) for c in extract(doc).claims]


def warm_up(paths: Sequence[Path]) -> float:
    """Extract the first document once so the lexicon and caches are loaded; returns the seconds it took."""
    started = time.perf_counter()
    if paths:
        extract_rows(paths[0])
    return time.perf_counter() - started


def run_serial(paths: Sequence[Path]) -> Throughput:
    """Extract every file in this process."""
    started, cpu = time.perf_counter(), time.process_time()
    rows = [row for path in paths for row in extract_rows(path)]
    return Throughput(1, len(paths), time.perf_counter() - started, tuple(rows), time.process_time() - cpu)


def run_parallel(paths: Sequence[Path], processes: int | None = None) -> Throughput:
    """Extract every file in a pool of forked workers (they inherit the warmed-up caches)."""
    processes = processes or os.cpu_count() or 1
    chunk = max(1, min(64, len(paths) // (processes * 8) or 1))
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        results = pool.map(extract_rows, paths, chunksize=chunk)
    seconds = time.perf_counter() - started
    return Throughput(processes, len(paths), seconds, tuple(row for rows in results for row in rows))
