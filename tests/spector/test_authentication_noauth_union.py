"""authentication/noauth/union: no authentication, or a bearer token."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ScopeAsToken
from tests.spector.server import SpectorSession

AREA = Area(
    "http-specs",
    "authentication/noauth/union",
    "openapi3",
    options={
        "Authentication_Noauth_Union_validNoAuth": {},
        "Authentication_Noauth_Union_validToken": {"credential": ScopeAsToken()},
    },
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
