"""model-flattening.json: x-ms-client-flatten on properties (one and two levels deep, under
inheritance) and on a body parameter (the method takes the model's properties)."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import MODEL_STYLES, accepted, submodule
from tests.testserver.server import TestServer

TAGS = {"tag1": "value1", "tag2": "value3"}


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("model-flattening.json", request.param)


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestResourceFlatteningTestService(endpoint=testserver.url) as service:
        yield service


def _products(m: ModuleType, first: int) -> list[Any]:
    return [
        m.FlattenedProduct(
            location="Building 44",
            tags=TAGS,
            p_name=f"Product{first}",
            properties_type="Flat",
            provisioning_state="Succeeded",
        ),
        m.FlattenedProduct(location="Building 44"),
        m.FlattenedProduct(),
    ]


def _check_products(products: list[Any], m: ModuleType, first: int) -> None:
    full, partial, bare = products
    assert (full.id, full.name, full.type) == (
        str(first),
        f"Resource{first}",
        "Microsoft.Web/sites",
    )
    assert (full.p_name, full.properties_type, full.provisioning_state) == (
        f"Product{first}",
        "Flat",
        "Succeeded",
    )
    assert full.provisioning_state_values == "OK"
    assert full.tags == TAGS and full.location == "Building 44"
    assert (partial.id, partial.name, partial.location, partial.p_name) == (
        str(first + 1),
        f"Resource{first + 1}",
        "Building 44",
        None,
    )
    assert (bare.id, bare.name, bare.location) == (str(first + 2), f"Resource{first + 2}", None)
    assert all(type(p) is m.FlattenedProduct for p in products)


def test_get_array(client: Any, m: ModuleType) -> None:
    _check_products(client.get_array(), m, 1)


def test_get_dictionary(client: Any, m: ModuleType) -> None:
    products = client.get_dictionary()
    assert list(products) == ["Product1", "Product2", "Product3"]
    _check_products(list(products.values()), m, 1)


def test_get_resource_collection(client: Any, m: ModuleType) -> None:
    collection = client.get_resource_collection()
    _check_products(list(collection.dictionaryofresources.values()), m, 1)
    _check_products(collection.arrayofresources, m, 4)
    assert collection.productresource.name == "Resource7"


def test_put_array(client: Any, m: ModuleType, testserver: TestServer) -> None:
    body = [m.Resource(location="West US", tags=TAGS), m.Resource(location="Building 44")]
    accepted(testserver, "putModelFlattenArray", lambda: client.put_array(resource_array=body))


def _flattened(m: ModuleType, location: str, name: str, tags: bool = False) -> Any:
    return m.FlattenedProduct(
        location=location, tags=TAGS if tags else None, p_name=name, properties_type="Flat"
    )


def test_put_dictionary(client: Any, m: ModuleType, testserver: TestServer) -> None:
    body = {
        "Resource1": _flattened(m, "West US", "Product1", tags=True),
        "Resource2": _flattened(m, "Building 44", "Product2"),
    }
    wire = body["Resource1"].to_dict()
    assert wire["properties"] == {"p.name": "Product1", "type": "Flat"}
    accepted(
        testserver,
        "putModelFlattenDictionary",
        lambda: client.put_dictionary(resource_dictionary=body),
    )


def test_put_resource_collection(client: Any, m: ModuleType, testserver: TestServer) -> None:
    body = m.ResourceCollection(
        arrayofresources=[
            _flattened(m, "West US", "Product1", tags=True),
            _flattened(m, "East US", "Product2"),
        ],
        dictionaryofresources={
            "Resource1": _flattened(m, "West US", "Product1", tags=True),
            "Resource2": _flattened(m, "Building 44", "Product2"),
        },
        productresource=_flattened(m, "India", "Azure"),
    )
    accepted(
        testserver,
        "putModelFlattenResourceCollection",
        lambda: client.put_resource_collection(resource_complex_object=body),
    )


def _simple_product(m: ModuleType, **extra: Any) -> Any:
    return m.SimpleProduct(
        product_id="123",
        description="product description",
        max_product_display_name="max name",
        odata_value="http://foo",
        **extra,
    )


def test_put_simple_product_two_levels_deep(
    client: Any, m: ModuleType, testserver: TestServer
) -> None:
    body = _simple_product(m, generic_value="https://generic")
    assert body.to_dict()["details"] == {
        "max_product_display_name": "max name",
        "max_product_capacity": "Large",
        "max_product_image": {"@odata.value": "http://foo", "generic_value": "https://generic"},
    }
    answer = accepted(
        testserver,
        "putModelFlattenCustomBase",
        lambda: client.put_simple_product(simple_body_product=body),
    )
    assert answer == body
    assert answer.capacity == "Large"


def test_post_flattened_body_parameter(client: Any, m: ModuleType, testserver: TestServer) -> None:
    arguments = inspect.signature(client.post_flattened_simple_product).parameters
    assert {"product_id", "description", "max_product_display_name", "odata_value"} <= set(
        arguments
    )
    assert "simple_body_product" not in arguments
    assert "capacity" not in arguments  # a constant
    answer = accepted(
        testserver,
        "postModelFlattenCustomParameter",
        lambda: client.post_flattened_simple_product(
            "123",
            description="product description",
            max_product_display_name="max name",
            odata_value="http://foo",
        ),
    )
    assert answer == _simple_product(m)


def test_put_with_grouping(client: Any, m: ModuleType, testserver: TestServer) -> None:
    group = m.FlattenParameterGroup(simple_body_product=_simple_product(m), name="groupproduct")
    answer = accepted(
        testserver,
        "putModelFlattenCustomGroupedParameter",
        lambda: client.put_simple_product_with_grouping(group),
    )
    assert answer == _simple_product(m)


def test_wrapped_array(client: Any, m: ModuleType) -> None:
    # No scenario on the test server: the flattened wrapper encodes and decodes by its own rules.
    wrapper = m.ProductWrapper(value="abc")
    assert wrapper.to_dict() == {"property": {"value": "abc"}}
    assert m.ProductWrapper.from_dict({"property": {"value": "abc"}}) == wrapper
