"""Run every measurement for each corpus size and write RESULTS.md."""

from __future__ import annotations

import shlex
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from benchmarks import building, extraction, loading, querying, validating
from benchmarks.generate import DEFAULT_SEED, read_planted, write_corpus
from benchmarks.machine import load_average, machine
from benchmarks.report import render
from benchmarks.results import SizeResult
from benchmarks.scoring import score
from benchmarks.targets import check_targets


@dataclass(frozen=True)
class Options:
    """What to run: sizes, seed, where to work, and which slow extras to include."""

    sizes: tuple[int, ...]
    work: Path
    output: Path
    seed: int = DEFAULT_SEED
    server: bool = True
    validate_script: bool = True
    rdflib_timeout: float = querying.RDFLIB_TIMEOUT_SECONDS
    validation_timeout: float = validating.FULL_TIMEOUT_SECONDS
    query_runs: int = querying.OXI_RUNS
    build_timeout: float | None = None


def say(message: str) -> None:
    """Progress on stderr."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _extract(n: int, corpus: Path) -> tuple[float, extraction.Throughput, extraction.Throughput]:
    from mskg.extract.documents import iter_documents

    paths = list(iter_documents([corpus]))
    startup = extraction.warm_up(paths)
    say(f"{n}: extracting with 1 process")
    serial = extraction.run_serial(paths)
    say(f"{n}: extracting with all cores")
    return startup, serial, extraction.run_parallel(paths)


def _after_build(n: int, store: Path, work: Path, opts: Options, full_validation: bool) -> tuple:
    nquads = building.dump_nquads(store)
    say(f"{n}: loading ({len(nquads) / 1e6:.0f} MB of N-Quads)")
    loads = loading.measure_loads(nquads, store, work) if opts.server else None
    say(f"{n}: parsing the same quads with rdflib")
    ds, parse_seconds = querying.load_rdflib(nquads)
    say(f"{n}: validating")
    validation = validating.measure_validation(ds, store, opts.validation_timeout, full_validation)
    say(f"{n}: timing saved queries")
    timings = querying.measure_queries(store, ds, opts.rdflib_timeout, opts.query_runs)
    return loads, validation, tuple(timings), parse_seconds


def run_size(n: int, opts: Options, full_validation: bool = True) -> SizeResult:
    """Every measurement for one corpus of `n` posts."""
    work = opts.work / f"n{n}"
    say(f"{n}: generating the corpus")
    started = time.perf_counter()
    corpus = write_corpus(n, work / "corpus", opts.seed)
    generate_seconds = time.perf_counter() - started
    startup, serial, parallel = _extract(n, corpus.directory)
    quality = score(read_planted(corpus.directory), serial.rows, {p.stem for p in corpus.directory.glob("*.json")})
    say(f"{n}: mskg build")
    build = building.run_build(corpus.directory, work / "store", opts.build_timeout)
    loads = validation = None
    timings: tuple = ()
    parse_seconds = None
    if build.returncode == 0:
        loads, validation, timings, parse_seconds = _after_build(n, work / "store", work, opts, full_validation)
    return SizeResult(n, corpus, generate_seconds, startup, serial, parallel, quality, build, loads,
                      validation, timings, parse_seconds)


def run(opts: Options, argv: Sequence[str]) -> str:
    """Run every size, write the report to `opts.output`, and return its text."""
    load_at_start = load_average()
    results: list[SizeResult] = []
    for n in sorted(opts.sizes):
        timed_out = any(r.validation and r.validation.full is None for r in results)
        results.append(run_size(n, opts, full_validation=not timed_out))
    largest = opts.work / f"n{max(opts.sizes)}" / "store"
    script = (validating.run_validate_single(largest if largest.is_dir() else None) if opts.validate_script
              else "not run (--no-validate-script)")
    checks = check_targets(results)
    command = "python -m benchmarks " + shlex.join(argv)
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = render(results, checks, machine(load_at_start), command, date, script)
    opts.output.write_text(text, encoding="utf-8")
    for c in checks:
        print(f"{c.status:8} {c.target}: {c.measured}")
    return text
