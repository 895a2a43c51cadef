"""additionalProperties.json: untyped, typed and inherited additional properties, and a declared
property that happens to be named additionalProperties."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import MODEL_STYLES, accepted, submodule
from tests.testserver.server import TestServer

BIRTHDATE = "2017-12-13T02:29:51Z"


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("additionalProperties.json", request.param)


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def pets(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AdditionalPropertiesClient(endpoint=testserver.url) as service:
        yield service.pets


def test_true(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    # Untyped values may be any Python value: a datetime is sent as ISO 8601 text.
    body = m.PetAPTrue(
        id=1,
        name="Puppy",
        additional_properties={
            "birthdate": dt.datetime(2017, 12, 13, 2, 29, 51, tzinfo=dt.UTC),
            "complexProperty": {"color": "Red"},
        },
    )
    pet = accepted(testserver, "additionalPropertiesTrue", lambda: pets.create_ap_true(body))
    assert (pet.id, pet.name, pet.status) == (1, "Puppy", True)
    assert pet.additional_properties == {
        "birthdate": BIRTHDATE,
        "complexProperty": {"color": "Red"},
    }


def test_subclass_inherits_them(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    body = m.CatAPTrue(
        id=1,
        name="Lisa",
        friendly=True,
        additional_properties={"birthdate": BIRTHDATE, "complexProperty": {"color": "Red"}},
    )
    cat = accepted(
        testserver, "additionalPropertiesSubclass", lambda: pets.create_cat_ap_true(body)
    )
    assert type(cat) is m.CatAPTrue
    assert (cat.id, cat.name, cat.friendly, cat.status) == (1, "Lisa", True, True)
    assert cat.additional_properties == {
        "birthdate": BIRTHDATE,
        "complexProperty": {"color": "Red"},
    }


def test_type_object(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    siblings = [
        {"id": 1, "name": "Puppy", "birthdate": BIRTHDATE, "complexProperty": {"color": "Red"}}
    ]
    body = m.PetAPObject(
        id=2,
        name="Hira",
        additional_properties={"siblings": siblings, "picture": "//////4="},
    )
    pet = accepted(
        testserver, "additionalPropertiesTypeObject", lambda: pets.create_ap_object(body)
    )
    assert (pet.id, pet.name, pet.status) == (2, "Hira", True)
    assert pet.additional_properties == {"siblings": siblings, "picture": "//////4="}


def test_type_string(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    extra = {"color": "red", "weight": "10 kg", "city": "Bombay"}
    body = m.PetAPString(id=3, name="Tommy", additional_properties=extra)
    pet = accepted(
        testserver, "additionalPropertiesTypeString", lambda: pets.create_ap_string(body)
    )
    assert (pet.id, pet.name, pet.status) == (3, "Tommy", True)
    assert pet.additional_properties == extra


def test_in_properties(pets: Any, m: ModuleType, testserver: TestServer) -> None:
    # A declared property named "additionalProperties" is an ordinary dict property.
    sizes = {"height": 5.61, "weight": 599, "footsize": 11.5}
    body = m.PetAPInProperties(id=4, name="Bunny", additional_properties=sizes)
    pet = accepted(
        testserver, "additionalPropertiesInProperties", lambda: pets.create_ap_in_properties(body)
    )
    assert (pet.id, pet.name, pet.status) == (4, "Bunny", True)
    assert pet.additional_properties == {"height": 5.61, "weight": 599.0, "footsize": 11.5}


def test_in_properties_with_additional_properties_string(
    pets: Any, m: ModuleType, testserver: TestServer
) -> None:
    # The declared property keeps its name; the undeclared ones get the next free name.
    sizes = {"height": 5.61, "weight": 599, "footsize": 11.5}
    extra = {"color": "red", "city": "Seattle", "food": "tikka masala"}
    body = m.PetAPInPropertiesWithAPString(
        id=5,
        name="Funny",
        odata_location="westus",
        additional_properties=sizes,
        additional_properties_2=extra,
    )
    pet = accepted(
        testserver,
        "additionalPropertiesInPropertiesWithAPTypeString",
        lambda: pets.create_ap_in_properties_with_ap_string(body),
    )
    assert (pet.id, pet.name, pet.odata_location, pet.status) == (5, "Funny", "westus", True)
    assert pet.additional_properties == sizes
    assert pet.additional_properties_2 == extra


def test_read_only_status_is_not_sent(m: ModuleType) -> None:
    pet = m.PetAPString.from_dict({"id": 1, "status": True, "color": "red"})
    assert pet.to_dict(exclude_readonly=True) == {"id": 1, "color": "red"}
