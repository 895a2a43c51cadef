"""azure/resource-manager/large-header:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ARM_CLIENT
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_LargeHeader_LargeHeaders_two6k": (
        "long-running, but the OpenAPI 3 document does not say so: the operation is a plain "
        "request and the status monitor is never polled"
    ),
}
AREA = Area(
    "azure-http-specs",
    "azure/resource-manager/large-header",
    "openapi3",
    client=ARM_CLIENT,
    xfail=XFAIL,
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
