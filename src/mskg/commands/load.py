"""`mskg load`: push the embedded store's named graphs (or curated RDF files) into a SPARQL 1.1 store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from mskg.commands.store_options import endpoint_options, store_option
from mskg.errors import InputError
from mskg.stores.credentials import redact
from mskg.stores.embedded import EmbeddedStore
from mskg.stores.load import LoadReport, push, push_graphs
from mskg.stores.remote import RemoteStore


def _file_graphs(files: tuple[Path, ...]) -> Iterator[tuple[str, bytes, int]]:
    """(name, N-Triples, count) for each graph in the files, all read and validated up front."""
    from mskg.build import curated

    documents = curated(list(files))
    for doc in documents:
        suffix = f" <{doc.graph_name}> .".encode("utf-8")
        lines = [line[: -len(suffix)] + b" ." for line in doc.nquads.splitlines()]
        yield doc.graph_name, b"".join(line + b"\n" for line in sorted(lines)), len(lines)


def _push(files: tuple[Path, ...], store_dir: Path, remote: RemoteStore, prune: bool, progress: object) -> LoadReport:
    if files:
        if prune:
            raise InputError("--prune works on the store, not on files")
        return push_graphs(list(_file_graphs(files)), remote, progress)  # type: ignore[arg-type]
    local = EmbeddedStore.open(store_dir)
    try:
        return push(local, remote, prune=prune, progress=progress)  # type: ignore[arg-type]
    finally:
        local.close()


@click.command(name="load")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@endpoint_options
@store_option
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Retries (with backoff) of each idempotent request.")
@click.option("--prune", is_flag=True, help="Also delete remote mskg graphs that the local store no longer has.")
@click.option("--verbose", "-v", is_flag=True, help="One line per graph on stderr.")
def command(files: tuple[Path, ...], endpoint: str | None, query_url: str | None, store_url: str | None,
            timeout: float, store_dir: Path, retries: int, prune: bool, verbose: bool) -> None:
    """PUT each named graph of the store (or of FILES: Turtle, TriG, N-Triples, N-Quads) to the server,
    replacing it, then check its count. FILES are parsed and validated before any request."""
    if not endpoint and not (query_url and store_url):
        raise InputError("give --endpoint URL (or both --query-url and --store-url)")
    remote = RemoteStore.from_url(endpoint or "", query_url=query_url, store_url=store_url, timeout=timeout, retries=retries)
    progress = (lambda name, n: click.echo(f"{name}: {n} triples", err=True)) if verbose else None
    try:
        report = _push(files, store_dir, remote, prune, progress)
    finally:
        remote.close()
    click.echo(report.summary(redact(remote.endpoint.store_url)), err=True)
