"""payload/pageable: server-driven and continuation-token paging."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Payload_Pageable_ServerDrivenPagination_nestedLink": (
        "ScenarioMismatchError: no operation answers GET "
        "/payload/pageable/server-driven-pagination/nested-link/nextPage"
    ),
    "Payload_Pageable_XmlPagination_listWithNextLink": (
        "DeserializationError: the response body is not valid JSON: Expecting value: line "
        "1 column 1 (char 0)"
    ),
}
AREA = Area("http-specs", "payload/pageable", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
