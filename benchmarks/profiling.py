"""Profile the hot paths with pyinstrument: extraction of a corpus, or the whole build in one process."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.generate import DEFAULT_SEED, write_corpus

STAGES = ("extract", "build")


def _extract(corpus: Path, work: Path) -> None:
    from benchmarks.extraction import extract_rows
    from mskg.extract.documents import iter_documents

    for path in iter_documents([corpus]):
        extract_rows(path)


def _build(corpus: Path, work: Path) -> None:
    from mskg.build import build

    build([corpus], work / "store", jobs=1)


def profile(stage: str, n: int, seed: int = DEFAULT_SEED) -> str:
    """The pyinstrument text profile of `stage` over `n` generated posts (one process)."""
    from pyinstrument import Profiler

    with tempfile.TemporaryDirectory(prefix="mskg-profile-") as tmp:
        work = Path(tmp)
        corpus = write_corpus(n, work / "corpus", seed).directory
        run = {"extract": _extract, "build": _build}[stage]
        profiler = Profiler(interval=0.001)
        profiler.start()
        run(corpus, work)
        profiler.stop()
    return profiler.output_text(unicode=True, color=False, show_all=False)
