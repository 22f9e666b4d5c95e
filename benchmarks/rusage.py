"""Run a command and report its wall time, CPU time and peak memory as JSON on stdout.

Run as `python -m benchmarks.rusage CMD...` so that RUSAGE_CHILDREN covers only that
command and its workers. `max_rss_mib` is the largest single process (getrusage);
`tree_rss_mib` is the largest sum over the whole process tree, sampled every 0.2 s.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

SAMPLE_SECONDS = 0.2


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_kib(root: int) -> int:
    """The resident memory of `root` and all its descendants, in KiB."""
    tree, todo, total = _children(), [root], 0
    while todo:
        pid = todo.pop()
        total += _rss_kib(pid)
        todo.extend(tree.get(pid, ()))
    return total


def measure(cmd: list[str], timeout: float | None = None) -> dict[str, float | int]:
    """Run `cmd` (its output to our stderr) and return seconds, return code and peak memory.

    Past `timeout` seconds the command and everything it started are killed (return code -9).
    """
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=sys.stderr, start_new_session=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        if timeout is not None and time.perf_counter() - started > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            break
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": seconds, "returncode": proc.returncode, "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "max_rss_mib": usage.ru_maxrss / 1024, "tree_rss_mib": peak / 1024}


if __name__ == "__main__":
    args, limit = sys.argv[1:], None
    if args[:1] == ["--timeout"]:
        args, limit = args[2:], float(args[1])
    print(json.dumps(measure(args, limit)))
