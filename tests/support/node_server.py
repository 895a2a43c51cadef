"""A node server for a test session: started on a free loopback port, waited for, stopped.

The AutoRest test server (tests/testserver) and the Spector mock (tests/spector) are both node
processes that take a port but no host; each suite's `server.py` says how its server is started,
asked whether it is ready and stopped, and this module does the rest the same way for both.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import httpx
import pytest

HOST = "127.0.0.1"
# Preloaded into node (`--require`): gives every host-less listen() 127.0.0.1.
BIND_LOCALHOST = Path(__file__).resolve().parents[1] / "testserver" / "bind_localhost.js"
ServerT = TypeVar("ServerT", bound="NodeServer")


class ServerError(RuntimeError):
    pass


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require(reason: str | None, *, suite: str, unavailable: str) -> None:
    """Nothing when `reason` is None; else skip (on a developer's machine) or fail (in CI, where
    `make test` installs what the suite needs)."""
    if reason is None:
        return
    if in_ci():
        pytest.fail(f"{suite} cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"{unavailable}: {reason}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


@dataclass
class NodeServer:
    """One server process; its output goes to `log_path`."""

    port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def log_tail(self, limit: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-limit:]
        except OSError:
            return ""

    def spawn(self, command: list[str], cwd: Path, env: dict[str, str]) -> None:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def wait_until_ready(
        self, ready: Callable[[], bool], *, name: str, timeout: float, interval: float
    ) -> None:
        """Poll `ready` (an HTTP request that fails while nothing listens) until it says yes;
        the process exiting first, or `timeout`, is a ServerError with the log's tail."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ServerError(
                    f"{name} exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                if ready():
                    return
            except httpx.TransportError:
                pass
            time.sleep(interval)
        self.kill()
        raise ServerError(f"{name} did not answer within {timeout}s:\n{self.log_tail()}")

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def exited(self, timeout: float) -> bool:
        """Whether the process ends within `timeout` seconds."""
        assert self.process is not None
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return False
        return True

    def kill(self) -> None:
        if not self.running():
            return
        assert self.process is not None
        self.process.terminate()
        if not self.exited(5):
            self.process.kill()
            self.process.wait()


def start_on_a_free_port(start: Callable[[int, int], ServerT], attempts: int = 3) -> ServerT:
    """`start(port, attempt)` on a free port; another process may take the port between the
    probe and the server's bind, so a ServerError is retried on a fresh port."""
    error: ServerError | None = None
    for attempt in range(attempts):
        try:
            return start(free_port(), attempt)
        except ServerError as exc:
            error = exc
    assert error is not None
    raise error
