"""The closed MSKG namespace class and ontology/mskg.ttl name the same schema terms."""

from rdflib import RDF, URIRef

from mskg.namespaces import BASE, MSKG
from mskg.ontology import ontology_graph


def _declared_schema_terms() -> set[str]:
    g = ontology_graph()
    kinds = {"Class", "ObjectProperty", "DatatypeProperty", "NamedIndividual", "AnnotationProperty"}
    terms = set()
    for s, _, o in g.triples((None, RDF.type, None)):
        if isinstance(s, URIRef) and str(s).startswith(BASE) and str(o).split("#")[-1] in kinds:
            terms.add(str(s)[len(BASE):])
    return terms


def test_every_namespace_term_is_declared_in_the_ontology() -> None:
    missing = {name for name in MSKG.__annotations__ if name not in _declared_schema_terms()}
    assert not missing, f"in namespaces.MSKG but not declared in mskg.ttl: {sorted(missing)}"


def test_misspelt_schema_term_fails() -> None:
    import pytest

    with pytest.raises(AttributeError):
        MSKG.increasesAmountof  # noqa: B018
