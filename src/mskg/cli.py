"""The `mskg` command line: one module per command under mskg.commands.

Only here do MskgErrors become text: one line on stderr and the documented exit code.
"""

from __future__ import annotations

import importlib
import sys

import click

from mskg import __version__
from mskg.errors import MskgError

COMMANDS = ("ontology", "build", "findings", "query", "queries", "export", "load", "validate")


class MskgGroup(click.Group):
    """A click group that reports MskgError as one line and its exit code, no traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MskgError as exc:
            click.echo(f"mskg: {exc.one_line()}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=MskgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mskg")
def cli() -> None:
    """mskg: a knowledge graph of MS drugs, immune cells and findings, with evidence."""


for _name in COMMANDS:
    cli.add_command(importlib.import_module(f"mskg.commands.{_name}").command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="mskg")
