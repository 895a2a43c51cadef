from __future__ import annotations

import asyncio
import threading
import time
from typing import Any, NamedTuple

import pytest

from generator.runtime.auth import (
    REFRESH_RETRY_SECONDS,
    ApiKeyAuth,
    AsyncBearerTokenAuth,
    BasicAuth,
    BearerTokenAuth,
    async_key_or_token_auth,
    key_or_token_auth,
)


class AccessToken(NamedTuple):
    """The shape azure.identity credentials return."""

    token: str
    expires_on: int


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class FakeCredential:
    def __init__(self, clock: Clock, lifetime: int = 3600) -> None:
        self.clock = clock
        self.lifetime = lifetime
        self.calls: list[tuple[str, ...]] = []
        self.fail = False

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        if self.fail:
            raise RuntimeError("identity service unavailable")
        self.calls.append(scopes)
        return AccessToken(f"token-{len(self.calls)}", int(self.clock()) + self.lifetime)


class FakeAsyncCredential(FakeCredential):
    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:  # type: ignore[override]
        await asyncio.sleep(0)
        return super().get_token(*scopes, **kwargs)


def _sync_auth(lifetime: int = 3600) -> tuple[BearerTokenAuth, FakeCredential, Clock]:
    clock = Clock()
    credential = FakeCredential(clock, lifetime)
    auth = BearerTokenAuth(credential, ["https://management.example/.default"])
    auth._cache.clock = clock
    return auth, credential, clock


def test_one_token_per_lifetime() -> None:
    auth, credential, clock = _sync_auth()
    for _ in range(50):
        assert auth.authorization() == "Bearer token-1"
        clock.now += 60  # 50 minutes in all, still more than 5 minutes left
    assert credential.calls == [("https://management.example/.default",)]


def test_refresh_when_less_than_five_minutes_left() -> None:
    auth, credential, clock = _sync_auth()
    auth.authorization()
    clock.now += 3600 - 301
    assert auth.authorization() == "Bearer token-1"
    clock.now += 2
    assert auth.authorization() == "Bearer token-2"
    assert len(credential.calls) == 2


def test_refresh_after_expiry() -> None:
    auth, credential, clock = _sync_auth()
    auth.authorization()
    clock.now += 10_000
    assert auth.authorization() == "Bearer token-2"


def test_short_lived_tokens_are_not_requested_on_every_call() -> None:
    auth, credential, clock = _sync_auth(lifetime=120)
    for _ in range(10):
        auth.authorization()
    assert len(credential.calls) == 1
    clock.now += REFRESH_RETRY_SECONDS
    auth.authorization()
    assert len(credential.calls) == 2


def test_failed_proactive_refresh_keeps_the_valid_token() -> None:
    auth, credential, clock = _sync_auth()
    auth.authorization()
    clock.now += 3600 - 100
    credential.fail = True
    assert auth.authorization() == "Bearer token-1"
    clock.now += 200  # now expired: the failure must surface
    with pytest.raises(RuntimeError, match="identity service unavailable"):
        auth.authorization()


def test_concurrent_callers_share_one_renewal() -> None:
    clock = Clock()

    class SlowCredential(FakeCredential):
        def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            time.sleep(0.05)
            return super().get_token(*scopes, **kwargs)

    credential = SlowCredential(clock)
    auth = BearerTokenAuth(credential, ["scope"])
    auth._cache.clock = clock
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(auth.authorization())) for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["Bearer token-1"] * 8
    assert len(credential.calls) == 1


def test_scopes_must_be_a_sequence_of_strings() -> None:
    clock = Clock()
    with pytest.raises(ValueError, match="scope"):
        BearerTokenAuth(FakeCredential(clock), "https://management.example/.default")
    with pytest.raises(ValueError, match="scope"):
        BearerTokenAuth(FakeCredential(clock), [])


def test_token_never_in_repr() -> None:
    auth, _, _ = _sync_auth()
    auth.authorization()
    assert "token-1" not in repr(auth)
    key = ApiKeyAuth("k-secret-value", name="api-key", location="header")
    assert "k-secret-value" not in repr(key)
    basic = BasicAuth("user", "p-secret-value")
    assert "p-secret-value" not in repr(basic)


def test_async_credential() -> None:
    clock = Clock()
    credential = FakeAsyncCredential(clock)
    auth = AsyncBearerTokenAuth(credential, ["scope"])
    auth._cache.clock = clock

    async def scenario() -> list[str]:
        first = await asyncio.gather(*(auth.authorization() for _ in range(5)))
        clock.now += 3600
        return [*first, await auth.authorization()]

    assert asyncio.run(scenario()) == ["Bearer token-1"] * 5 + ["Bearer token-2"]
    assert len(credential.calls) == 2


def test_async_auth_accepts_a_sync_credential() -> None:
    clock = Clock()
    credential = FakeCredential(clock)
    caller_threads: list[int] = []
    original = credential.get_token

    def recording_get_token(*scopes: str, **kwargs: Any) -> AccessToken:
        caller_threads.append(threading.get_ident())
        return original(*scopes, **kwargs)

    credential.get_token = recording_get_token  # type: ignore[method-assign]
    auth = AsyncBearerTokenAuth(credential, ["scope"])
    auth._cache.clock = clock
    assert asyncio.run(auth.authorization()) == "Bearer token-1"
    assert caller_threads and caller_threads[0] != threading.get_ident(), "ran off the event loop"


def test_async_auth_rejects_a_credential_returning_nonsense() -> None:
    class Broken:
        def get_token(self, *scopes: str, **kwargs: Any) -> object:
            return "just a string"

    auth = AsyncBearerTokenAuth(Broken(), ["scope"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expires_on"):
        asyncio.run(auth.authorization())


def test_api_key_in_header_or_query() -> None:
    headers: dict[str, str] = {}
    params: list[tuple[str, str]] = []
    ApiKeyAuth("k1", name="x-api-key", location="header").apply(headers, params)
    ApiKeyAuth("k2", name="code", location="query").apply(headers, params)
    ApiKeyAuth("k3", name="Authorization", location="header", prefix="Token").apply(headers, params)
    assert headers == {"x-api-key": "k1", "Authorization": "Token k3"}
    assert params == [("code", "k2")]
    with pytest.raises(ValueError):
        ApiKeyAuth("k", name="n", location="cookie")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        ApiKeyAuth("", name="n", location="query")


def test_one_credential_argument_is_a_key_or_a_token() -> None:
    where = {"scopes": ["https://s/.default"], "name": "x-api-key", "location": "header"}
    token = key_or_token_auth(FakeCredential(Clock()), **where)  # type: ignore[arg-type]
    assert isinstance(token, BearerTokenAuth)
    assert token.authorization() == "Bearer token-1"
    key = key_or_token_auth("k1", **where)  # type: ignore[arg-type]
    assert isinstance(key, ApiKeyAuth)
    headers: dict[str, str] = {}
    key.apply(headers, [])
    assert headers == {"x-api-key": "k1"}
    custom = key_or_token_auth(
        "k2", scopes=(), name="Authorization", location="header", prefix="SharedAccessKey"
    )
    custom.apply(headers, [])  # type: ignore[union-attr]
    assert headers["Authorization"] == "SharedAccessKey k2"
    async_token = async_key_or_token_auth(FakeAsyncCredential(Clock()), **where)  # type: ignore[arg-type]
    assert isinstance(async_token, AsyncBearerTokenAuth)
    assert isinstance(async_key_or_token_auth("k3", **where), ApiKeyAuth)  # type: ignore[arg-type]


def test_api_key_rotation() -> None:
    auth = ApiKeyAuth("old", name="k", location="query")
    auth.update("new")
    params: list[tuple[str, str]] = []
    auth.apply({}, params)
    assert params == [("k", "new")]


def test_basic_auth() -> None:
    assert (
        BasicAuth("Aladdin", "open sesame").authorization() == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="
    )
