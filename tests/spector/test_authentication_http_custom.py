"""authentication/http/custom: a custom Authorization scheme (SharedAccessKey)."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Authentication_Http_Custom_invalid": (
        "the generated client does not offer the credential kind this scenario uses"
    ),
    "Authentication_Http_Custom_valid": (
        "the generated client does not offer the credential kind this scenario uses"
    ),
}
AREA = Area(
    "http-specs",
    "authentication/http/custom",
    "openapi3",
    options={
        "Authentication_Http_Custom_valid": {"credential": "valid-key"},
        "Authentication_Http_Custom_invalid": {"credential": "invalid-key"},
    },
    xfail=XFAIL,
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
