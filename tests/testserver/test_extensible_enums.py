"""extensible-enums-swagger.json: modelAsString enums keep values the spec does not list."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import MODEL_STYLES, accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("extensible-enums-swagger.json", request.param)


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def pets(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.PetStoreInc(endpoint=testserver.url) as service:
        yield service.pet


def test_expected_values(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    tommy = accepted(testserver, "expectedEnum", lambda: pets.get_by_pet_id("tommy"))
    assert tommy.name == "Tommy Tomson"
    assert tommy.days_of_week is m.DaysOfWeekExtensibleEnum.MONDAY
    assert tommy.int_enum is m.IntEnum.ENUM_1


def test_unexpected_value_is_kept(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    casper = accepted(testserver, "unexpectedEnum", lambda: pets.get_by_pet_id("casper"))
    assert casper.days_of_week == "Weekend"
    assert isinstance(casper.days_of_week, m.DaysOfWeekExtensibleEnum)
    assert casper.int_enum is m.IntEnum.ENUM_2


def test_allowed_value_outside_the_list(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    scooby = accepted(testserver, "allowedValueEnum", lambda: pets.get_by_pet_id("scooby"))
    assert scooby.days_of_week is m.DaysOfWeekExtensibleEnum.THURSDAY
    assert scooby.int_enum == "2.1"


def test_round_trip(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    body = m.Pet(name="Retriever", int_enum=m.IntEnum.ENUM_2, days_of_week="Sunday")
    answer = accepted(testserver, "roundTripEnum", lambda: pets.add_pet(pet_param=body))
    assert answer == body
    assert answer.days_of_week is m.DaysOfWeekExtensibleEnum.SUNDAY


def test_default_day(m: ModuleType) -> None:
    assert m.Pet(int_enum="1").days_of_week is m.DaysOfWeekExtensibleEnum.FRIDAY
