"""azure/client-generator-core/alternate-type:
a client customisation; what of it OpenAPI carries, driven as plain operations.
"""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_ClientGenerator_Core_AlternateType_ExternalType_getModel": (
        "DeserializationError: Expected an integer, got -122.25"
    ),
    "Azure_ClientGenerator_Core_AlternateType_ExternalType_getProperty": (
        "DeserializationError: Expected an integer, got -122.25"
    ),
    "Azure_ClientGenerator_Core_AlternateType_ExternalType_putModel": (
        "DeserializationError: Expected an integer, got -122.25"
    ),
    "Azure_ClientGenerator_Core_AlternateType_ExternalType_putProperty": (
        "DeserializationError: Expected an integer, got -122.25"
    ),
}
AREA = Area(
    "azure-http-specs", "azure/client-generator-core/alternate-type", "autorest", xfail=XFAIL
)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
