"""type/file: file bodies of several media types."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Type_File_Body_downloadFileJsonContentType": (
        "AssertionError: Body_downloadFileJsonContentType (200): the client returned "
        "<type_file_o3._runtime.content.ResponseStream object at >, which encodes t"
    ),
    "Type_File_Body_uploadFileDefaultContentType": (
        "the mock refuses the request the client sends (400)"
    ),
}
AREA = Area("http-specs", "type/file", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
