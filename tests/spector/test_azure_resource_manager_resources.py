"""azure/resource-manager/resources:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_Resources_ExtensionsResources_createOrUpdate": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'subscription_id', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_Resources_ExtensionsResources_delete": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'subscription_id', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_Resources_ExtensionsResources_get": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'subscription_id', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_Resources_ExtensionsResources_listByScope": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'subscription_id', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_Resources_ExtensionsResources_update": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'subscription_id', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_Resources_LocationResources_createOrUpdate": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_LocationResources_delete": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_LocationResources_get": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_LocationResources_listByLocation": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_LocationResources_update": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Nested_createOrReplace": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Nested_delete": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Nested_get": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Nested_listByTopLevelTrackedResource": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Nested_update": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Singleton_createOrUpdate": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Singleton_getByResourceGroup": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Singleton_listByResourceGroup": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_Singleton_update": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_actionSync": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_createOrReplace": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_delete": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_get": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_listByResourceGroup": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_listBySubscription": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
    "Azure_ResourceManager_Resources_TopLevel_update": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'resource_group_name', and 'resource_uri'"
    ),
}
AREA = Area("azure-http-specs", "azure/resource-manager/resources", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
