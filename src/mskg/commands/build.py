"""`mskg build`: documents -> validated named graphs in the embedded store, all or nothing."""

from __future__ import annotations

from pathlib import Path

import click

from mskg.build import build
from mskg.commands.store_options import store_option


@click.command(name="build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: number of cores).")
@click.option("--clean", is_flag=True, help="Start from an empty store instead of replacing graph by graph.")
def command(paths: tuple[Path, ...], store_dir: Path, jobs: int | None, clean: bool) -> None:
    """Build PATHS (default: seeds/) into the store: extract, validate, then replace each document's graph."""
    report = build(list(paths) or [Path("seeds")], store_dir, jobs=jobs, clean=clean)
    for doc in report.documents:
        click.echo(doc.summary(), err=True)
    click.echo(report.totals(), err=True)
