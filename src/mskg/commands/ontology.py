"""`mskg ontology …`: look at the shipped ontology (or an edited copy) and check it with HermiT."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rdflib import RDFS, Graph, URIRef

from mskg.identifiers import curie
from mskg.namespaces import MSKG
from mskg.ontology import ontology_graph
from mskg.ontology.loading import parse_turtle
from mskg.ontology.stats import compute_stats

FILE_OPTION = click.option(
    "--file", "path", type=click.Path(path_type=Path), default=None,
    help="An edited ontology (.ttl) to use instead of the shipped mskg.ttl.",
)


def load_ontology(path: Path | None) -> Graph:
    """The shipped ontology, or the Turtle file at `path` (bad syntax -> file:line:column)."""
    from mskg.ontology.inputs import read_text

    if path is None:
        return ontology_graph()
    return parse_turtle(read_text(path), source=str(path))


@click.group(name="ontology")
def command() -> None:
    """Inspect the ontology of drugs, cells, diseases and relations."""


@command.command(name="stats")
@FILE_OPTION
def stats(path: Path | None) -> None:
    """Terms per category, synonyms and external identifiers."""
    s = compute_stats(load_ontology(path))
    click.echo(f"terms\t{s.terms}")
    click.echo(f"terms with a standard identifier\t{s.external_ids}")
    click.echo(f"terms minted in mskg:\t{s.minted}")
    click.echo(f"synonyms\t{s.synonyms}")
    click.echo(f"ambiguous labels\t{s.ambiguous_labels}")
    for name, n in s.per_category.items():
        click.echo(f"{name}\t{n}")


@command.command(name="check")
@FILE_OPTION
@click.option("--data", "data_paths", multiple=True, type=click.Path(path_type=Path),
              help="Findings to classify (.ttl, .trig, .nt, .nq, .jsonld, .rdf), e.g. from `mskg export`.")
def check(path: Path | None, data_paths: tuple[Path, ...]) -> None:
    """Run HermiT: print consistent/inconsistent (exit 1 when inconsistent) and the classified drugs."""
    from mskg.ontology.reasoning import findings_as_individuals, reasoning_graph, run_hermit, terms_in_class

    source = str(path) if path is not None else "mskg.ttl"
    ontology = load_ontology(path)
    data = read_data(data_paths)
    result = run_hermit(reasoning_graph(base=ontology, extra=findings_as_individuals(data)), source=source)
    click.echo("consistent" if result.consistent else "inconsistent")
    if not result.consistent:
        sys.exit(1)
    for term in terms_in_class(result, data, MSKG.NKCellModulatingDrug):
        click.echo(f"NK-cell-modulating drug\t{curie(term)}\t{ontology.value(URIRef(term), RDFS.label) or ''}")


def read_data(paths: tuple[Path, ...]) -> Graph:
    """All triples of the given RDF files, read safely (nothing fetched, errors with positions)."""
    from mskg.ontology.inputs import read_rdf

    data = Graph()
    for data_path in paths:
        data += read_rdf(data_path)
    return data
