"""body-formdata-urlencoded.json: formData parameters sent as application/x-www-form-urlencoded,
a constant field among them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def forms(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-formdata-urlencoded.json")


@pytest.fixture
def client(forms: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with forms.BodyFormsDataURLEncoded(endpoint=testserver.url) as service:
        yield service


def _request(response: httpx.Response, result: Any, headers: dict[str, Any]) -> httpx.Request:
    assert result is None
    return response.request


def test_update_pet_with_form(client: Any, forms: ModuleType, testserver: TestServer) -> None:
    request = hit(
        testserver,
        "UpdatePetWithForm",
        lambda: client.formdataurlencoded.update_pet_with_form(
            1, forms.models.PetType.DOG, "meat", 42, name="Fido", cls=_request
        ),
        category="optional",
    )
    assert request.method == "POST"
    assert request.url.path == "/formsdataurlencoded/pet/add/1"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    # Optional fields left as None are not sent at all.
    assert request.content == b"pet_type=dog&pet_food=meat&pet_age=42&name=Fido"


def test_values_are_percent_encoded(client: Any, forms: ModuleType) -> None:
    errors = submodule(forms, "exceptions")
    with pytest.raises(errors.HttpResponseError) as caught:
        client.formdataurlencoded.update_pet_with_form(
            1, "cat", "fish", 3, name="Tom & Jerry=1+1", status="ok?"
        )
    assert caught.value.status_code == 400  # not the body the route wants
    sent = caught.value.response.request.content
    assert sent == b"pet_type=cat&pet_food=fish&pet_age=3&name=Tom+%26+Jerry%3D1%2B1&status=ok%3F"


def test_partial_constant_body(client: Any, testserver: TestServer) -> None:
    request = hit(
        testserver,
        "UrlEncodedDataWithPartialConstantBody",
        lambda: client.formdataurlencoded.partial_constant_body("bar", "foo", cls=_request),
        category="optional",
    )
    assert request.content == b"grant_type=access_token&service=bar&access_token=foo"


def test_async_update_pet_with_form(forms: ModuleType, testserver: TestServer) -> None:
    async def update() -> httpx.Request:
        aio = submodule(forms, "aio")
        async with aio.BodyFormsDataURLEncoded(endpoint=testserver.url) as service:
            result: httpx.Request = await ahit(
                testserver,
                "UpdatePetWithForm",
                lambda: service.formdataurlencoded.update_pet_with_form(
                    1, "dog", "meat", 42, name="Fido", cls=_request
                ),
                category="optional",
            )
            return result

    request = asyncio.run(update())
    assert request.content == b"pet_type=dog&pet_food=meat&pet_age=42&name=Fido"
