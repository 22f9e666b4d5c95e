"""OWL reasoning with owlready2 and HermiT: is the ontology consistent, what do individuals classify as.

The ontology (mskg.ttl plus the blank-node axioms of axioms.ttl) and any extra graph are
written as N-Triples into a temporary directory and loaded into a private owlready2 World,
so nothing is ever fetched and no global owlready2 state leaks between calls.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field

from rdflib import OWL, RDF, Graph, URIRef

from mskg.errors import InputError, MskgError
from mskg.identifiers import curie
from mskg.namespaces import ID, MSKG, ONTOLOGY_IRI
from mskg.ontology import ontology_graph, resource_text
from mskg.ontology.loading import parse_turtle

AXIOMS_FILE = "axioms.ttl"
JAVA_MEMORY_MB = 1000


@dataclass(frozen=True)
class ReasonerResult:
    """What HermiT concluded: consistency, and each named individual's inferred classes."""

    consistent: bool
    types: dict[str, frozenset[str]] = field(default_factory=dict)
    message: str = ""

    def classes_of(self, individual: str) -> frozenset[str]:
        """All classes (direct and inherited) HermiT places `individual` in."""
        return self.types.get(str(individual), frozenset())


def axioms_graph() -> Graph:
    """The OWL axioms that need blank nodes (closed value sets, defined classes)."""
    return parse_turtle(resource_text(AXIOMS_FILE), source=AXIOMS_FILE)


def reasoning_graph(base: Graph | None = None, extra: Graph | None = None) -> Graph:
    """`base` (default: the shipped ontology) + the axioms + optional instance data."""
    g = Graph()
    g += ontology_graph() if base is None else base
    g += axioms_graph()
    if extra is not None:
        g += extra
        g += declared_individuals(extra)
    return g


def declared_individuals(data: Graph) -> Graph:
    """`owl:NamedIndividual` declarations for every typed subject in `data` (OWL needs them)."""
    owl_ns = str(OWL)
    out = Graph()
    for s, _, cls in data.triples((None, RDF.type, None)):
        if isinstance(s, URIRef) and not str(cls).startswith(owl_ns):
            out.add((s, RDF.type, OWL.NamedIndividual))
    return out


def representative(term: URIRef) -> URIRef:
    """The one individual that stands for a term (a class IRI) when reasoning over findings."""
    return ID[f"instance/{curie(str(term))}"]


def findings_as_individuals(data: Graph) -> Graph:
    """A punning-free copy of the findings in `data`: class IRIs become individuals of them.

    Findings name terms by their class IRIs (`mskg:subject CHEBI:50729`); OWL needs an
    individual there, so each term gets one `representative` typed with the term's class.
    """
    out = Graph()
    for finding in sorted(set(data.subjects(RDF.type, MSKG.Finding))):
        out.add((finding, RDF.type, MSKG.Finding))
        for polarity in data.objects(finding, MSKG.polarity):
            out.add((finding, MSKG.polarity, polarity))
        for prop in (MSKG.subject, MSKG.object):
            for term in data.objects(finding, prop):
                if isinstance(term, URIRef):
                    out.add((finding, prop, representative(term)))
                    out.add((representative(term), RDF.type, term))
    return out


def terms_in_class(result: ReasonerResult, data: Graph, cls: URIRef) -> list[str]:
    """The term IRIs of `data`'s findings whose representative HermiT placed in `cls`, sorted."""
    terms = {o for p in (MSKG.subject, MSKG.object) for o in data.objects(None, p) if isinstance(o, URIRef)}
    return sorted(str(t) for t in terms if str(cls) in result.classes_of(representative(t)))


def refuse_imports(g: Graph, source: str) -> None:
    """Raise InputError if `g` has owl:imports: the reasoner must never fetch anything."""
    for _, _, target in g.triples((None, OWL.imports, None)):
        raise InputError(f"owl:imports of {target} is not allowed (mskg never fetches ontologies)", path=source)


def java_available() -> bool:
    """True when a `java` executable is on PATH (HermiT runs on the JVM)."""
    return shutil.which("java") is not None


def run_hermit(g: Graph, *, source: str = "ontology") -> ReasonerResult:
    """Run HermiT over `g`; report consistency and the inferred classes of every individual."""
    refuse_imports(g, source)
    if not java_available():
        raise MskgError("cannot run the HermiT reasoner: no `java` on PATH (install a Java runtime)")
    import owlready2

    owlready2.reasoning.JAVA_MEMORY = JAVA_MEMORY_MB
    world = owlready2.World()
    data = io.BytesIO(g.serialize(format="nt", encoding="utf-8"))
    world.get_ontology(str(ONTOLOGY_IRI)).load(fileobj=data, format="ntriples")
    try:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return ReasonerResult(consistent=False, message="HermiT found the ontology inconsistent")
    return ReasonerResult(consistent=True, types=_individual_types(world), message="consistent")


def _individual_types(world: object) -> dict[str, frozenset[str]]:
    """Map each named individual's IRI to the IRIs of all its (inferred) named classes."""
    types = {}
    for ind in world.individuals():
        classes = {c.iri for c in ind.INDIRECT_is_a if hasattr(c, "iri")}
        types[ind.iri] = frozenset(classes)
    return types
