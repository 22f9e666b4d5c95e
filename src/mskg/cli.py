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


class OneLineUsageError(click.UsageError):
    """A usage error (bad option, missing argument) shown as one line on stderr, exit 2."""

    def show(self, file: object = None) -> None:
        path = self.ctx.command_path if self.ctx else "mskg"
        command = path.partition(" ")[2]
        message = " ".join(self.message.split())
        click.echo(f"mskg: {command + ': ' if command else ''}{message} (see {path} --help)", err=True)


def _one_line(exc: click.UsageError) -> click.UsageError:
    """The error as one line, except a bare `mskg` or `mskg ontology`, which shows the help."""
    if isinstance(exc, click.exceptions.NoArgsIsHelpError):
        return exc
    return OneLineUsageError(exc.format_message(), exc.ctx)


class MskgGroup(click.Group):
    """A click group that reports MskgError and usage errors as one line and an exit code, no traceback."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: object) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)  # type: ignore[arg-type]
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except MskgError as exc:
            click.echo(f"mskg: {exc.one_line()}", err=True)
            sys.exit(exc.exit_code)
        except click.UsageError as exc:
            raise _one_line(exc) from None


@click.group(cls=MskgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mskg")
def cli() -> None:
    """mskg: a knowledge graph of MS drugs, immune cells and findings, with evidence."""


for _name in COMMANDS:
    cli.add_command(importlib.import_module(f"mskg.commands.{_name}").command)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="mskg")
