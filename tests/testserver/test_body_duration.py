"""body-duration.json: ISO 8601 durations as datetime.timedelta."""

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
    return generated_clients("body-duration.json", request.param)


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestDurationTestService(endpoint=testserver.url) as service:
        yield service.duration


@pytest.fixture
def errors(package: ModuleType) -> ModuleType:
    return submodule(package, "exceptions")


def test_get_null(client: Any) -> None:
    assert client.get_null() is None


def test_get_invalid(client: Any, errors: ModuleType) -> None:
    with pytest.raises(errors.DeserializationError, match="123ABC"):
        client.get_invalid()


def test_put_positive(client: Any, testserver: TestServer) -> None:
    value = dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)
    accepted(testserver, "putDurationPositive", lambda: client.put_positive_duration(value))


def test_get_positive_with_years_and_months_is_a_clear_error(
    client: Any, errors: ModuleType
) -> None:
    # "P3Y6M4DT12H30M5S": years and months have no fixed length, so no timedelta can hold
    # them (see EXCEPTIONS.md).
    with pytest.raises(errors.DeserializationError, match="years or months"):
        client.get_positive_duration()
