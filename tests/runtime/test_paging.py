"""runtime/paging.py and aio_paging.py: page extraction, next links, lazy pagers."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from generator.runtime.aio_paging import AsyncItemPaged
from generator.runtime.errors import DeserializationError
from generator.runtime.paging import ItemPaged, next_link_url, page_of


def _identity(value: Any) -> Any:
    return value


# --- page_of ---------------------------------------------------------------------------------


def test_page_of_reads_items_and_next_link() -> None:
    body = {"value": [1, 2], "nextLink": "https://h/next"}
    assert page_of(body, "value", "nextLink", lambda v: v * 10) == ("https://h/next", [10, 20])


@pytest.mark.parametrize("link", [None, ""])
def test_missing_or_empty_next_link_ends_the_listing(link: str | None) -> None:
    assert page_of({"value": [], "nextLink": link}, "value", "nextLink", _identity) == (None, [])


def test_single_page_ignores_a_next_link() -> None:
    body = {"values": [1], "nextLink": "https://h/404"}
    assert page_of(body, "values", None, _identity) == (None, [1])


def test_page_without_items_and_empty_body_are_empty_pages() -> None:
    assert page_of({"nextLink": "n"}, "value", "nextLink", _identity) == ("n", [])
    assert page_of(None, "value", "nextLink", _identity) == (None, [])


def test_relative_next_link_resolves_against_the_page_url() -> None:
    body = {"value": [], "nextLink": "/paging/page/2?x=1"}
    link, _ = page_of(body, "value", "nextLink", _identity, "http://h:1/base/paging/page/1")
    assert link == "http://h:1/paging/page/2?x=1"
    relative = {"value": [], "nextLink": "page/2"}
    assert (
        page_of(relative, "value", "nextLink", _identity, "http://h/a/b")[0] == "http://h/a/page/2"
    )
    # Without a page URL (a next-page operation takes it as a path parameter) it stays as sent.
    assert page_of(relative, "value", "nextLink", _identity)[0] == "page/2"


@pytest.mark.parametrize(
    "body",
    [[1, 2], "text", {"value": {"a": 1}}, {"value": [], "nextLink": 5}],
    ids=["array", "string", "object-items", "number-link"],
)
def test_malformed_pages_are_rejected(body: Any) -> None:
    with pytest.raises(DeserializationError):
        page_of(body, "value", "nextLink", _identity)


# --- next_link_url ---------------------------------------------------------------------------


def test_api_version_is_appended() -> None:
    assert next_link_url("https://h/p?$skiptoken=a", "2024-07-01") == (
        "https://h/p?$skiptoken=a&api-version=2024-07-01"
    )
    assert next_link_url("https://h/p", "1.0") == "https://h/p?api-version=1.0"


def test_api_version_replaces_the_service_one_whatever_its_case() -> None:
    link = "https://h/p?Api-Version=old&%24skiptoken=b&t=1/1/1970%2012%3A00&api%2Dversion=x#frag"
    assert next_link_url(link, "1.0.0") == (
        "https://h/p?%24skiptoken=b&t=1/1/1970%2012%3A00&api-version=1.0.0#frag"
    )


def test_without_an_api_version_the_link_is_kept() -> None:
    assert (
        next_link_url("https://h/p?api-version=service", None) == "https://h/p?api-version=service"
    )


# --- ItemPaged -------------------------------------------------------------------------------


class Pages:
    """Scripted pages: page n links to page n+1 until the last one."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.sent: list[str | None] = []

    def response(self, n: int) -> httpx.Response:
        body: dict[str, Any] = {"value": [f"item-{n}a", f"item-{n}b"]}
        if n < self.count:
            body["nextLink"] = f"https://h/page/{n + 1}"
        return httpx.Response(200, json=body, request=httpx.Request("GET", f"https://h/page/{n}"))

    def first(self) -> httpx.Response:
        self.sent.append(None)
        return self.response(1)

    def next(self, link: str) -> httpx.Response:
        self.sent.append(link)
        return self.response(int(link.rsplit("/", 1)[1]))

    def extract(self, response: httpx.Response) -> tuple[str | None, list[str]]:
        response.raise_for_status()
        return page_of(response.json(), "value", "nextLink", str)


def test_items_are_fetched_lazily_page_by_page() -> None:
    pages = Pages(3)
    pager = ItemPaged(pages.first, pages.next, pages.extract)
    assert pages.sent == []
    assert next(pager) == "item-1a"
    assert pages.sent == [None]
    assert list(pager) == ["item-1b", "item-2a", "item-2b", "item-3a", "item-3b"]
    assert pages.sent == [None, "https://h/page/2", "https://h/page/3"]


def test_by_page_and_continuation_token() -> None:
    pages = Pages(3)
    iterator = ItemPaged(pages.first, pages.next, pages.extract).by_page()
    assert list(next(iterator)) == ["item-1a", "item-1b"]
    assert iterator.continuation_token == "https://h/page/2"
    resumed = ItemPaged(pages.first, pages.next, pages.extract).by_page(iterator.continuation_token)
    assert [list(p) for p in resumed] == [["item-2a", "item-2b"], ["item-3a", "item-3b"]]
    assert resumed.continuation_token is None
    assert pages.sent == [None, "https://h/page/2", "https://h/page/3"]


def test_first_response_given_is_the_first_page_every_time() -> None:
    pages = Pages(2)
    pager = ItemPaged(pages.response(1), pages.next, pages.extract)
    assert [list(p) for p in pager.by_page()] == [["item-1a", "item-1b"], ["item-2a", "item-2b"]]
    assert next(list(p) for p in pager.by_page()) == ["item-1a", "item-1b"]
    assert None not in pages.sent


def test_an_error_page_raises_after_the_earlier_items() -> None:
    def broken(link: str) -> httpx.Response:
        return httpx.Response(500, request=httpx.Request("GET", link))

    pages = Pages(3)
    pager = ItemPaged(pages.first, broken, pages.extract)
    assert [next(pager), next(pager)] == ["item-1a", "item-1b"]
    with pytest.raises(httpx.HTTPStatusError):
        next(pager)


def test_async_pager() -> None:
    pages = Pages(3)

    async def first() -> httpx.Response:
        return pages.first()

    async def nxt(link: str) -> httpx.Response:
        return pages.next(link)

    async def run() -> tuple[list[str], list[list[str]], str | None]:
        items = [i async for i in AsyncItemPaged(first, nxt, pages.extract)]
        iterator = AsyncItemPaged(first, nxt, pages.extract).by_page("https://h/page/2")
        rest = [[i async for i in page] async for page in iterator]
        return items, rest, iterator.continuation_token

    items, rest, token = asyncio.run(run())
    assert items == [f"item-{n}{c}" for n in (1, 2, 3) for c in "ab"]
    assert rest == [["item-2a", "item-2b"], ["item-3a", "item-3b"]]
    assert token is None
