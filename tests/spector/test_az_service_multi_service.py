"""service/multi-service: two services, one document each; each scenario is driven with its
service's newest document."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

DOCUMENTS = {
    "Service_MultiService_ServiceA_Foo_test": "Service.MultiService.ServiceA",
    "Service_MultiService_ServiceB_Bar_test": "Service.MultiService.ServiceB",
}
AREA = Area("azure-http-specs", "service/multi-service", "autorest", versions=DOCUMENTS)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
