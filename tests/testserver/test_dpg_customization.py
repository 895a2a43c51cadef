"""dpg-customization.json: handwritten models and methods layered over the generated client in
`_patch.py` files (tests/testserver/customizations/dpg_customization/), kept when the package is
generated again, and what a caller gets. "raw" mode reads the JSON body as it came; "model" mode
gets the handwritten models.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer

CUSTOMIZATIONS = Path(__file__).parent / "customizations" / "dpg_customization"


@pytest.fixture(scope="module")
def dpg(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients.customized("dpg-customization.json", CUSTOMIZATIONS)


def raw_json(response: httpx.Response, result: Any, headers: dict[str, Any]) -> Any:
    return response.json()


def test_the_handwritten_classes_are_the_exported_ones(dpg: ModuleType) -> None:
    models = submodule(dpg, "models")
    patch = submodule(dpg, "models._patch")
    generated = submodule(dpg, "models._product")
    assert models.Product is patch.Product and models.Product is not generated.Product
    assert issubclass(dpg.DPGClient, submodule(dpg, "operations._patch").DPGClientOperationsMixin)


def test_get_model(dpg: ModuleType, testserver: TestServer) -> None:
    models = submodule(dpg, "models")
    with dpg.DPGClient(endpoint=testserver.url) as client:
        raw = hit(testserver, "GetRawModel", lambda: client.get_model("raw", cls=raw_json), "dpg")
        product = hit(testserver, "GetHandwrittenModel", lambda: client.get_model("model"), "dpg")
        assert client.received("model") == "model"  # the added method
    assert raw == {"received": "raw"}
    assert type(product) is models.Product
    assert product.received == models.ProductReceived.MODEL and product.grown_up


def test_post_model(dpg: ModuleType, testserver: TestServer) -> None:
    models = submodule(dpg, "models")
    with dpg.DPGClient(endpoint=testserver.url) as client:
        raw = hit(
            testserver,
            "PostRawModel",
            lambda: client.post_model("raw", {"hello": "world!"}, cls=raw_json),
            "dpg",
        )
        product = hit(
            testserver,
            "PostHandwrittenModel",
            lambda: client.post_model("model", models.Input(hello="world!")),
            "dpg",
        )
    assert raw == {"received": "raw"}
    assert type(product) is models.Product and product.grown_up


def test_get_pages(dpg: ModuleType, testserver: TestServer) -> None:
    models = submodule(dpg, "models")
    with dpg.DPGClient(endpoint=testserver.url) as client:
        raw = hit(
            testserver,
            "GetRawPages",
            lambda: [[i.to_dict() for i in page] for page in client.get_pages("raw").by_page()],
            "dpg",
        )
        products = hit(
            testserver, "GetHandwrittenModelPages", lambda: list(client.get_pages("model")), "dpg"
        )
    assert raw == [[{"received": "raw"}], [{"received": "raw"}]]
    assert [type(p) for p in products] == [models.Product, models.Product]
    assert all(p.grown_up for p in products)


def test_lro(dpg: ModuleType, testserver: TestServer) -> None:
    models = submodule(dpg, "models")
    with dpg.DPGClient(endpoint=testserver.url) as client:
        raw = hit(testserver, "RawLRO", lambda: client.begin_lro("raw").result(), "dpg")
        product = hit(
            testserver, "HandwrittenModelLRO", lambda: client.begin_lro("model").result(), "dpg"
        )
    assert raw.to_dict() == {"received": "raw", "provisioningState": "Succeeded"}
    assert not raw.grown_up
    assert type(product) is models.LROProduct and product.grown_up


def test_async_client_is_customized_too(dpg: ModuleType, testserver: TestServer) -> None:
    aio = submodule(dpg, "aio")
    models = submodule(dpg, "models")

    async def calls() -> tuple[Any, str]:
        async with aio.DPGClient(endpoint=testserver.url) as client:
            product = await ahit(
                testserver,
                "PostRawModel",
                lambda: client.post_model("raw", {"hello": "world!"}),
                "dpg",
            )
            return product, await client.received("model")

    product, received = asyncio.run(calls())
    assert type(product) is models.Product and not product.grown_up
    assert received == "model"
