"""CURIEs <-> IRIs for the identifier spaces mskg uses, with the prefix map from bioregistry.

OBO ontologies use their OBO PURLs (`http://purl.obolibrary.org/obo/CL_0000623`), other
registries their identifiers.org IRIs; CURIE prefixes are bioregistry's preferred ones
(`CHEBI`, `CL`, `NCBITaxon`) or the upper-cased prefix (`DRUGBANK`, `HGNC`, `MESH`).
Local `mskg:` terms compress to `mskg:Name`.

>>> curie("http://purl.obolibrary.org/obo/CL_0000623")
'CL:0000623'
>>> iri("DRUGBANK:DB00111")
'https://identifiers.org/drugbank:DB00111'
"""

from __future__ import annotations

import re
from functools import lru_cache

import bioregistry
import curies

from mskg.namespaces import BASE

PREFIXES = ("chebi", "cl", "mondo", "doid", "hp", "ncbitaxon", "eco", "obi", "go", "pr", "ncit",
            "uberon", "drugbank", "hgnc", "mesh", "uniprot")


def _record(prefix: str) -> curies.Record:
    curie_prefix = bioregistry.get_preferred_prefix(prefix) or prefix.upper()
    uri_prefix = bioregistry.get_obofoundry_uri_prefix(prefix) or bioregistry.get_miriam_uri_prefix(prefix)
    if uri_prefix is None:
        raise ValueError(f"bioregistry has no IRI form for prefix {prefix!r}")
    return curies.Record(prefix=curie_prefix, uri_prefix=uri_prefix)


@lru_cache(maxsize=1)
def converter() -> curies.Converter:
    """The converter for every prefix mskg knows, plus `mskg:` itself."""
    records = [_record(p) for p in PREFIXES]
    records.append(curies.Record(prefix="mskg", uri_prefix=BASE))
    return curies.Converter(records)


def curie(value: str) -> str:
    """The CURIE of an IRI, or the IRI unchanged when no known prefix covers it."""
    return converter().compress(value) or value


def iri(value: str) -> str:
    """The IRI of a CURIE; raises ValueError for an unknown prefix."""
    expanded = converter().expand(value)
    if expanded is None:
        raise ValueError(f"unknown CURIE prefix in {value!r}")
    return expanded


def is_valid_curie(value: str) -> bool:
    """True when `value` has a known prefix and a local id matching bioregistry's pattern."""
    prefix, _, local = value.partition(":")
    if not local or prefix not in {r.prefix for r in converter().records}:
        return False
    if prefix == "mskg":
        return re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", local) is not None
    pattern = bioregistry.get_pattern(bioregistry.normalize_prefix(prefix) or prefix)
    return pattern is None or re.fullmatch(pattern, local) is not None
