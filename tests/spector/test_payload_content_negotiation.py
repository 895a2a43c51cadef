"""payload/content-negotiation: one operation answering several media types."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Payload_ContentNegotiation_DifferentBody": (
        "the mock refuses the request the client sends (400)"
    ),
    "Payload_ContentNegotiation_SameBody": "the mock refuses the request the client sends (400)",
}
AREA = Area("http-specs", "payload/content-negotiation", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
