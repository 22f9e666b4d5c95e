"""Every saved query prints the same bytes on every run: separate processes, different hash seeds,
the same fixture store. (GROUP_CONCAT once joined values in a per-process order.)"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.data import ROOT

pytestmark = pytest.mark.hardening

RUN_ALL = """
import io
from mskg.queries import catalogue, run
from mskg.queries.formats import write
from tests.test_queries_fixture import fixture_store
store = fixture_store()
for name in sorted(catalogue()):
    out = io.StringIO()
    write(run(catalogue()[name], store, {"document": "a"} if name == "comment-threads" else {}), "csv", out)
    print(name, out.getvalue(), sep="\\n")
"""


def answers(hash_seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", RUN_ALL], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_saved_query_answers_are_byte_identical_across_processes() -> None:
    first, *others = (answers(seed) for seed in ("1", "2", "3", "4"))
    assert "finding-studies" in first and first.count("\n") > 30
    for other in others:
        assert other == first
