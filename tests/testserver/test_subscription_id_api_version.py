"""subscriptionId-apiVersion.json: the client's subscription id in the path and its api-version
in the query (the only query parameter)."""

from __future__ import annotations

import asyncio
import importlib
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer

SUBSCRIPTION = "1234-5678-9012-3456"


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("subscriptionId-apiVersion.json")


def test_resource_group(package: ModuleType, testserver: TestServer) -> None:
    models = importlib.import_module(f"{package.__name__}.models")
    before = testserver.report("azure")["SubscriptionIdAndApiVersion"]
    with package.MicrosoftAzureTestUrl(SUBSCRIPTION, endpoint=testserver.url) as client:
        assert client.api_version == "2014-04-01-preview"
        group = client.group.get_sample_resource_group("testgroup101")
    assert isinstance(group, models.SampleResourceGroup)
    assert (group.name, group.location) == ("testgroup101", "West US")
    assert testserver.report("azure")["SubscriptionIdAndApiVersion"] == before + 1


def test_async_client(package: ModuleType, testserver: TestServer) -> None:
    aio = importlib.import_module(f"{package.__name__}.aio")

    async def call() -> tuple[str, str]:
        async with aio.MicrosoftAzureTestUrl(SUBSCRIPTION, endpoint=testserver.url) as client:
            group = await client.group.get_sample_resource_group("testgroup101")
        return group.name, group.location

    assert asyncio.run(call()) == ("testgroup101", "West US")
