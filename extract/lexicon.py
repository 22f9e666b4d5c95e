"""Every name the ontology knows for a term, indexed for fast, exact-after-normalising lookup.

Built only from mskg.ttl: rdfs:label, skos:altLabel and skos:hiddenLabel name one term;
mskg:ambiguousLabel names several and is kept apart, so it is never grounded blindly.
A term's category (drug, cell, disease, ...) is the first category root it reaches by
rdfs:subClassOf*.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from mskg.extract.tokens import key_of, load_data
from mskg.identifiers import curie

Key = tuple[str, ...]
NAME_PROPERTIES = (RDFS.label, SKOS.altLabel, SKOS.hiddenLabel)


@dataclass(frozen=True)
class Term:
    """One ontology term a text can mention."""

    iri: str
    curie: str
    label: str
    category: str
    parents: tuple[str, ...] = ()


@dataclass
class Lexicon:
    """Terms by IRI, and the lookup index from normalised names to term IRIs."""

    terms: dict[str, Term]
    index: dict[Key, str]
    ambiguous: dict[Key, tuple[str, ...]] = field(default_factory=dict)
    max_words: int = 1
    first_words: frozenset[str] = frozenset()
    _by_curie: dict[str, str] = field(default_factory=dict)

    def lookup(self, key: Key) -> Term | None:
        """The term an exact normalised key names, or None (also for ambiguous keys)."""
        hit = self.index.get(key)
        return self.terms[hit] if hit else None

    def resolve(self, text_or_curie: str) -> Term | None:
        """The term a name, CURIE or IRI stands for; None when unknown or ambiguous."""
        value = text_or_curie.strip()
        if value in self.terms:
            return self.terms[value]
        if value in self._by_curie:
            return self.terms[self._by_curie[value]]
        return self.lookup(key_of(value))

    def suggest(self, text: str, n: int = 3) -> list[Term]:
        """The terms whose names are closest to `text`, best first (for "did you mean")."""
        names = {" ".join(k): t for k, t in self.index.items()}
        wanted = " ".join(key_of(text))
        close = difflib.get_close_matches(wanted, list(names), n=n * 3, cutoff=0.6)
        seen: list[Term] = []
        for name in close:
            term = self.terms[names[name]]
            if term not in seen:
                seen.append(term)
        return seen[:n]

    def ancestors(self, term_iri: str) -> set[str]:
        """All IRIs above a term by rdfs:subClassOf (the term itself excluded)."""
        out: set[str] = set()
        todo = list(self.terms[term_iri].parents) if term_iri in self.terms else []
        while todo:
            parent = todo.pop()
            if parent not in out:
                out.add(parent)
                todo.extend(self.terms[parent].parents if parent in self.terms else ())
        return out


def _categories(g: Graph) -> dict[str, str]:
    """The category of every class below a category root, and of the roots `named_roots` lists
    (leukocyte: 'white count' names cells, while 'drug' names no drug)."""
    data = load_data("lexicon.json")
    roots = {URIRef(r): name for name, r in data["categories"].items()}
    found: dict[str, str] = {str(r): roots[URIRef(r)] for r in data["named_roots"]}
    for root, name in roots.items():
        for cls in g.transitive_subjects(RDFS.subClassOf, root):
            if cls != root and isinstance(cls, URIRef):
                found.setdefault(str(cls), name)
    return found


def _term(g: Graph, cls: str, category: str) -> Term:
    ref = URIRef(cls)
    label = str(g.value(ref, RDFS.label) or cls)
    parents = tuple(sorted(str(p) for p in g.objects(ref, RDFS.subClassOf) if isinstance(p, URIRef)))
    return Term(cls, curie(cls), label, category, parents)


def build_lexicon(g: Graph) -> Lexicon:
    """Index every domain term of an ontology graph by the normalised forms of its names."""
    ambiguous_p = URIRef(load_data("lexicon.json")["ambiguous_property"])
    terms = {cls: _term(g, cls, cat) for cls, cat in sorted(_categories(g).items())}
    index: dict[Key, str] = {}
    shared: dict[Key, set[str]] = defaultdict(set)
    for cls in terms:
        for prop in NAME_PROPERTIES:
            for name in g.objects(URIRef(cls), prop):
                key = key_of(str(name))
                if key and index.setdefault(key, cls) != cls:
                    shared[key].update({index[key], cls})
        for name in g.objects(URIRef(cls), ambiguous_p):
            shared[key_of(str(name))].add(cls)
    for key in shared:
        index.pop(key, None)
    return Lexicon(
        terms=terms,
        index=index,
        ambiguous={k: tuple(sorted(v)) for k, v in shared.items() if k},
        max_words=max((len(k) for k in index), default=1),
        first_words=frozenset(k[0] for k in [*index, *shared] if k),
        _by_curie={t.curie: t.iri for t in terms.values()},
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon of the shipped ontology, built once per process."""
    from mskg.ontology import ontology_graph

    return build_lexicon(ontology_graph())
