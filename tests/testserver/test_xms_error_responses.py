"""xms-error-responses.json: x-ms-error-response and default responses raise with the error
model of their status (polymorphic, string or integer), sync and async."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def xms(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("xms-error-responses.json")


@pytest.fixture
def client(xms: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with xms.XMSErrorResponseExtensions(endpoint=testserver.url) as service:
        yield service


@pytest.fixture
def errors(xms: ModuleType) -> ModuleType:
    return submodule(xms, "exceptions")


def _raises(errors: ModuleType, kind: str, call: Any) -> Any:
    with pytest.raises(getattr(errors, kind)) as info:
        call()
    return info.value


def test_success_and_declared_no_content(client: Any, testserver: TestServer) -> None:
    pet = hit(testserver, "expectedNoErrors", lambda: client.pet.get_pet_by_id("tommy"))
    assert (pet.name, pet.ani_type) == ("Tommy Tomson", "Dog")
    assert client.pet.get_pet_by_id("django") is None
    action = hit(testserver, "expectedNoErrors", lambda: client.pet.do_something("stay"))
    assert action.action_response is None


def test_404_with_polymorphic_models(
    client: Any, xms: ModuleType, errors: ModuleType, testserver: TestServer
) -> None:
    animal = hit(
        testserver,
        "animalNotFoundError",
        lambda: _raises(
            errors, "ResourceNotFoundError", lambda: client.pet.get_pet_by_id("coyoteUgly")
        ),
    )
    assert isinstance(animal.model, xms.models.AnimalNotFound)
    assert (animal.model.name, animal.model.reason) == (
        "coyote",
        "the type of animal requested is not available",
    )
    link = hit(
        testserver,
        "linkNotFoundError",
        lambda: _raises(
            errors, "ResourceNotFoundError", lambda: client.pet.get_pet_by_id("weirdAlYankovic")
        ),
    )
    assert isinstance(link.model, xms.models.LinkNotFound)
    assert link.model.what_sub_address == "pet/yourpet was not found"


def test_string_and_integer_error_models(
    client: Any, errors: ModuleType, testserver: TestServer
) -> None:
    string = hit(
        testserver,
        "stringError",
        lambda: _raises(errors, "HttpResponseError", lambda: client.pet.get_pet_by_id("ringo")),
    )
    assert (string.status_code, string.model) == (400, "ringo is missing")
    number = hit(
        testserver,
        "intError",
        lambda: _raises(errors, "HttpResponseError", lambda: client.pet.get_pet_by_id("alien123")),
    )
    assert (number.status_code, number.model) == (501, 123)


def test_declared_and_default_error_models(
    client: Any, xms: ModuleType, errors: ModuleType, testserver: TestServer
) -> None:
    sad = hit(
        testserver,
        "expectedPetSadError",
        lambda: _raises(errors, "HttpResponseError", lambda: client.pet.do_something("jump")),
    )
    assert sad.status_code == 500
    assert isinstance(sad.model, xms.models.PetSadError)
    assert (sad.model.reason, sad.model.error_message) == ("need more treats", "casper aint happy")
    hungry = hit(
        testserver,
        "expectedPetHungryError",
        lambda: _raises(errors, "ResourceNotFoundError", lambda: client.pet.do_something("fetch")),
    )
    assert isinstance(hungry.model, xms.models.PetHungryOrThirstyError)
    assert hungry.model.hungry_or_thirsty == "hungry and thirsty"


def test_a_parameter_named_models_with_a_client_default(
    client: Any, xms: ModuleType, errors: ModuleType, testserver: TestServer
) -> None:
    error = hit(
        testserver,
        "sendErrorWithParamNameModels",
        lambda: _raises(errors, "HttpResponseError", client.pet.has_models_param),
        category="optional",
    )
    assert isinstance(error.model, xms.models.PetSadError)


def test_async_client(xms: ModuleType, testserver: TestServer) -> None:
    errors = submodule(xms, "exceptions")

    async def calls() -> list[Any]:
        aio = submodule(xms, "aio")
        async with aio.XMSErrorResponseExtensions(endpoint=testserver.url) as service:
            pet = await ahit(
                testserver, "expectedNoErrors", lambda: service.pet.get_pet_by_id("tommy")
            )
            with pytest.raises(errors.ResourceNotFoundError) as info:
                await service.pet.get_pet_by_id("coyoteUgly")
            return [pet.name, type(info.value.model).__name__]

    assert asyncio.run(calls()) == ["Tommy Tomson", "AnimalNotFound"]
