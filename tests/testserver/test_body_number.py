"""body-number.json: float, double and decimal bodies, with constants for fixed values."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-number.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestNumberTestService(endpoint=testserver.url) as service:
        yield service.number


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


def test_get_null(client: Any) -> None:
    assert client.get_null() is None


def test_get_invalid(client: Any, errors: ModuleType) -> None:
    for call in (client.get_invalid_float, client.get_invalid_double, client.get_invalid_decimal):
        with pytest.raises(errors.DeserializationError, match="not valid JSON"):
            call()


def test_get_float_and_double(client: Any) -> None:
    assert client.get_big_float() == 3.402823e20
    assert client.get_small_float() == 3.402823e-20
    assert client.get_big_double() == 2.5976931e101
    assert client.get_small_double() == 2.5976931e-101
    assert client.get_big_double_positive_decimal() == 99999999.99
    assert client.get_big_double_negative_decimal() == -99999999.99


def test_get_decimal(client: Any) -> None:
    values = [
        client.get_big_decimal(),
        client.get_small_decimal(),
        client.get_big_decimal_positive_decimal(),
        client.get_big_decimal_negative_decimal(),
    ]
    assert all(isinstance(v, Decimal) for v in values)
    assert values == [
        Decimal("2.5976931e+101"),
        Decimal("2.5976931e-101"),
        Decimal("99999999.99"),
        Decimal("-99999999.99"),
    ]


def test_put_float_and_double(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putFloatBigScientificNotation", lambda: client.put_big_float(3.402823e20))
    accepted(
        testserver, "putFloatSmallScientificNotation", lambda: client.put_small_float(3.402823e-20)
    )
    accepted(
        testserver, "putDoubleBigScientificNotation", lambda: client.put_big_double(2.5976931e101)
    )
    accepted(
        testserver,
        "putDoubleSmallScientificNotation",
        lambda: client.put_small_double(2.5976931e-101),
    )


def test_put_fixed_values_take_no_argument(client: Any, testserver: TestServer) -> None:
    accepted(testserver, "putDoubleBigPositiveDecimal", client.put_big_double_positive_decimal)
    accepted(testserver, "putDoubleBigNegativeDecimal", client.put_big_double_negative_decimal)
    accepted(
        testserver,
        "putDecimalBigPositiveDecimal",
        client.put_big_decimal_positive_decimal,
        "optional",
    )
    accepted(
        testserver,
        "putDecimalBigNegativeDecimal",
        client.put_big_decimal_negative_decimal,
        "optional",
    )


def test_put_decimal(client: Any, testserver: TestServer) -> None:
    accepted(
        testserver,
        "putDecimalBig",
        lambda: client.put_big_decimal(Decimal("2.5976931e+101")),
        "optional",
    )
    accepted(
        testserver,
        "putDecimalSmall",
        lambda: client.put_small_decimal(Decimal("2.5976931e-101")),
        "optional",
    )
