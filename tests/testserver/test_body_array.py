"""body-array.json: arrays of every primitive, of models, of arrays and of dictionaries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer

UTC = dt.UTC
UUIDS = [
    "6dcc7237-45fe-45c4-8a6b-3a8a3f625652",
    "d1399005-30f7-40d6-8da6-dd7c89ad34db",
    "f42f6aa1-a5bc-4ddf-907e-5f915de43205",
]
DATES = [dt.date(2000, 12, 1), dt.date(1980, 1, 2), dt.date(1492, 10, 12)]
DATETIMES = [
    dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
    dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=dt.timezone(dt.timedelta(hours=-8))),
]
DATETIMES_UTC = [
    dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
    dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=UTC),
    dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=UTC),
]
RFC1123 = [
    dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC),
    dt.datetime(1980, 1, 2, 0, 11, 35, tzinfo=UTC),
    dt.datetime(1492, 10, 12, 10, 15, 1, tzinfo=UTC),
]
DURATIONS = [
    dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11),
    dt.timedelta(days=5, hours=1),
]
BYTES = [bytes([255, 255, 255, 250]), bytes([1, 2, 3]), bytes([37, 41, 67])]
NESTED = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]]
DICTS = [
    {"1": "one", "2": "two", "3": "three"},
    {"4": "four", "5": "five", "6": "six"},
    {"7": "seven", "8": "eight", "9": "nine"},
]


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-array.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestSwaggerBATArrayService(endpoint=testserver.url) as service:
        yield service.array


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


GETS: list[tuple[str, Any]] = [
    ("get_null", None),
    ("get_empty", []),
    ("get_boolean_tfft", [True, False, False, True]),
    ("get_boolean_invalid_null", [True, None, False]),
    ("get_integer_valid", [1, -1, 3, 300]),
    ("get_int_invalid_null", [1, None, 0]),
    ("get_long_valid", [1, -1, 3, 300]),
    ("get_long_invalid_null", [1, None, 0]),
    ("get_float_valid", [0.0, -0.01, -1.2e20]),
    ("get_float_invalid_null", [0.0, None, -1.2e20]),
    ("get_double_valid", [0.0, -0.01, -1.2e20]),
    ("get_double_invalid_null", [0.0, None, -1.2e20]),
    ("get_string_valid", ["foo1", "foo2", "foo3"]),
    ("get_string_with_null", ["foo", None, "foo2"]),
    # A number where a string is declared is read as its JSON text.
    ("get_string_with_invalid", ["foo", "123", "foo2"]),
    ("get_uuid_valid", UUIDS),
    # UUIDs are strings in Python; the format is not checked.
    ("get_uuid_invalid_chars", [UUIDS[0], "foo"]),
    ("get_date_valid", DATES),
    ("get_date_invalid_null", [dt.date(2012, 1, 1), None, dt.date(1776, 7, 4)]),
    ("get_date_time_valid", DATETIMES),
    ("get_date_time_invalid_null", [dt.datetime(2000, 12, 1, 0, 0, 1, tzinfo=UTC), None]),
    ("get_date_time_rfc1123_valid", RFC1123),
    ("get_duration_valid", DURATIONS),
    ("get_byte_valid", BYTES),
    ("get_byte_invalid_null", [bytes([171, 172, 173]), None]),
    (
        "get_base64_url",
        [b"a string that gets encoded with base64url", b"test string", b"Lorem ipsum"],
    ),
    ("get_array_null", None),
    ("get_array_empty", []),
    ("get_array_item_null", [["1", "2", "3"], None, ["7", "8", "9"]]),
    ("get_array_item_empty", [["1", "2", "3"], [], ["7", "8", "9"]]),
    ("get_array_valid", NESTED),
    ("get_dictionary_null", None),
    ("get_dictionary_empty", []),
    ("get_dictionary_item_null", [DICTS[0], None, DICTS[2]]),
    ("get_dictionary_item_empty", [DICTS[0], {}, DICTS[2]]),
    ("get_dictionary_valid", DICTS),
]


@pytest.mark.parametrize(("method", "expected"), GETS, ids=[g[0] for g in GETS])
def test_get(client: Any, method: str, expected: Any) -> None:
    assert getattr(client, method)() == expected


INVALID: list[tuple[str, str]] = [
    ("get_invalid", "not valid JSON"),
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


def _puts(package: ModuleType) -> list[tuple[str, str, Any]]:
    return [
        ("putArrayEmpty", "put_empty", []),
        ("putArrayBooleanValid", "put_boolean_tfft", [True, False, False, True]),
        ("putArrayIntegerValid", "put_integer_valid", [1, -1, 3, 300]),
        ("putArrayLongValid", "put_long_valid", [1, -1, 3, 300]),
        ("putArrayFloatValid", "put_float_valid", [0, -0.01, -1.2e20]),
        ("putArrayDoubleValid", "put_double_valid", [0, -0.01, -1.2e20]),
        ("putArrayStringValid", "put_string_valid", ["foo1", "foo2", "foo3"]),
        ("putArrayUuidValid", "put_uuid_valid", UUIDS),
        ("putArrayDateValid", "put_date_valid", DATES),
        ("putArrayDateTimeValid", "put_date_time_valid", DATETIMES_UTC),
        ("putArrayDateTimeRfc1123Valid", "put_date_time_rfc1123_valid", RFC1123),
        ("putArrayDurationValid", "put_duration_valid", DURATIONS),
        ("putArrayByteValid", "put_byte_valid", BYTES),
        ("putArrayArrayValid", "put_array_valid", NESTED),
        ("putArrayDictionaryValid", "put_dictionary_valid", DICTS),
        (
            "putArrayComplexValid",
            "put_complex_valid",
            [submodule(package, "models").Product(integer=i, string=str(i + 1)) for i in (1, 3, 5)],
        ),
    ]


PUT_SCENARIOS = [
    "putArrayEmpty",
    "putArrayBooleanValid",
    "putArrayIntegerValid",
    "putArrayLongValid",
    "putArrayFloatValid",
    "putArrayDoubleValid",
    "putArrayStringValid",
    "putArrayUuidValid",
    "putArrayDateValid",
    "putArrayDateTimeValid",
    "putArrayDateTimeRfc1123Valid",
    "putArrayDurationValid",
    "putArrayByteValid",
    "putArrayArrayValid",
    "putArrayDictionaryValid",
    "putArrayComplexValid",
]


@pytest.mark.parametrize("scenario", PUT_SCENARIOS)
def test_put(client: Any, package: ModuleType, testserver: TestServer, scenario: str) -> None:
    _, method, value = next(p for p in _puts(package) if p[0] == scenario)
    call: Callable[[], Any] = lambda: getattr(client, method)(value)  # noqa: E731
    assert accepted(testserver, scenario, call) is None


def test_complex(client: Any, package: ModuleType) -> None:
    product = submodule(package, "models").Product
    assert client.get_complex_null() is None
    assert client.get_complex_empty() == []
    valid = client.get_complex_valid()
    assert valid == [
        product(integer=1, string="2"),
        product(integer=3, string="4"),
        product(integer=5, string="6"),
    ]
    assert client.get_complex_item_null() == [
        product(integer=1, string="2"),
        None,
        product(integer=5, string="6"),
    ]
    assert client.get_complex_item_empty() == [
        product(integer=1, string="2"),
        product(),
        product(integer=5, string="6"),
    ]


def test_enums(client: Any, package: ModuleType, testserver: TestServer) -> None:
    foo = submodule(package, "models").FooEnum
    assert client.get_enum_valid() == [foo.FOO1, foo.FOO2, foo.FOO3]
    accepted(testserver, "putArrayEnumValid", lambda: client.put_enum_valid(list(foo)))
    values = client.get_string_enum_valid()
    assert [v.value for v in values] == ["foo1", "foo2", "foo3"]
    accepted(
        testserver,
        "putArrayStringEnumValid",
        lambda: client.put_string_enum_valid(["foo1", "foo2", "foo3"]),
    )
