"""encode/bytes: bytes as base64 and base64url in bodies, headers and queries."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Encode_Bytes_RequestBody_base64url": "the mock refuses the request the client sends (400)",
}
AREA = Area("http-specs", "encode/bytes", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
