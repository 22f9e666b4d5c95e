"""`mskg findings`: one row per (finding, evidence) from the store, as JSON lines, CSV or TSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mskg.commands.store_options import store_option
from mskg.findings import FORMATS, findings, write
from mskg.stores import open_store


@click.command(name="findings")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@store_option
def command(fmt: str, store_dir: Path) -> None:
    """Every finding with each piece of its evidence, in a stable order."""
    store = open_store(store_dir)
    try:
        write(findings(store), sys.stdout, fmt)
    finally:
        store.close()
