"""azure/resource-manager/multi-service-older-versions:
ARM operations of several services, one OpenAPI 3 document each (the Swagger ones $ref
common-types no package ships); each scenario is driven with its service's document.
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ARM_CLIENT
from tests.spector.server import SpectorSession

PREFIX = "Azure_ResourceManager_MultiServiceOlderVersions_"
DOCUMENTS = {
    PREFIX + scenario: document
    for scenario, document in {
        "Compute_VirtualMachines_get": ".Compute.2024-11-01",
        "Compute_VirtualMachines_createOrUpdate": ".Compute.2024-11-01",
        "ComputeDisk_Disks_get": ".ComputeDisk.2024-03-02",
        "ComputeDisk_Disks_createOrUpdate": ".ComputeDisk.2024-03-02",
    }.items()
}
AREA = Area(
    "azure-http-specs",
    "azure/resource-manager/multi-service-older-versions",
    "openapi3",
    client=ARM_CLIENT,
    versions=DOCUMENTS,
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
