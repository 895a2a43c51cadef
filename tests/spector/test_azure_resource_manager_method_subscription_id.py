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
    "name1": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name10": "the generated client does not offer the credential kind this scenario uses",
    "name11": "the generated client does not offer the credential kind this scenario uses",
    "name12": "the generated client does not offer the credential kind this scenario uses",
    "name2": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name3": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name4": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name5": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name6": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name7": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name8": (
        "TypeError: Title.__init__() missing 2 required positional arguments: "
        "'credential' and 'resource_group_name'"
    ),
    "name9": (
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
