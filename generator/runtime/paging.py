"""Pageable operations: the items of every page, fetched one page at a time when needed.

A generated method builds an `ItemPaged` from three functions: `first_page()` sends the
operation's own request, `next_page(link)` the request for the page a next link names, and
`extract(response)` checks a page's response and returns its next link and decoded items. Nothing
is sent before the first item or page is asked for. The result of a long-running pageable
operation gives its final response as the first page instead of `first_page`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar
from urllib.parse import quote, unquote, urljoin

import httpx

from .errors import DeserializationError, PagingLoopError

__all__ = ["ItemPaged", "PageIterator", "VisitedPages", "next_link_url", "page_of"]

T = TypeVar("T")

FirstPage = Callable[[], httpx.Response] | httpx.Response
NextPage = Callable[[str], httpx.Response]
Extract = Callable[[httpx.Response], tuple[str | None, list[T]]]


def page_of(
    body: Any,
    item_name: str,
    next_link_name: str | None,
    decode: Callable[[Any], Any],
    page_url: str | None = None,
) -> tuple[str | None, list[Any]]:
    """The next link and the decoded items of one page's JSON body.

    An empty next link ends the listing like a missing one; a page without the items property
    is an empty page. With `page_url` (the URL the page was read from) a relative next link is
    resolved against it, as a browser resolves a link.
    """
    if body is None:
        return None, []
    if not isinstance(body, dict):
        raise DeserializationError(f"expected a page object, got {type(body).__name__}")
    items = body.get(item_name)
    if items is None:
        items = []
    if not isinstance(items, list):
        kind = type(items).__name__
        raise DeserializationError(f"expected an array in {item_name!r}, got {kind}")
    next_link = body.get(next_link_name) if next_link_name is not None else None
    if next_link is not None and not isinstance(next_link, str):
        raise DeserializationError(f"expected a string in {next_link_name!r}")
    if next_link and page_url is not None:
        next_link = urljoin(page_url, next_link)
    return next_link or None, [decode(item) for item in items]


def next_link_url(next_link: str, api_version: str | None) -> str:
    """The URL of the next page: the link as the service sent it, with the client's api-version.

    Services send next links with their own api-version (or none); the client's replaces it, so
    every page is read with the version the client was built for. Other query parameters keep
    their exact encoding.
    """
    if api_version is None:
        return next_link
    base, hash_sign, fragment = next_link.partition("#")
    path, question, query = base.partition("?")
    kept = [
        pair
        for pair in (query.split("&") if question else [])
        if pair and unquote(pair.split("=", 1)[0]).lower() != "api-version"
    ]
    kept.append("api-version=" + quote(api_version, safe=""))
    return f"{path}?{'&'.join(kept)}{hash_sign}{fragment}"


def _page_key(url: str) -> str:
    return url.partition("#")[0]


class VisitedPages:
    """The pages a listing has read, to stop a next link that leads back to one of them.

    A page is known by the link that led to it and by the URL it was read from (the client adds
    its api-version to a link, so the two differ).
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def visit(self, response: httpx.Response, next_link: str | None) -> None:
        # A response built without a request (a stored first page) has no URL.
        with contextlib.suppress(RuntimeError):
            self._seen.add(_page_key(str(response.request.url)))
        if next_link is None:
            return
        candidates = {_page_key(next_link)}
        if candidates & self._seen:
            raise PagingLoopError(
                "The service's next link leads to a page this listing has already read; "
                "paging stopped instead of reading it again"
            )
        self._seen |= candidates


class PageIterator(Generic[T], Iterator[Iterator[T]]):
    """The pages of a listing, each an iterator of items.

    `continuation_token` is the link of the next page (None after the last page); give it to
    `ItemPaged.by_page` later to go on from there.
    """

    def __init__(
        self,
        first_page: FirstPage,
        next_page: NextPage,
        extract: Extract[T],
        continuation_token: str | None = None,
    ) -> None:
        self._first_page: FirstPage | None = first_page if continuation_token is None else None
        self._next_page = next_page
        self._extract = extract
        self.continuation_token = continuation_token
        self._finished = False
        self._visited = VisitedPages()

    def __iter__(self) -> PageIterator[T]:
        return self

    def _response(self) -> httpx.Response:
        first, self._first_page = self._first_page, None
        if isinstance(first, httpx.Response):
            return first
        if first is not None:
            return first()
        assert self.continuation_token is not None
        return self._next_page(self.continuation_token)

    def __next__(self) -> Iterator[T]:
        if self._finished:
            raise StopIteration
        response = self._response()
        next_link, items = self._extract(response)
        self._visited.visit(response, next_link)
        self.continuation_token = next_link
        self._finished = next_link is None
        return iter(items)

    next = __next__  # pages.next(), as Azure SDK page iterators have it


class ItemPaged(Generic[T], Iterator[T]):
    """The items of a pageable operation, across pages; `by_page()` gives the pages instead."""

    def __init__(self, first_page: FirstPage, next_page: NextPage, extract: Extract[T]) -> None:
        self._first_page = first_page
        self._next_page = next_page
        self._extract = extract
        self._items: Iterator[T] | None = None

    def by_page(self, continuation_token: str | None = None) -> PageIterator[T]:
        """The pages, from the first one or from the page `continuation_token` links to."""
        return PageIterator(self._first_page, self._next_page, self._extract, continuation_token)

    def __iter__(self) -> ItemPaged[T]:
        return self

    def __next__(self) -> T:
        if self._items is None:
            self._items = (item for page in self.by_page() for item in page)
        return next(self._items)

    next = __next__  # pager.next(), as Azure SDK pagers have it

    def __repr__(self) -> str:
        return f"<{type(self).__name__} iterator>"
