"""azure/versioning/previewVersion: a preview api-version."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Azure_Versioning_PreviewVersion_updateWidgetColor": (
        "ScenarioMismatchError: no operation answers PATCH "
        "/azure/versioning/previewVersion/widgets/:id/color"
    ),
}
AREA = Area("azure-http-specs", "azure/versioning/previewVersion", "autorest", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
