"""merge-patch.json: an application/merge-patch+json body."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, run_async, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("merge-patch.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.MergePatchJsonClient(endpoint=testserver.url) as service:
        yield service


def _request(response: httpx.Response, result: Any, headers: dict[str, Any]) -> httpx.Request:
    return response.request


def test_patch_single(client: Any, testserver: TestServer) -> None:
    # The server checks the media type and Content-Length 14: the size of '{"foo": "bar"}' as
    # json.dumps writes it by default.
    request = accepted(
        testserver,
        "PassMergePatchObject",
        lambda: client.patch_single({"foo": "bar"}, cls=_request),
    )
    assert request.headers["Content-Type"] == "application/merge-patch+json"
    assert request.content == b'{"foo": "bar"}'


def test_async_patch_single(package: ModuleType, testserver: TestServer) -> None:
    aio = submodule(package, "aio")

    async def patch(service: Any) -> httpx.Request:
        result: httpx.Request = await service.patch_single({"foo": "bar"}, cls=_request)
        return result

    request = accepted(
        testserver,
        "PassMergePatchObject",
        lambda: run_async(aio.MergePatchJsonClient, testserver.url, patch),
    )
    assert request.content == b'{"foo": "bar"}'
    assert request.headers["Content-Length"] == "14"
