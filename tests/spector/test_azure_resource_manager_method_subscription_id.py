"""azure/resource-manager/method-subscription-id:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ResourceManager_MethodSubscriptionId_Operations": (
        "TypeError: Title.__init__() missing 3 required positional arguments: "
        "'credential', 'subscription_id', and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_TwoSubscriptionResourcesMethodLevel_SubscriptionResource1Operations_get": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_MixedSubscriptionPlacement_ResourceGroupResourceOperations_get": "the generated client does not offer the credential kind this scenario uses",  # noqa: E501
    "Azure_ResourceManager_MethodSubscriptionId_MixedSubscriptionPlacement_ResourceGroupResourceOperations_put": "the generated client does not offer the credential kind this scenario uses",  # noqa: E501
    "Azure_ResourceManager_MethodSubscriptionId_MixedSubscriptionPlacement_ResourceGroupResourceOperations_delete": "the generated client does not offer the credential kind this scenario uses",  # noqa: E501
    "Azure_ResourceManager_MethodSubscriptionId_TwoSubscriptionResourcesMethodLevel_SubscriptionResource1Operations_put": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_TwoSubscriptionResourcesMethodLevel_SubscriptionResource1Operations_delete": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_TwoSubscriptionResourcesMethodLevel_SubscriptionResource2Operations_get": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_TwoSubscriptionResourcesMethodLevel_SubscriptionResource2Operations_put": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_TwoSubscriptionResourcesMethodLevel_SubscriptionResource2Operations_delete": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_MixedSubscriptionPlacement_SubscriptionResourceOperations_get": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_MixedSubscriptionPlacement_SubscriptionResourceOperations_put": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "Azure_ResourceManager_MethodSubscriptionId_MixedSubscriptionPlacement_SubscriptionResourceOperations_delete": (  # noqa: E501
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
}
AREA = Area(
    "azure-http-specs", "azure/resource-manager/method-subscription-id", "openapi3", xfail=XFAIL
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
