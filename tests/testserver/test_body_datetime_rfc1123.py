"""body-datetime-rfc1123.json: HTTP dates as aware datetime.datetime."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import MODEL_STYLES, accepted, submodule
from tests.testserver.server import TestServer

MAX = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)
MIN = dt.datetime(1, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("body-datetime-rfc1123.json", request.param)


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestRFC1123DateTimeTestService(endpoint=testserver.url) as service:
        yield service.datetimerfc1123


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


def test_get_null(client: Any) -> None:
    assert client.get_null() is None


def test_get_invalid(client: Any, errors: ModuleType) -> None:
    with pytest.raises(errors.DeserializationError, match="00:00:0A"):
        client.get_invalid()


def test_get_overflow_is_a_clear_error(client: Any, errors: ModuleType) -> None:
    # Year 10000 is beyond datetime.datetime (see EXCEPTIONS.md).
    with pytest.raises(errors.DeserializationError, match="year 10000 is out of range"):
        client.get_overflow()


def test_get_underflow_is_a_clear_error(client: Any, errors: ModuleType) -> None:
    # Day 0 of year 0 (see EXCEPTIONS.md).
    with pytest.raises(errors.DeserializationError, match="out of range"):
        client.get_underflow()


def test_get_max_any_case(client: Any) -> None:
    assert client.get_utc_lowercase_max_date_time() == MAX
    assert client.get_utc_uppercase_max_date_time() == MAX


def test_get_min_keeps_year_one(client: Any) -> None:
    assert client.get_utc_min_date_time() == MIN


def test_put_max(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putDateTimeRfc1123Max", lambda: client.put_utc_max_date_time(MAX))


def test_put_min(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putDateTimeRfc1123Min", lambda: client.put_utc_min_date_time(MIN))
