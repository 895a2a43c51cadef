"""azure/resource-manager/multi-service-shared-models:
ARM operations of several services, one OpenAPI 3 document each (the Swagger ones $ref
common-types no package ships); each scenario is driven with its service's document.
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ARM_CLIENT
from tests.spector.server import SpectorSession

PREFIX = "Azure_ResourceManager_MultiServiceSharedModels_"
DOCUMENTS = {
    PREFIX + scenario: document
    for scenario, document in {
        "Compute_VirtualMachines_get": ".Compute.2025-05-01",
        "Compute_VirtualMachines_createOrUpdate": ".Compute.2025-05-01",
        "Storage_StorageAccounts_get": ".Storage.2025-02-01",
        "Storage_StorageAccounts_createOrUpdate": ".Storage.2025-02-01",
    }.items()
}
AREA = Area(
    "azure-http-specs",
    "azure/resource-manager/multi-service-shared-models",
    "openapi3",
    client=ARM_CLIENT,
    versions=DOCUMENTS,
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
