"""Everything one benchmark size measured, as plain data for the targets and the report."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.building import BuildRun
from benchmarks.extraction import Throughput
from benchmarks.generate import CorpusSummary
from benchmarks.loading import LoadTimes
from benchmarks.querying import QueryTiming
from benchmarks.scoring import Score
from benchmarks.validating import ValidationTimes


@dataclass(frozen=True)
class SizeResult:
    """The measurements for one corpus size N."""

    n: int
    corpus: CorpusSummary
    generate_seconds: float
    startup_seconds: float
    serial: Throughput
    parallel: Throughput
    score: Score
    build: BuildRun
    loads: LoadTimes | None
    validation: ValidationTimes | None
    queries: tuple[QueryTiming, ...]
    rdflib_parse_seconds: float | None
