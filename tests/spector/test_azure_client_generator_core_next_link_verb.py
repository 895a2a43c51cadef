"""azure/client-generator-core/next-link-verb:
a client customisation; what of it OpenAPI carries, driven as plain operations.
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ClientGenerator_Core_NextLinkVerb_listItems": (
        "ResourceNotFoundError: Operation returned an invalid status 'Not Found'"
    ),
}
AREA = Area(
    "azure-http-specs", "azure/client-generator-core/next-link-verb", "autorest", xfail=XFAIL
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
