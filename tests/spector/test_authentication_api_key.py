"""authentication/api-key: an API key in the x-ms-api-key header."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

AREA = Area(
    "http-specs",
    "authentication/api-key",
    "openapi3",
    options={
        "Authentication_ApiKey_valid": {"credential": "valid-key"},
        "Authentication_ApiKey_invalid": {"credential": "invalid-key"},
    },
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
