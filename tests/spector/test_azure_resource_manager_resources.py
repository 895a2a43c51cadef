"""azure/resource-manager/resources:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ARM_CLIENT
from tests.spector.server import SpectorSession

# The extension resources live under "/{resourceUri}", a path value sent with its "/"s as they
# are. TypeSpec says so (`allowReserved`), but OpenAPI 3 has no way to (the emitter drops it
# with a warning), and the Swagger document that could (x-ms-skip-url-encoding) $refs
# common-types no package ships: the client encodes the "/"s and the mock finds no route.
UNENCODED_PATH = (
    "not expressible: the OpenAPI 3 document cannot say that resourceUri is sent unencoded"
)
SKIP = {
    f"Azure_ResourceManager_Resources_ExtensionsResources_{operation}": UNENCODED_PATH
    for operation in ("get", "createOrUpdate", "update", "delete", "listByScope")
}
# The LocationResources scenarios leave ":location" and ":locationResourceName" in their URIs
# without values (the mock takes any); these are the ones their answers name.
PATH_VALUES = {"location": "eastus", "locationResourceName": "resource"}
AREA = Area(
    "azure-http-specs",
    "azure/resource-manager/resources",
    "openapi3",
    skip=SKIP,
    client=ARM_CLIENT,
    path_values=PATH_VALUES,
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
