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
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
NODE_MODULES = HERE / "node_modules"
PACKAGE_DIR = NODE_MODULES / "@microsoft.azure" / "autorest.testserver"
CLI = PACKAGE_DIR / "dist" / "cli" / "cli.js"
SWAGGER_DIR = PACKAGE_DIR / "swagger"
BIND_LOCALHOST = HERE / "bind_localhost.js"
HOST = "127.0.0.1"
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


class ServerError(RuntimeError):
    pass


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


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _child_env() -> dict[str, str]:
    # The CLI reads AUTOREST_TESTSERVER_* as option defaults; a stray one must not redirect it.
    env = {k: v for k, v in os.environ.items() if not k.startswith("AUTOREST_TESTSERVER")}
    env["NODE_OPTIONS"] = ""
    return env


@dataclass
class TestServer:
    """One running server. `url` is "http://127.0.0.1:PORT"."""

    __test__ = False  # not a test class, despite the name

    port: int
    coverage_dir: Path
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

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

    def log_tail(self, limit: int = 4000) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-limit:]
        except OSError:
            return ""

    def start(self) -> None:
        self.coverage_dir.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                self._node("run"),
                cwd=HERE,
                env=_child_env(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_until_ready()
        httpx.post(f"{self.url}/report/clear", timeout=5.0).raise_for_status()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ServerError(
                    f"test server exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                if httpx.get(f"{self.url}/report/vanilla", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.05)
        self.kill()
        raise ServerError(f"test server did not answer within {START_TIMEOUT}s:\n{self.log_tail()}")

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
        if self.process is None or self.process.poll() is not None:
            return
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

    def kill(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_server(workdir: Path, attempts: int = 3) -> TestServer:
    """Start on a free port; another process may grab the port between probe and bind, so retry."""
    error: ServerError | None = None
    for attempt in range(attempts):
        server = TestServer(
            port=free_port(),
            coverage_dir=workdir / "coverage",
            log_path=workdir / f"server-{attempt}.log",
        )
        try:
            server.start()
        except ServerError as exc:
            error = exc
            continue
        return server
    assert error is not None
    raise error
