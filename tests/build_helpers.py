"""Hand-made documents and claims for store and build tests that must not depend on the extractor."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from mskg.build import BuiltDocument, built
from mskg.extract.model import Claim, Document, Evidence, Segment
from mskg.extract.rdf import document_graph
from mskg.identifiers import iri
from mskg.ontology.rules import derive_direct_edges
from tests.data import MITOXANTRONE, NK_CELL

TEXT = "Mitoxantrone increased the number of NK cells in responders."


def hand_made_graph(doc_id: str, text: str = TEXT) -> Graph:
    """One document with one asserted study finding: mitoxantrone increases NK cells."""
    doc = Document(id=doc_id, path=f"{doc_id}.txt", text=text, format="plain-text",
                   segments=(Segment(id="body", kind="body", start=0, end=len(text)),))
    quote = text[: text.index(".")]
    ev = Evidence(document=doc_id, segment="body", start=0, end=len(quote), quote=quote, evidence_type="study")
    claim = Claim(subject=iri(MITOXANTRONE), relation="increasesAmountOf", object=iri(NK_CELL), evidence=ev)
    return derive_direct_edges(document_graph(doc, [claim]))


def hand_made(doc_id: str, text: str = TEXT) -> BuiltDocument:
    """The hand-made document packaged for the store."""
    return built(Path(f"{doc_id}.txt"), hand_made_graph(doc_id, text))
