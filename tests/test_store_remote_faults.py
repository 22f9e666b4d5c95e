"""Misbehaving endpoints: each fault is one line naming the endpoint and the cause, exit 3."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from mskg.build import write_store
from mskg.cli import cli
from mskg.errors import StoreUnavailableError
from mskg.stores.remote import Endpoint, RemoteStore
from tests.build_helpers import hand_made

pytestmark = pytest.mark.hardening

PASSWORD = "s3cret-Pa55word"


class Stub(BaseHTTPRequestHandler):
    """Answers every request with the server's configured status and body, or hangs."""

    def _answer(self) -> None:
        self.server.requests.append(self.command)  # type: ignore[attr-defined]
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        status, body, hang = self.server.behaviour  # type: ignore[attr-defined]
        if hang:
            time.sleep(hang)
            return
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def stub() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    server.daemon_threads = True
    server.requests = []  # type: ignore[attr-defined]
    server.behaviour = (200, b"", 0)  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def url(server: ThreadingHTTPServer) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


def remote(server: ThreadingHTTPServer, timeout: float = 2) -> RemoteStore:
    return RemoteStore(Endpoint.from_url(url(server)), timeout=timeout, retries=2, backoff=0.01)


@pytest.mark.parametrize("status", [401, 403, 405, 500])
def test_an_error_status_on_a_query_is_one_line(stub, status: int) -> None:
    stub.behaviour = (status, b"nope", 0)
    with pytest.raises(StoreUnavailableError) as err:
        remote(stub).count()
    assert f"HTTP {status}" in err.value.one_line() and url(stub) in err.value.one_line()
    assert stub.requests == ["POST"], "a query is sent once, never retried blindly"


def test_a_truncated_json_answer_is_an_error_not_a_partial_table(stub) -> None:
    stub.behaviour = (200, b'{"head": {"vars": ["n"]}, "results": {"bindings": [{"n": {"type": "lit', 0)
    with pytest.raises(StoreUnavailableError, match="truncated or invalid JSON"):
        remote(stub).select("SELECT ?n WHERE { ?s ?p ?n }")


def test_a_hanging_server_times_out(stub) -> None:
    stub.behaviour = (200, b"", 5)
    started = time.monotonic()
    with pytest.raises(StoreUnavailableError, match="timed out"):
        remote(stub, timeout=1).count()
    assert time.monotonic() - started < 4.5


def test_a_put_is_retried_on_500_but_not_on_405(stub) -> None:
    stub.behaviour = (500, b"", 0)
    with pytest.raises(StoreUnavailableError, match="HTTP 500"):
        remote(stub).put_graph("https://w3id.org/mskg/id/doc/a", b"", 0)
    assert stub.requests == ["PUT", "PUT", "PUT"]
    stub.requests.clear()
    stub.behaviour = (405, b"", 0)
    with pytest.raises(StoreUnavailableError, match="HTTP 405"):
        remote(stub).put_graph("https://w3id.org/mskg/id/doc/a", b"", 0)
    assert stub.requests == ["PUT"]


def test_credentials_are_sent_but_never_printed(stub, tmp_path: Path, monkeypatch) -> None:
    write_store(tmp_path, [hand_made("doc-a")])
    monkeypatch.setenv("MSKG_ENDPOINT_USER", "curator")
    monkeypatch.setenv("MSKG_ENDPOINT_PASSWORD", PASSWORD)
    stub.behaviour = (401, b"Unauthorized", 0)
    endpoint = url(stub).replace("http://", f"http://curator:{PASSWORD}@")
    result = CliRunner().invoke(cli, ["load", "--endpoint", endpoint, "--store", str(tmp_path), "--retries", "0"])
    assert result.exit_code == 3
    assert result.output.count("\n") == 1 and "HTTP 401" in result.output
    assert PASSWORD not in result.output
