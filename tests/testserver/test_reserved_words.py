"""reserved-words.json: parameters and groups named like Python keywords or like the generated
code's own names (content, json, data, files, url, headers, import)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("reserved-words.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.ReservedWordsClient(endpoint=testserver.url) as service:
        yield service


def test_operation_group_named_import(client: Any, testserver: TestServer) -> None:
    # `import` is a keyword: the group attribute is `import_`.
    result = accepted(
        testserver, "reservedWordsOperationGroupImport", lambda: client.import_.operation_one("foo")
    )
    assert result is None  # the answer has no body


def test_body_named_content(client: Any, testserver: TestServer) -> None:
    accepted(
        testserver,
        "reservedWordsBodyNamedContent",
        lambda: client.operation_with_content_param(b"hello, world"),
    )


def test_body_named_json(client: Any, testserver: TestServer) -> None:
    accepted(
        testserver,
        "reservedWordsBodyNamedJson",
        lambda: client.operation_with_json_param({"hello": "world"}),
    )


def _request(response: httpx.Response, result: Any, headers: dict[str, Any]) -> httpx.Request:
    return response.request


def test_form_field_named_data(client: Any, testserver: TestServer) -> None:
    request = accepted(
        testserver,
        "reservedWordsBodyNamedData",
        lambda: client.operation_with_data_param("hello", "world", cls=_request),
    )
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.content == b"data=hello&world=world"


def test_form_file_named_files(client: Any, testserver: TestServer) -> None:
    arguments = inspect.signature(client.operation_with_files_param).parameters
    assert list(arguments)[:2] == ["files", "file_name"]
    # The server does not look at this body, so the test reads the bytes that were sent.
    request = accepted(
        testserver,
        "reservedWordsBodyNamedFiles",
        lambda: client.operation_with_files_param(b"file body", "my.txt", cls=_request),
    )
    boundary = request.headers["Content-Type"].removeprefix("multipart/form-data; boundary=")
    assert (
        request.content
        == (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="files"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\nfile body\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nmy.txt\r\n'
            f"--{boundary}--\r\n"
        ).encode()
    )


def test_url_header_and_query_names(client: Any, testserver: TestServer) -> None:
    arguments = inspect.signature(client.operation_with_url).parameters
    assert {"url", "header_parameters", "query_parameters", "headers"} <= set(arguments)
    accepted(
        testserver,
        "reservedWordsUrlHeaderQuery",
        lambda: client.operation_with_url(
            "foo", header_parameters="x-ms-header", query_parameters=["one", "two"]
        ),
    )


def test_enum_member_named_import(client: Any, package: ModuleType, testserver: TestServer) -> None:
    my_enum = submodule(package, "models").MyEnum
    assert my_enum.IMPORT.value == "import"
    accepted(testserver, "reservedWordsHeaderEnum", lambda: client.reserved_enum(my_enum.IMPORT))
