"""Triple stores behind one interface: the embedded pyoxigraph store and remote endpoints.

`open_store(store_dir=...)` opens the embedded store that `mskg build` wrote;
`open_store(endpoint=...)` talks to any SPARQL 1.1 endpoint.
"""

from __future__ import annotations

import os
from pathlib import Path

from mskg.stores.base import ONTOLOGY_GRAPH, Row, Solutions, Store, Term

DEFAULT_STORE_DIR = Path(".mskg") / "store"
STORE_ENV = "MSKG_STORE"


def default_store_dir() -> Path:
    """`$MSKG_STORE` if set, else `.mskg/store` in the current directory."""
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE_DIR)


def open_store(store_dir: str | Path | None = None, endpoint: str | None = None, **options: object) -> Store:
    """The remote store at `endpoint` if given, else the embedded store in `store_dir` (read-only)."""
    if endpoint:
        from mskg.stores.remote import RemoteStore

        return RemoteStore.from_url(endpoint, **options)  # type: ignore[arg-type]
    from mskg.stores.embedded import EmbeddedStore

    return EmbeddedStore.open(Path(store_dir) if store_dir else default_store_dir())


__all__ = ["ONTOLOGY_GRAPH", "Row", "Solutions", "Store", "Term", "default_store_dir", "open_store"]
