"""Validate one new claim against a large store, as `mskg validate` does it.

`python -m benchmarks.validate_single [--store DIR] [--posts N]`: a one-row claim sheet citing
a stored document goes through the claim model, the RDF assembler and the shapes, with the
document it cites fetched from the store. Without --store, N generated posts (default 3,000,
about a million quads) are built into a temporary store first.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_POSTS = 3000
RUNS = 5
HEADER = ("subject", "relation", "object", "polarity", "certainty", "evidence_type", "source", "quote")


@dataclass(frozen=True)
class SingleClaim:
    """Seconds to validate one claim: the first run (caches cold), the median of warm runs, the CLI."""

    quads: int
    cold: float
    warm: float
    cli: float | None
    conforms: bool
    lines: tuple[str, ...]

    def text(self) -> str:
        """The lines the benchmark report quotes."""
        cli = f"{self.cli:.2f} s" if self.cli is not None else "not run"
        return "\n".join([f"store: {self.quads:,} quads",
                          f"one claim, first run (caches cold): {self.cold:.3f} s",
                          f"one claim, median of {RUNS} warm runs: {self.warm:.3f} s",
                          f"`mskg validate sheet.csv --store DIR` end to end (new process): {cli}",
                          f"conforms: {self.conforms}", *self.lines])


def write_sheet(store: object, directory: Path) -> Path:
    """A one-row claim sheet quoting the first words of the longest segment of a stored document."""
    from mskg.newclaims import find_document

    names = [n for n in store.graph_names() if "/id/doc/" in n]
    doc = find_document(store, names[0].rsplit("/", 1)[-1])
    _, start, end = max(doc.segments, key=lambda s: s[2] - s[1])
    quote = doc.text[start:end].strip().splitlines()[0][:80].strip()
    sheet = directory / "one-claim.csv"
    with sheet.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerow(("mitoxantrone", "decreasesAmountOf", "B cell", "positive", "asserted", "study", doc.id, quote))
    return sheet


def _cli_seconds(sheet: Path, store_dir: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from mskg.cli import main; main()", "validate", str(sheet),
                    "--store", str(store_dir)], capture_output=True, check=False)
    return time.perf_counter() - started


def measure(store_dir: Path, cli: bool = True) -> SingleClaim:
    """Time one new claim against the store at `store_dir` (in process, then as a command)."""
    from mskg.newclaims import check_file
    from mskg.stores.embedded import EmbeddedStore

    store = EmbeddedStore.open(store_dir)
    with tempfile.TemporaryDirectory(prefix="mskg-one-claim-") as tmp:
        sheet = write_sheet(store, Path(tmp))
        started = time.perf_counter()
        checked = check_file(sheet, store)
        cold = time.perf_counter() - started
        warm = []
        for _ in range(RUNS):
            started = time.perf_counter()
            check_file(sheet, store)
            warm.append(time.perf_counter() - started)
        quads = store.count()
        store.close()
        seconds = _cli_seconds(sheet, store_dir) if cli else None
    return SingleClaim(quads, cold, statistics.median(warm), seconds, checked.conforms, tuple(checked.lines))


def _built_store(posts: int, work: Path) -> Path:
    from benchmarks.generate import write_corpus
    from mskg.build import build

    corpus = write_corpus(posts, work / "corpus").directory
    build([corpus], work / "store")
    return work / "store"


def main(argv: list[str] | None = None) -> None:
    """Measure against --store, or against a freshly built store of --posts generated posts."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.validate_single", description=__doc__)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--posts", type=int, default=DEFAULT_POSTS)
    args = parser.parse_args(argv)
    if args.store:
        print(measure(args.store).text())
        return
    with tempfile.TemporaryDirectory(prefix="mskg-one-claim-store-") as tmp:
        print(measure(_built_store(args.posts, Path(tmp))).text())


if __name__ == "__main__":
    main()
