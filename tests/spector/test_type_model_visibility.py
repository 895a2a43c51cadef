"""type/model/visibility: read-only and write-only properties."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Type_Model_Visibility_getModel": (
        "ScenarioMismatchError: getModel: the scenario gives no value for body parameter " "'body'"
    ),
    "Type_Model_Visibility_headModel": (
        "ScenarioMismatchError: headModel: the scenario gives no value for body parameter " "'body'"
    ),
    "Type_Model_Visibility_putReadOnlyModel": (
        "ScenarioMismatchError: putReadOnlyModel: the scenario gives no value for body "
        "parameter 'body'"
    ),
}
AREA = Area("http-specs", "type/model/visibility", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
