"""Readers: documents in, typed claims with evidence out (no RDF is built here but in `rdf`)."""
