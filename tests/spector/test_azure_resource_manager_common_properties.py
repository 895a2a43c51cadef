"""azure/resource-manager/common-properties:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ARM_CLIENT
from tests.spector.server import SpectorSession

AREA = Area(
    "azure-http-specs", "azure/resource-manager/common-properties", "openapi3", client=ARM_CLIENT
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
