"""body-boolean.json through the generated client, sync and async."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, run_async, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def body_boolean(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-boolean.json")


@pytest.fixture
def client(body_boolean: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with body_boolean.AutoRestBoolTestService(endpoint=testserver.url) as service:
        yield service


def test_get_true(client: Any) -> None:
    assert client.bool.get_true() is True


def test_get_false(client: Any) -> None:
    assert client.bool.get_false() is False


def test_get_null(client: Any) -> None:
    assert client.bool.get_null() is None


def test_get_invalid_raises(client: Any, body_boolean: ModuleType) -> None:
    errors = submodule(body_boolean, "exceptions")
    with pytest.raises(errors.DeserializationError):
        client.bool.get_invalid()


def test_put_true(client: Any, testserver: TestServer) -> None:
    assert accepted(testserver, "putBoolTrue", client.bool.put_true) is None


def test_put_false(client: Any, testserver: TestServer) -> None:
    assert accepted(testserver, "putBoolFalse", client.bool.put_false) is None


def test_async_client(body_boolean: ModuleType, testserver: TestServer) -> None:
    errors = submodule(body_boolean, "exceptions")

    async def calls(service: Any) -> list[Any]:
        results = [
            await service.bool.get_true(),
            await service.bool.get_false(),
            await service.bool.get_null(),
            await service.bool.put_true(),
            await service.bool.put_false(),
        ]
        with pytest.raises(errors.DeserializationError):
            await service.bool.get_invalid()
        return results

    before = testserver.report("vanilla")
    aio = submodule(body_boolean, "aio")
    results = run_async(aio.AutoRestBoolTestService, testserver.url, calls)
    assert results == [True, False, None, None, None]
    after = testserver.report("vanilla")
    assert after["putBoolTrue"] == before["putBoolTrue"] + 1
    assert after["putBoolFalse"] == before["putBoolFalse"] + 1
