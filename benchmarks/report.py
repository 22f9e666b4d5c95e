"""Write benchmarks/RESULTS.md: a fixed layout of sections and tables; only the numbers vary."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from benchmarks.results import SizeResult
from benchmarks.targets import Check

SECTIONS = ("Machine", "Command", "Corpus", "Extraction throughput", "Build", "Validation", "Loading",
            "Query latency", "Precision and recall", "Growth", "Targets", "Profiles and changes")
NOTES = Path(__file__).resolve().parent / "notes.md"


def _notes() -> list[str]:
    """What was profiled, changed and tried (benchmarks/notes.md, kept by hand beside the code)."""
    return NOTES.read_text(encoding="utf-8").rstrip("\n").splitlines() if NOTES.is_file() else ["(no notes)"]


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    return lines + ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]


def _num(value: float | None, fmt: str = ".2f", unit: str = "") -> str:
    return "–" if value is None else f"{value:{fmt}}{unit}"


def _machine(facts: dict[str, str]) -> list[str]:
    return _table(("fact", "value"), list(facts.items()))


def _corpus(results: Sequence[SizeResult]) -> list[str]:
    rows = [(r.n, r.corpus.html_posts, r.corpus.comments, r.corpus.planted, f"{r.corpus.bytes / 1e6:.1f}",
             f"{r.corpus.bytes / max(r.n, 1) / 1000:.1f}", _num(r.generate_seconds, ".1f")) for r in results]
    return _table(("posts", "of them HTML", "comments", "planted findings", "MB", "kB per post", "generate s"), rows)


def _extraction(results: Sequence[SizeResult]) -> list[str]:
    rows = [(r.n, _num(r.serial.posts_per_second, ".1f"), f"{r.parallel.processes}",
             _num(r.parallel.posts_per_second, ".1f"),
             _num(r.parallel.posts_per_second / r.serial.posts_per_second if r.serial.posts_per_second else None, ".2f"),
             _num(1000 * r.serial.seconds / max(r.n, 1), ".2f"),
             _num(1000 * r.serial.cpu_seconds / max(r.n, 1) if r.serial.cpu_seconds is not None else None, ".2f"),
             _num(r.startup_seconds, ".2f")) for r in results]
    return _table(("posts", "1 process posts/s", "processes", "all cores posts/s", "speed-up",
                   "wall ms per post (1 process)", "CPU ms per post (1 process)", "first-document start-up s"), rows)


def _build(results: Sequence[SizeResult]) -> list[str]:
    rows = [(r.n, _num(r.build.seconds, ".1f"), _num(r.build.cpu_seconds, ".1f"), r.build.returncode, r.build.quads,
             _num(r.build.max_rss_mib, ".0f"), _num(r.build.tree_rss_mib, ".0f"),
             _num(1000 * r.build.seconds / max(r.n, 1), ".1f"), _num(1000 * r.build.cpu_seconds / max(r.n, 1), ".1f"))
            for r in results]
    return _table(("posts", "`mskg build` wall s", "CPU s (all processes)", "exit code", "quads stored",
                   "peak RSS largest process MiB", "peak RSS process tree MiB", "wall ms per post", "CPU ms per post"),
                  rows)


def _validation(results: Sequence[SizeResult], script_output: str) -> list[str]:
    rows = []
    for r in results:
        v = r.validation
        rows.append((r.n, _num(v.single_claim if v else None, ".3f"), _num(v.full if v else None, ".1f"),
                     v.full_triples if v else "–", "–" if not v or v.conforms is None else v.conforms,
                     v.note if v else "not run"))
    lines = _table(("posts", "one new claim s (median, against the store)", "full pySHACL s", "data triples",
                    "conforms", "note"), rows)
    return lines + ["", "`python -m benchmarks.validate_single --store` on the largest store (one claim-sheet row "
                    "citing a stored document, as `mskg validate` checks it):", "", "```", script_output, "```"]


def _loading(results: Sequence[SizeResult]) -> list[str]:
    rows = [(r.n, _num(r.loads.embedded if r.loads else None, ".2f"), _num(r.loads.mskg_load if r.loads else None, ".2f"),
             _num(r.loads.bulk_post if r.loads else None, ".2f"), "; ".join(r.loads.notes) if r.loads else "not run")
            for r in results]
    return _table(("posts", "embedded store s", "`mskg load` to oxigraph serve s", "one bulk POST to oxigraph serve s",
                   "notes"), rows)


def _queries(r: SizeResult) -> list[str]:
    rows = [(q.name, _num(q.oxigraph.p50_ms, ".2f"), _num(q.oxigraph.p95_ms, ".2f"), _num(q.oxigraph.rows, "d"),
             _num(q.rdflib.p50_ms, ".1f"), _num(q.rdflib.p95_ms, ".1f"), _num(q.rdflib.rows, "d"),
             _num(q.ratio, ".1f", " x"), q.rdflib.note or q.oxigraph.note) for q in r.queries]
    head = [f"### {r.n} posts (rdflib parse of the same quads: {_num(r.rdflib_parse_seconds, '.1f')} s)", ""]
    return head + _table(("query", "oxigraph p50 ms", "p95 ms", "rows", "rdflib p50 ms", "p95 ms", "rows",
                          "rdflib / oxigraph", "note"), rows) + [""]


def _quality(results: Sequence[SizeResult]) -> list[str]:
    rows = [(r.n, r.score.planted, r.score.extracted, r.score.matched, f"{r.score.precision:.3f}",
             f"{r.score.recall:.3f}", f"{r.score.certainty_agreement:.3f}", f"{r.score.type_agreement:.3f}")
            for r in results]
    lines = _table(("posts", "planted", "extracted", "matched", "precision", "recall", "certainty agrees",
                    "evidence type agrees"), rows)
    last = max(results, key=lambda r: r.n)
    lines += ["", f"By relation ({last.n} posts):", ""]
    lines += _table(("relation", "planted", "extracted", "matched"), last.score.by_relation)
    lines += ["", "First missed findings (planted, not extracted):", ""] + [f"- {m}" for m in last.score.missed]
    lines += ["", "First spurious findings (extracted, not planted):", ""] + [f"- {m}" for m in last.score.spurious]
    return lines


def _growth(results: Sequence[SizeResult]) -> list[str]:
    ordered = sorted(results, key=lambda r: r.n)
    rows = [(f"{a.n} -> {b.n}", f"{b.n / a.n:.1f} x", _num(b.build.seconds / a.build.seconds if a.build.seconds else None, ".2f", " x"),
             _num(b.serial.seconds / a.serial.seconds if a.serial.seconds else None, ".2f", " x"))
            for a, b in zip(ordered, ordered[1:])]
    return _table(("sizes", "posts grew", "build time grew", "extraction time grew"), rows) if rows else ["one size only"]


def render(results: Sequence[SizeResult], checks: Sequence[Check], facts: dict[str, str], command: str,
           date: str, script_output: str) -> str:
    """The whole RESULTS.md text."""
    body = {
        "Machine": _machine(facts), "Command": ["```", command, "```", "", f"Run on {date}."],
        "Corpus": _corpus(results), "Extraction throughput": _extraction(results), "Build": _build(results),
        "Validation": _validation(results, script_output), "Loading": _loading(results),
        "Query latency": [line for r in results for line in _queries(r)],
        "Precision and recall": _quality(results), "Growth": _growth(results),
        "Targets": _table(("target", "measured", "status"), [(c.target, c.measured, c.status) for c in checks]),
        "Profiles and changes": _notes(),
    }
    lines = ["# mskg benchmark results", "", "Written by the benchmark command itself; numbers vary by machine.", ""]
    for section in SECTIONS:
        lines += [f"## {section}", "", *body[section], ""]
    return "\n".join(lines).rstrip() + "\n"
