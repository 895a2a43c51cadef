"""azure/payload/pageable: Azure paging with a page size."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_Payload_Pageable_list": (
        "AssertionError: List: pages held [], the pager gave [{'name': 'user5'}, {'name': "
        "'user6'}, {'name': 'user7'}, {'name': 'user8'}]"
    ),
}
AREA = Area("azure-http-specs", "azure/payload/pageable", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
