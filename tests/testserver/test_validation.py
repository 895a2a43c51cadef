"""validation.json: constants in the path and the body, and the spec's constraints checked on the
client before any request is sent: method arguments and the properties of body models."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def validation(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("validation.json")


@pytest.fixture
def client(validation: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with validation.AutoRestValidationTest("abc123", "12-34-5678", endpoint=testserver.url) as c:
        yield c


@pytest.fixture
def errors(validation: ModuleType) -> ModuleType:
    return submodule(validation, "exceptions")


def test_constant_in_path(client: Any, testserver: TestServer) -> None:
    assert hit(testserver, "ConstantsInPath", client.get_with_constant_in_path) is None


def test_constants_in_body(client: Any, validation: ModuleType, testserver: TestServer) -> None:
    models = validation.models
    product = models.Product(child=models.ChildProduct(), const_child=models.ConstantProduct())
    returned = hit(
        testserver, "ConstantsInBody", lambda: client.post_with_constant_in_body(body=product)
    )
    assert returned.const_string == "constant"
    assert returned.const_int == 0
    assert returned.child.const_property == "constant"
    assert returned.const_child.const_property2 == "constant2"


@pytest.mark.parametrize(
    ("resource_group", "id_", "message"),
    [
        ("1", 100, "resource_group_name must have at least 3 characters, not 1"),
        ("1234567890A", 100, "resource_group_name must have at most 10 characters, not 11"),
        ("!@#$", 100, "resource_group_name must match the pattern"),
        ("123", 1010, "id must be at most 1000, not 1010"),
        ("123", 90, "id must be at least 100, not 90"),
        ("123", 105, "id must be a multiple of 10, not 105"),
        (None, 100, "resource_group_name must not be None"),
    ],
)
def test_method_arguments_are_checked_before_sending(
    client: Any,
    errors: ModuleType,
    testserver: TestServer,
    resource_group: str | None,
    id_: int,
    message: str,
) -> None:
    before = testserver.report("vanilla")
    with pytest.raises(errors.ValidationError, match=message):
        client.validation_of_method_parameters(resource_group, id_)
    with pytest.raises(errors.ValidationError, match=message):
        client.validation_of_body(resource_group, id_)
    assert testserver.report("vanilla") == before


def test_the_error_is_a_value_error(errors: ModuleType) -> None:
    assert issubclass(errors.ValidationError, ValueError)
    assert not issubclass(errors.ValidationError, errors.HttpResponseError)


def test_client_arguments_are_checked_when_the_client_is_made(
    validation: ModuleType, errors: ModuleType, testserver: TestServer
) -> None:
    with pytest.raises(errors.ValidationError, match=r"api_version must match the pattern"):
        validation.AutoRestValidationTest("abc123", "1.0.0", endpoint=testserver.url)
    with pytest.raises(errors.ValidationError, match="subscription_id must not be None"):
        validation.AutoRestValidationTest(None, "12-34-5678", endpoint=testserver.url)


def test_valid_arguments_are_sent(client: Any, errors: ModuleType) -> None:
    """The server has no route for this operation: the request leaves, and the 404 comes back."""
    with pytest.raises(errors.ResourceNotFoundError) as info:
        client.validation_of_method_parameters("123", 150)
    assert info.value.response.request.url.path == "/fakepath/abc123/123/150"
    assert info.value.response.request.url.params["apiVersion"] == "12-34-5678"


def _product(models: Any, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "child": models.ChildProduct(),
        "const_child": models.ConstantProduct(),
    }
    values.update(changes)
    return models.Product(**values)


INVALID_PRODUCTS = [
    ({"capacity": 100}, "body.capacity must be less than 100, not 100"),
    ({"capacity": 0}, "body.capacity must be greater than 0, not 0"),
    ({"display_names": [str(n) for n in range(7)]}, "body.display_names must have at most 6 items"),
    ({"display_names": ["a", "a"]}, "body.display_names must not contain the same item twice"),
    ({"image": "ftp://x"}, r"body.image must match the pattern 'http://\\\\w\+'"),
    ({"child": None}, "body.child must not be None"),
]


@pytest.mark.parametrize(("changes", "message"), INVALID_PRODUCTS)
def test_body_model_constraints_are_checked_before_sending(
    client: Any,
    validation: ModuleType,
    errors: ModuleType,
    testserver: TestServer,
    changes: dict[str, Any],
    message: str,
) -> None:
    """The ConstantsInBody route would accept these bodies (it checks only the constants)."""
    product = _product(validation.models, **changes)
    before = testserver.report("vanilla")
    with pytest.raises(errors.ValidationError, match=message):
        client.post_with_constant_in_body(body=product)
    with pytest.raises(errors.ValidationError, match=message):
        client.validation_of_body("123", 150, body=product)
    assert testserver.report("vanilla") == before


def test_a_body_within_its_constraints_is_sent(
    client: Any, validation: ModuleType, testserver: TestServer
) -> None:
    product = _product(validation.models, capacity=99, display_names=["a", "b"], image="http://pic")
    returned = hit(
        testserver, "ConstantsInBody", lambda: client.post_with_constant_in_body(body=product)
    )
    assert (returned.capacity, returned.display_names, returned.image) == (
        99,
        ["a", "b"],
        "http://pic",
    )


def test_async_client_checks_the_body_model(validation: ModuleType, testserver: TestServer) -> None:
    aio = submodule(validation, "aio")
    errors = submodule(validation, "exceptions")

    async def post() -> None:
        async with aio.AutoRestValidationTest(
            "abc123", "12-34-5678", endpoint=testserver.url
        ) as service:
            await service.post_with_constant_in_body(body=_product(validation.models, capacity=100))

    before = testserver.report("vanilla")
    with pytest.raises(errors.ValidationError, match="body.capacity must be less than 100"):
        asyncio.run(post())
    assert testserver.report("vanilla") == before
