"""What machine a benchmark ran on: CPU model, cores, RAM, OS, Python and package versions."""

from __future__ import annotations

import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

PACKAGES = ("mskg", "rdflib", "pyoxigraph", "oxigraph", "pyshacl", "owlready2")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def load_average() -> str:
    """The 1, 5 and 15 minute load averages: other work on the machine skews wall-clock figures."""
    try:
        return " ".join(f"{v:.2f}" for v in os.getloadavg())
    except OSError:
        return "unknown"


def machine(load_at_start: str = "") -> dict[str, str]:
    """The facts RESULTS.md records about the machine, in a fixed order."""
    facts = {"CPU": _cpu_model(), "cores": str(os.cpu_count()), "RAM": _ram_gib(),
             "OS": f"{platform.system()} {platform.release()}", "Python": platform.python_version(),
             "load average at start (1/5/15 min)": load_at_start or load_average(),
             "load average at end (1/5/15 min)": load_average()}
    facts.update({name: _version(name) for name in PACKAGES})
    return facts
