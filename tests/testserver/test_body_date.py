"""body-date.json: dates as datetime.date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import MODEL_STYLES, accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("body-date.json", request.param)


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestDateTestService(endpoint=testserver.url) as service:
        yield service


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


def test_get_null(client: Any) -> None:
    assert client.date.get_null() is None


def test_get_max_and_min(client: Any) -> None:
    assert client.date.get_max_date() == dt.date(9999, 12, 31)
    assert client.date.get_min_date() == dt.date(1, 1, 1)


def test_put_max(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putDateMax", lambda: client.date.put_max_date(dt.date(9999, 12, 31)))


def test_put_min(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putDateMin", lambda: client.date.put_min_date(dt.date(1, 1, 1)))


def test_get_invalid(client: Any, errors: ModuleType) -> None:
    with pytest.raises(errors.DeserializationError, match="201O-18-90"):
        client.date.get_invalid_date()


def test_get_overflow_is_a_clear_error(client: Any, errors: ModuleType) -> None:
    # Year 10000000000: beyond datetime.date (see EXCEPTIONS.md).
    with pytest.raises(errors.DeserializationError, match="10000000000-12-31"):
        client.date.get_overflow_date()


def test_get_underflow_is_a_clear_error(client: Any, errors: ModuleType) -> None:
    # "0000-00-00": year, month and day 0 do not exist (see EXCEPTIONS.md).
    with pytest.raises(errors.DeserializationError, match="0000-00-00"):
        client.date.get_underflow_date()
