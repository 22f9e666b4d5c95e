"""Issue 7 rows for remote stores through the CLI: every fault is one line naming the endpoint,
credentials (URL, environment or ~/.netrc) are sent but never printed, and claims the shapes or the
parser refuse, or a query that reaches outside, never produce a single request."""

from __future__ import annotations

import base64
import threading
import time
import tracemalloc
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.build import write_store
from mskg.cli import cli
from mskg.stores.remote import SPOOL_BYTES, Endpoint, RemoteStore
from tests.build_helpers import hand_made
from tests.conftest import free_port
from tests.test_store_remote_faults import Stub, stub, url  # noqa: F401 (the stub fixture)
from tests.test_validate_hardening import _NoNetwork

pytestmark = pytest.mark.hardening

USER, PASSWORD = "curator", "s3cret-Pa55word"
TRUNCATED = b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "lit'
FAULTS = {"401": (401, b"Unauthorized", 0), "403": (403, b"Forbidden", 0), "405": (405, b"", 0),
          "500": (500, b"boom", 0), "truncated": (200, TRUNCATED, 0), "hangs": (200, b"", 4),
          "html": (200, b"<html><body>Welcome</body></html>", 0), "not-results": (200, b'{"hello": [1, 2]}', 0)}
CAUSES = {"401": "HTTP 401", "403": "HTTP 403", "405": "HTTP 405", "500": "HTTP 500",
          "truncated": "truncated or invalid JSON", "hangs": "timed out",
          "html": "truncated or invalid JSON", "not-results": "must contain a 'boolean' or a 'results' key"}


@pytest.fixture(autouse=True)
def _record_authorization(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every Authorization header the stub receives, decoded."""
    seen: list[str] = []
    answer = Stub._answer

    def recording(self: Stub) -> None:
        header = self.headers.get("Authorization") or ""
        seen.append(base64.b64decode(header[6:]).decode() if header.startswith("Basic ") else header)
        answer(self)

    monkeypatch.setattr(Stub, "_answer", recording)
    monkeypatch.setattr(Stub, "do_GET", recording)
    monkeypatch.setattr(Stub, "do_POST", recording)
    monkeypatch.setattr(Stub, "do_PUT", recording)
    monkeypatch.setattr(Stub, "do_DELETE", recording)
    monkeypatch.setenv("HOME", "/nonexistent-home")
    return seen


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("store")
    write_store(root, [hand_made("doc-a")])
    return root


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.stdout, result.stderr


def assert_one_clean_line(err: str, endpoint: str, cause: str) -> None:
    (line,) = err.splitlines()
    assert line.startswith(f"mskg: endpoint {endpoint}") and cause in line, line
    assert PASSWORD not in line and f"{USER}:" not in line


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_query_fault_is_one_line_without_credentials(stub, monkeypatch: pytest.MonkeyPatch, fault: str) -> None:
    monkeypatch.setenv("MSKG_ENDPOINT_USER", USER)
    monkeypatch.setenv("MSKG_ENDPOINT_PASSWORD", PASSWORD)
    stub.behaviour = FAULTS[fault]
    started = time.monotonic()
    code, out, err = invoke("query", "adverse-effects", "--endpoint", url(stub), "--timeout", "1")
    assert code == 3 and out == ""
    assert_one_clean_line(err, url(stub), CAUSES[fault])
    assert stub.requests == ["POST"], "a query is sent once, never retried"
    assert time.monotonic() - started < 3.5


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_load_fault_is_one_line_without_credentials(stub, store: Path, monkeypatch, _record_authorization, fault: str) -> None:
    monkeypatch.setenv("MSKG_ENDPOINT_USER", USER)
    monkeypatch.setenv("MSKG_ENDPOINT_PASSWORD", PASSWORD)
    status, body, hang = FAULTS[fault]
    stub.behaviour = (204, b"", 0) if status == 200 and not hang else (status, body, hang)
    code, _, err = invoke("load", "--endpoint", url(stub), "--store", str(store), "--retries", "1", "--timeout", "1")
    assert code == 3
    expected = "truncated or invalid JSON" if status == 200 and not hang else CAUSES[fault]
    assert_one_clean_line(err, url(stub), expected)
    assert set(_record_authorization) == {f"{USER}:{PASSWORD}"}, "the credentials were sent with every request"
    puts = stub.requests.count("PUT")
    assert puts == (2 if fault in ("500", "hangs") else 1), "only server errors and timeouts of a PUT are retried"


def test_netrc_credentials_are_sent_and_never_printed(stub, store: Path, tmp_path: Path, monkeypatch,
                                                      _record_authorization) -> None:
    netrc = tmp_path / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("MSKG_ENDPOINT_USER", raising=False)
    stub.behaviour = (401, b"Unauthorized", 0)
    for args in (["query", "adverse-effects"], ["load", "--store", str(store), "--retries", "0"]):
        code, out, err = invoke(*args, "--endpoint", url(stub))
        assert code == 3
        assert_one_clean_line(err, url(stub), "HTTP 401")
        assert PASSWORD not in out
    assert set(_record_authorization) == {f"{USER}:{PASSWORD}"}


def test_credentials_in_the_url_are_sent_and_never_printed(stub, store: Path, _record_authorization) -> None:
    stub.behaviour = (403, b"Forbidden", 0)
    endpoint = url(stub).replace("http://", f"http://{USER}:{PASSWORD}@")
    for args in (["query", "adverse-effects"], ["load", "--store", str(store), "--retries", "0"]):
        code, _, err = invoke(*args, "--endpoint", endpoint)
        assert code == 3
        assert_one_clean_line(err, url(stub), "HTTP 403")
    assert stub.requests == ["POST", "PUT"]
    assert set(_record_authorization) == {f"{USER}:{PASSWORD}"}


def test_an_unreachable_endpoint_with_credentials_in_its_url_is_one_clean_line(store: Path) -> None:
    port = free_port()
    for args in (["query", "adverse-effects"], ["load", "--store", str(store), "--retries", "0"]):
        code, _, err = invoke(*args, "--endpoint", f"http://{USER}:{PASSWORD}@127.0.0.1:{port}", "--timeout", "2")
        assert code == 3
        assert_one_clean_line(err, f"http://127.0.0.1:{port}", "connection refused")


PREFIXES = ("@prefix mskg: <https://w3id.org/mskg/> .\n@prefix oa: <http://www.w3.org/ns/oa#> .\n"
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n")
NEVER_SENT = {
    "iri-with-space": PREFIXES + "<https://w3id.org/mskg/id/doc/a b> mskg:text \"x\" .\n",
    "language-tag-en_US": PREFIXES + "<https://w3id.org/mskg/id/doc/a> mskg:text \"x\"@en_US .\n",
    "ill-typed-integer": PREFIXES + "<https://w3id.org/mskg/id/evidence/e/position> a oa:TextPositionSelector ;"
                                    " oa:start \"abc\"^^xsd:integer ; oa:end 3 .\n",
    "owl-imports": PREFIXES + "<https://w3id.org/mskg/id/graph/x> <http://www.w3.org/2002/07/owl#imports> "
                              "<https://example.org/other.ttl> .\n",
}


@pytest.mark.parametrize("name", sorted(NEVER_SENT))
def test_refused_claims_are_never_sent_to_the_server(stub, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.ttl"
    path.write_text(NEVER_SENT[name], encoding="utf-8")
    stub.behaviour = (204, b"", 0)
    code, _, err = invoke("load", str(path), "--endpoint", url(stub))
    assert code in (1, 2), err
    assert str(path) in err
    assert stub.requests == []


@pytest.mark.parametrize("text", ["SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
                                  "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }"],
                         ids=["service", "from"])
def test_a_query_reaching_outside_opens_no_socket_even_with_an_endpoint(stub, tmp_path: Path, text: str) -> None:
    path = tmp_path / "evil.rq"
    path.write_text(text, encoding="utf-8")
    _NoNetwork.armed = True
    try:
        code, out, err = invoke("query", str(path), "--endpoint", url(stub))
    finally:
        _NoNetwork.armed = False
    assert code == 2 and out == "" and "is refused" in err
    assert stub.requests == []


def _big_answer(rows: int) -> bytes:
    row = '{"s": {"type": "uri", "value": "http://example.org/s%d"}, "n": {"type": "literal", "value": "%s"}}'
    bindings = ",\n".join(row % (i, "x" * 150) for i in range(rows))
    return ('{"head": {"vars": ["s", "n"]}, "results": {"bindings": [\n' + bindings + "\n]}}").encode()


def test_a_hundred_thousand_row_remote_answer_is_read_in_bounded_memory(stub) -> None:
    body = _big_answer(100_000)
    assert len(body) > 2 * SPOOL_BYTES
    stub.behaviour = (200, body, 0)
    remote = RemoteStore(Endpoint.from_url(url(stub)), timeout=10)
    tracemalloc.start()
    try:
        count, last = 0, None
        for row in remote.select("SELECT ?s ?n WHERE { ?s ?p ?n }"):
            count, last = count + 1, row["s"]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        remote.close()
    assert count == 100_000 and str(last) == "http://example.org/s99999"
    assert peak < SPOOL_BYTES + 4_000_000 < len(body), f"peak {peak} bytes for a {len(body)}-byte answer"


class _Redirect(BaseHTTPRequestHandler):
    """Answers every request with a redirect to `server.target`; records what it was sent."""

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append(self.command)  # type: ignore[attr-defined]
        self.send_response(self.server.status)  # type: ignore[attr-defined]
        self.send_header("Location", self.server.target)  # type: ignore[attr-defined]
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_a_redirect_is_not_followed_so_credentials_never_reach_another_host(stub, store: Path, monkeypatch,
                                                                             _record_authorization, status: int) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    server.requests, server.status, server.target = [], status, f"{url(stub)}/elsewhere"  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    endpoint = f"http://{USER}:{PASSWORD}@127.0.0.1:{server.server_address[1]}"
    try:
        for args in (["query", "adverse-effects"], ["load", "--store", str(store), "--retries", "0"]):
            code, out, err = invoke(*args, "--endpoint", endpoint)
            assert code == 3 and out == ""
            assert_one_clean_line(err, f"http://127.0.0.1:{server.server_address[1]}", f"HTTP {status}")
    finally:
        server.shutdown()
        server.server_close()
    assert server.requests == ["POST", "PUT"]
    assert stub.requests == [] and _record_authorization == [], "nothing reached the redirect's target"
