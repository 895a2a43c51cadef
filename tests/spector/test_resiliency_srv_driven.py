"""resiliency/srv-driven: a service that evolves between versions."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
_OLD_CLIENT = (
    "needs the client of old.tsp (its requests say client:v1); the cache compiles each folder's "
    "main.tsp only, whose documents say client:v2"
)
XFAIL = {
    "Resiliency_ServiceDriven_AddOptionalParam_fromNone": _OLD_CLIENT,
    "Resiliency_ServiceDriven_AddOptionalParam_fromOneOptional": _OLD_CLIENT,
    "Resiliency_ServiceDriven_AddOptionalParam_fromOneRequired": _OLD_CLIENT,
    "Resiliency_ServiceDriven_breakTheGlass": _OLD_CLIENT,
}
AREA = Area("azure-http-specs", "resiliency/srv-driven", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
