"""azure/resource-manager/multi-service-older-versions:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_MultiServiceOlderVersions_ComputeDisk_Disks_createOrUpdate": (
        "the generated client does not offer the credential kind this scenario uses"
    ),
    "Azure_ResourceManager_MultiServiceOlderVersions_ComputeDisk_Disks_get": (
        "the generated client does not offer the credential kind this scenario uses"
    ),
    "Azure_ResourceManager_MultiServiceOlderVersions_Compute_VirtualMachines_createOrUpdate": (
        "ScenarioMismatchError: no operation answers PUT "
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Compute"
    ),
    "Azure_ResourceManager_MultiServiceOlderVersions_Compute_VirtualMachines_get": (
        "ScenarioMismatchError: no operation answers GET "
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/test-rg/providers/Microsoft.Compute"
    ),
}
AREA = Area(
    "azure-http-specs",
    "azure/resource-manager/multi-service-older-versions",
    "openapi3",
    xfail=XFAIL,
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
