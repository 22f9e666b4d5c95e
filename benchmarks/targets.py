"""The targets of issue 6 item 3, checked against measured results: PASS, MISS, or NOT RUN."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.building import BuildRun
from benchmarks.results import SizeResult

FULL_SIZE = 10_000
SMALL_SIZE = 1_000
BUILD_SECONDS = 120.0
MEMORY_MIB = 4 * 1024
GROWTH = 12.0
QUERY_P50_MS = 100.0
QUERY_RATIO = 20.0
SINGLE_CLAIM_SECONDS = 1.0
QUALITY = 0.95
KILLED = -9


@dataclass(frozen=True)
class Check:
    """One target: what it asks, what was measured, and the verdict."""

    target: str
    measured: str
    status: str


def _verdict(ok: bool | None) -> str:
    return "NOT RUN" if ok is None else ("PASS" if ok else "MISS")


def _size(results: Sequence[SizeResult], n: int) -> SizeResult | None:
    return next((r for r in results if r.n == n), None)


def _failed_build(b: BuildRun) -> list[Check]:
    what = f"killed after {b.seconds:.0f} s" if b.returncode == KILLED else f"build failed (exit code {b.returncode})"
    return [Check("10,000 posts built end to end in < 2 min", what, "MISS"),
            Check("peak memory of that build < 4 GB", f"{b.tree_rss_mib:.0f} MiB before it stopped", "NOT RUN"),
            Check("build time linear: build(10k) <= 12 x build(1k)", what, "NOT RUN")]


def _build_checks(full: SizeResult | None, small: SizeResult | None) -> list[Check]:
    if full is None:
        return [Check("10,000 posts built end to end in < 2 min", "not measured", "NOT RUN"),
                Check("peak memory of that build < 4 GB", "not measured", "NOT RUN"),
                Check("build time linear: build(10k) <= 12 x build(1k)", "not measured", "NOT RUN")]
    if full.build.returncode != 0:
        return _failed_build(full.build)
    b = full.build
    growth = b.seconds / small.build.seconds if small and small.build.returncode == 0 else None
    return [Check("10,000 posts built end to end in < 2 min", f"{b.seconds:.1f} s", _verdict(b.seconds < BUILD_SECONDS)),
            Check("peak memory of that build < 4 GB", f"{b.tree_rss_mib:.0f} MiB (process tree)",
                  _verdict(b.tree_rss_mib < MEMORY_MIB)),
            Check("build time linear: build(10k) <= 12 x build(1k)",
                  f"{growth:.2f} x" if growth else "1k not measured", _verdict(growth <= GROWTH if growth else None))]


def _query_checks(full: SizeResult | None) -> list[Check]:
    timed = [q for q in full.queries if q.oxigraph.p50_ms is not None] if full else []
    if not timed:
        return [Check("every saved query p50 < 100 ms on the 10k graph", "not measured", "NOT RUN"),
                Check("every saved query >= 20 x faster than rdflib", "not measured", "NOT RUN")]
    slowest = max(timed, key=lambda q: q.oxigraph.p50_ms)
    ratios = [q for q in timed if q.ratio is not None]
    worst = min(ratios, key=lambda q: q.ratio) if ratios else None
    failed = len(full.queries) - len(timed)
    return [Check("every saved query p50 < 100 ms on the 10k graph",
                  f"slowest {slowest.name}: {slowest.oxigraph.p50_ms:.1f} ms" + (f"; {failed} failed" if failed else ""),
                  _verdict(slowest.oxigraph.p50_ms < QUERY_P50_MS and not failed)),
            Check("every saved query >= 20 x faster than rdflib",
                  f"lowest {worst.name}: {worst.ratio:.1f} x" if worst else "no ratio",
                  _verdict(worst.ratio >= QUERY_RATIO and len(ratios) == len(timed) if worst else None))]


def _other_checks(last: SizeResult) -> list[Check]:
    single = last.validation.single_claim if last.validation else None
    s = last.score
    return [Check("single-claim validation < 1 s", f"{single:.3f} s" if single is not None else "not measured",
                  _verdict(single < SINGLE_CLAIM_SECONDS if single is not None else None)),
            Check(f"planted findings recall >= 0.95 at precision >= 0.95 (N = {last.n})",
                  f"recall {s.recall:.3f}, precision {s.precision:.3f}",
                  _verdict(s.recall >= QUALITY and s.precision >= QUALITY))]


def check_targets(results: Sequence[SizeResult]) -> list[Check]:
    """Every target, judged on the 10k and 1k runs where they exist, else on the largest run."""
    full, small = _size(results, FULL_SIZE), _size(results, SMALL_SIZE)
    last = max(results, key=lambda r: r.n)
    return [*_build_checks(full, small), *_query_checks(full), *_other_checks(last)]
