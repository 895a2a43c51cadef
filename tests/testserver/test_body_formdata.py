"""body-formdata.json: files and fields sent as multipart/form-data, and a file as a raw body."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Iterator
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer

CONTENT = b"Test file \x00\xff content\r\n--not-a-boundary"


@pytest.fixture(scope="module")
def formdata(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-formdata.json")


@pytest.fixture
def client(formdata: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with formdata.AutoRestSwaggerBATFormDataService(endpoint=testserver.url) as service:
        yield service


def _parts(request: httpx.Request) -> list[tuple[str, str | None, str | None, bytes]]:
    """(name, filename, content type, bytes) of each part of a multipart request body."""
    content_type = request.headers["Content-Type"]
    assert re.fullmatch(r"multipart/form-data; boundary=[0-9a-f]{32}", content_type)
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + request.content
    )
    assert message.is_multipart()
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part["Content-Type"],
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


def _sent(response: httpx.Response, result: Any, headers: dict[str, Any]) -> Any:
    return response.request, result


def test_upload_file_as_a_multipart_file_part(client: Any, testserver: TestServer) -> None:
    """The server echoes the file part (it only reads parts that have a filename)."""
    request, stream = hit(
        testserver,
        "FormdataStreamUploadFile",
        lambda: client.formdata.upload_file(CONTENT, "UploadFile.txt", cls=_sent),
        category="optional",
    )
    assert stream.read() == CONTENT
    assert _parts(request) == [
        ("fileContent", "fileContent", "application/octet-stream", CONTENT),
        ("fileName", None, None, b"UploadFile.txt"),
    ]


def test_a_binary_file_keeps_its_name_and_a_tuple_names_it(client: Any, tmp_path: Path) -> None:
    path = tmp_path / "report.bin"
    path.write_bytes(CONTENT)
    with path.open("rb") as handle:
        request, stream = client.formdata.upload_file(handle, "report.bin", cls=_sent)
    assert stream.read() == CONTENT
    assert _parts(request)[0] == ("fileContent", "report.bin", "application/octet-stream", CONTENT)
    request, stream = client.formdata.upload_file(
        ("a.txt", io.BytesIO(b"plain text"), "text/plain"), "a.txt", cls=_sent
    )
    assert stream.read() == b"plain text"
    assert _parts(request)[0] == ("fileContent", "a.txt", "text/plain", b"plain text")


def test_a_text_mode_file_is_refused_before_sending(
    client: Any, formdata: ModuleType, testserver: TestServer, tmp_path: Path
) -> None:
    errors = submodule(formdata, "exceptions")
    path = tmp_path / "notes.txt"
    path.write_text("text", encoding="utf-8")
    before = testserver.report("optional")
    with (
        path.open(encoding="utf-8") as handle,
        pytest.raises(errors.ValidationError, match="binary"),
    ):
        client.formdata.upload_file(handle, "notes.txt")
    assert testserver.report("optional") == before


def test_upload_file_via_body(client: Any, testserver: TestServer) -> None:
    stream = hit(
        testserver,
        "StreamUploadFile",
        lambda: client.formdata.upload_file_via_body(io.BytesIO(b"via body")),
        category="optional",
    )
    assert stream.read() == b"via body"


def test_upload_files_sends_one_part_per_file(client: Any, formdata: ModuleType) -> None:
    """The server has no route for this operation; the request that left is checked."""
    errors = submodule(formdata, "exceptions")
    with pytest.raises(errors.HttpResponseError) as caught:
        client.formdata.upload_files([b"one", ("two.txt", b"two")])
    assert caught.value.status_code == 404
    assert _parts(caught.value.response.request) == [
        ("fileContent", "fileContent", "application/octet-stream", b"one"),
        ("fileContent", "two.txt", "application/octet-stream", b"two"),
    ]


def test_async_upload_file(formdata: ModuleType, testserver: TestServer) -> None:
    async def upload() -> tuple[httpx.Request, bytes]:
        aio = submodule(formdata, "aio")
        async with aio.AutoRestSwaggerBATFormDataService(endpoint=testserver.url) as service:
            request, stream = await ahit(
                testserver,
                "FormdataStreamUploadFile",
                lambda: service.formdata.upload_file(
                    io.BytesIO(CONTENT), "UploadFile.txt", cls=_sent
                ),
                category="optional",
            )
            return request, await stream.read()

    request, echoed = asyncio.run(upload())
    assert echoed == CONTENT
    assert _parts(request)[1] == ("fileName", None, None, b"UploadFile.txt")
