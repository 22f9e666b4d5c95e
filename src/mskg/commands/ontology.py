"""`mskg ontology …`: look at the shipped ontology."""

from __future__ import annotations

import click

from mskg.ontology import ontology_graph
from mskg.ontology.stats import compute_stats


@click.group(name="ontology")
def command() -> None:
    """Inspect the ontology of drugs, cells, diseases and relations."""


@command.command(name="stats")
def stats() -> None:
    """Terms per category, synonyms and external identifiers."""
    s = compute_stats(ontology_graph())
    click.echo(f"classes with a label\t{s.classes}")
    click.echo(f"labels\t{s.labels}")
    click.echo(f"synonyms\t{s.synonyms}")
    click.echo(f"terms with an external identifier\t{s.external_ids}")
    for name, n in s.per_category.items():
        click.echo(f"{name}\t{n}")
