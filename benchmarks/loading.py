"""Load times: the built dataset into a fresh embedded store, and into a local `oxigraph serve`."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from benchmarks.building import measured, mskg_command
from benchmarks.server import Server

HTTP_TIMEOUT = 600.0


@dataclass(frozen=True)
class LoadTimes:
    """Seconds per load path; None where the path could not run (with the reason in `notes`)."""

    embedded: float | None
    mskg_load: float | None
    bulk_post: float | None
    notes: tuple[str, ...]


def load_embedded(nquads: bytes, root: Path) -> float:
    """Seconds to bulk-load the N-Quads into a new embedded store generation (mskg's writer)."""
    from mskg.stores.writer import StoreWriter

    started = time.perf_counter()
    with StoreWriter(root, fresh=True) as writer:
        writer.load(nquads)
    return time.perf_counter() - started


def load_with_mskg(store: Path, server_dir: Path) -> tuple[float | None, str | None]:
    """Seconds for `mskg load --endpoint URL --store STORE` into a fresh server, or the reason it did not run."""
    from mskg.cli import COMMANDS

    if "load" not in COMMANDS:
        return None, "`mskg load` is not registered yet"
    with Server(server_dir) as server:
        m = measured(mskg_command("load", "--endpoint", server.url, "--store", str(store)))
    if m["returncode"] != 0:
        return None, f"`mskg load` exited with {int(m['returncode'])}"
    return m["seconds"], None


def load_bulk_post(nquads: bytes, server_dir: Path) -> float:
    """Seconds for one Graph Store Protocol POST of all N-Quads to a fresh server (the floor)."""
    with Server(server_dir) as server:
        started = time.perf_counter()
        response = httpx.post(f"{server.url}/store", content=nquads, timeout=HTTP_TIMEOUT,
                              headers={"Content-Type": "application/n-quads"})
        response.raise_for_status()
        return time.perf_counter() - started


def measure_loads(nquads: bytes, store: Path, work: Path) -> LoadTimes:
    """Every load path on the same dataset."""
    notes: list[str] = []
    try:
        mskg_seconds, note = load_with_mskg(store, work / "server-mskg")
        if note:
            notes.append(note)
        bulk = load_bulk_post(nquads, work / "server-bulk")
    except RuntimeError as exc:
        notes.append(str(exc))
        mskg_seconds = bulk = None
    return LoadTimes(load_embedded(nquads, work / "embedded"), mskg_seconds, bulk, tuple(notes))
