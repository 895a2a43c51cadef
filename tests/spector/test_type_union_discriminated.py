"""type/union/discriminated: discriminated unions with envelopes."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
_DICT_BODY = (
    "typed unions refuse a plain dict as a union value (the driver sends the scenario's JSON "
    "as dicts); see EXCEPTIONS.md"
)
XFAIL = {
    "Type_Union_Discriminated_Envelope_Object_Default_put": _DICT_BODY,
    "Type_Union_Discriminated_Envelope_Object_CustomProperties_put": _DICT_BODY,
    "Type_Union_Discriminated_NoEnvelope_Default_put": _DICT_BODY,
    "Type_Union_Discriminated_NoEnvelope_CustomDiscriminator_put": _DICT_BODY,
}

AREA = Area("http-specs", "type/union/discriminated", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
