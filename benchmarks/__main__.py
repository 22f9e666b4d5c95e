"""`python -m benchmarks generate N DIR`, `... run --sizes 1000 10000`, `... profile extract|build N`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.generate import DEFAULT_SEED, write_corpus
from benchmarks.profiling import STAGES

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write a synthetic corpus with planted findings")
    gen.add_argument("n", type=int)
    gen.add_argument("directory", type=Path)
    gen.add_argument("--seed", type=int, default=DEFAULT_SEED)
    run = sub.add_parser("run", help="measure every size and write RESULTS.md")
    run.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    run.add_argument("--seed", type=int, default=DEFAULT_SEED)
    run.add_argument("--work", type=Path, help="working directory (default: a temporary one)")
    run.add_argument("--output", type=Path, default=RESULTS)
    run.add_argument("--no-server", action="store_true", help="skip the oxigraph serve load timings")
    run.add_argument("--no-validate-script", action="store_true", help="skip benchmarks/validate_single.py")
    run.add_argument("--rdflib-timeout", type=float, default=15.0, help="seconds per query on rdflib")
    run.add_argument("--query-runs", type=int, default=20, help="timed runs per query on the embedded store")
    run.add_argument("--build-timeout", type=float, help="kill `mskg build` after this many seconds")
    run.add_argument("--validation-timeout", type=float, default=180.0, help="seconds for full pySHACL validation")
    prof = sub.add_parser("profile", help="pyinstrument profile of extraction or the build (one process)")
    prof.add_argument("stage", choices=STAGES)
    prof.add_argument("n", type=int)
    prof.add_argument("--seed", type=int, default=DEFAULT_SEED)
    return parser


def _run(args: argparse.Namespace, argv: list[str]) -> None:
    from benchmarks.run import Options, run

    with tempfile.TemporaryDirectory(prefix="mskg-bench-") as tmp:
        opts = Options(tuple(args.sizes), args.work or Path(tmp), args.output, args.seed,
                       server=not args.no_server, validate_script=not args.no_validate_script,
                       rdflib_timeout=args.rdflib_timeout, validation_timeout=args.validation_timeout,
                       query_runs=args.query_runs, build_timeout=args.build_timeout)
        run(opts, argv)


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and run one command."""
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.command == "generate":
        summary = write_corpus(args.n, args.directory, args.seed)
        print(f"wrote {summary.posts} posts ({summary.html_posts} HTML), {summary.comments} comments, "
              f"{summary.planted} planted findings, {summary.bytes / 1e6:.1f} MB to {summary.directory}")
    elif args.command == "profile":
        from benchmarks.profiling import profile

        print(profile(args.stage, args.n, args.seed))
    else:
        _run(args, argv)


if __name__ == "__main__":
    main()
