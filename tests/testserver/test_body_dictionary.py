"""body-dictionary.json: dictionaries of primitives, of models, of arrays and of dictionaries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer

UTC = dt.UTC
DATES = {"0": dt.date(2000, 12, 1), "1": dt.date(1980, 1, 2), "2": dt.date(1492, 10, 12)}
DATETIMES = {
    "0": dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
    "1": dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    "2": dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
}
RFC1123 = {
    "0": dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
    "1": dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=UTC),
    "2": dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=UTC),
}
DURATIONS = {
    "0": dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11),
    "1": dt.timedelta(days=5, hours=1),
}
BYTES = {"0": bytes([255, 255, 255, 250]), "1": bytes([1, 2, 3]), "2": bytes([37, 41, 67])}
ARRAYS = {"0": ["1", "2", "3"], "1": ["4", "5", "6"], "2": ["7", "8", "9"]}
DICTS = {
    "0": {"1": "one", "2": "two", "3": "three"},
    "1": {"4": "four", "5": "five", "6": "six"},
    "2": {"7": "seven", "8": "eight", "9": "nine"},
}


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-dictionary.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestSwaggerBATDictionaryService(endpoint=testserver.url) as service:
        yield service.dictionary


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


GETS: list[tuple[str, Any]] = [
    ("get_null", None),
    ("get_empty", {}),
    ("get_null_value", {"key1": None}),
    ("get_empty_string_key", {"": "val1"}),
    ("get_boolean_tfft", {"0": True, "1": False, "2": False, "3": True}),
    ("get_boolean_invalid_null", {"0": True, "1": None, "2": False}),
    ("get_integer_valid", {"0": 1, "1": -1, "2": 3, "3": 300}),
    ("get_int_invalid_null", {"0": 1, "1": None, "2": 0}),
    ("get_long_valid", {"0": 1, "1": -1, "2": 3, "3": 300}),
    ("get_long_invalid_null", {"0": 1, "1": None, "2": 0}),
    ("get_float_valid", {"0": 0.0, "1": -0.01, "2": -1.2e20}),
    ("get_float_invalid_null", {"0": 0.0, "1": None, "2": -1.2e20}),
    ("get_double_valid", {"0": 0.0, "1": -0.01, "2": -1.2e20}),
    ("get_double_invalid_null", {"0": 0.0, "1": None, "2": -1.2e20}),
    ("get_string_valid", {"0": "foo1", "1": "foo2", "2": "foo3"}),
    ("get_string_with_null", {"0": "foo", "1": None, "2": "foo2"}),
    # A number where a string is declared is read as its JSON text.
    ("get_string_with_invalid", {"0": "foo", "1": "123", "2": "foo2"}),
    ("get_date_valid", DATES),
    ("get_date_invalid_null", {"0": dt.date(2012, 1, 1), "1": None, "2": dt.date(1776, 7, 4)}),
    ("get_date_time_valid", DATETIMES),
    ("get_date_time_invalid_null", {"0": DATETIMES["0"], "1": None}),
    ("get_date_time_rfc1123_valid", RFC1123),
    ("get_duration_valid", DURATIONS),
    ("get_byte_valid", BYTES),
    ("get_byte_invalid_null", {"0": bytes([171, 172, 173]), "1": None}),
    (
        "get_base64_url",
        {
            "0": b"a string that gets encoded with base64url",
            "1": b"test string",
            "2": b"Lorem ipsum",
        },
    ),
    ("get_array_null", None),
    ("get_array_empty", {}),
    ("get_array_item_null", {"0": ["1", "2", "3"], "1": None, "2": ["7", "8", "9"]}),
    ("get_array_item_empty", {"0": ["1", "2", "3"], "1": [], "2": ["7", "8", "9"]}),
    ("get_array_valid", ARRAYS),
    ("get_dictionary_null", None),
    ("get_dictionary_empty", {}),
    ("get_dictionary_item_null", {"0": DICTS["0"], "1": None, "2": DICTS["2"]}),
    ("get_dictionary_item_empty", {"0": DICTS["0"], "1": {}, "2": DICTS["2"]}),
    ("get_dictionary_valid", DICTS),
]


@pytest.mark.parametrize(("method", "expected"), GETS, ids=[g[0] for g in GETS])
def test_get(client: Any, method: str, expected: Any) -> None:
    assert getattr(client, method)() == expected


INVALID: list[tuple[str, str]] = [
    ("get_invalid", "not valid JSON"),
    ("get_null_key", "not valid JSON"),
    ("get_boolean_invalid_string", "boolean"),
    ("get_int_invalid_string", "integer"),
    ("get_long_invalid_string", "integer"),
    ("get_float_invalid_string", "number"),
    ("get_double_invalid_string", "number"),
    ("get_date_invalid_chars", "'date'"),
    ("get_date_time_invalid_chars", "'date-time'"),
]


@pytest.mark.parametrize(("method", "message"), INVALID, ids=[i[0] for i in INVALID])
def test_get_invalid(client: Any, errors: ModuleType, method: str, message: str) -> None:
    with pytest.raises(errors.DeserializationError, match=message):
        getattr(client, method)()


PUTS: list[tuple[str, str, Any]] = [
    ("putDictionaryEmpty", "put_empty", {}),
    (
        "putDictionaryBooleanValid",
        "put_boolean_tfft",
        {"0": True, "1": False, "2": False, "3": True},
    ),
    ("putDictionaryIntegerValid", "put_integer_valid", {"0": 1, "1": -1, "2": 3, "3": 300}),
    ("putDictionaryLongValid", "put_long_valid", {"0": 1, "1": -1, "2": 3, "3": 300}),
    ("putDictionaryFloatValid", "put_float_valid", {"0": 0, "1": -0.01, "2": -1.2e20}),
    ("putDictionaryDoubleValid", "put_double_valid", {"0": 0, "1": -0.01, "2": -1.2e20}),
    ("putDictionaryStringValid", "put_string_valid", {"0": "foo1", "1": "foo2", "2": "foo3"}),
    ("putDictionaryDateValid", "put_date_valid", DATES),
    # Sent in UTC: the server compares the instants.
    ("putDictionaryDateTimeValid", "put_date_time_valid", DATETIMES),
    ("putDictionaryDateTimeRfc1123Valid", "put_date_time_rfc1123_valid", RFC1123),
    ("putDictionaryDurationValid", "put_duration_valid", DURATIONS),
    ("putDictionaryByteValid", "put_byte_valid", BYTES),
    ("putDictionaryArrayValid", "put_array_valid", ARRAYS),
    ("putDictionaryDictionaryValid", "put_dictionary_valid", DICTS),
]


@pytest.mark.parametrize(("scenario", "method", "value"), PUTS, ids=[p[0] for p in PUTS])
def test_put(client: Any, testserver: TestServer, scenario: str, method: str, value: Any) -> None:
    assert accepted(testserver, scenario, lambda: getattr(client, method)(value)) is None


def test_complex(client: Any, package: ModuleType, testserver: TestServer) -> None:
    widget = submodule(package, "models").Widget
    first, second, third = (widget(integer=i, string=str(i + 1)) for i in (1, 3, 5))
    assert client.get_complex_null() is None
    assert client.get_complex_empty() == {}
    assert client.get_complex_valid() == {"0": first, "1": second, "2": third}
    assert client.get_complex_item_null() == {"0": first, "1": None, "2": third}
    assert client.get_complex_item_empty() == {"0": first, "1": widget(), "2": third}
    accepted(
        testserver,
        "putDictionaryComplexValid",
        lambda: client.put_complex_valid({"0": first, "1": second, "2": third}),
    )
