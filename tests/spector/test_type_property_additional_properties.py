"""type/property/additional-properties: models with additional properties of every kind."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# SpreadRecordNonDiscriminatedUnion2: WidgetData1 and WidgetData2 both fit the payload (the same
# constant; `start` a date-time in one, a string in the other). The union is an anyOf, so the
# first member is taken (see EXCEPTIONS.md).
AREA = Area("http-specs", "type/property/additional-properties", "openapi3")


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
