"""client/structure/two-operation-group:
a client customisation; what of it OpenAPI carries, driven as plain operations.
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Client_Structure_TwoOperationGroup": (
        "TypeError: MultiClient.__init__() got an unexpected keyword argument 'endpoint'"
    ),
}
AREA = Area("azure-http-specs", "client/structure/two-operation-group", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
