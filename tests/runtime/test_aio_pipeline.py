"""The asyncio pipeline, on the same scripted server (pytest-asyncio is not used: asyncio.run)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, NamedTuple, TypeVar

import httpx
import pytest

from generator.runtime.aio_pipeline import AsyncPipeline, RetryPolicy
from generator.runtime.auth import ApiKeyAuth, AsyncBearerTokenAuth, BearerTokenAuth
from generator.runtime.errors import ServiceRequestError, ServiceResponseError

from .scripted_server import Received, Reply, ScriptedServer

TOKEN = "eyJhbGciOi.async-bearer-token-text"
T = TypeVar("T")


class AccessToken(NamedTuple):
    token: str
    expires_on: int


class AsyncCredential:
    def __init__(self) -> None:
        self.calls = 0

    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls += 1
        return AccessToken(TOKEN, 4_000_000_000)


def run_with(
    base_url: str, scenario: Callable[[AsyncPipeline], Awaitable[T]], **options: Any
) -> tuple[T, list[float]]:
    """Run `scenario` with a fresh pipeline (closed afterwards) and the waits it asked for."""
    options.setdefault("logger_name", "tests.runtime.aio_pipeline")
    options.setdefault("user_agent", "sdkforge-tests/1.0")
    sleeps: list[float] = []

    async def record(delay: float) -> None:
        sleeps.append(delay)

    async def main() -> T:
        async with AsyncPipeline(base_url=base_url, **options) as pipeline:
            pipeline._sleep = record
            return await scenario(pipeline)

    return asyncio.run(main()), sleeps


def test_retries_503_honouring_retry_after(server: ScriptedServer) -> None:
    server.reply(
        Reply(503, headers={"Retry-After": "3"}),
        Reply(503, headers={"retry-after-ms": "20"}),
        Reply(200, b'{"ok": true}'),
    )

    async def scenario(pipeline: AsyncPipeline) -> Any:
        response = await pipeline.send("GET", "/things")
        return response.status_code, response.json()

    result, sleeps = run_with(server.url, scenario)
    assert result == (200, {"ok": True})
    assert sleeps == [3.0, 0.02]
    assert len(server.received) == 3
    assert len({received.headers["x-ms-client-request-id"] for received in server.received}) == 1


def test_dropped_connection_then_success(server: ScriptedServer) -> None:
    server.reply(Reply(drop=True), Reply(200, b"fine"))

    async def scenario(pipeline: AsyncPipeline) -> str:
        return (await pipeline.send("DELETE", "/things/1")).text

    text, sleeps = run_with(server.url, scenario)
    assert text == "fine"
    assert len(server.received) == 2
    assert len(sleeps) == 1


def test_dropped_on_every_attempt(server: ScriptedServer) -> None:
    server.reply(*[Reply(drop=True)] * 3)

    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("GET", "/things")

    with pytest.raises(ServiceResponseError, match="3 attempts"):
        run_with(server.url, scenario, retry=RetryPolicy(total=2))
    assert len(server.received) == 3


def test_post_is_not_retried_by_default(server: ScriptedServer) -> None:
    server.reply(Reply(502, headers={"Retry-After": "1"}), Reply(200))

    async def scenario(pipeline: AsyncPipeline) -> int:
        return (await pipeline.send("POST", "/actions", json={"go": 1})).status_code

    status, sleeps = run_with(server.url, scenario)
    assert status == 502
    assert sleeps == []
    assert len(server.received) == 1


def test_post_is_retried_after_503(server: ScriptedServer) -> None:
    server.reply(Reply(503, headers={"Retry-After": "1"}), Reply(200))

    async def scenario(pipeline: AsyncPipeline) -> int:
        return (await pipeline.send("POST", "/actions", json={"go": 1})).status_code

    status, sleeps = run_with(server.url, scenario)
    assert status == 200
    assert sleeps == [1.0]
    assert len(server.received) == 2


def test_404_passes_through(server: ScriptedServer) -> None:
    server.reply(Reply(404, b'{"error": {"code": "NotFound"}}'))

    async def scenario(pipeline: AsyncPipeline) -> Any:
        response = await pipeline.send("GET", "/missing")
        return response.status_code, response.json()

    result, sleeps = run_with(server.url, scenario)
    assert result == (404, {"error": {"code": "NotFound"}})
    assert sleeps == []


def test_connection_refused(closed_port: int) -> None:
    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("POST", "/things", content=b"x")

    with pytest.raises(ServiceRequestError, match="ConnectError"):
        run_with(f"http://127.0.0.1:{closed_port}", scenario)


def test_cookies_are_kept_across_retries_within_one_call(server: ScriptedServer) -> None:
    server.reply(Reply(503, headers={"Set-Cookie": "affinity=node-3; Path=/"}), Reply(200))

    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("GET", "/a")
        await pipeline.send("GET", "/b")

    run_with(server.url, scenario)
    assert "cookie" not in server.received[0].headers
    assert server.received[1].headers["cookie"] == "affinity=node-3"
    assert "cookie" not in server.received[2].headers


def test_async_credential_and_logging_redaction(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    logger_name = "tests.runtime.aio_pipeline.logging"
    caplog.set_level(logging.DEBUG, logger=logger_name)
    credential = AsyncCredential()

    async def scenario(pipeline: AsyncPipeline) -> None:
        for _ in range(3):
            await pipeline.send("GET", "/things", headers={"x-api-secret": "header-secret-1"})

    run_with(
        server.url,
        scenario,
        logger_name=logger_name,
        auth=AsyncBearerTokenAuth(credential, ["scope"]),
    )
    assert credential.calls == 1
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in server.received)
    text = "\n".join(r.getMessage() for r in caplog.records if r.name == logger_name)
    assert "Request GET http://127.0.0.1" in text and "Response 200" in text
    assert TOKEN not in text
    assert "header-secret-1" not in text


def test_sync_auth_and_api_keys_work_too(server: ScriptedServer) -> None:
    class SyncCredential:
        def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("sync-token", 4_000_000_000)

    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("GET", "/x")

    run_with(server.url, scenario, auth=BearerTokenAuth(SyncCredential(), ["s"]))
    run_with(server.url, scenario, auth=ApiKeyAuth("kv-1234", name="key", location="query"))
    assert server.received[0].headers["authorization"] == "Bearer sync-token"
    assert server.received[1].path == "/x?key=kv-1234"


def test_streamed_request_bodies(server: ScriptedServer) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for part in (b"a", b"b", b"c"):
            yield part

    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("PUT", "/async", content=chunks())
        await pipeline.send("PUT", "/sync", content=iter([b"1", b"2"]))
        await pipeline.send("PUT", "/json", json={"n": 1})

    run_with(server.url, scenario)
    assert [received.body for received in server.received] == [b"abc", b"12", b'{"n": 1}']
    assert server.received[2].headers["content-length"] == "8"


def test_streamed_response(server: ScriptedServer) -> None:
    server.reply(Reply(200, b"y" * 50_000))

    async def scenario(pipeline: AsyncPipeline) -> int:
        response = await pipeline.send("GET", "/big", stream=True)
        with pytest.raises(httpx.ResponseNotRead):
            _ = response.content
        total = sum([len(chunk) async for chunk in response.aiter_bytes()])
        await response.aclose()
        return total

    total, _ = run_with(server.url, scenario)
    assert total == 50_000


def test_redirect_and_see_other(server: ScriptedServer) -> None:
    server.reply(Reply(303, headers={"Location": "/done"}), Reply(200, b"done"))

    def check(received: Received) -> Reply:
        return Reply(200, json.dumps([received.method, received.path]).encode())

    server.reply(Reply(308, headers={"Location": "/v2/items"}), check)

    async def scenario(pipeline: AsyncPipeline) -> list[str]:
        first = await pipeline.send("POST", "/jobs", json={})
        second = await pipeline.send("PUT", "/items", content=b"body")
        return [first.text, second.text]

    texts, _ = run_with(server.url, scenario)
    assert texts == ["done", '["PUT", "/v2/items"]']
    assert server.received[3].body == b"body"


def test_close_leaves_a_given_client_open(server: ScriptedServer) -> None:
    async def main() -> bool:
        given = httpx.AsyncClient()
        async with AsyncPipeline(
            base_url=server.url, logger_name="t", user_agent="u", transport=given
        ) as pipeline:
            await pipeline.send("GET", "/")
        still_open = not given.is_closed
        await given.aclose()
        return still_open

    assert asyncio.run(main())


def test_a_header_given_as_none_is_left_out(server: ScriptedServer) -> None:
    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("GET", "/a", headers={"x-ms-client-request-id": None})
        await pipeline.send("GET", "/b")

    run_with(server.url, scenario)
    without, with_id = server.received
    assert "x-ms-client-request-id" not in without.headers
    assert len(with_id.headers["x-ms-client-request-id"]) == 36
    assert without.headers["user-agent"] == "sdkforge-tests/1.0"
