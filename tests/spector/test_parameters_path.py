"""parameters/path: required and optional path parameters."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Parameters_Path_optional": (
        "ScenarioMismatchError: no operation answers GET /parameters/path/optional"
    ),
}
AREA = Area("http-specs", "parameters/path", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
