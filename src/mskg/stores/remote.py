"""A remote SPARQL 1.1 store: queries through SPARQLWrapper, graphs through the Graph Store Protocol.

Every request has a timeout; only idempotent requests (GSP PUT and GET) are retried, with
backoff; every failure becomes one StoreUnavailableError line naming the endpoint and cause,
never the credentials.
"""

from __future__ import annotations

import http.client
import re
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import IO
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
from rdflib import Graph, URIRef
from SPARQLWrapper import JSON, POST, SELECT, SPARQLWrapper

from mskg.errors import InputError, QueryError, StoreUnavailableError
from mskg.stores.base import Row, Solutions
from mskg.stores.binding import with_values, without_comments
from mskg.stores.credentials import credentials, redact
from mskg.stores.terms import to_rdflib

NTRIPLES = "application/n-triples"
SPOOL_BYTES = 8 * 1024 * 1024
CHUNK_BYTES = 64 * 1024
RETRY_STATUSES = frozenset({500, 502, 503, 504})
_QUERY_FAILURES = (urllib.error.URLError, OSError, http.client.HTTPException, ValueError)


@dataclass
class Endpoint:
    """Where to send queries and Graph Store Protocol requests."""

    query_url: str
    store_url: str

    @classmethod
    def from_url(cls, url: str, query_url: str | None = None, store_url: str | None = None) -> Endpoint:
        """Oxigraph's layout by default: `URL/query` and `URL/store` (URL may end in /query)."""
        base = url.rstrip("/")
        base = base[: -len("/query")] if base.endswith("/query") else base
        return cls(_checked(query_url or f"{base}/query"), _checked(store_url or f"{base}/store"))


def _checked(url: str) -> str:
    """The URL itself if it is http(s) with a host and a valid port; else an InputError that hides credentials."""
    try:
        parts = urlsplit(url)
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and (parts.port or 0) >= 0
    except ValueError:
        valid = False
    if not valid:
        raise InputError(f"endpoint {re.sub('//[^/]*@', '//', url)}: not an http:// or https:// URL with a host")
    return url


def _rows(spool: IO[bytes], names: tuple[str, ...]) -> Iterator[Row]:
    """The rows of a checked answer, parsed as they are read; the spool closes at the end."""
    with spool:
        for solution in ox.parse_query_results(spool, ox.QueryResultsFormat.JSON):
            yield {name: to_rdflib(solution[name]) for name in names if solution[name] is not None}


class RemoteStore:
    """Any SPARQL 1.1 endpoint with the Graph Store Protocol (Oxigraph, Fuseki, GraphDB, ...)."""

    def __init__(self, endpoint: Endpoint, *, timeout: float = 30.0, retries: int = 3, backoff: float = 0.5) -> None:
        self._auth = credentials(endpoint.store_url)
        self.endpoint = Endpoint(redact(endpoint.query_url), redact(endpoint.store_url))
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._http = httpx.Client(timeout=timeout, auth=self._auth, trust_env=False)

    @classmethod
    def from_url(cls, url: str, *, query_url: str | None = None, store_url: str | None = None, **options: float) -> RemoteStore:
        """A remote store for an endpoint URL (see Endpoint.from_url for the layouts)."""
        return cls(Endpoint.from_url(url, query_url, store_url), **options)

    def _fail(self, url: str, cause: str) -> StoreUnavailableError:
        return StoreUnavailableError(f"endpoint {redact(url)}: {cause}")

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> Solutions:
        """Run a SELECT remotely; bindings become a VALUES block; the whole answer is parsed first."""
        wrapper = SPARQLWrapper(self.endpoint.query_url)
        # SPARQLWrapper sniffs the query form from text with comments only half removed
        # (a header comment saying "dropped" made a SELECT look like DROP): send none.
        wrapper.setQuery(without_comments(with_values(query, bindings)))
        if wrapper.queryType != SELECT:
            raise QueryError("only SELECT queries can be run here", path="<query>")
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        wrapper.setTimeout(max(1, round(self.timeout)))
        if self._auth:
            wrapper.setCredentials(*self._auth)
        spool = self._download(wrapper)
        try:
            names = self._check_answer(spool)
        except BaseException:
            spool.close()
            raise
        return Solutions(names, _rows(spool, names))

    def _download(self, wrapper: SPARQLWrapper) -> IO[bytes]:
        """The whole answer, kept in memory up to SPOOL_BYTES and on disk beyond, so memory stays bounded."""
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
        try:
            # SPARQLWrapper builds the request (form, headers, credentials); our opener sends it
            # without following redirects, which would carry the credentials to another host.
            with _OPENER.open(wrapper._createRequest(), timeout=self.timeout) as response:
                while chunk := response.read(CHUNK_BYTES):
                    spool.write(chunk)
        except urllib.error.HTTPError as exc:
            spool.close()
            if exc.code == 400:
                raise QueryError("the endpoint rejected the query as malformed", path="<query>") from None
            raise self._fail(self.endpoint.query_url, _http_cause(exc.code, exc.headers.get("Location"))) from None
        except _QUERY_FAILURES as exc:
            spool.close()
            raise self._fail(self.endpoint.query_url, _cause(exc)) from None
        spool.seek(0)
        return spool

    def _check_answer(self, spool: IO[bytes]) -> tuple[str, ...]:
        """Parse the whole answer once before any row is handed out: a truncated one fails here, never midway."""
        try:
            answer = ox.parse_query_results(spool, ox.QueryResultsFormat.JSON)
            if not isinstance(answer, ox.QuerySolutions):
                raise SyntaxError("a boolean answer, not SELECT results")
            names = tuple(v.value for v in answer.variables)
            for _ in answer:
                pass
        except SyntaxError as exc:
            reason = " ".join(str(exc).split())[:200]
            raise self._fail(self.endpoint.query_url, f"truncated or invalid JSON answer ({reason})") from None
        spool.seek(0)
        return names

    def _request(self, method: str, graph: str, **kwargs: object) -> httpx.Response:
        """One Graph Store Protocol request, retried with backoff (only GET/PUT/DELETE reach here)."""
        url = self.endpoint.store_url
        for attempt in range(self.retries + 1):
            try:
                response = self._http.request(method, url, params={"graph": graph}, **kwargs)
            except httpx.HTTPError as exc:
                cause = _cause(exc)
            else:
                if response.status_code < 300 or (method == "GET" and response.status_code == 404):
                    return response
                cause = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                if response.status_code not in RETRY_STATUSES:
                    break
            if attempt < self.retries:
                time.sleep(self.backoff * 2**attempt)
        raise self._fail(url, f"{method} graph <{graph}> failed: {cause}")

    def put_graph(self, name: str, ntriples: bytes, expected: int) -> None:
        """PUT one graph's N-Triples (replace semantics), then check its count on the server."""
        self._request("PUT", name, content=ntriples, headers={"Content-Type": NTRIPLES})
        found = self.count(name)
        if found != expected:
            raise self._fail(self.endpoint.store_url, f"graph <{name}> has {found} triples after loading, expected {expected}")

    def replace_graph(self, name: str, graph: Graph) -> None:
        """Replace a named graph with a PUT of sorted N-Triples, then check the count."""
        from mskg.stores.ntriples import graph_nquads

        lines = sorted(graph_nquads(graph, name).decode("utf-8").splitlines())
        body = "".join(line.rsplit(" <", 1)[0] + " .\n" for line in lines).encode("utf-8")
        self.put_graph(name, body, len(graph))

    def delete_graph(self, name: str) -> None:
        """Remove a named graph (idempotent: a missing graph is fine)."""
        if name in self.graph_names():
            self._request("DELETE", name)

    def graph_names(self) -> list[str]:
        """The named graphs that hold at least one triple, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in rows if isinstance(r.get("g"), URIRef))

    def count(self, graph_name: str | None = None) -> int:
        """Triples in one named graph, or quads in all named graphs."""
        pattern = f"GRAPH <{graph_name}> {{ ?s ?p ?o }}" if graph_name else "GRAPH ?g { ?s ?p ?o }"
        rows = list(self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}"))
        return int(rows[0]["n"]) if rows else 0

    def quads(self) -> list[str]:
        """Every quad of every named graph as a canonical N-Quads line, sorted."""
        lines: list[str] = []
        for name in self.graph_names():
            body = self._request("GET", name, headers={"Accept": NTRIPLES}).content
            graph = ox.NamedNode(name)
            lines += (f"{ox.Quad(t.subject, t.predicate, t.object, graph)} ." for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        return sorted(lines)

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self._http.close()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Follow no redirect: urllib would resend the query and its Authorization header to any host."""

    def redirect_request(self, *args: object) -> None:
        return None


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects)


def _http_cause(status: int, location: str | None) -> str:
    """`HTTP 500`, or for a redirect where it pointed (without any credentials in it)."""
    if 300 <= status < 400:
        return f"HTTP {status} redirect to {redact(location or '?')} not followed; give that URL as the endpoint"
    return f"HTTP {status}"


def _cause(exc: BaseException) -> str:
    """A short, credential-free reason for a failed request."""
    if isinstance(exc, (httpx.TimeoutException, TimeoutError)):
        return "timed out"
    reason = getattr(exc, "reason", None)
    if isinstance(reason, BaseException):
        return _cause(reason)
    if isinstance(exc, (ConnectionRefusedError, httpx.ConnectError)):
        return "connection refused (is the server running?)"
    code = getattr(exc, "code", None)
    if code:
        return f"HTTP {code}"
    name = type(exc).__name__
    return f"{name}: {str(exc).splitlines()[0][:200]}" if str(exc) else name
