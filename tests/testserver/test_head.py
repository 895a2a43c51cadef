"""head.json: a HEAD operation returns a bool; a declared 404 means False."""

from __future__ import annotations

import asyncio
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def head(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("head.json")


def test_head_answers_true_or_false(head: ModuleType, testserver: TestServer) -> None:
    with head.AutoRestHeadTestService(endpoint=testserver.url) as client:
        assert hit(testserver, "HttpSuccess200Head", client.http_success.head200) is True
        assert hit(testserver, "HttpSuccess204Head", client.http_success.head204) is True
        assert hit(testserver, "HttpSuccess404Head", client.http_success.head404) is False


def test_async_head(head: ModuleType, testserver: TestServer) -> None:
    async def calls() -> list[bool]:
        aio = submodule(head, "aio")
        async with aio.AutoRestHeadTestService(endpoint=testserver.url) as client:
            return [
                await ahit(testserver, "HttpSuccess200Head", client.http_success.head200),
                await ahit(testserver, "HttpSuccess404Head", client.http_success.head404),
            ]

    assert asyncio.run(calls()) == [True, False]
