"""any-type.json: a schema without a type takes and returns any JSON value."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("any-type.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AnythingClient(endpoint=testserver.url) as service:
        yield service


def test_object(client: Any, testserver: TestServer) -> None:
    assert client.get_object() == {"message": "An object was successfully returned"}
    accepted(testserver, "PutObjectAsAnything", lambda: client.put_object({"foo": "bar"}))


def test_string(client: Any, testserver: TestServer) -> None:
    assert client.get_string() == "anything"
    accepted(testserver, "PutStringAsAnything", lambda: client.put_string("anything"))


def test_array(client: Any, testserver: TestServer) -> None:
    assert client.get_array() == ["foo", "bar"]
    # Any iterable of JSON values goes out as an array.
    accepted(testserver, "PutArrayAsAnything", lambda: client.put_array(("foo", "bar")))


def test_gets_are_counted(client: Any, testserver: TestServer) -> None:
    before = testserver.report("vanilla")
    client.get_object()
    client.get_string()
    client.get_array()
    after = testserver.report("vanilla")
    for scenario in ("GetObjectAsAnything", "GetStringAsAnything", "GetArrayAsAnything"):
        assert after[scenario] == before[scenario] + 1
