"""server/path/multiple: an endpoint template with several parameters."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Server_Path_Multiple_noOperationParams": (
        "ScenarioMismatchError: no operation answers GET /server/path/multiple/v1.0"
    ),
    "Server_Path_Multiple_withOperationPathParam": (
        "TypeError: ServerPathMultiple.__init__() got an unexpected keyword argument "
        "'api_version'"
    ),
}
AREA = Area("http-specs", "server/path/multiple", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
