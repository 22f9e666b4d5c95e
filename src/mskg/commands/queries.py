"""`mskg queries`: list the saved research questions, their titles and parameters."""

from __future__ import annotations

import click

from mskg.queries import SavedQuery, catalogue


def _params(query: SavedQuery) -> str:
    """`name=default` for each parameter (`name=?` when required)."""
    return " ".join(f"{p.name}={p.default}" if p.default is not None else f"{p.name}=?" for p in query.params)


@click.command(name="queries")
@click.option("--questions", "-q", is_flag=True, help="Also print each question in plain words.")
def command(questions: bool) -> None:
    """List the saved queries: name, parameters with defaults, and title."""
    saved = list(catalogue().values())
    width = max(len(q.name) for q in saved)
    pwidth = max(len(_params(q)) for q in saved)
    for q in saved:
        click.echo(f"{q.name.ljust(width)}  {_params(q).ljust(pwidth)}  {q.title}".rstrip())
        if questions:
            click.echo(f"{' ' * width}  {q.question}")
