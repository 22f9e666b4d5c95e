"""End-to-end smoke run of the benchmark command on 20 posts: every section, real precision and recall.

No timing assertions: the numbers vary by machine; the layout and the scoring must not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.report import SECTIONS

N = 20


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    try:
        from mskg.extract import documents, pipeline  # noqa: F401
    except ImportError:
        pytest.skip("the extraction pipeline is not there yet")
    from benchmarks.run import Options, run

    work = tmp_path_factory.mktemp("bench")
    argv = ["run", "--sizes", str(N), "--no-validate-script", "--rdflib-timeout", "1", "--validation-timeout", "1",
            "--query-runs", "3"]
    opts = Options((N,), work, work / "RESULTS.md", validate_script=False, rdflib_timeout=1.0, validation_timeout=1.0,
                   query_runs=3)
    return run(opts, argv)


def _section(text: str, name: str) -> str:
    return text.split(f"## {name}\n", 1)[1].split("\n## ", 1)[0]


def test_report_has_every_section_in_order(report: str) -> None:
    positions = [report.index(f"## {name}\n") for name in SECTIONS]
    assert positions == sorted(positions)


def test_precision_and_recall_are_computed(report: str) -> None:
    row = next(line for line in _section(report, "Precision and recall").splitlines() if line.startswith(f"| {N} |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    planted, extracted, matched = (int(c) for c in cells[1:4])
    precision, recall = float(cells[4]), float(cells[5])
    assert planted > 0
    assert recall == pytest.approx(matched / planted, abs=1e-3)
    assert precision == pytest.approx(matched / extracted if extracted else 0.0, abs=1e-3)


def test_every_target_has_a_verdict(report: str) -> None:
    rows = [line for line in _section(report, "Targets").splitlines() if line.startswith("| ") and "status" not in line and "---" not in line]
    assert len(rows) == 7
    assert all(re.search(r"\| (PASS|MISS|NOT RUN) \|$", row) for row in rows)


def test_build_ran_and_stored_quads(report: str) -> None:
    row = next(line for line in _section(report, "Build").splitlines() if line.startswith(f"| {N} |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[3] == "0" and int(cells[4]) > 0


def test_machine_names_python_and_cores(report: str) -> None:
    machine = _section(report, "Machine")
    assert "| Python |" in machine and "| cores |" in machine
