"""client/structure/two-operation-group:
a client customisation; what of it OpenAPI carries, driven as plain operations.
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

AREA = Area("azure-http-specs", "client/structure/two-operation-group", "autorest")


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
