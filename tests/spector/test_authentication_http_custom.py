"""authentication/http/custom: a custom Authorization scheme (SharedAccessKey)."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

AREA = Area(
    "http-specs",
    "authentication/http/custom",
    "openapi3",
    options={
        "Authentication_Http_Custom_valid": {"credential": "valid-key"},
        "Authentication_Http_Custom_invalid": {"credential": "invalid-key"},
    },
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
