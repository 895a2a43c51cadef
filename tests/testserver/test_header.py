"""header.json: header parameters of every type sent, typed response headers read (sync and async).

Response headers come back through `cls`: the method calls it with the response, the result and
the typed headers, and returns what it returns.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer

UNICODE = "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29"
FOX = "The quick brown fox jumps over the lazy dog"
DURATION = dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)
UTC = dt.UTC


@pytest.fixture(scope="module")
def header(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("header.json")


@pytest.fixture
def client(header: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with header.AutoRestSwaggerBATHeaderService(endpoint=testserver.url) as service:
        yield service


def _headers(response: Any, result: Any, headers: dict[str, Any]) -> dict[str, Any]:
    assert result is None
    return headers


Call = Callable[[Any], Any]

PARAMS: list[tuple[str, Call]] = [
    ("HeaderParameterExistingKey", lambda c: c.header.param_existing_key("overwrite")),
    ("HeaderParameterIntegerPositive", lambda c: c.header.param_integer("positive", 1)),
    ("HeaderParameterIntegerNegative", lambda c: c.header.param_integer("negative", -2)),
    ("HeaderParameterLongPositive", lambda c: c.header.param_long("positive", 105)),
    ("HeaderParameterLongNegative", lambda c: c.header.param_long("negative", -2)),
    ("HeaderParameterFloatPositive", lambda c: c.header.param_float("positive", 0.07)),
    ("HeaderParameterFloatNegative", lambda c: c.header.param_float("negative", -3.0)),
    ("HeaderParameterDoublePositive", lambda c: c.header.param_double("positive", 7e120)),
    ("HeaderParameterDoubleNegative", lambda c: c.header.param_double("negative", -3.0)),
    ("HeaderParameterBoolTrue", lambda c: c.header.param_bool("true", True)),
    ("HeaderParameterBoolFalse", lambda c: c.header.param_bool("false", False)),
    ("HeaderParameterStringValid", lambda c: c.header.param_string("valid", value=FOX)),
    ("HeaderParameterStringNull", lambda c: c.header.param_string("null", value=None)),
    ("HeaderParameterStringEmpty", lambda c: c.header.param_string("empty", value="")),
    ("HeaderParameterDateValid", lambda c: c.header.param_date("valid", dt.date(2010, 1, 1))),
    ("HeaderParameterDateMin", lambda c: c.header.param_date("min", dt.date(1, 1, 1))),
    (
        "HeaderParameterDateTimeValid",
        lambda c: c.header.param_datetime("valid", dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)),
    ),
    (
        "HeaderParameterDateTimeMin",
        lambda c: c.header.param_datetime("min", dt.datetime(1, 1, 1, tzinfo=UTC)),
    ),
    (
        "HeaderParameterDateTimeRfc1123Valid",
        lambda c: c.header.param_datetime_rfc1123(
            "valid", value=dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)
        ),
    ),
    (
        "HeaderParameterDateTimeRfc1123Min",
        lambda c: c.header.param_datetime_rfc1123("min", value=dt.datetime(1, 1, 1, tzinfo=UTC)),
    ),
    ("HeaderParameterDurationValid", lambda c: c.header.param_duration("valid", DURATION)),
    ("HeaderParameterBytesValid", lambda c: c.header.param_byte("valid", UNICODE.encode())),
    ("HeaderParameterEnumValid", lambda c: c.header.param_enum("valid", value="GREY")),
    ("HeaderParameterEnumNull", lambda c: c.header.param_enum("null", value=None)),
]

RESPONSES: list[tuple[str, Call, Any]] = [
    (
        "HeaderResponseExistingKey",
        lambda c: c.header.response_existing_key(cls=_headers)["User-Agent"],
        "overwrite",
    ),
    (
        "HeaderResponseProtectedKey",
        lambda c: c.header.response_protected_key(cls=_headers)["Content-Type"],
        "text/html; charset=utf-8",
    ),
    ("HeaderResponseIntegerPositive", lambda c: _value(c.header.response_integer, "positive"), 1),
    ("HeaderResponseIntegerNegative", lambda c: _value(c.header.response_integer, "negative"), -2),
    ("HeaderResponseLongPositive", lambda c: _value(c.header.response_long, "positive"), 105),
    ("HeaderResponseLongNegative", lambda c: _value(c.header.response_long, "negative"), -2),
    ("HeaderResponseFloatPositive", lambda c: _value(c.header.response_float, "positive"), 0.07),
    ("HeaderResponseFloatNegative", lambda c: _value(c.header.response_float, "negative"), -3.0),
    ("HeaderResponseDoublePositive", lambda c: _value(c.header.response_double, "positive"), 7e120),
    ("HeaderResponseDoubleNegative", lambda c: _value(c.header.response_double, "negative"), -3.0),
    ("HeaderResponseBoolTrue", lambda c: _value(c.header.response_bool, "true"), True),
    ("HeaderResponseBoolFalse", lambda c: _value(c.header.response_bool, "false"), False),
    ("HeaderResponseStringValid", lambda c: _value(c.header.response_string, "valid"), FOX),
    ("HeaderResponseStringNull", lambda c: _value(c.header.response_string, "null"), "null"),
    ("HeaderResponseStringEmpty", lambda c: _value(c.header.response_string, "empty"), ""),
    (
        "HeaderResponseDateValid",
        lambda c: _value(c.header.response_date, "valid"),
        dt.date(2010, 1, 1),
    ),
    ("HeaderResponseDateMin", lambda c: _value(c.header.response_date, "min"), dt.date(1, 1, 1)),
    (
        "HeaderResponseDateTimeValid",
        lambda c: _value(c.header.response_datetime, "valid"),
        dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC),
    ),
    (
        "HeaderResponseDateTimeMin",
        lambda c: _value(c.header.response_datetime, "min"),
        dt.datetime(1, 1, 1, tzinfo=UTC),
    ),
    (
        "HeaderResponseDateTimeRfc1123Valid",
        lambda c: _value(c.header.response_datetime_rfc1123, "valid"),
        dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC),
    ),
    (
        "HeaderResponseDateTimeRfc1123Min",
        lambda c: _value(c.header.response_datetime_rfc1123, "min"),
        dt.datetime(1, 1, 1, tzinfo=UTC),
    ),
    (
        "HeaderResponseDurationValid",
        lambda c: _value(c.header.response_duration, "valid"),
        DURATION,
    ),
    (
        "HeaderResponseBytesValid",
        lambda c: _value(c.header.response_byte, "valid"),
        UNICODE.encode(),
    ),
    ("HeaderResponseEnumValid", lambda c: _value(c.header.response_enum, "valid"), "GREY"),
    ("HeaderResponseEnumNull", lambda c: _value(c.header.response_enum, "null"), None),
]


def _value(method: Callable[..., Any], scenario: str) -> Any:
    return method(scenario, cls=_headers)["value"]


@pytest.mark.parametrize(("scenario", "call"), PARAMS, ids=[s for s, _ in PARAMS])
def test_header_parameters(client: Any, testserver: TestServer, scenario: str, call: Call) -> None:
    assert hit(testserver, scenario, lambda: call(client)) is None


@pytest.mark.parametrize(
    ("scenario", "call", "expected"),
    RESPONSES,
    ids=[s for s, _, _ in RESPONSES],
)
def test_response_headers(
    client: Any, testserver: TestServer, scenario: str, call: Call, expected: Any
) -> None:
    value = hit(testserver, scenario, lambda: call(client))
    assert value == expected
    assert type(value) is type(expected) or isinstance(value, type(expected))


def test_enum_header_is_the_enum_member(client: Any, header: ModuleType) -> None:
    value = _value(client.header.response_enum, "valid")
    assert value is header.models.GreyscaleColors.GREY


def test_without_cls_the_method_returns_its_result(client: Any) -> None:
    assert client.header.response_integer("positive") is None


def test_cls_sees_the_raw_response(client: Any) -> None:
    status = client.header.response_bool("true", cls=lambda response, _, __: response.status_code)
    assert status == 200


def test_client_request_id_can_be_given(client: Any, testserver: TestServer) -> None:
    """The client sends a new x-ms-client-request-id per call unless one is given."""
    call = lambda: client.header.custom_request_id(  # noqa: E731
        headers={"x-ms-client-request-id": "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"}
    )
    hit(testserver, "CustomHeaderInRequest", call, category="optional")


def test_a_content_type_header_parameter_is_sent_as_given(
    client: Any, testserver: TestServer
) -> None:
    call = lambda: client.header.param_protected_key("text/html")  # noqa: E731
    hit(testserver, "HeaderParameterProtectedKey", call, category="optional")


def test_required_header_none_is_rejected(client: Any, header: ModuleType) -> None:
    errors = submodule(header, "exceptions")
    with pytest.raises(errors.ValidationError, match="value must not be None"):
        client.header.param_integer("positive", None)


async def _async_round(header: ModuleType, testserver: TestServer) -> list[Any]:
    aio = submodule(header, "aio")
    async with aio.AutoRestSwaggerBATHeaderService(endpoint=testserver.url) as service:
        await ahit(
            testserver,
            "HeaderParameterLongPositive",
            lambda: service.header.param_long("positive", 105),
        )
        return [
            await ahit(
                testserver,
                "HeaderResponseDateTimeRfc1123Valid",
                lambda: service.header.response_datetime_rfc1123("valid", cls=_headers),
            ),
            await service.header.response_enum("null", cls=_headers),
        ]


def test_async_client(header: ModuleType, testserver: TestServer) -> None:
    rfc, enum_null = asyncio.run(_async_round(header, testserver))
    assert rfc == {"value": dt.datetime(2010, 1, 1, 12, 34, 56, tzinfo=UTC)}
    assert enum_null == {"value": None}
