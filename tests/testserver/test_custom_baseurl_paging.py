"""custom-baseUrl-paging.json: pagers on a parameterized host; relative next links resolve
against the host the page came from, a next-page operation takes them as a path parameter."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("custom-baseUrl-paging.json")


def _host_parts(testserver: TestServer) -> tuple[str, str]:
    """The host template is "http://{accountName}{host}": the account is the address."""
    parts = urlsplit(testserver.url)
    return str(parts.hostname), f":{parts.port}"


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    _, host = _host_parts(testserver)
    with package.AutoRestParameterizedHostTestPagingClient(host=host) as service:
        yield service


def _ids(items: Any) -> list[int]:
    return [item.properties.id for item in items]


def _hit(testserver: TestServer, scenario: str, before: int) -> bool:
    return testserver.report("azure")[scenario] > before


def test_partial_next_link_resolves_against_the_host(client: Any, testserver: TestServer) -> None:
    account, _ = _host_parts(testserver)
    before = testserver.report("azure")["PagingCustomUrlPartialNextLink"]
    pages = client.paging.get_pages_partial_url(account).by_page()
    assert _ids(next(pages)) == [1]
    assert pages.continuation_token == f"{testserver.url}/paging/customurl/partialnextlink/page/2"
    assert [_ids(page) for page in pages] == [[2]]
    assert _hit(testserver, "PagingCustomUrlPartialNextLink", before)


def test_partial_next_link_through_the_next_operation(client: Any, testserver: TestServer) -> None:
    account, _ = _host_parts(testserver)
    before = testserver.report("azure")["PagingCustomUrlPartialOperationNextLink"]
    pages = client.paging.get_pages_partial_url_operation(account).by_page()
    assert _ids(next(pages)) == [1]
    # Given to the next-page operation as it came: a path parameter, not a URL.
    assert pages.continuation_token == "partialnextlinkop/page/2"
    assert [_ids(page) for page in pages] == [[2]]
    assert _hit(testserver, "PagingCustomUrlPartialOperationNextLink", before)


def test_async_pagers_on_a_parameterized_host(package: ModuleType, testserver: TestServer) -> None:
    account, host = _host_parts(testserver)
    aio = importlib.import_module(f"{package.__name__}.aio")

    async def listing() -> tuple[list[int], list[int]]:
        async with aio.AutoRestParameterizedHostTestPagingClient(host=host) as service:
            first = [i async for i in service.paging.get_pages_partial_url(account)]
            second = [i async for i in service.paging.get_pages_partial_url_operation(account)]
        return _ids(first), _ids(second)

    assert asyncio.run(listing()) == ([1, 2], [1, 2])
