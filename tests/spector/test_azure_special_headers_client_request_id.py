"""azure/special-headers/client-request-id: x-ms-client-request-id."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_SpecialHeaders_XmsClientRequestId": (
        "ScenarioMismatchError: no operation answers GET "
        "/azure/special-headers/x-ms-client-request-id"
    ),
}
AREA = Area("azure-http-specs", "azure/special-headers/client-request-id", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
