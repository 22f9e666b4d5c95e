"""Full validation of a built dataset next to validating one new claim against the built store.

Full runs go through pySHACL in a forked child with a time limit, because on 10,000 posts it
can run for a very long time. One new claim goes the way `mskg validate` takes it
(`benchmarks/validate_single.py`: a claim sheet row citing a stored document, validated with
the document fetched from the store); that script's output for the largest store is quoted.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from benchmarks.building import ROOT

FULL_TIMEOUT_SECONDS = 180.0
SCRIPT_TIMEOUT_SECONDS = 600
ONTOLOGY = "https://w3id.org/mskg/ontology"


@dataclass(frozen=True)
class ValidationTimes:
    """Seconds for one claim (median) and for the whole dataset (None when it hit the time limit)."""

    single_claim: float | None
    full: float | None
    full_triples: int
    conforms: bool | None
    note: str = ""


def data_graph(ds: Dataset) -> Graph:
    """Every document graph of the dataset merged into one graph (the ontology graph left out)."""
    union = Graph()
    for g in ds.graphs():
        if str(g.identifier) not in (ONTOLOGY, "urn:x-rdflib:default"):
            union += g
    return union


def time_single_claim(store_dir: Path) -> float:
    """Median seconds to validate one new claim (a claim sheet row) against the store at `store_dir`."""
    from benchmarks.validate_single import measure

    return measure(store_dir, cli=False).warm


def _full_child(union: Graph, conn: object) -> None:
    from mskg.ontology.validation import validate

    started = time.perf_counter()
    conforms = validate(union).conforms
    conn.send((time.perf_counter() - started, conforms))
    conn.close()


def time_full(union: Graph, timeout: float = FULL_TIMEOUT_SECONDS) -> tuple[float | None, bool | None]:
    """Seconds for pySHACL over the whole data graph, or (None, None) past `timeout` seconds."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_full_child, args=(union, child))
    proc.start()
    child.close()
    answer = None
    if parent.poll(timeout):
        try:
            answer = parent.recv()
        except EOFError:
            answer = None
    if proc.is_alive():
        proc.kill()
    proc.join()
    return answer if answer is not None else (None, None)


def measure_validation(ds: Dataset, store_dir: Path, timeout: float = FULL_TIMEOUT_SECONDS,
                       full: bool = True) -> ValidationTimes:
    """Single-claim time on the built store and full validation time on the dataset `ds`
    (full runs stop after `timeout` s)."""
    single = time_single_claim(store_dir)
    if not full:
        return ValidationTimes(single, None, 0, None, "full run skipped: it hit its time limit on a smaller corpus")
    union = data_graph(ds)
    seconds, conforms = time_full(union, timeout)
    note = "" if seconds is not None else f"stopped after {timeout:g} s"
    return ValidationTimes(single, seconds, len(union), conforms, note)


def run_validate_single(store_dir: Path | None = None) -> str:
    """The output of benchmarks/validate_single.py (on `store_dir`, else on its own store), or why it failed."""
    where = ["--store", str(store_dir)] if store_dir is not None else []
    try:
        done = subprocess.run([sys.executable, "-m", "benchmarks.validate_single", *where], cwd=ROOT,
                              capture_output=True, text=True, timeout=SCRIPT_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"benchmarks/validate_single.py did not finish within {SCRIPT_TIMEOUT_SECONDS} s"
    out = done.stdout.strip()
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or [""]
        out += f"\n(exit code {done.returncode}) {last[0]}"
    return out.strip() or "(no output)"
