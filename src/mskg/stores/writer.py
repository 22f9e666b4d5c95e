"""Write the embedded store all or nothing: snapshot, change the copy, switch `active`.

Only one writer at a time (an flock on `<root>/.lock`); readers keep using the old
database until the symlink switches, and the previous generation is kept so that a
reader that opened it just before the switch can finish.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import pyoxigraph as ox

from mskg.errors import StoreUnavailableError
from mskg.stores.embedded import ACTIVE, active_path, open_database

GENERATIONS = "generations"
KEEP = 2


def _generation_numbers(root: Path) -> list[int]:
    gens = root / GENERATIONS
    return sorted(int(p.name) for p in gens.iterdir() if p.name.isdigit()) if gens.is_dir() else []


def _check_not_bare_database(root: Path) -> None:
    """Refuse a directory that is itself an Oxigraph database (e.g. `oxigraph serve --location` on it)."""
    if (root / "LOCK").exists() or (root / "CURRENT").is_file():
        open_database(root, read_only=False)  # raises "store in use" while a server holds it
        raise StoreUnavailableError("this is a bare Oxigraph database, not an mskg store", path=root)


class StoreWriter:
    """A context manager: a private new generation that becomes active only on a clean exit."""

    def __init__(self, root: Path, *, fresh: bool = False) -> None:
        self.root = Path(root)
        self.fresh = fresh
        self._lock_file: int | None = None
        self.path: Path | None = None
        self.db: ox.Store | None = None
        self._spool: BinaryIO | None = None

    def __enter__(self) -> StoreWriter:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailableError(f"cannot create the store directory: {exc.strerror}", path=self.root) from None
        _check_not_bare_database(self.root)
        self._lock()
        try:
            self._start_generation()
        except BaseException:
            self._unlock()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is None:
                self._publish()
            else:
                self._discard()
        finally:
            self._unlock()
        if isinstance(exc, OSError):  # a full disk, say: the new generation is gone, the old one stays
            raise StoreUnavailableError(f"cannot write the store: {exc.strerror or exc}", path=self.root) from None

    def _lock(self) -> None:
        fd = os.open(self.root / ".lock", os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise StoreUnavailableError("store in use by another build", path=self.root) from None
        self._lock_file = fd

    def _unlock(self) -> None:
        if self._lock_file is not None:
            os.close(self._lock_file)
            self._lock_file = None

    def _start_generation(self) -> None:
        self._remove_stale()
        numbers = _generation_numbers(self.root)
        self.path = self.root / GENERATIONS / f"{(numbers[-1] + 1) if numbers else 1:06d}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        current = active_path(self.root)
        if current is not None and not self.fresh:
            old = open_database(current, read_only=False)
            old.backup(str(self.path))
            del old
        self.db = open_database(self.path, read_only=False)

    def replace_graph(self, name: str, nquads: bytes) -> None:
        """Drop graph `name` in the new generation and bulk-load its N-Quads instead."""
        self.remove_graph(name)
        self.load(nquads)

    def remove_graph(self, name: str) -> None:
        """Drop one named graph from the new generation, if it is there."""
        node = ox.NamedNode(name)
        if self.db.contains_named_graph(node):
            self.db.remove_graph(node)

    def load(self, nquads: bytes) -> None:
        """Bulk-load N-Quads into the new generation (fast; atomicity comes from the switch)."""
        if nquads:
            self.db.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)

    def spool(self, nquads: bytes) -> None:
        """Append N-Quads to a file beside the new generation, for `load_spooled` to load in one go.

        One large bulk load once the extraction workers are done is faster than many loads
        while they run: on two cores those loads and their compactions compete with the workers
        (10,000 posts: 140 -> 110 s, see benchmarks/notes.md), and oxigraph sorts a large load on
        every core.
        """
        if self._spool is None:
            self._spool = open(self._spool_path(), "wb")
        self._spool.write(nquads)

    def load_spooled(self) -> None:
        """Bulk-load what was spooled so far into the new generation, and empty the spool."""
        if self._spool is None:
            return
        self._spool.close()
        self._spool = None
        spooled = self._spool_path()
        if spooled.stat().st_size:
            self.db.bulk_load(path=str(spooled), format=ox.RdfFormat.N_QUADS)
        spooled.unlink()

    def _spool_path(self) -> Path:
        return self.path.with_name(f"{self.path.name}.spool")

    def copy_graphs(self, names: Iterable[str]) -> None:
        """Copy named graphs from the active generation into the new one (graphs a fresh
        generation must keep because this build turned out not to replace them)."""
        current = active_path(self.root)
        names = sorted(names)
        if current is None or not names:
            return
        old = open_database(current, read_only=True)
        for name in names:
            self.db.extend(old.quads_for_pattern(None, None, None, ox.NamedNode(name)))

    def count(self) -> int:
        """Quads in the new generation so far."""
        return len(self.db)

    def _publish(self) -> None:
        self.load_spooled()
        self.db.optimize()  # compact the bulk-loaded files: queries on a 10k-post store run 2-3x faster
        self.db.flush()
        self.db = None
        tmp_link = self.root / f".{ACTIVE}.tmp"
        if tmp_link.is_symlink() or tmp_link.exists():
            tmp_link.unlink()
        os.symlink(os.path.relpath(self.path, self.root), tmp_link)
        os.replace(tmp_link, self.root / ACTIVE)
        _fsync_dir(self.root)
        self._remove_stale()

    def _discard(self) -> None:
        self.db = None
        if self._spool is not None:
            self._spool.close()
            self._spool = None
        if self.path is not None:
            self._spool_path().unlink(missing_ok=True)
            shutil.rmtree(self.path, ignore_errors=True)

    def _remove_stale(self) -> None:
        """Delete generations older than the last KEEP, unfinished ones above the active, and
        the spool files of builds that were killed (a running build's spool is loaded by now)."""
        for spooled in (self.root / GENERATIONS).glob("*.spool"):
            spooled.unlink(missing_ok=True)
        current = active_path(self.root)
        active_no = int(current.name) if current is not None else 0
        numbers = _generation_numbers(self.root)
        keep = {n for n in numbers if n <= active_no}
        keep = set(sorted(keep)[-KEEP:])
        for n in numbers:
            if n not in keep:
                shutil.rmtree(self.root / GENERATIONS / f"{n:06d}", ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
