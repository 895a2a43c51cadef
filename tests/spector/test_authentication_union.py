"""authentication/union: either an API key or a bearer token."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ScopeAsToken
from tests.spector.server import SpectorSession

AREA = Area(
    "http-specs",
    "authentication/union",
    "openapi3",
    options={
        "Authentication_Union_validKey": {"credential": "valid-key"},
        "Authentication_Union_validToken": {"credential": ScopeAsToken()},
    },
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
