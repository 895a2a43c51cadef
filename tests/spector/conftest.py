"""Conformance tests against Spector (TypeSpec http-specs and azure-http-specs).

Fixtures:
- `spector` (session): the mock server serving both scenario packages on 127.0.0.1 (`.url`;
  restarted when the mock crashed, its coverage kept).
- `spector_clients` (session): `spector_clients.document("http-specs", "type/scalar", "openapi3")`
  generates that compiled document once per session and returns a driver.Document.

At session end the server is stopped, its coverage file read, a scoreboard printed per scenario
folder and per package, and floor.json enforced when every test file here ran unfiltered.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.spector import scoreboard
from tests.spector.clients import SpectorClients
from tests.spector.compile import CompileError, ensure_compiled
from tests.spector.compile import missing_prerequisite as missing_compiler
from tests.spector.server import ServerError, SpectorSession
from tests.spector.server import missing_prerequisite as missing_server
from tests.support import selection
from tests.support.node_server import require

HERE = Path(__file__).resolve().parent

_COVERAGE = pytest.StashKey[scoreboard.Coverage]()
_PASSED = pytest.StashKey[set[str]]()
_FLOOR_RESULT = pytest.StashKey[list[str]]()


def _require_spector() -> None:
    reason = missing_server() or missing_compiler()
    require(reason, suite="tests/spector", unavailable="Spector unavailable")


@pytest.fixture(autouse=True)
def _spector_prerequisites() -> None:
    _require_spector()


@pytest.fixture(scope="session")
def spector_cache() -> Path:
    _require_spector()
    try:
        return ensure_compiled()
    except CompileError as exc:
        pytest.fail(str(exc), pytrace=False)


@pytest.fixture(scope="session")
def spector(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SpectorSession]:
    _require_spector()
    try:
        server = SpectorSession(tmp_path_factory.mktemp("spector"))
    except ServerError as exc:
        pytest.fail(str(exc), pytrace=False)
    try:
        yield server
    finally:
        try:
            coverage = server.stop()
        except ServerError as exc:
            pytest.fail(str(exc), pytrace=False)
        passed = request.config.stash.get(_PASSED, set())
        request.config.stash[_COVERAGE] = scoreboard.confirmed(coverage, passed)


@pytest.fixture(scope="session")
def spector_clients(
    spector_cache: Path, tmp_path_factory: pytest.TempPathFactory
) -> SpectorClients:
    return SpectorClients(tmp_path_factory.mktemp("spector-clients"), spector_cache)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "scenario(*names): the Spector scenarios a hand-written test drives"
    )


def _scenarios_of(item: pytest.Item) -> list[str]:
    names = [str(n) for mark in item.iter_markers("scenario") for n in mark.args]
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "name" in callspec.params and _is_here(item):
        names.append(str(callspec.params["name"]))
    return names


def _is_here(item: pytest.Item) -> bool:
    return selection.is_inside(HERE, item.path)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    report = yield
    if report.when == "call" and report.passed and not hasattr(report, "wasxfail"):
        item.config.stash.setdefault(_PASSED, set()).update(_scenarios_of(item))
    return report  # type: ignore[no-any-return]


def pytest_deselected(items: list[pytest.Item]) -> None:
    selection.note_deselected(HERE, items)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    coverage = session.config.stash.get(_COVERAGE, None)
    if coverage is None or not selection.ran_whole_directory(session, HERE):
        return
    violations = scoreboard.floor_violations(coverage)
    session.config.stash[_FLOOR_RESULT] = violations
    if violations:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    config = terminalreporter.config
    coverage = config.stash.get(_COVERAGE, None)
    if coverage is None:
        return
    write = terminalreporter.write_line
    terminalreporter.section("Spector scenarios passed / total, per folder")
    violations = config.stash.get(_FLOOR_RESULT, None)
    if violations is None:
        write("floor.json not enforced: only part of tests/spector ran")
    elif violations:
        write("scenarios passed below floor.json:", red=True, bold=True)
        for violation in violations:
            write(f"  {violation}", red=True)
    else:
        write("floor.json: every folder at or above its floor")
    for line in scoreboard.summary_lines(coverage):
        write(line)
