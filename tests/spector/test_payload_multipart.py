"""payload/multipart: multipart/form-data requests (plain, JSON and file parts)."""

from __future__ import annotations

import pytest

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.compile import PACKAGES
from tests.spector.server import SpectorSession

# The File_* scenarios name no parts in their definitions (their handlers check a PNG file
# the package ships), so they are driven by hand below.
FILE_SCENARIOS = {
    "Payload_MultiPart_FormData_File_uploadFileSpecificContentType": "driven by hand below",
    "Payload_MultiPart_FormData_File_uploadFileRequiredFilename": "driven by hand below",
    "Payload_MultiPart_FormData_File_uploadFileArray": "driven by hand below",
}
AREA = Area("http-specs", "payload/multipart", "openapi3", skip=FILE_SCENARIOS)
PNG = (PACKAGES["http-specs"] / "assets" / "image.png").read_bytes()


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)


def _file_group(spector: SpectorSession, spector_clients: SpectorClients):  # type: ignore[no-untyped-def]
    document = AREA.document(spector_clients)
    return document.client(spector.url)


@pytest.mark.scenario("Payload_MultiPart_FormData_File_uploadFileSpecificContentType")
def test_upload_file_specific_content_type(
    spector: SpectorSession, spector_clients: SpectorClients
) -> None:
    with _file_group(spector, spector_clients) as client:
        png = ("image.png", PNG, "image/png")
        assert client.file.upload_file_specific_content_type(png) is None


@pytest.mark.scenario("Payload_MultiPart_FormData_File_uploadFileRequiredFilename")
def test_upload_file_required_filename(
    spector: SpectorSession, spector_clients: SpectorClients
) -> None:
    with _file_group(spector, spector_clients) as client:
        assert client.file.upload_file_required_filename(("image.png", PNG, "image/png")) is None


@pytest.mark.scenario("Payload_MultiPart_FormData_File_uploadFileArray")
def test_upload_file_array(spector: SpectorSession, spector_clients: SpectorClients) -> None:
    files = [("image1.png", PNG, "image/png"), ("image2.png", PNG, "image/png")]
    with _file_group(spector, spector_clients) as client:
        assert client.file.upload_file_array(files) is None
