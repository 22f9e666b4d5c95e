"""The real `mskg build` path, timed in a subprocess so its peak memory is its own."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MSKG = ("-c", "from mskg.cli import main; main()")


@dataclass(frozen=True)
class BuildRun:
    """Wall and CPU time (all processes), exit code and peak memory (largest process; process tree) of one build."""

    seconds: float
    cpu_seconds: float
    returncode: int
    max_rss_mib: float
    tree_rss_mib: float
    quads: int


def mskg_command(*args: str) -> list[str]:
    """The argv that runs `mskg ARGS` with this Python."""
    return [sys.executable, *MSKG, *args]


def measured(cmd: list[str], timeout: float | None = None) -> dict[str, float]:
    """Run `cmd` under benchmarks.rusage (killed after `timeout` seconds) and return what it measured."""
    limit = ["--timeout", str(timeout)] if timeout else []
    wrapper = [sys.executable, "-m", "benchmarks.rusage", *limit, *cmd]
    out = subprocess.run(wrapper, cwd=ROOT, stdout=subprocess.PIPE, check=True).stdout
    return json.loads(out.decode("utf-8").strip().splitlines()[-1])


def store_quads(store: Path) -> int:
    """Quads in the store `mskg build` wrote (0 when there is none)."""
    from mskg.stores.embedded import active_path, open_database

    path = active_path(store)
    return len(open_database(path, read_only=True)) if path else 0


def run_build(corpus: Path, store: Path, timeout: float | None = None) -> BuildRun:
    """`mskg build CORPUS --store STORE` end to end: read, extract, validate, store (killed after `timeout` s)."""
    m = measured(mskg_command("build", str(corpus), "--store", str(store)), timeout)
    quads = store_quads(store) if m["returncode"] == 0 else 0
    return BuildRun(m["seconds"], m["cpu_seconds"], int(m["returncode"]), m["max_rss_mib"], m["tree_rss_mib"], quads)


def dump_nquads(store: Path) -> bytes:
    """The whole built dataset as N-Quads (what the load and query benchmarks use)."""
    import pyoxigraph

    from mskg.stores.embedded import active_path, open_database

    path = active_path(store)
    if path is None:
        return b""
    return open_database(path, read_only=True).dump(format=pyoxigraph.RdfFormat.N_QUADS)
