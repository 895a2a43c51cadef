"""One scenario folder as a test module: its scenario names and how to run one of them.

    AREA = Area("http-specs", "type/scalar", "openapi3")

    @AREA.parametrize
    def test_scenario(name, spector, spector_clients):
        AREA.run(name, spector, spector_clients)

Scenario names come from the compile cache (compiled on first use). Scenarios a folder leaves
out are listed with their reason in `skip` (and in EXCEPTIONS.md); they are not parametrized.
A test that drives a scenario by hand names it with `@pytest.mark.scenario("Name", ...)`.
The scoreboard counts a scenario only when the server recorded it as passed and a test
that drives it passed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.spector.clients import SpectorClients
from tests.spector.compile import CompileError, ensure_compiled, missing_prerequisite
from tests.spector.driver import Document, run_scenario
from tests.spector.server import SpectorSession

UNAVAILABLE = "spector-unavailable"
F = TypeVar("F", bound=Callable[..., Any])


@cache
def _cache() -> Path | None:
    if missing_prerequisite() is not None:
        return None
    try:
        return ensure_compiled()
    except CompileError:
        return None


def scenarios(package: str, folder: str) -> dict[str, Any]:
    root = _cache()
    if root is None:
        return {}
    path = root / package / folder / "scenarios.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class Area:
    package: str
    folder: str
    emitter: str  # "openapi3" or "autorest"
    skip: Mapping[str, str] = field(default_factory=dict)  # scenario -> why it is left out
    xfail: Mapping[str, str] = field(default_factory=dict)  # scenario -> the known defect
    # scenario -> why it passes or fails by chance (a mock that crashes on some requests); a
    # non-strict xfail: no failure either way, not counted on the scoreboard
    unstable: Mapping[str, str] = field(default_factory=dict)
    version: str = ""  # which document of a versioned folder
    # scenario -> which document, where a folder describes several services (one document each)
    versions: Mapping[str, str] = field(default_factory=dict)
    # placeholder -> value, for ":name"s in a mock's URI that its scenario leaves without a value
    # (the mock accepts any value there)
    path_values: Mapping[str, str] = field(default_factory=dict)
    client: Mapping[str, Any] = field(default_factory=dict)  # client arguments for every scenario
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # ... for one scenario

    def names(self) -> list[str]:
        found = scenarios(self.package, self.folder)
        named = set(self.skip) | set(self.xfail) | set(self.unstable) | set(self.versions)
        unknown = named - set(found)
        if found and unknown:
            raise ValueError(f"{self.folder}: unknown scenarios {sorted(unknown)}")
        names = [name for name in found if name not in self.skip]
        return names or [UNAVAILABLE]

    def parametrize(self, test: F) -> F:
        """One test per scenario; a known defect is a strict xfail, so its fix shows."""
        params = [
            pytest.param(name, marks=pytest.mark.xfail(reason=self.xfail[name], strict=True))
            if name in self.xfail
            else pytest.param(
                name, marks=pytest.mark.xfail(reason=self.unstable[name], strict=False)
            )
            if name in self.unstable
            else name
            for name in self.names()
        ]
        return pytest.mark.parametrize("name", params)(test)  # type: ignore[no-any-return]

    def scenario(self, name: str) -> dict[str, Any]:
        if name == UNAVAILABLE:
            pytest.fail(f"{self.package}/{self.folder}: no compiled scenarios", pytrace=False)
        data: dict[str, Any] = scenarios(self.package, self.folder)[name]
        if self.path_values:
            data = {**data, "apis": [self._fill_path_values(api) for api in data["apis"]]}
        return data

    def _fill_path_values(self, api: Mapping[str, Any]) -> dict[str, Any]:
        request = api["request"]
        values = {**self.path_values, **(request.get("pathParams") or {})}
        return {**api, "request": {**request, "pathParams": values}}

    def document(self, clients: SpectorClients, name: str = "") -> Document:
        version = self.versions.get(name, self.version)
        return clients.document(self.package, self.folder, self.emitter, version)

    def run(
        self, name: str, server: SpectorSession, clients: SpectorClients, **options: Any
    ) -> None:
        arguments = {**self.client, **self.options.get(name, {}), **options}
        run_scenario(self.document(clients, name), server.url, self.scenario(name), **arguments)
