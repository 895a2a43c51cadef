"""Which origins receive credentials: the endpoint's, the listed ones, and for an endpoint filled
per operation, the ones the caller's own requests went to."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from generator.runtime.aio_pipeline import AsyncPipeline
from generator.runtime.auth import ApiKeyAuth
from generator.runtime.origins import TrustedOrigins, origin_of
from generator.runtime.pipeline import Pipeline
from tests.support.hostile_server import HostileServer, answer, serving

KEY = "key-value-6e1f"


def test_origins_compare_scheme_host_and_port_with_default_ports() -> None:
    assert origin_of("HTTPS://Example.COM/a?b") == ("https", "example.com", 443)
    trust = TrustedOrigins("https://example.com/base")
    assert trust.allows("https://EXAMPLE.com:443/other")
    assert not trust.allows("http://example.com/")
    assert not trust.allows("https://example.com:8443/")
    assert not trust.allows("https://example.com.evil.test/")
    assert not trust.allows("https://user@evil.test/?https://example.com/")


def test_listed_origins_are_checked() -> None:
    trust = TrustedOrigins("https://a.test", ["https://b.test/any/path"])
    assert trust.allows("https://b.test/x") and trust.allows("https://a.test/y")
    with pytest.raises(ValueError, match="trusted origin"):
        TrustedOrigins("https://a.test", ["b.test"])
    with pytest.raises(TypeError):
        TrustedOrigins("https://a.test", "https://b.test")


def test_a_templated_endpoint_trusts_what_the_caller_asked_for() -> None:
    trust = TrustedOrigins("{vaultBaseUrl}")
    assert not trust.allows("https://vault.test/secrets")
    trust.learn("https://vault.test/secrets?api-version=1")
    assert trust.allows("https://vault.test/secrets?$skiptoken=2")
    assert not trust.allows("https://other.test/")
    concrete = TrustedOrigins("https://a.test")
    concrete.learn("https://other.test/")
    assert not concrete.allows("https://other.test/"), "learning is for templated endpoints only"


@pytest.fixture
def vault() -> Iterator[HostileServer]:
    with serving() as server:
        yield server


@pytest.fixture
def other() -> Iterator[HostileServer]:
    with serving() as server:
        yield server


@pytest.mark.parametrize("mode", ["sync", "aio"])
def test_per_operation_endpoint_keeps_credentials_on_its_own_host(
    vault: HostileServer, other: HostileServer, mode: str
) -> None:
    vault.handler = lambda request, c: answer(c, 200, {})
    other.handler = lambda request, c: answer(c, 200, {})
    options: dict[str, Any] = {
        "base_url": "{vaultBaseUrl}",
        "auth": ApiKeyAuth(KEY, name="x-api-key", location="header"),
        "logger_name": "t",
        "user_agent": "t",
    }
    first, same_host, elsewhere = f"{vault.url}/items", f"{vault.url}/p2", f"{other.url}/p3"
    if mode == "sync":
        with Pipeline(**options) as pipeline:
            pipeline.send("GET", first)
            pipeline.send("GET", same_host, link=True)
            pipeline.send("GET", elsewhere, link=True)
    else:

        async def main() -> None:
            async with AsyncPipeline(**options) as pipeline:
                await pipeline.send("GET", first)
                await pipeline.send("GET", same_host, link=True)
                await pipeline.send("GET", elsewhere, link=True)

        asyncio.run(main())
    assert [r.headers.get("x-api-key") for r in vault.received] == [KEY, KEY]
    assert [r.headers.get("x-api-key") for r in other.received] == [None]
