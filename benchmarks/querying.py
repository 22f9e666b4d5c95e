"""Latency of every saved query on the embedded store, next to rdflib's in-memory engine on the same quads.

rdflib runs each query in a forked child (the dataset is loaded once, before the fork), so a
query that runs too long is killed at its time limit instead of stalling the benchmark.
"""

from __future__ import annotations

import math
import multiprocessing
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Variable

OXI_RUNS = 20
OXI_BUDGET_SECONDS = 10.0
RDFLIB_RUNS = 3
RDFLIB_TIMEOUT_SECONDS = 15.0


@dataclass(frozen=True)
class Latency:
    """One query on one engine: p50/p95 in ms over `runs`, the row count, or why it has no figure."""

    runs: int
    p50_ms: float | None
    p95_ms: float | None
    rows: int | None
    note: str = ""


@dataclass(frozen=True)
class QueryTiming:
    """One saved query on both engines."""

    name: str
    oxigraph: Latency
    rdflib: Latency

    @property
    def ratio(self) -> float | None:
        """How many times faster the embedded store is at p50 (a lower bound when rdflib timed out)."""
        if self.oxigraph.p50_ms in (None, 0.0):
            return None
        if self.rdflib.p50_ms is None:
            limit = self.rdflib.note.removeprefix("timeout ").removesuffix(" s")
            return float(limit) * 1000 / self.oxigraph.p50_ms if self.rdflib.note.startswith("timeout") else None
        return self.rdflib.p50_ms / self.oxigraph.p50_ms


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def _latency(times: list[float], rows: int, note: str = "") -> Latency:
    ms = [t * 1000 for t in times]
    return Latency(len(ms), statistics.median(ms), percentile(ms, 0.95), rows, note)


def _time_runs(once: Callable[[], int], runs: int, budget: float) -> tuple[list[float], int]:
    rows = once()
    times: list[float] = []
    spent = time.perf_counter()
    while len(times) < runs and (not times or time.perf_counter() - spent < budget):
        started = time.perf_counter()
        rows = once()
        times.append(time.perf_counter() - started)
    return times, rows


def oxigraph_latency(query: object, store: object, runs: int = OXI_RUNS) -> Latency:
    """p50/p95 of one saved query through mskg's runner on the embedded store."""
    from mskg.queries.runner import run

    times, rows = _time_runs(lambda: sum(1 for _ in run(query, store)), runs, OXI_BUDGET_SECONDS)
    return _latency(times, rows)


def load_rdflib(nquads: bytes) -> tuple[Dataset, float]:
    """An rdflib Dataset over the same quads, and the seconds it took to parse them."""
    started = time.perf_counter()
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    return ds, time.perf_counter() - started


def _rdflib_child(ds: Dataset, text: str, bindings: dict, timeout: float, conn: object) -> None:
    init = {Variable(k): v for k, v in bindings.items()}
    once = lambda: len(list(ds.query(text, initBindings=init)))  # noqa: E731
    times, rows = _time_runs(once, RDFLIB_RUNS, timeout / 4)
    conn.send((times, rows))
    conn.close()


def rdflib_latency(ds: Dataset, text: str, bindings: dict, timeout: float = RDFLIB_TIMEOUT_SECONDS) -> Latency:
    """p50/p95 of one query on rdflib (a warm-up run, then up to RDFLIB_RUNS), killed after `timeout` seconds."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(ds, text, bindings, timeout, child))
    proc.start()
    child.close()
    ready = parent.poll(timeout)
    try:
        answer = parent.recv() if ready else None
    except EOFError:
        answer = None
    if proc.is_alive():
        proc.kill()
    proc.join()
    if answer is None:
        return Latency(0, None, None, None, f"timeout {timeout:g} s" if not ready else "failed")
    return _latency(*answer)


def measure_queries(store_dir: Path, ds: Dataset, timeout: float = RDFLIB_TIMEOUT_SECONDS,
                    runs: int = OXI_RUNS) -> list[QueryTiming]:
    """Every saved query with its default parameters on the embedded store and on rdflib's `ds`."""
    from mskg.errors import MskgError
    from mskg.queries.catalogue import catalogue
    from mskg.queries.params import bindings
    from mskg.stores import open_store

    store = open_store(store_dir)
    timings = []
    for name, query in catalogue().items():
        try:
            bound = bindings(query, {})
            timings.append(QueryTiming(name, oxigraph_latency(query, store, runs), rdflib_latency(ds, query.text, bound, timeout)))
        except MskgError as exc:
            failed = Latency(0, None, None, None, exc.one_line())
            timings.append(QueryTiming(name, failed, failed))
    store.close()
    return timings
