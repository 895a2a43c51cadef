"""The committed generated client against a local server that fails: dropped connections, 503
with Retry-After (seconds, HTTP date, milliseconds), until it answers. The server's own clock
measures how far apart the attempts came."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import pytest

from tests.e2e.conftest import TOKEN, FakeCredential
from tests.runtime.scripted_server import Received, Reply, ScriptedServer

BODY = json.dumps({"location": "westus", "id": "upgrade-1"}).encode()
OK = Reply(200, BODY, {"Content-Type": "application/json"})


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    scripted = ScriptedServer().start()
    try:
        yield scripted
    finally:
        scripted.stop()


def _client(server: ScriptedServer, credential: FakeCredential, **retry: Any) -> Any:
    from compute_rolling_upgrades import ComputeManagementClient
    from compute_rolling_upgrades._runtime.retry import RetryPolicy

    policy = RetryPolicy(**{"backoff_factor": 0.1, **retry})
    return ComputeManagementClient(credential, "sub-1", endpoint=server.url, retry=policy)


def _after_a_date(seconds: int) -> Reply:
    moment = datetime.now(UTC) + timedelta(seconds=seconds)
    return Reply(503, b"", {"Retry-After": format_datetime(moment, usegmt=True)})


def _gaps(received: list[Received]) -> list[float]:
    return [later.at - earlier.at for earlier, later in itertools.pairwise(received)]


def test_retries_until_the_service_answers(
    server: ScriptedServer, credential: FakeCredential
) -> None:
    server.reply(
        Reply(drop=True),
        Reply(503, b"", {"Retry-After": "1"}),
        lambda _: _after_a_date(2),
        Reply(503, b"", {"retry-after-ms": "300"}),
        OK,
    )
    with _client(server, credential, total=4) as client:
        result = client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "vmss")

    assert (result.location, result.id) == ("westus", "upgrade-1")
    received = server.received
    assert len(received) == 5
    gaps = _gaps(received)
    assert 0.05 <= gaps[0] < 0.6, "backoff after a dropped connection: 0.1 s with jitter"
    assert 0.95 <= gaps[1] < 1.7, "Retry-After: 1"
    assert 0.9 <= gaps[2] < 2.7, "Retry-After as an HTTP date about 2 s ahead (1 s precision)"
    assert 0.28 <= gaps[3] < 1.0, "retry-after-ms: 300"
    assert {r.headers["x-ms-client-request-id"] for r in received} == {
        received[0].headers["x-ms-client-request-id"]
    }, "one request id for the whole call"
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in received)
    assert len(credential.calls) == 1, "one token for every attempt"


def test_gives_up_after_the_configured_retries(
    server: ScriptedServer, credential: FakeCredential
) -> None:
    from compute_rolling_upgrades.exceptions import HttpResponseError

    server.default = Reply(
        503,
        b'{"error": {"code": "Busy", "message": "try later"}}',
        {
            "retry-after-ms": "50",
            "Content-Type": "application/json",
        },
    )
    with _client(server, credential, total=2) as client, pytest.raises(HttpResponseError) as info:
        client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "vmss")
    assert info.value.status_code == 503
    assert "Code: Busy" in str(info.value)
    assert len(server.received) == 3
    assert all(gap >= 0.045 for gap in _gaps(server.received))


def test_connections_that_keep_dropping(server: ScriptedServer, credential: FakeCredential) -> None:
    from compute_rolling_upgrades.exceptions import ServiceResponseError

    server.default = Reply(drop=True)
    client = _client(server, credential, total=3, backoff_factor=0.05)
    with client, pytest.raises(ServiceResponseError, match="failed after 4 attempts") as info:
        client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "vmss")
    assert len(server.received) == 4
    gaps = _gaps(server.received)
    # Exponential backoff: 0.05, 0.1, 0.2 s, each within +-20% (plus scheduling slack).
    for gap, expected in zip(gaps, (0.05, 0.1, 0.2), strict=True):
        assert expected * 0.8 - 0.01 <= gap < expected * 1.2 + 0.4
    assert TOKEN not in str(info.value)


def test_no_retries_when_turned_off(server: ScriptedServer, credential: FakeCredential) -> None:
    from compute_rolling_upgrades.exceptions import HttpResponseError

    server.reply(Reply(503, b"", {"Retry-After": "1"}), OK)
    with _client(server, credential, total=0) as client, pytest.raises(HttpResponseError):
        client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "vmss")
    assert len(server.received) == 1


def test_async_client_retries_the_same_way(
    server: ScriptedServer, credential: FakeCredential
) -> None:
    from compute_rolling_upgrades._runtime.retry import RetryPolicy
    from compute_rolling_upgrades.aio import ComputeManagementClient

    server.reply(Reply(drop=True), Reply(503, b"", {"Retry-After": "1"}), OK)

    async def call() -> Any:
        async with ComputeManagementClient(
            credential, "sub-1", endpoint=server.url, retry=RetryPolicy(backoff_factor=0.1)
        ) as client:
            return await client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "vmss")

    result = asyncio.run(call())
    assert result.id == "upgrade-1"
    gaps = _gaps(server.received)
    assert len(gaps) == 2
    assert 0.05 <= gaps[0] < 0.6
    assert 0.95 <= gaps[1] < 1.7
