"""object-type.json: a schema of type object with no properties is any JSON object (a dict)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("object-type.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.ObjectTypeClient(endpoint=testserver.url) as service:
        yield service


def test_get(client: Any, testserver: TestServer) -> None:
    result = accepted(testserver, "ObjectTypeResponse", client.get)
    assert result == {"message": "An object was successfully returned"}


def test_put(client: Any, testserver: TestServer) -> None:
    assert accepted(testserver, "ObjectTypePut", lambda: client.put({"foo": "bar"})) is None


def test_put_wrong_object_raises_with_the_error_object(
    client: Any, package: ModuleType, testserver: TestServer
) -> None:
    errors = submodule(package, "exceptions")
    with pytest.raises(errors.HttpResponseError) as caught:
        accepted(testserver, "ObjectTypeErrorResponse", lambda: client.put({"should": "fail"}))
    assert caught.value.status_code == 400
    assert caught.value.model == {"message": "The object you passed was incorrect"}
