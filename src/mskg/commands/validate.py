"""`mskg validate FILE…`: check new claims (claim sheets, Turtle, TriG, JSON-LD) against the shapes."""

from __future__ import annotations

import logging
from pathlib import Path

import click

from mskg.commands.store_options import store_option
from mskg.errors import StoreUnavailableError
from mskg.newclaims import Checked, add_to_store, check_file, w3c_report
from mskg.stores.base import Store


def _open_store(root: Path, *, required: bool) -> Store | None:
    """The embedded store when there is one (its documents resolve references); else None."""
    from mskg.stores.embedded import EmbeddedStore, active_path

    if active_path(root) is None:
        if required:
            raise StoreUnavailableError("no store here yet: run `mskg build` first", path=root)
        return None
    return EmbeddedStore.open(root)


def _emit(checked: list[Checked], fmt: str) -> None:
    if fmt == "text":
        for item in checked:
            for line in item.lines:
                click.echo(line)
        return
    report = w3c_report(checked).report
    click.echo(report.serialize(format="turtle" if fmt == "ttl" else "json-ld").rstrip("\n"))


@click.command(name="validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "ttl", "json"]), default="text", show_default=True,
              help="text: one line per problem; ttl/json: the W3C SHACL validation report.")
@click.option("--add", is_flag=True, help="Merge the claims into the store if every file conforms (all or nothing).")
@store_option
def command(files: tuple[Path, ...], fmt: str, add: bool, store_dir: Path) -> None:
    """Validate FILES (.csv claim sheets, .ttl, .trig, .nt, .nq, .jsonld, .rdf) against the shapes.

    Exit 0 when everything conforms, 1 on violations, 2 on unreadable input.
    """
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    store = _open_store(store_dir, required=add)
    checked = [check_file(path, store) for path in files]
    if store is not None:
        store.close()
    _emit(checked, fmt)
    failed = [item for item in checked if not item.conforms]
    click.echo(f"{len(files)} file(s), {sum(len(c.lines) for c in checked)} problem(s); "
               f"{'does not conform' if failed else 'conforms'}", err=True)
    if failed:
        raise SystemExit(1)
    if add:
        names = add_to_store(store_dir, checked)
        click.echo(f"added to {len(names)} graph(s) in {store_dir}", err=True)
