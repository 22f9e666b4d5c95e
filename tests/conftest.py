"""Shared fixtures: a real `oxigraph serve` on loopback, and helpers to start and stop it."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str:
    """The `oxigraph` command from the PyPI package, next to this Python or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        pytest.skip("the `oxigraph` command (PyPI package oxigraph) is not installed")
    return found


@dataclass
class OxigraphServer:
    """A running `oxigraph serve` on loopback; can be stopped and restarted on the same dir."""

    location: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, *extra: str) -> None:
        """Start the server and wait until it answers a query."""
        cmd = [oxigraph_binary(), "serve", "--location", str(self.location),
               "--bind", f"127.0.0.1:{self.port}", *extra]
        self.process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.process.returncode}")
            try:
                httpx.get(f"{self.url}/query", params={"query": "ASK {}"}, timeout=1)
                return
            except httpx.TransportError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not answer within 20 s")

    def stop(self) -> None:
        """Kill the server (SIGKILL, like a crash) and wait for it."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A real `oxigraph serve` on 127.0.0.1 with a free port and a temp dir; yields it (`.url`)."""
    server = OxigraphServer(location=tmp_path / "oxigraph-server", port=free_port())
    server.start()
    try:
        yield server
    finally:
        server.stop()
