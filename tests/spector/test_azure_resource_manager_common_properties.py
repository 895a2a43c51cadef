"""azure/resource-manager/common-properties:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_CommonProperties_Error_createForUserDefinedError": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_CommonProperties_Error_getForPredefinedError": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_CommonProperties_ManagedIdentity_createWithSystemAssigned": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_CommonProperties_ManagedIdentity_get": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_CommonProperties_ManagedIdentity_updateWithUserAssignedAndSystemAssigned": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
}
AREA = Area("azure-http-specs", "azure/resource-manager/common-properties", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
