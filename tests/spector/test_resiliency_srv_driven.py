"""resiliency/srv-driven: a service that evolves between versions."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Resiliency_ServiceDriven_AddOptionalParam_fromNone": (
        "ScenarioMismatchError: no operation answers HEAD "
        "/resiliency/service-driven/client:v1/service:v1/api-version:v1/add-optional-param/from-none"
    ),
    "Resiliency_ServiceDriven_AddOptionalParam_fromOneOptional": (
        "ScenarioMismatchError: no operation answers GET "
        "/resiliency/service-driven/client:v1/service:v1/api-version:v1/add-optional-param/from-one-optional"
    ),
    "Resiliency_ServiceDriven_AddOptionalParam_fromOneRequired": (
        "ScenarioMismatchError: no operation answers GET "
        "/resiliency/service-driven/client:v1/service:v1/api-version:v1/add-optional-param/from-one-required"
    ),
    "Resiliency_ServiceDriven_addOperation": (
        "TypeError: Title.__init__() got an unexpected keyword argument 'endpoint'"
    ),
    "Resiliency_ServiceDriven_breakTheGlass": (
        "ScenarioMismatchError: no operation answers DELETE "
        "/resiliency/service-driven/client:v1/service:v2/api-version:v2/add-operation"
    ),
}
AREA = Area("azure-http-specs", "resiliency/srv-driven", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
