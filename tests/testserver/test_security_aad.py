"""security-aad.json: a bearer token for the scope the security requirement names, from a
credential asked once per token lifetime."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_on: int


@dataclass
class ScopeEchoingCredential:
    """Hands out the scope itself as the token (what the test server checks for)."""

    lifetime: int = 3600
    calls: list[tuple[str, ...]] = field(default_factory=list)

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls.append(scopes)
        return AccessToken(" ".join(scopes), int(time.time()) + self.lifetime)


@pytest.fixture(scope="module")
def aad(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("security-aad.json")


def test_bearer_token_for_the_declared_scope(aad: ModuleType, testserver: TestServer) -> None:
    credential = ScopeEchoingCredential()
    with aad.AutorestSecurityAad(credential, endpoint=testserver.url) as client:
        assert hit(testserver, "SecurityAad", client.head) is True
        assert hit(testserver, "SecurityAad", client.head) is True
    assert credential.calls == [("https://security.microsoft.com/.default",)]


def test_an_expired_token_is_replaced(aad: ModuleType, testserver: TestServer) -> None:
    credential = ScopeEchoingCredential(lifetime=-10)
    with aad.AutorestSecurityAad(credential, endpoint=testserver.url) as client:
        assert client.head() is True
        assert client.head() is True
    assert len(credential.calls) == 2


def test_async_client_with_a_sync_credential(aad: ModuleType, testserver: TestServer) -> None:
    credential = ScopeEchoingCredential()

    async def calls() -> list[bool]:
        aio = submodule(aad, "aio")
        async with aio.AutorestSecurityAad(credential, endpoint=testserver.url) as client:
            return [
                await ahit(testserver, "SecurityAad", client.head),
                await ahit(testserver, "SecurityAad", client.head),
            ]

    assert asyncio.run(calls()) == [True, True]
    assert len(credential.calls) == 1


def test_a_wrong_token_is_an_authentication_error(aad: ModuleType, testserver: TestServer) -> None:
    errors = submodule(aad, "exceptions")

    class WrongCredential:
        def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("not-the-scope-1234", int(time.time()) + 3600)

    with (
        aad.AutorestSecurityAad(WrongCredential(), endpoint=testserver.url) as client,
        pytest.raises(errors.HttpResponseError) as info,
    ):
        client.head()
    assert info.value.status_code >= 400
    assert "not-the-scope-1234" not in str(info.value)
