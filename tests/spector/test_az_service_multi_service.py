"""service/multi-service: driven as plain operations."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Service_MultiService_ServiceA_Foo_test": (
        "ScenarioMismatchError: no operation answers GET "
        "/service/multi-service/service-a/foo/test"
    ),
}
AREA = Area("azure-http-specs", "service/multi-service", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
