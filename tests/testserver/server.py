"""Start, query and stop the AutoRest test server (node) on a free loopback port.

When the server writes coverage: at start it writes report-vanilla/azure/optional.json with every
scenario at 0 (report-dpg.json only appears after the first dpg hit); after each successful
scenario it rewrites the report of that category (legacy routes synchronously, newer routes with an
unsynchronised async write, so two concurrent requests can leave a garbled file). On stop it writes
nothing and exits right away. The in-memory counts, served by GET /report/<category>, are
therefore the reliable source; `snapshot()` reads them before `stop()`.

The server also credits one scenario it never saw (optional/HeaderParameterProtectedKey starts at
1), so `start()` zeroes every count with POST /report/clear once the server answers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tests.support.node_server import (
    BIND_LOCALHOST,
    HOST,
    NodeServer,
    ServerError,
    free_port,
    start_on_a_free_port,
)

__all__ = [
    "BIND_LOCALHOST",
    "HOST",
    "ServerError",
    "TestServer",
    "free_port",
    "missing_prerequisite",
    "start_server",
]

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
PACKAGE_DIR = NODE_MODULES / "@microsoft.azure" / "autorest.testserver"
CLI = PACKAGE_DIR / "dist" / "cli" / "cli.js"
SWAGGER_DIR = PACKAGE_DIR / "swagger"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def missing_prerequisite() -> str | None:
    """Why the server cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not on PATH"
    if not CLI.is_file():
        return (
            f"{CLI.relative_to(HERE)} is missing: run `make testserver-deps` "
            "(npm ci in tests/testserver)"
        )
    return None


def _child_env() -> dict[str, str]:
    # The CLI reads AUTOREST_TESTSERVER_* as option defaults; a stray one must not redirect it.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTOREST_TESTSERVER")}
    env["NODE_OPTIONS"] = ""
    return env


@dataclass
class TestServer(NodeServer):
    """One running server. `url` is "http://127.0.0.1:PORT"."""

    __test__ = False  # not a test class, despite the name

    coverage_dir: Path = field(kw_only=True)

    def _node(self, command: str) -> list[str]:
        return [
            "node",
            "--require",
            str(BIND_LOCALHOST),
            str(CLI),
            command,
            f"--port={self.port}",
            f"--coverageDirectory={self.coverage_dir}",
        ]

    def start(self) -> None:
        self.coverage_dir.mkdir(parents=True, exist_ok=True)
        self.spawn(self._node("run"), HERE, _child_env())
        self.wait_until_ready(
            lambda: httpx.get(f"{self.url}/report/vanilla", timeout=1.0).status_code == 200,
            name="test server",
            timeout=START_TIMEOUT,
            interval=0.05,
        )
        httpx.post(f"{self.url}/report/clear", timeout=5.0).raise_for_status()

    def report(self, category: str) -> dict[str, int]:
        response = httpx.get(f"{self.url}/report/{category}", timeout=5.0)
        response.raise_for_status()
        data = response.json()
        return {str(name): int(count) for name, count in data.items()}

    def snapshot(self, report_categories: list[str]) -> dict[str, dict[str, int]]:
        """The server's in-memory counts; categories it cannot answer for are left out."""
        reports = {}
        for category in report_categories:
            try:
                reports[category] = self.report(category)
            except (httpx.HTTPError, ValueError):
                continue
        return reports

    def stop(self) -> None:
        """`cli.js stop` first (it posts /.admin/stop); terminate the process if that fails."""
        if not self.running():
            return
        assert self.process is not None
        try:
            subprocess.run(
                self._node("stop"),
                cwd=HERE,
                env=_child_env(),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=STOP_TIMEOUT,
                check=False,
            )
            self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()


def start_server(workdir: Path, attempts: int = 3) -> TestServer:
    """Start on a free port (retried when another process takes it first)."""

    def start(port: int, attempt: int) -> TestServer:
        server = TestServer(
            port=port,
            log_path=workdir / f"server-{attempt}.log",
            coverage_dir=workdir / "coverage",
        )
        server.start()
        return server

    return start_on_a_free_port(start, attempts)
