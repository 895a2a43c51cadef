"""azure/resource-manager/non-resource: ARM operations on non-resources."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_NonResource_NonResourceOperations_create": (
        "the generated client does not offer the credential kind this scenario uses"
    ),
    "Azure_ResourceManager_NonResource_NonResourceOperations_get": (
        "the generated client does not offer the credential kind this scenario uses"
    ),
}
AREA = Area("azure-http-specs", "azure/resource-manager/non-resource", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
