"""Saved research questions (SPARQL .rq files with `#+` headers), shipped as package data."""
