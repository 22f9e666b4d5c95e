"""The issue-6 targets are judged on the 10k and 1k runs: PASS, MISS, or NOT RUN when a size is missing."""

from __future__ import annotations

from pathlib import Path

from benchmarks.building import BuildRun
from benchmarks.extraction import Throughput
from benchmarks.generate import CorpusSummary
from benchmarks.querying import Latency, QueryTiming
from benchmarks.results import SizeResult
from benchmarks.scoring import Score
from benchmarks.targets import check_targets
from benchmarks.validating import ValidationTimes


def _result(n: int, build_seconds: float, p50_ms: float = 5.0, rdflib_ms: float = 500.0,
            matched: int = 98, tree_mib: float = 900.0) -> SizeResult:
    corpus = CorpusSummary(Path("corpus"), n, n // 10, n * 2, 100, n * 3000)
    run = Throughput(1, n, n / 100, ())
    score = Score(100, 100, matched, 1.0, 1.0, (), (), ())
    query = QueryTiming("q", Latency(20, p50_ms, p50_ms, 1), Latency(3, rdflib_ms, rdflib_ms, 1))
    return SizeResult(n, corpus, 1.0, 0.1, run, run, score, BuildRun(build_seconds, build_seconds, 0, 500.0, tree_mib, 10 * n),
                      None, ValidationTimes(0.2, None, 0, None), (query,), 1.0)


def _status(checks: list, words: str) -> str:
    return next(c.status for c in checks if words in c.target)


def test_a_good_run_passes_everything() -> None:
    checks = check_targets([_result(1000, 10.0), _result(10000, 100.0)])
    assert [c.status for c in checks] == ["PASS"] * 7


def test_slow_build_and_superlinear_growth_miss() -> None:
    checks = check_targets([_result(1000, 10.0), _result(10000, 130.0)])
    assert _status(checks, "< 2 min") == "MISS"
    assert _status(checks, "12 x") == "MISS"


def test_slow_query_and_small_ratio_miss() -> None:
    checks = check_targets([_result(10000, 100.0, p50_ms=150.0, rdflib_ms=1000.0)])
    assert _status(checks, "p50 < 100 ms") == "MISS"
    assert _status(checks, "20 x faster") == "MISS"


def test_memory_and_quality_misses() -> None:
    checks = check_targets([_result(10000, 100.0, matched=90, tree_mib=5000.0)])
    assert _status(checks, "4 GB") == "MISS"
    assert _status(checks, "recall") == "MISS"


def test_without_a_10k_run_the_scale_targets_are_not_run() -> None:
    checks = check_targets([_result(20, 1.0)])
    assert _status(checks, "< 2 min") == "NOT RUN"
    assert _status(checks, "p50 < 100 ms") == "NOT RUN"
    assert _status(checks, "single-claim") == "PASS"


def test_a_build_killed_at_its_time_limit_is_a_miss() -> None:
    killed = _result(10000, 1800.0)
    killed = SizeResult(**{**killed.__dict__, "build": BuildRun(1800.0, 3000.0, -9, 900.0, 2000.0, 0)})
    checks = check_targets([_result(1000, 10.0), killed])
    assert _status(checks, "< 2 min") == "MISS"
    assert "killed after 1800 s" in next(c.measured for c in checks if "< 2 min" in c.target)
