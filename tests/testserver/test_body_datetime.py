"""body-datetime.json: ISO 8601 date-times as aware datetime.datetime."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import MODEL_STYLES, accepted, submodule
from tests.testserver.server import TestServer

UTC = dt.UTC
PLUS_14 = dt.timezone(dt.timedelta(hours=14))
MINUS_14 = dt.timezone(dt.timedelta(hours=-14))
MAX_MS = 999000


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("body-datetime.json", request.param)


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestDateTimeTestService(endpoint=testserver.url) as service:
        yield service.datetime


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


def test_get_null(client: Any) -> None:
    assert client.get_null() is None


def test_get_invalid(client: Any, errors: ModuleType) -> None:
    with pytest.raises(errors.DeserializationError, match="201O-18-90"):
        client.get_invalid()


def test_get_overflow_keeps_the_offset(client: Any) -> None:
    # 9999-12-31T23:59:59.999-14:00 is in year 10000 in UTC; the aware value keeps its offset.
    value = client.get_overflow()
    assert value == dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=MINUS_14)
    assert value.utcoffset() == dt.timedelta(hours=-14)


def test_get_underflow_is_a_clear_error(client: Any, errors: ModuleType) -> None:
    # Year 0 does not exist in datetime.datetime (see EXCEPTIONS.md).
    with pytest.raises(errors.DeserializationError, match="0000-00-00"):
        client.get_underflow()


def test_get_max_utc(client: Any) -> None:
    expected = dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=UTC)
    assert client.get_utc_lowercase_max_date_time() == expected
    assert client.get_utc_uppercase_max_date_time() == expected


def test_get_max_utc_7_digits(client: Any) -> None:
    # Python keeps microseconds: the seventh digit is dropped, never rounded up into year 10000.
    value = client.get_utc_uppercase_max_date_time7_digits()
    assert value == dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)


def test_get_max_local_offsets(client: Any) -> None:
    plus = dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=PLUS_14)
    minus = dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=MINUS_14)
    assert client.get_local_positive_offset_lowercase_max_date_time() == plus
    assert client.get_local_positive_offset_uppercase_max_date_time() == plus
    assert client.get_local_negative_offset_lowercase_max_date_time() == minus
    assert client.get_local_negative_offset_uppercase_max_date_time() == minus


def test_get_min(client: Any) -> None:
    assert client.get_utc_min_date_time() == dt.datetime(1, 1, 1, tzinfo=UTC)
    assert client.get_local_positive_offset_min_date_time() == dt.datetime(1, 1, 1, tzinfo=PLUS_14)
    assert client.get_local_negative_offset_min_date_time() == dt.datetime(1, 1, 1, tzinfo=MINUS_14)
    # No offset: taken as UTC.
    assert client.get_local_no_offset_min_date_time() == dt.datetime(1, 1, 1, tzinfo=UTC)


def test_put_max_utc(client: Any, testserver: TestServer) -> None:
    value = dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=UTC)
    accepted(testserver, "putDateTimeMaxUtc", lambda: client.put_utc_max_date_time(value))


def test_put_min_utc(client: Any, testserver: TestServer) -> None:
    value = dt.datetime(1, 1, 1, tzinfo=UTC)
    accepted(testserver, "putDateTimeMinUtc", lambda: client.put_utc_min_date_time(value))


def test_put_max_local_offsets(client: Any, testserver: TestServer) -> None:
    plus = dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=PLUS_14)
    minus = dt.datetime(9999, 12, 31, 23, 59, 59, MAX_MS, tzinfo=MINUS_14)
    accepted(
        testserver,
        "putDateTimeMaxLocalPositiveOffset",
        lambda: client.put_local_positive_offset_max_date_time(plus),
        "optional",
    )
    accepted(
        testserver,
        "putDateTimeMaxLocalNegativeOffset",
        lambda: client.put_local_negative_offset_max_date_time(minus),
        "optional",
    )


def test_put_min_local_offsets(client: Any, testserver: TestServer) -> None:
    accepted(
        testserver,
        "putDateTimeMinLocalPositiveOffset",
        lambda: client.put_local_positive_offset_min_date_time(
            dt.datetime(1, 1, 1, tzinfo=PLUS_14)
        ),
        "optional",
    )
    accepted(
        testserver,
        "putDateTimeMinLocalNegativeOffset",
        lambda: client.put_local_negative_offset_min_date_time(
            dt.datetime(1, 1, 1, tzinfo=MINUS_14)
        ),
        "optional",
    )


def test_put_max_utc_7_digits_cannot_send_the_seventh_digit(
    client: Any, testserver: TestServer, errors: ModuleType
) -> None:
    # The server wants ".9999999Z"; datetime.datetime stops at microseconds (see EXCEPTIONS.md),
    # so the request carries ".999999Z" and the server answers 400.
    before = testserver.report("optional")["putDateTimeMaxUtc7MS"]
    value = dt.datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=UTC)
    with pytest.raises(errors.HttpResponseError) as caught:
        client.put_utc_max_date_time7_digits(value)
    assert caught.value.status_code == 400
    assert testserver.report("optional")["putDateTimeMaxUtc7MS"] == before
