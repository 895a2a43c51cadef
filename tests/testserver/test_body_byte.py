"""body-byte.json: base64 bodies as bytes."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer

NON_ASCII = bytes([255, 254, 253, 252, 251, 250, 249, 248, 247, 246])


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-byte.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestSwaggerBATByteService(endpoint=testserver.url) as service:
        yield service


def test_get_null(client: Any) -> None:
    assert client.byte.get_null() is None


def test_get_empty(client: Any) -> None:
    assert client.byte.get_empty() == b""


def test_get_non_ascii(client: Any) -> None:
    assert client.byte.get_non_ascii() == NON_ASCII


def test_put_non_ascii(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putByteNonAscii", lambda: client.byte.put_non_ascii(NON_ASCII))


def test_get_invalid(client: Any, package: ModuleType) -> None:
    errors = submodule(package, "exceptions")
    with pytest.raises(errors.DeserializationError, match="base64"):
        client.byte.get_invalid()
