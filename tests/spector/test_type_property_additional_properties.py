"""type/property/additional-properties: models with additional properties of every kind."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
_TIE = (
    "two union members fit the payload alike (the same constant, a string vs a date-time) "
    "and typed unions raise rather than guess; see EXCEPTIONS.md"
)
XFAIL = {
    "Type_Property_AdditionalProperties_SpreadRecordNonDiscriminatedUnion2_get": _TIE,
    "Type_Property_AdditionalProperties_SpreadRecordNonDiscriminatedUnion2_put": _TIE,
}

AREA = Area("http-specs", "type/property/additional-properties", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
