"""body-boolean.json through the generated client, sync and async."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer

SINGLE_VALUE_ENUM = pytest.mark.xfail(
    strict=True,
    reason="a boolean schema with enum [true] or [false] is generated as a string enum, "
    "so the JSON boolean the service sends is rejected",
)


@pytest.fixture(scope="module")
def body_boolean(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-boolean.json")


def _sub(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


@pytest.fixture
def client(body_boolean: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with body_boolean.AutoRestBoolTestService(endpoint=testserver.url) as service:
        yield service


def _accepted(testserver: TestServer, scenario: str, call: Any) -> None:
    """The server counts a PUT scenario only when the body it received was the expected one."""
    before = testserver.report("vanilla")[scenario]
    assert call() is None
    assert testserver.report("vanilla")[scenario] == before + 1


@SINGLE_VALUE_ENUM
def test_get_true(client: Any) -> None:
    assert client.bool.get_true() is True


@SINGLE_VALUE_ENUM
def test_get_false(client: Any) -> None:
    assert client.bool.get_false() is False


def test_get_null(client: Any) -> None:
    assert client.bool.get_null() is None


def test_get_invalid_raises(client: Any, body_boolean: ModuleType) -> None:
    errors = _sub(body_boolean, "exceptions")
    with pytest.raises((errors.DeserializationError, errors.DecodeError)):
        client.bool.get_invalid()


def test_put_true(client: Any, testserver: TestServer) -> None:
    _accepted(testserver, "putBoolTrue", client.bool.put_true)


def test_put_false(client: Any, testserver: TestServer) -> None:
    _accepted(testserver, "putBoolFalse", client.bool.put_false)


async def _async_calls(body_boolean: ModuleType, url: str) -> list[Any]:
    errors = _sub(body_boolean, "exceptions")
    async with _sub(body_boolean, "aio").AutoRestBoolTestService(endpoint=url) as service:
        results = [
            await service.bool.get_null(),
            await service.bool.put_true(),
            await service.bool.put_false(),
        ]
        with pytest.raises((errors.DeserializationError, errors.DecodeError)):
            await service.bool.get_invalid()
    return results


def test_async_client(body_boolean: ModuleType, testserver: TestServer) -> None:
    before = testserver.report("vanilla")

    assert asyncio.run(_async_calls(body_boolean, testserver.url)) == [None, None, None]

    after = testserver.report("vanilla")
    assert after["putBoolTrue"] == before["putBoolTrue"] + 1
    assert after["putBoolFalse"] == before["putBoolFalse"] + 1


@SINGLE_VALUE_ENUM
def test_async_get_true(body_boolean: ModuleType, testserver: TestServer) -> None:
    aio = _sub(body_boolean, "aio")

    async def call() -> Any:
        async with aio.AutoRestBoolTestService(endpoint=testserver.url) as service:
            return await service.bool.get_true()

    assert asyncio.run(call()) is True
