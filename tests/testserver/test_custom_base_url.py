"""custom-baseUrl.json: x-ms-parameterized-host "{accountName}{host}" with the account name an
argument of the method (written inline) and the host a client value (a $ref, default "host")."""

from __future__ import annotations

import asyncio
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def custom(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("custom-baseUrl.json")


def test_host_from_client_and_method_values(custom: ModuleType, testserver: TestServer) -> None:
    with custom.AutoRestParameterizedHostTestClient(host=f":{testserver.port}") as client:
        assert client.host == f":{testserver.port}"
        assert hit(testserver, "CustomBaseUri", lambda: client.paths.get_empty("127.0.0.1")) is None


def test_the_default_host_is_used_when_none_is_given(custom: ModuleType) -> None:
    errors = submodule(custom, "exceptions")
    no_retries = submodule(custom, "_runtime.retry").RetryPolicy(total=0)
    with custom.AutoRestParameterizedHostTestClient(retry=no_retries) as client:
        assert client.host == "host"
        with pytest.raises((errors.ServiceRequestError, errors.ServiceResponseError)) as info:
            client.paths.get_empty("nowhere.invalid.")
        assert "http://nowhere.invalid.host/customuri" in str(info.value)


def test_async_client(custom: ModuleType, testserver: TestServer) -> None:
    async def call() -> None:
        aio = submodule(custom, "aio")
        async with aio.AutoRestParameterizedHostTestClient(host=f":{testserver.port}") as client:
            return await ahit(
                testserver, "CustomBaseUri", lambda: client.paths.get_empty("127.0.0.1")
            )

    assert asyncio.run(call()) is None
