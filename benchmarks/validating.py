"""Full validation of a built dataset next to validating one claim (its finding and evidence as focus nodes).

Full runs go through pySHACL in a forked child with a time limit, because on 10,000 posts it
can run for a very long time. The shapes engineer's `benchmarks/validate_single.py` (a
synthetic ~1M-triple graph) is run as it is, and its output is quoted in the report.
"""

from __future__ import annotations

import multiprocessing
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF, Dataset, Graph, URIRef

from benchmarks.building import ROOT

FULL_TIMEOUT_SECONDS = 180.0
SINGLE_RUNS = 3
SCRIPT = ROOT / "benchmarks" / "validate_single.py"
SCRIPT_TIMEOUT_SECONDS = 600
MSKG = "https://w3id.org/mskg/"
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


def _claim_focus(g: Graph) -> list[URIRef]:
    findings = sorted(g.subjects(RDF.type, URIRef(MSKG + "Finding")))
    if not findings:
        return []
    return [findings[0], *sorted(g.objects(findings[0], URIRef(MSKG + "hasEvidence")))]


def time_single_claim(ds: Dataset) -> float | None:
    """Median seconds to validate one finding and its evidence inside their document graph."""
    from mskg.ontology.validation import validate

    for g in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        focus = _claim_focus(g)
        if focus:
            doc = Graph() + g
            times = []
            for _ in range(SINGLE_RUNS):
                started = time.perf_counter()
                validate(doc, focus_nodes=focus)
                times.append(time.perf_counter() - started)
            return statistics.median(times)
    return None


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


def measure_validation(ds: Dataset, timeout: float = FULL_TIMEOUT_SECONDS, full: bool = True) -> ValidationTimes:
    """Single-claim and full validation times on the built dataset; full runs stop after `timeout` s."""
    single = time_single_claim(ds)
    if not full:
        return ValidationTimes(single, None, 0, None, "full run skipped: it hit its time limit on a smaller corpus")
    union = data_graph(ds)
    seconds, conforms = time_full(union, timeout)
    note = "" if seconds is not None else f"stopped after {timeout:g} s"
    return ValidationTimes(single, seconds, len(union), conforms, note)


def run_validate_single() -> str:
    """The output of the shapes engineer's benchmarks/validate_single.py, or why it did not run."""
    if not SCRIPT.exists():
        return "benchmarks/validate_single.py is not there yet"
    try:
        done = subprocess.run([sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True,
                              timeout=SCRIPT_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"benchmarks/validate_single.py did not finish within {SCRIPT_TIMEOUT_SECONDS} s"
    out = done.stdout.strip()
    if done.returncode != 0:
        last = done.stderr.strip().splitlines()[-1:] or [""]
        out += f"\n(exit code {done.returncode}) {last[0]}"
    return out.strip() or "(no output)"
