"""authentication/oauth2: OAuth2 bearer tokens for a scope."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import FixedToken, ScopeAsToken
from tests.spector.server import SpectorSession

AREA = Area(
    "http-specs",
    "authentication/oauth2",
    "openapi3",
    options={
        "Authentication_OAuth2_valid": {"credential": ScopeAsToken()},
        "Authentication_OAuth2_invalid": {"credential": FixedToken("not-a-valid-token")},
    },
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
