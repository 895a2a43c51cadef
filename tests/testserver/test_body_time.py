"""body-time.json: times of day as datetime.time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-time.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestTimeTestService(endpoint=testserver.url) as service:
        yield service.time


def test_get(client: Any) -> None:
    assert client.get() == dt.time(11, 34, 56)


def test_put_returns_the_service_message(client: Any, testserver: TestServer) -> None:
    result = accepted(testserver, "BodyTimePut", lambda: client.put(dt.time(8, 7, 56)))
    assert result == "Nice job posting time"
