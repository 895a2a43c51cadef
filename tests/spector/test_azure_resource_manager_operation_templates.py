"""azure/resource-manager/operation-templates:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_OperationTemplates_CheckNameAvailability_checkGlobal": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_CheckNameAvailability_checkLocal": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_ListAvailableOperations": (
        "TypeError: Title.__init__() missing 4 required positional arguments: "
        "'credential', 'subscription_id', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_LroPaging_postPagingLro": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_Lro_createOrReplace": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_Lro_delete": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_Lro_export": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_Lro_exportArray": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_OptionalBody_get": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_OptionalBody_patch": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_OptionalBody_post": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_OperationTemplates_OptionalBody_providerPost": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'location', and 'resource_group_name'"
    ),
}
AREA = Area(
    "azure-http-specs", "azure/resource-manager/operation-templates", "openapi3", xfail=XFAIL
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
