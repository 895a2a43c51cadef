"""Conformance tests against the AutoRest test server.

Fixtures:
- `testserver` (session): the running server, `.url` ("http://127.0.0.1:PORT"), `.port`,
  `.report(category)` for the live hit counts.
- `generated_clients` (session): `generated_clients("body-boolean.json")` generates that swagger
  file of the server package once per session and returns the imported package.

At session end the coverage reports are copied to build/testserver-coverage/, a per-file summary is
printed, and when every test file of this directory ran unfiltered, floor.json is enforced.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import selection
from tests.support.node_server import require
from tests.testserver import coverage
from tests.testserver.clients import GeneratedClients
from tests.testserver.server import ServerError, TestServer, missing_prerequisite, start_server

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
COVERAGE_OUT = ROOT / "build" / "testserver-coverage"

_REPORTS = pytest.StashKey[coverage.Reports]()
_FLOOR_RESULT = pytest.StashKey[list[str]]()


def _require_server() -> None:
    require(
        missing_prerequisite(),
        suite="tests/testserver",
        unavailable="AutoRest test server unavailable",
    )


@pytest.fixture(autouse=True)
def _testserver_prerequisites() -> None:
    _require_server()


@pytest.fixture(scope="session")
def testserver(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestServer]:
    _require_server()
    try:
        server = start_server(tmp_path_factory.mktemp("testserver"))
    except ServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        _collect_coverage(request.config, server)


def _collect_coverage(config: pytest.Config, server: TestServer) -> None:
    scenarios = coverage.load_scenarios()
    live = server.snapshot(coverage.categories(scenarios))
    server.stop()
    reports = coverage.prefer_live(live, coverage.read_reports(server.coverage_dir))
    coverage.write_reports(reports, COVERAGE_OUT)
    config.stash[_REPORTS] = reports


@pytest.fixture(scope="session")
def generated_clients(tmp_path_factory: pytest.TempPathFactory) -> GeneratedClients:
    return GeneratedClients(tmp_path_factory.mktemp("clients"))


def pytest_deselected(items: list[pytest.Item]) -> None:
    selection.note_deselected(HERE, items)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    reports = session.config.stash.get(_REPORTS, None)
    if reports is None or not selection.ran_whole_directory(session, HERE):
        return
    tallies = coverage.per_file(coverage.load_scenarios(), reports)
    violations = coverage.floor_violations(tallies, coverage.load_floor())
    session.config.stash[_FLOOR_RESULT] = violations
    if violations:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    config = terminalreporter.config
    reports = config.stash.get(_REPORTS, None)
    if reports is None:
        return
    write = terminalreporter.write_line
    terminalreporter.section("AutoRest test server coverage (scenarios hit / total)")
    for line in coverage.summary_lines(coverage.load_scenarios(), reports):
        write(line)
    write(f"reports: {COVERAGE_OUT}")
    violations = config.stash.get(_FLOOR_RESULT, None)
    if violations is None:
        write("floor.json not enforced: only part of tests/testserver ran")
    elif violations:
        write("coverage below floor.json:", red=True, bold=True)
        for violation in violations:
            write(f"  {violation}", red=True)
    else:
        write("floor.json: every file at or above its floor")
