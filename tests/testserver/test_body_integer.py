"""body-integer.json: int32/int64 and unix-time bodies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-integer.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestIntegerTestService(endpoint=testserver.url) as service:
        yield service.int


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


def test_get_null(client: Any) -> None:
    assert client.get_null() is None
    assert client.get_null_unix_time() is None


def test_get_invalid(client: Any, errors: ModuleType) -> None:
    # "123jkl" is not JSON.
    with pytest.raises(errors.DeserializationError, match="not valid JSON"):
        client.get_invalid()
    with pytest.raises(errors.DeserializationError, match="not valid JSON"):
        client.get_invalid_unix_time()


def test_get_values_beyond_the_declared_width(client: Any) -> None:
    # Python ints have no width: values past int32/int64 arrive intact.
    assert client.get_overflow_int32() == 2147483656
    assert client.get_underflow_int32() == -2147483656
    assert client.get_overflow_int64() == 9223372036854775910
    assert client.get_underflow_int64() == -9223372036854775910


def test_put_limits(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putIntegerMax", lambda: client.put_max32(2**31 - 1))
    accepted(testserver, "putIntegerMin", lambda: client.put_min32(-(2**31)))
    accepted(testserver, "putLongMax", lambda: client.put_max64(2**63 - 1))
    accepted(testserver, "putLongMin", lambda: client.put_min64(-(2**63)))


def test_unix_time(client: Any, testserver: TestServer) -> None:
    expected = dt.datetime(2016, 4, 13, tzinfo=dt.UTC)
    assert client.get_unix_time() == expected
    accepted(testserver, "putUnixTime", lambda: client.put_unix_time_date(expected))
