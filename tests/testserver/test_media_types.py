"""media_types.json: the request's media type chosen by `content_type` among those the
operation consumes; JSON values encoded, bytes, text and files sent as they are."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def media(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("media_types.json")


@pytest.fixture
def client(media: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with media.MediaTypesClient(endpoint=testserver.url) as service:
        yield service


def test_json_is_the_default_for_a_model(
    client: Any, media: ModuleType, testserver: TestServer
) -> None:
    source = media.models.SourcePath(source="anything")
    call = lambda: client.analyze_body(input=source)  # noqa: E731
    assert hit(testserver, "MediaTypeJson", call) == "Nice job with JSON"


def test_pdf_bytes(client: Any, testserver: TestServer) -> None:
    call = lambda: client.analyze_body(input=b"PDF", content_type="application/pdf")  # noqa: E731
    assert hit(testserver, "MediaTypePdf", call) == "Nice job with PDF"


def test_no_accept_header_operation(client: Any, media: ModuleType, testserver: TestServer) -> None:
    source = media.models.SourcePath(source="anything")
    call = lambda: client.analyze_body_no_accept_header(input=source)  # noqa: E731
    assert hit(testserver, "MediaTypesAnalyzeBodyNoAcceptHeader", call) is None
    pdf = lambda: client.analyze_body_no_accept_header(  # noqa: E731
        input=io.BytesIO(b"PDF"), content_type="application/pdf"
    )
    assert hit(testserver, "MediaTypesAnalyzeBodyNoAcceptHeader", pdf) is None


def test_content_type_with_charset(client: Any, testserver: TestServer) -> None:
    call = lambda: client.content_type_with_encoding(input="input")  # noqa: E731
    assert hit(testserver, "MediaTypeWithEncoding", call) == (
        "Nice job sending content type with encoding"
    )


def _sent(response: Any, result: Any, headers: dict[str, Any]) -> tuple[str, bytes]:
    return response.request.headers["content-type"], response.request.content


def test_binary_body_with_two_content_types(client: Any, testserver: TestServer) -> None:
    octet = lambda: client.binary_body_with_two_content_types(b"\x00\x01", cls=_sent)  # noqa: E731
    assert hit(testserver, "MediaTypesTwoContentTypes", octet) == (
        "application/octet-stream",
        b"\x00\x01",
    )
    json = lambda: client.binary_body_with_two_content_types(  # noqa: E731
        b'{"hello":"world"}', content_type="application/json", cls=_sent
    )
    assert hit(testserver, "MediaTypesTwoContentTypes", json) == (
        "application/json",
        b'{"hello":"world"}',
    )


def test_binary_body_with_three_content_types(client: Any, testserver: TestServer) -> None:
    method = client.binary_body_with_three_content_types
    calls = [
        (lambda: method(b"bytes", cls=_sent), "application/octet-stream"),
        (lambda: method("hello, world", content_type="text/plain", cls=_sent), "text/plain"),
        (
            lambda: method(b'{"hello":"world"}', content_type="application/json", cls=_sent),
            "application/json",
        ),
    ]
    for call, media_type in calls:
        assert hit(testserver, "MediaTypesThreeContentTypes", call)[0] == media_type


def test_body_of_any_type(client: Any, testserver: TestServer) -> None:
    """A schema that allows anything: a dict goes as JSON (the default), text and bytes raw."""
    method = client.body_three_types
    # The server answers 200 without a body.
    assert hit(testserver, "MediaTypesThreeBodyTypes", lambda: method({"hello": "world"})) is None
    sent = [
        hit(testserver, "MediaTypesThreeBodyTypes", lambda: method({"hello": "world"}, cls=_sent)),
        hit(
            testserver,
            "MediaTypesThreeBodyTypes",
            lambda: method("hello, world", content_type="text/plain", cls=_sent),
        ),
        hit(
            testserver,
            "MediaTypesThreeBodyTypes",
            lambda: method(b"\xffbinary", content_type="application/octet-stream", cls=_sent),
        ),
    ]
    assert sent == [
        ("application/json", b'{"hello": "world"}'),
        ("text/plain", b"hello, world"),
        ("application/octet-stream", b"\xffbinary"),
    ]


def test_a_binary_file_is_streamed(client: Any, testserver: TestServer) -> None:
    def content_type(response: Any, result: Any, headers: dict[str, Any]) -> str:
        return str(response.request.headers["content-type"])

    call = lambda: client.binary_body_with_three_content_types(  # noqa: E731
        io.BytesIO(b"file contents"), cls=content_type
    )
    assert hit(testserver, "MediaTypesThreeContentTypes", call) == "application/octet-stream"


def test_a_model_cannot_be_sent_as_pdf(client: Any, media: ModuleType) -> None:
    errors = submodule(media, "exceptions")
    with pytest.raises(errors.ValidationError, match="application/pdf request body must be bytes"):
        client.analyze_body(
            input=media.models.SourcePath(source="x"), content_type="application/pdf"
        )


def test_async_client(media: ModuleType, testserver: TestServer) -> None:
    async def calls() -> list[Any]:
        aio = submodule(media, "aio")
        async with aio.MediaTypesClient(endpoint=testserver.url) as service:
            return [
                await ahit(
                    testserver,
                    "MediaTypePdf",
                    lambda: service.analyze_body(input=b"PDF", content_type="application/pdf"),
                ),
                await ahit(
                    testserver,
                    "MediaTypesThreeContentTypes",
                    lambda: service.binary_body_with_three_content_types(
                        iter([b"chunk-1", b"chunk-2"]),
                        cls=lambda response, _, __: response.request.headers["content-type"],
                    ),
                ),
            ]

    assert asyncio.run(calls()) == ["Nice job with PDF", "application/octet-stream"]
