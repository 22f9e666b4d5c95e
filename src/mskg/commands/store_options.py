"""Options shared by the commands that read or write stores, defined once."""

from __future__ import annotations

from pathlib import Path

import click

from mskg.stores import DEFAULT_STORE_DIR, STORE_ENV

store_option = click.option(
    "--store", "store_dir", type=click.Path(file_okay=False, path_type=Path), envvar=STORE_ENV,
    default=DEFAULT_STORE_DIR, show_default=True,
    help=f"Embedded store directory (also ${STORE_ENV}).",
)


def endpoint_options(command: click.Command) -> click.Command:
    """--endpoint, --query-url, --store-url and --timeout for commands that talk to a server."""
    for option in reversed([
        click.option("--endpoint", help="SPARQL server base URL (Oxigraph: URL/query and URL/store)."),
        click.option("--query-url", help="SPARQL query URL when it is not ENDPOINT/query (Fuseki: /ds/query)."),
        click.option("--store-url", help="Graph Store Protocol URL when it is not ENDPOINT/store (Fuseki: /ds/data)."),
        click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True,
                     help="Seconds before a request to the server is abandoned."),
    ]):
        command = option(command)
    return command
