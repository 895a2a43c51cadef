"""paging.json through the generated client: pagers over every page, by_page(), continuation
tokens, next-page operations, api-version on next links, a long-running pageable operation."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def paging(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("paging.json")


def _sub(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


def _fast_retries(package: ModuleType) -> Any:
    """The default policy, without waiting between attempts (the server's 500s are scripted)."""
    return _sub(package, "_runtime.pipeline").RetryPolicy(backoff_factor=0.0)


@pytest.fixture
def client(paging: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with paging.AutoRestPagingTestService(
        endpoint=testserver.url, retry=_fast_retries(paging)
    ) as service:
        yield service


def _ids(items: Any) -> list[int]:
    return [item.properties.id for item in items]


class Hits:
    """The azure report's count of one scenario, before and after a call."""

    def __init__(self, testserver: TestServer, *scenarios: str) -> None:
        self._server = testserver
        self._scenarios = scenarios
        self._before = self._counts()

    def _counts(self) -> list[int]:
        report = self._server.report("azure")
        return [report[s] for s in self._scenarios]

    def assert_hit(self) -> None:
        after = self._counts()
        assert all(a > b for a, b in zip(after, self._before, strict=True)), self._scenarios


def test_single_page(client: Any, testserver: TestServer, paging: ModuleType) -> None:
    hits = Hits(testserver, "PagingSingle")
    pager = client.paging.get_single_pages()
    items = list(pager)
    assert [type(i) for i in items] == [paging.models.Product]
    assert _ids(items) == [1]
    assert items[0].properties.name == "Product"
    hits.assert_hit()


def test_nothing_is_sent_before_the_first_item_is_asked_for(
    client: Any, testserver: TestServer
) -> None:
    before = testserver.report("azure")["PagingSingle"]
    pager = client.paging.get_single_pages()
    assert testserver.report("azure")["PagingSingle"] == before
    assert _ids(pager) == [1]
    assert testserver.report("azure")["PagingSingle"] == before + 1


def test_default_item_name_value(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingNoItemName")
    assert _ids(client.paging.get_no_item_name_pages()) == [1]
    hits.assert_hit()


def test_null_next_link_name_reads_one_page_only(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingNextLinkNameNull")
    # The page carries a nextLink to a route that does not exist: following it would raise.
    assert _ids(client.paging.get_null_next_link_name_pages()) == [1]
    hits.assert_hit()


def test_empty_next_link_ends_the_listing(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingEmptyNextLink")
    assert _ids(client.paging.get_empty_next_link_name_pages()) == [1]
    hits.assert_hit()


def test_body_parameter(client: Any, testserver: TestServer, paging: ModuleType) -> None:
    hits = Hits(testserver, "PagingSingleWithBodyParams")
    pager = client.paging.get_single_pages_with_body_params(
        parameters=paging.models.BodyParam(name="body")
    )
    assert _ids(pager) == [1]
    hits.assert_hit()


def test_multiple_pages(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingMultiple")
    assert _ids(client.paging.get_multiple_pages()) == [1, *range(2, 11)]
    hits.assert_hit()


def test_multiple_pages_with_a_parameter_group(client: Any, paging: ModuleType) -> None:
    options = paging.models.PagingGetMultiplePagesOptions(maxresults=10, timeout_=20)
    pager = client.paging.get_multiple_pages(paging_get_multiple_pages_options=options)
    assert len(list(pager)) == 10


def test_by_page_yields_pages_and_a_continuation_token(client: Any) -> None:
    pages = client.paging.get_multiple_pages().by_page()
    first = list(next(pages))
    assert _ids(first) == [1]
    token = pages.continuation_token
    assert token is not None and token.endswith("/paging/multiple/page/2")
    second = list(next(pages))
    assert _ids(second) == [2]
    rest = [_ids(page) for page in pages]
    assert rest == [[n] for n in range(3, 11)]
    assert pages.continuation_token is None


def test_continuation_token_resumes_from_a_page(client: Any) -> None:
    pages = client.paging.get_multiple_pages().by_page()
    next(pages)
    next(pages)
    token = pages.continuation_token
    resumed = client.paging.get_multiple_pages().by_page(continuation_token=token)
    assert [_ids(page) for page in resumed] == [[n] for n in range(3, 11)]


def test_next_operation_with_query_parameters(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingMultipleWithQueryParameters")
    assert _ids(client.paging.get_with_query_params(required_query_parameter=100)) == [1, 2]
    hits.assert_hit()


def test_odata_next_link(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingOdataMultiple")
    assert _ids(client.paging.get_odata_multiple_pages()) == list(range(1, 11))
    hits.assert_hit()


def test_path_parameter_in_a_required_group(
    client: Any, testserver: TestServer, paging: ModuleType
) -> None:
    hits = Hits(testserver, "PagingMultiplePath")
    options = paging.models.PagingGetMultiplePagesWithOffsetOptions(offset=100)
    pager = client.paging.get_multiple_pages_with_offset(options)
    assert _ids(pager) == [1, *range(102, 111)]
    hits.assert_hit()


def test_retry_of_the_first_page(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingMultipleRetryFirst")
    assert _ids(client.paging.get_multiple_pages_retry_first()) == list(range(1, 11))
    hits.assert_hit()


def test_retry_of_the_second_page(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingMultipleRetrySecond")
    assert _ids(client.paging.get_multiple_pages_retry_second()) == [1, 1, *range(3, 11)]
    hits.assert_hit()


def test_single_page_failure_raises(
    client: Any, testserver: TestServer, paging: ModuleType
) -> None:
    hits = Hits(testserver, "PagingSingleFailure")
    errors = _sub(paging, "exceptions")
    with pytest.raises(errors.HttpResponseError) as caught:
        list(client.paging.get_single_pages_failure())
    assert caught.value.status_code == 400
    hits.assert_hit()


def test_failure_on_the_second_page_comes_after_the_first_page(
    client: Any, testserver: TestServer, paging: ModuleType
) -> None:
    hits = Hits(testserver, "PagingMultipleFailure")
    errors = _sub(paging, "exceptions")
    pager = client.paging.get_multiple_pages_failure()
    assert _ids([next(pager)]) == [1]
    with pytest.raises(errors.HttpResponseError) as caught:
        next(pager)
    assert caught.value.status_code == 400
    hits.assert_hit()


def test_invalid_next_link_raises_after_the_first_page(
    client: Any, testserver: TestServer, paging: ModuleType
) -> None:
    hits = Hits(testserver, "PagingMultipleFailureUri")
    errors = _sub(paging, "exceptions")
    pager = client.paging.get_multiple_pages_failure_uri()
    assert _ids([next(pager)]) == [1]
    with pytest.raises(errors.HttpResponseError) as caught:
        next(pager)
    assert caught.value.status_code == 404
    hits.assert_hit()


def test_fragment_next_link_through_the_next_operation(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingFragment")
    pager = client.paging.get_multiple_pages_fragment_next_link("1.6", "test_user")
    assert _ids(pager) == list(range(1, 11))
    hits.assert_hit()


def test_fragment_next_link_with_grouped_parameters(client: Any, paging: ModuleType) -> None:
    group = paging.models.CustomParameterGroup(api_version_2="1.6", tenant="test_user")
    pager = client.paging.get_multiple_pages_fragment_with_grouping_next_link(group)
    assert _ids(pager) == list(range(1, 11))


def test_items_property_renamed_by_x_ms_client_name(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingReturnModelWithXMSClientName")
    assert _ids(client.paging.get_paging_model_with_item_name_with_xms_client_name()) == [1]
    hits.assert_hit()


def test_empty_first_page_is_followed_by_a_relative_next_link(
    client: Any, testserver: TestServer
) -> None:
    hits = Hits(testserver, "PagingFirstResponseEmpty")
    pages = client.paging.first_response_empty().by_page()
    assert [_ids(page) for page in pages] == [[], [1]]
    hits.assert_hit()


def test_next_link_keeps_the_service_query_parameters(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingDuplicateParameters")
    assert _ids(client.paging.duplicate_params(filter="foo")) == [1]
    hits.assert_hit()


def test_api_version_is_appended_to_next_links(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingWithApiVersionAppend")
    assert _ids(client.paging.append_api_version()) == [1]
    hits.assert_hit()


def test_api_version_replaces_the_one_of_next_links(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingWithApiVersionReplace")
    assert _ids(client.paging.replace_api_version()) == [1]
    hits.assert_hit()


def test_optional_max_page_size_is_not_sent(client: Any, testserver: TestServer) -> None:
    before = testserver.report("optional")["PagingDontSendMaxPageSize"]
    assert list(client.paging.page_with_max_page_size()) == []
    assert testserver.report("optional")["PagingDontSendMaxPageSize"] == before + 1


def test_long_running_pageable_operation(client: Any, testserver: TestServer) -> None:
    hits = Hits(testserver, "PagingMultipleLRO")
    poller = client.paging.begin_get_multiple_pages_lro(polling_interval=0)
    pager = poller.result()
    assert poller.done() and poller.status() == "Succeeded"
    assert _ids(pager) == list(range(1, 11))
    hits.assert_hit()


async def _async_listing(paging: ModuleType, url: str) -> dict[str, Any]:
    aio = _sub(paging, "aio")
    async with aio.AutoRestPagingTestService(endpoint=url) as service:
        items = [item async for item in service.paging.get_multiple_pages()]
        pages = service.paging.get_odata_multiple_pages().by_page()
        first = [item async for item in await pages.__anext__()]
        token = pages.continuation_token
        resumed = service.paging.get_odata_multiple_pages().by_page(continuation_token=token)
        later = [[i async for i in page] async for page in resumed]
        poller = await service.paging.begin_get_multiple_pages_lro(polling_interval=0)
        lro_items = [item async for item in await poller.result()]
        fragment = service.paging.get_multiple_pages_fragment_next_link("1.6", "test_user")
        fragment_items = [item async for item in fragment]
    return {
        "items": _ids(items),
        "first": _ids(first),
        "later": [_ids(page) for page in later],
        "lro": _ids(lro_items),
        "fragment": _ids(fragment_items),
    }


def test_async_pagers(paging: ModuleType, testserver: TestServer) -> None:
    result = asyncio.run(_async_listing(paging, testserver.url))
    assert result == {
        "items": list(range(1, 11)),
        "first": [1],
        "later": [[n] for n in range(2, 11)],
        "lro": list(range(1, 11)),
        "fragment": list(range(1, 11)),
    }
