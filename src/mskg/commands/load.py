"""`mskg load`: push the embedded store's named graphs into a SPARQL 1.1 store."""

from __future__ import annotations

from pathlib import Path

import click

from mskg.commands.store_options import endpoint_options, store_option
from mskg.errors import InputError
from mskg.stores.credentials import redact
from mskg.stores.embedded import EmbeddedStore
from mskg.stores.load import push
from mskg.stores.remote import RemoteStore


@click.command(name="load")
@endpoint_options
@store_option
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Retries (with backoff) of each idempotent request.")
@click.option("--prune", is_flag=True, help="Also delete remote mskg graphs that the local store no longer has.")
@click.option("--verbose", "-v", is_flag=True, help="One line per graph on stderr.")
def command(endpoint: str | None, query_url: str | None, store_url: str | None, timeout: float,
            store_dir: Path, retries: int, prune: bool, verbose: bool) -> None:
    """PUT each named graph (ontology and documents) to the server, replacing it, then check its count."""
    if not endpoint and not (query_url and store_url):
        raise InputError("give --endpoint URL (or both --query-url and --store-url)")
    local = EmbeddedStore.open(store_dir)
    remote = RemoteStore.from_url(endpoint or "", query_url=query_url, store_url=store_url, timeout=timeout, retries=retries)
    progress = (lambda name, n: click.echo(f"{name}: {n} triples", err=True)) if verbose else None
    try:
        report = push(local, remote, prune=prune, progress=progress)
    finally:
        remote.close()
        local.close()
    click.echo(report.summary(redact(remote.endpoint.store_url)), err=True)
