"""security-key.json: an API key in the header the security scheme names, from a string or a
key credential."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer

KEY = "123456789"


@dataclass
class KeyCredential:
    key: str


@pytest.fixture(scope="module")
def security_key(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("security-key.json")


def test_key_as_a_string(security_key: ModuleType, testserver: TestServer) -> None:
    with security_key.AutorestSecurityKey(KEY, endpoint=testserver.url) as client:
        assert hit(testserver, "SecurityKey", client.head) is True


def test_key_from_a_credential_with_rotation(
    security_key: ModuleType, testserver: TestServer
) -> None:
    errors = submodule(security_key, "exceptions")
    credential = KeyCredential(KEY)
    with security_key.AutorestSecurityKey(credential, endpoint=testserver.url) as client:
        assert hit(testserver, "SecurityKey", client.head) is True
        credential.key = "987654321"
        with pytest.raises(errors.HttpResponseError) as info:
            client.head()
    assert info.value.response.request.headers["security-key"] == "987654321"
    assert "987654321" not in str(info.value)


def test_async_client(security_key: ModuleType, testserver: TestServer) -> None:
    async def call() -> bool:
        aio = submodule(security_key, "aio")
        async with aio.AutorestSecurityKey(KeyCredential(KEY), endpoint=testserver.url) as client:
            return await ahit(testserver, "SecurityKey", client.head)

    assert asyncio.run(call()) is True
