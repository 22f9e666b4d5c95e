"""Issue 7 rows for queries: no remote fetches, bound parameters, truncated answers, union graphs, big results."""

from __future__ import annotations

import io
import sys
import threading
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from mskg.cli import cli
from mskg.errors import QueryError
from mskg.queries import catalogue, parse_query, run
from mskg.queries.formats import TABLE_LIMIT, write
from mskg.stores.base import Solutions
from tests.test_queries_fixture import fixture_store, fixture_store_dir

pytestmark = pytest.mark.hardening

INJECTIONS = ['x" } ; DROP ALL ; #', "<http://a> UNION { ?s ?p ?o }", "x' } UNION { ?s ?p ?o } #", "} } DELETE WHERE { ?s ?p ?o }"]
_NETWORK = {"armed": False, "calls": []}


def _audit(event: str, args: tuple) -> None:
    if _NETWORK["armed"] and event.startswith("socket."):
        _NETWORK["calls"].append(event)
        raise RuntimeError(f"network call during a query check: {event}")


sys.addaudithook(_audit)


class SpyStore:
    """A store that records whether anything reached it."""

    def __init__(self) -> None:
        self.calls = 0

    def select(self, query: str, bindings: object = None) -> Solutions:
        self.calls += 1
        return Solutions((), iter([]))


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://example.org/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT * WHERE { OPTIONAL { SERVICE SILENT <http://evil.example/q> { ?s ?p ?o } } }",
    ],
)
def test_remote_fetches_are_refused_before_running(text: str) -> None:
    spy = SpyStore()
    _NETWORK["armed"], _NETWORK["calls"] = True, []
    try:
        with pytest.raises(QueryError, match="is refused"):
            run(parse_query(text, name="user", source="user.rq"), spy)
    finally:
        _NETWORK["armed"] = False
    assert spy.calls == 0 and _NETWORK["calls"] == []


def test_keywords_inside_strings_iris_and_comments_are_not_refused() -> None:
    text = '# FROM here, DROP that\nSELECT ?s WHERE { GRAPH ?g { ?s <http://ex.org/service/load> "DELETE FROM x" } }'
    assert list(run(parse_query(text, name="user", source="user.rq"), fixture_store())) == []


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_a_literal_parameter_is_bound_as_a_term(value: str) -> None:
    store = fixture_store()
    before = store.quads()
    assert list(run(catalogue()["findings-by-evidence-type"], store, {"type": value})) == []
    assert list(run(catalogue()["comment-threads"], store, {"document": value})) == []
    assert store.quads() == before


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_bound_directly_to_a_term_variable_matches_nothing(value: str) -> None:
    store = fixture_store()
    before = store.quads()
    query = catalogue()["drugs-acting-on-cells"]
    assert list(store.select(query.text, {"cell": Literal(value)})) == []
    assert list(store.select(query.text, {"cell": URIRef("http://a")})) == []
    assert store.quads() == before


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store")
    fixture_store_dir(root)
    return root


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_on_the_command_line_changes_nothing(store_dir: Path, value: str) -> None:
    from mskg.stores.embedded import EmbeddedStore

    tmp_path = store_dir
    before = EmbeddedStore.open(tmp_path).quads()
    for name, param in (("drugs-acting-on-cells", "cell"), ("findings-by-evidence-type", "type")):
        result = CliRunner().invoke(cli, ["query", name, "-p", f"{param}={value}", "--format", "csv", "--store", str(tmp_path)])
        assert result.exit_code in (0, 2), result.output
        assert result.exit_code == 2 or result.stdout.count("\n") == 1
    assert EmbeddedStore.open(tmp_path).quads() == before


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_saved_query_gives_the_same_rows_with_union_default_graph_on_and_off(name: str) -> None:
    values = {"document": "a"} if name == "comment-threads" else {}
    off = list(run(catalogue()[name], fixture_store(union=False), values))
    on = list(run(catalogue()[name], fixture_store(union=True), values))
    assert off == on and off, name


class _Truncated(BaseHTTPRequestHandler):
    """Answers every query 200 with the first half of a valid SPARQL JSON result."""

    body = b'{"head": {"vars": ["drug"]}, "results": {"bindings": [{"drug": {"type": "uri", "value": "http://a"}}, {"drug": {"ty'

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def truncating_endpoint() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Truncated)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_truncated_remote_answer_is_an_error_never_a_partial_table(truncating_endpoint: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, ["query", "adverse-effects", "--endpoint", truncating_endpoint, "--format", fmt, "--timeout", "5"])
    assert result.exit_code == 3 and result.stdout == ""
    assert "truncated or invalid JSON" in result.stderr and len(result.stderr.strip().splitlines()) == 1


class _Sink(io.TextIOBase):
    """A text stream that counts the lines it is given and keeps none of them."""

    def __init__(self) -> None:
        self.lines = 0

    def write(self, text: str) -> int:
        self.lines += text.count("\n")
        return len(text)


def _watched_rows(n: int, sink: _Sink, lag: list[int]) -> Solutions:
    """n rows; before handing out each one, note how far the output lags behind."""

    def rows() -> Iterator[dict]:
        for i in range(n):
            lag[0] = max(lag[0], i - sink.lines)
            yield {"s": URIRef(f"http://example.org/s{i}"), "n": Literal(i)}

    return Solutions(("s", "n"), rows())


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_a_hundred_thousand_rows_stream_row_by_row(fmt: str) -> None:
    sink, lag = _Sink(), [0]
    write(_watched_rows(100_000, sink, lag), fmt, sink)
    assert lag[0] <= 2, f"{fmt} held {lag[0]} rows before writing them"
    assert sink.lines >= 100_000


def test_a_hundred_thousand_rows_in_a_table_stop_at_its_limit() -> None:
    sink, lag = _Sink(), [0]
    solutions = _watched_rows(100_000, sink, lag)
    write(solutions, "table", sink)
    assert next(iter(solutions))["n"] == Literal(TABLE_LIMIT + 1)
    assert sink.lines == TABLE_LIMIT + 3


def test_streaming_bounds_python_memory() -> None:
    peaks = []
    for n in (2_000, 8_000):
        tracemalloc.start()
        try:
            write(_watched_rows(n, _Sink(), [0]), "json", _Sink())
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    assert peaks[1] < peaks[0] * 1.5 + 100_000, peaks


@pytest.mark.parametrize("text", ["INSERT DATA { <http://a> <http://b> <http://c> }", "DELETE WHERE { ?s ?p ?o }",
                                  "LOAD <http://example.org/data.ttl>", "DROP ALL", "CLEAR ALL",
                                  "PREFIX x: <http://a/>\nSELECT * WHERE { ?s ?p ?o } ;\nDROP ALL"])
def test_an_update_is_refused_before_anything_reaches_the_store(text: str) -> None:
    spy = SpyStore()
    with pytest.raises(QueryError, match="updates are refused"):
        run(parse_query(text, name="user", source="user.rq"), spy)
    assert spy.calls == 0


def test_an_update_on_the_command_line_leaves_the_store_unchanged(store_dir: Path, tmp_path: Path) -> None:
    from mskg.stores.embedded import EmbeddedStore

    before = EmbeddedStore.open(store_dir).quads()
    path = tmp_path / "drop.rq"
    path.write_text("# tidy up\nDROP ALL\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", str(path), "--store", str(store_dir)])
    assert result.exit_code == 2
    assert result.stderr == f"mskg: {path}:2:1: updates are refused (DROP); mskg query only reads\n"
    assert EmbeddedStore.open(store_dir).quads() == before


def test_a_syntax_error_in_a_users_query_names_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# mine\nSELECT ?s WHERE {\n  ?s ?p ?o .\n  ?s <http://a b> ?o }\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", str(path), "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mskg: {path}:4:18: not a valid SPARQL query") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("text", ["SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000,
                                  "SELECT * WHERE { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }"],
                         ids=["groups", "parentheses"])
def test_deep_nesting_is_refused_before_the_parser_can_overflow_its_stack(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.rq"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["query", str(path), "--store", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"mskg: {path}:1:") and "nest more than 200 deep" in result.stderr


def test_ordinary_nesting_still_runs() -> None:
    text = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o FILTER(" + "(" * 40 + "?o = ?o" + ")" * 40 + ") } } LIMIT 1"
    assert len(list(run(parse_query(text, name="user", source="user.rq"), fixture_store()))) == 1
