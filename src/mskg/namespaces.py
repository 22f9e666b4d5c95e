"""Namespaces used across mskg, and the closed vocabulary of the `mskg:` schema.

`MSKG` is a closed DefinedNamespace: a misspelt term fails at import time, and
`tests/test_vocabulary.py` checks that it and `ontology/mskg.ttl` name the same terms.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/mskg/"
ID = Namespace(BASE + "id/")
ONTOLOGY_IRI = URIRef("https://w3id.org/mskg/ontology")
SHAPES_IRI = URIRef("https://w3id.org/mskg/shapes")

OBO = Namespace("http://purl.obolibrary.org/obo/")
SIOC = Namespace("http://rdfs.org/sioc/ns#")
OA = Namespace("http://www.w3.org/ns/oa#")
BIOLINK = Namespace("https://w3id.org/biolink/vocab/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")


class MSKG(DefinedNamespace):
    """Schema terms of https://w3id.org/mskg/ (domain terms are plain IRIs from mskg.ttl)."""

    _fail = True
    _NS = Namespace(BASE)

    # contract relations (drug -> cell and friends)
    affects: URIRef
    increasesAmountOf: URIRef
    decreasesAmountOf: URIRef
    promotesMaturationOf: URIRef
    inhibits: URIRef
    kills: URIRef
    targets: URIRef
    treats: URIRef
    hasAdverseEffect: URIRef
    predictsResponseTo: URIRef

    # top-level categories of domain terms
    Drug: URIRef
    Disease: URIRef
    MolecularTarget: URIRef
    AdverseEffect: URIRef
    ClinicalMarker: URIRef
    ClinicalOutcome: URIRef
    Virus: URIRef
    StudyDesign: URIRef
    StudyMethod: URIRef

    # annotations on domain terms, and the reasoner's defined class
    ambiguousLabel: URIRef
    biolinkQualifiers: URIRef
    hasKnownTarget: URIRef
    NKCellModulatingDrug: URIRef

    # claims and evidence
    Finding: URIRef
    KnowledgeGap: URIRef
    Evidence: URIRef
    subject: URIRef
    relation: URIRef
    object: URIRef
    polarity: URIRef
    population: URIRef
    condition: URIRef
    context: URIRef
    comedication: URIRef
    about: URIRef
    hasEvidence: URIRef
    certainty: URIRef
    evidenceType: URIRef
    inDocument: URIRef
    inSegment: URIRef
    fromStudy: URIRef

    # controlled values
    Polarity: URIRef
    Positive: URIRef
    Negative: URIRef
    Certainty: URIRef
    Asserted: URIRef
    Hedged: URIRef
    Hypothetical: URIRef
    EvidenceType: URIRef
    StudyEvidence: URIRef
    ExpertEvidence: URIRef
    AnecdoteEvidence: URIRef
    BackgroundEvidence: URIRef

    # documents and studies
    Document: URIRef
    Segment: URIRef
    Title: URIRef
    QuotedAbstract: URIRef
    Commentary: URIRef
    PostBody: URIRef
    Author: URIRef
    Study: URIRef
    text: URIRef
    start: URIRef
    end: URIRef
    commentIndex: URIRef
    quotes: URIRef
    segmentOf: URIRef
    doi: URIRef
    design: URIRef
    sampleSize: URIRef
    method: URIRef
