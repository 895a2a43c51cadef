"""azure/core/page: Azure.Core paging."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_Core_Page_withParameterizedNextLink": (
        "the mock refuses the request the client sends (400)"
    ),
}
AREA = Area("azure-http-specs", "azure/core/page", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
