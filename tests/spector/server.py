"""Start and stop the Spector mock server (node) for both scenario packages on a free loopback port.

`tsp-spector serve` has no host option, so it is started with tests/testserver/bind_localhost.js
preloaded, which gives every host-less listen() 127.0.0.1. At start it runs `git rev-parse HEAD`
in each scenario directory (inside this repository's node_modules, so the repository's HEAD
answers). It keeps its counts in memory and writes the coverage file only when it exits:
`tsp-spector server stop` posts to http://localhost:PORT/.admin/stop, which may resolve to ::1
and miss a server bound to 127.0.0.1, so the same request is then sent to 127.0.0.1 directly.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.spector.compile import NODE, NODE_MODULES, PACKAGES
from tests.support.node_server import (
    BIND_LOCALHOST,
    HOST,
    NodeServer,
    ServerError,
    free_port,
    start_on_a_free_port,
)

__all__ = [
    "HOST",
    "Coverage",
    "ServerError",
    "SpectorServer",
    "SpectorSession",
    "free_port",
    "missing_prerequisite",
    "start_server",
]

HERE = Path(__file__).resolve().parent
CLI = NODE_MODULES / "@typespec" / "spector" / "cmd" / "cli.mjs"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 30.0
STOP_PATH = "/.admin/stop"

# Scenario name -> "pass" | "fail" | "not-implemented", one mapping per scenario package.
Coverage = dict[str, dict[str, str]]


def missing_prerequisite() -> str | None:
    if not NODE.is_file() or not CLI.is_file():
        return "Spector is not installed: run `make spector-deps` (npm ci in tests/spector)"
    return None


def spec_dirs() -> list[Path]:
    return [path / "specs" for path in PACKAGES.values()]


def parse_coverage(text: str) -> Coverage:
    """The coverage file: a list of {scenariosMetadata: {packageName}, results: {name: status}}."""
    data = json.loads(text)
    if not isinstance(data, list):
        raise ValueError("a Spector coverage file is a JSON list")
    coverage: Coverage = {}
    for report in data:
        package = str(report["scenariosMetadata"]["packageName"]).rsplit("/", 1)[-1]
        coverage[package] = {str(k): str(v) for k, v in report["results"].items()}
    return coverage


def _any_answer(url: str) -> bool:
    # Any answer means the routes are mounted; an unknown path answers 404.
    httpx.get(f"{url}/.sdkforge/ready", timeout=1.0)
    return True


@dataclass
class SpectorServer(NodeServer):
    coverage_file: Path = field(kw_only=True)

    def _cli(self, *args: str) -> list[str]:
        return [str(NODE), "--require", str(BIND_LOCALHOST), str(CLI), *args]

    def start(self) -> None:
        command = self._cli(
            "serve",
            *map(str, spec_dirs()),
            "--port",
            str(self.port),
            "--coverageFile",
            str(self.coverage_file),
        )
        self.spawn(command, HERE, {**os.environ, "NODE_OPTIONS": ""})
        self.wait_until_ready(
            lambda: _any_answer(self.url), name="Spector", timeout=START_TIMEOUT, interval=0.1
        )

    def stop(self) -> Coverage:
        """Stop the server (it writes the coverage file on exit) and read that file."""
        if self.running():
            with contextlib.suppress(subprocess.TimeoutExpired):
                subprocess.run(
                    self._cli("server", "stop", "--port", str(self.port)),
                    cwd=HERE,
                    env={**os.environ, "NODE_OPTIONS": ""},
                    stdin=subprocess.DEVNULL,
                    capture_output=True,
                    timeout=STOP_TIMEOUT,
                    check=False,
                )
            if not self.exited(2.0):
                with contextlib.suppress(httpx.TransportError):
                    httpx.post(f"{self.url}{STOP_PATH}", timeout=5.0)
            if not self.exited(STOP_TIMEOUT):
                self.kill()
                raise ServerError(f"Spector did not stop; no coverage:\n{self.log_tail()}")
        try:
            return parse_coverage(self.coverage_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ServerError(f"unreadable coverage file {self.coverage_file}: {exc}") from exc


def merge_coverage(first: Coverage, second: Coverage) -> Coverage:
    """Two servers' verdicts: a scenario passed when either saw it pass, else the worse one."""
    rank = {"pass": 2, "fail": 1}
    merged = {package: dict(results) for package, results in first.items()}
    for package, results in second.items():
        into = merged.setdefault(package, {})
        for name, status in results.items():
            if rank.get(status, 0) >= rank.get(into.get(name, ""), 0):
                into[name] = status
    return merged


class SpectorSession:
    """The server for a test session. The mock crashes on some requests it cannot compare
    (an XML body that differs from the expected one); the next `url` then finds the process
    gone, keeps the coverage it wrote on exit and starts a fresh server."""

    def __init__(self, workdir: Path) -> None:
        self._workdir = workdir
        self._coverage: Coverage = {}
        self.restarts = 0
        self._server = start_server(workdir / "0")

    @property
    def url(self) -> str:
        if self._server.process is not None and self._server.process.poll() is not None:
            self._harvest()
            self.restarts += 1
            self._server = start_server(self._workdir / str(self.restarts))
        return self._server.url

    def log_tail(self, limit: int = 4000) -> str:
        return self._server.log_tail(limit)

    def _harvest(self) -> None:
        try:
            found = parse_coverage(self._server.coverage_file.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            return
        self._coverage = merge_coverage(self._coverage, found)

    def stop(self) -> Coverage:
        return merge_coverage(self._coverage, self._server.stop())


def start_server(workdir: Path, attempts: int = 3) -> SpectorServer:
    """Start on a free port (retried when another process takes it first)."""
    workdir.mkdir(parents=True, exist_ok=True)

    def start(port: int, attempt: int) -> SpectorServer:
        server = SpectorServer(
            port=port,
            log_path=workdir / f"server-{attempt}.log",
            coverage_file=workdir / f"coverage-{attempt}.json",
        )
        server.start()
        return server

    return start_on_a_free_port(start, attempts)
