"""Push the embedded store into a remote SPARQL store, graph by graph, with replace semantics.

Each named graph goes in one Graph Store Protocol PUT (the server applies it as a whole),
followed by a count check, so re-running a load after any failure converges on an exact copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from mskg.namespaces import BASE
from mskg.stores.embedded import EmbeddedStore
from mskg.stores.remote import RemoteStore


@dataclass
class LoadReport:
    """What a load pushed and what it removed."""

    graphs: int = 0
    triples: int = 0
    pruned: int = 0

    def summary(self, where: str) -> str:
        """The closing line."""
        text = f"loaded {self.graphs} graphs, {self.triples} triples into {where}"
        return text + (f"; removed {self.pruned} graphs no longer in the local store" if self.pruned else "")


def push_graphs(graphs: Iterable[tuple[str, bytes, int]], remote: RemoteStore,
                progress: Callable[[str, int], None] | None = None) -> LoadReport:
    """PUT (name, N-Triples, count) graphs to the remote store, each followed by its count check."""
    report = LoadReport()
    for name, body, count in graphs:
        remote.put_graph(name, body, count)
        report.graphs += 1
        report.triples += count
        if progress:
            progress(name, count)
    return report


def push(local: EmbeddedStore, remote: RemoteStore, *, prune: bool = False,
         progress: Callable[[str, int], None] | None = None) -> LoadReport:
    """PUT every local named graph to the remote store; with `prune`, drop remote mskg graphs not local."""
    names = local.graph_names()
    report = push_graphs(((name, *local.graph_ntriples(name)) for name in names), remote, progress)
    if prune:
        for name in remote.graph_names():
            if name.startswith(BASE) and name not in names:
                remote.delete_graph(name)
                report.pruned += 1
    return report
