"""`mskg export`: the whole dataset as Turtle, TriG, N-Quads or JSON-LD, byte-stable."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mskg.commands.store_options import store_option
from mskg.export import FORMATS, serialise, write_atomically
from mskg.stores.embedded import EmbeddedStore


@click.command(name="export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here (atomically: a failure keeps the old file) instead of stdout.")
@store_option
def command(fmt: str, output: Path | None, store_dir: Path) -> None:
    """Write every graph in the store; the same input always gives the same bytes."""
    store = EmbeddedStore.open(store_dir)
    try:
        if output is None:
            serialise(store.dataset(), fmt, sys.stdout.buffer)
        else:
            write_atomically(output, store.dataset(), fmt)
    finally:
        store.close()
