"""body-binary.json: raw bodies sent with the operation's media type, and a binary response
whose error is raised with its error model instead of being streamed."""

from __future__ import annotations

import io
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def binary(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-binary.json")


@pytest.fixture
def client(binary: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with binary.BinaryWithContentTypeApplicationJson(endpoint=testserver.url) as service:
        yield service


def test_upload_a_json_file(client: Any, testserver: TestServer) -> None:
    call = lambda: client.upload.file(io.BytesIO(b'{"more": "cowbell"}'))  # noqa: E731
    assert hit(testserver, "BodyBinaryFile", call) is None


def test_upload_bytes_as_octet_stream(client: Any, testserver: TestServer) -> None:
    def sent(response: Any, result: Any, headers: dict[str, Any]) -> tuple[str, bytes]:
        return response.request.headers["content-type"], response.request.content

    call = lambda: client.upload.binary(bytes(range(256)), cls=sent)  # noqa: E731
    assert hit(testserver, "BodyBinaryOctet", call) == (
        "application/octet-stream",
        bytes(range(256)),
    )


def test_download_error_is_raised_with_its_model(
    client: Any, binary: ModuleType, testserver: TestServer
) -> None:
    errors = submodule(binary, "exceptions")

    def call() -> Any:
        with pytest.raises(errors.HttpResponseError) as info:
            client.download.error_stream()
        return info.value

    error = hit(testserver, "BodyBinaryError", call)
    assert error.status_code == 400
    assert isinstance(error.model, binary.models.Error)
    assert error.model.message == "I failed on purpose"
