"""versioning/removed: members removed in a later version."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Versioning_Removed_v2": (
        "ScenarioMismatchError: v2: the scenario gives no value for query parameter " "'param'"
    ),
}
AREA = Area("http-specs", "versioning/removed", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
