"""The names the corpus generator writes: drugs, cells, diseases and adverse effects from the ontology.

Only names that point at exactly one term are used (no `mskg:ambiguousLabel`, no name shared
by two terms), so every planted finding has one right answer; names with commas (CL's
"CD8-positive, alpha-beta T cell") are left out because no blogger writes them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SKOS

from mskg.identifiers import curie
from mskg.namespaces import BASE, OBO

ROOTS = {
    "drug": URIRef(BASE + "Drug"),
    "cell": OBO["CL_0000738"],
    "disease": URIRef(BASE + "Disease"),
    "effect": URIRef(BASE + "AdverseEffect"),
}
AMBIGUOUS = URIRef(BASE + "ambiguousLabel")
NAME_PROPERTIES = (RDFS.label, SKOS.altLabel, SKOS.hiddenLabel)


@dataclass(frozen=True)
class Term:
    """One ontology term the generator may name: its CURIE, label, and every unambiguous name."""

    curie: str
    label: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    """Terms by the role they play in a sentence, each tuple sorted by CURIE."""

    drugs: tuple[Term, ...]
    cells: tuple[Term, ...]
    diseases: tuple[Term, ...]
    effects: tuple[Term, ...]

    def of(self, role: str) -> tuple[Term, ...]:
        """The terms for a template slot role (`drug`, `cell`, `disease`, `effect`)."""
        return {"drug": self.drugs, "cell": self.cells, "disease": self.diseases, "effect": self.effects}[role]


def _descendants(g: Graph, root: URIRef) -> set[URIRef]:
    found: set[URIRef] = set()
    todo = [root]
    while todo:
        for child in g.subjects(RDFS.subClassOf, todo.pop()):
            if isinstance(child, URIRef) and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _name_owners(g: Graph) -> dict[str, set[URIRef]]:
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for prop in (*NAME_PROPERTIES, AMBIGUOUS):
        for s, o in g.subject_objects(prop):
            owners[str(o).casefold()].add(s)
            if prop == AMBIGUOUS:
                owners[str(o).casefold()].add(URIRef(BASE + "ambiguous"))
    return owners


def _term(g: Graph, iri: URIRef, owners: dict[str, set[URIRef]]) -> Term | None:
    label = g.value(iri, RDFS.label)
    if label is None:
        return None
    names = {str(o) for p in NAME_PROPERTIES for o in g.objects(iri, p)}
    usable = sorted(n for n in names if len(n) > 2 and "," not in n and owners[n.casefold()] == {iri})
    if not usable:
        return None
    return Term(curie(str(iri)), str(label) if str(label) in usable else usable[0], tuple(usable))


def _terms(g: Graph, role: str, owners: dict[str, set[URIRef]]) -> tuple[Term, ...]:
    members = _descendants(g, ROOTS[role])
    if role == "drug":
        members = {m for m in members if not any(g.subjects(RDFS.subClassOf, m))}
    terms = (_term(g, m, owners) for m in members)
    return tuple(sorted((t for t in terms if t is not None), key=lambda t: t.curie))


def vocabulary_from(g: Graph) -> Vocabulary:
    """Collect the generator's vocabulary from an ontology graph (drug classes are left out)."""
    owners = _name_owners(g)
    return Vocabulary(*(_terms(g, role, owners) for role in ("drug", "cell", "disease", "effect")))


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The vocabulary of the shipped ontology, read once."""
    from mskg.ontology import ontology_graph

    return vocabulary_from(ontology_graph())
