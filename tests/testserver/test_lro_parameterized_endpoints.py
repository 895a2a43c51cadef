"""lro-parameterized-endpoints.json: a relative Location on a parameterized host is followed on
the host the operation was sent to."""

from __future__ import annotations

import asyncio
import importlib
from types import ModuleType
from urllib.parse import urlsplit

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("lro-parameterized-endpoints.json")


def _host_parts(testserver: TestServer) -> tuple[str, str]:
    parts = urlsplit(testserver.url)
    return str(parts.hostname), f":{parts.port}"


def test_relative_location_on_a_parameterized_host(
    package: ModuleType, testserver: TestServer
) -> None:
    account, host = _host_parts(testserver)
    before = testserver.report("azure")["LROParameterizedEndpoint"]
    with package.LROWithParamaterizedEndpoints(host=host) as client:
        poller = client.begin_poll_with_parameterized_endpoints(account, polling_interval=0)
        assert poller.result() == "success"
    assert testserver.report("azure")["LROParameterizedEndpoint"] == before + 1


def test_constant_path_parameter(package: ModuleType, testserver: TestServer) -> None:
    account, host = _host_parts(testserver)
    before = testserver.report("azure")
    with package.LROWithParamaterizedEndpoints(host=host) as client:
        poller = client.begin_poll_with_constant_parameterized_endpoints(
            account, polling_interval=0
        )
        assert poller.result() == "success"
    after = testserver.report("azure")
    for scenario in ("LROConstantParameterizedPost", "LROConstantParameterizedGet"):
        assert after[scenario] == before[scenario] + 1


def test_async_poller(package: ModuleType, testserver: TestServer) -> None:
    account, host = _host_parts(testserver)
    aio = importlib.import_module(f"{package.__name__}.aio")

    async def call() -> str:
        async with aio.LROWithParamaterizedEndpoints(host=host) as client:
            poller = await client.begin_poll_with_parameterized_endpoints(
                account, polling_interval=0
            )
            return str(await poller.result())

    assert asyncio.run(call()) == "success"
