"""azure/core/traits: Azure.Core traits: conditional and repeatable requests."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_Core_Traits_repeatableAction": (
        "DeserializationError: Expected an ISO 8601 date-time such as "
        "'2021-11-30T13:06:23.362Z', got 'Mon, 27 Nov 2023 11:58:00 GMT'"
    ),
    "Azure_Core_Traits_smokeTest": (
        "DeserializationError: Expected an ISO 8601 date-time such as "
        "'2021-11-30T13:06:23.362Z', got 'Fri, 26 Aug 2022 14:38:00 GMT'"
    ),
}
AREA = Area("azure-http-specs", "azure/core/traits", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
