"""`mskg query NAME|FILE.rq`: answer a saved research question (or your own query) from a store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from mskg.commands.store_options import endpoint_options, store_option
from mskg.queries import find_query, prepare
from mskg.queries.formats import FORMATS, write
from mskg.queries.params import parse_assignments
from mskg.stores import open_store


@click.command(name="query")
@click.argument("name_or_file", metavar="NAME|FILE.rq")
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter value: a CURIE (CHEBI:50729), an <IRI> or a name (mitoxantrone). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for people; csv, tsv and json are the W3C SPARQL 1.1 results formats.")
@store_option
@endpoint_options
def command(name_or_file: str, params: tuple[str, ...], fmt: str, store_dir: Path, endpoint: str | None,
            query_url: str | None, store_url: str | None, timeout: float) -> None:
    """Run a saved query by NAME (see `mskg queries`) or a SELECT query in FILE.rq."""
    query = find_query(name_or_file)
    bound = prepare(query, parse_assignments(params))
    endpoint = endpoint or query_url
    options = {"query_url": query_url, "store_url": store_url, "timeout": timeout} if endpoint else {}
    store = open_store(store_dir, endpoint, **options)
    try:
        write(store.select(query.text, bound), fmt, sys.stdout)
    finally:
        store.close()
