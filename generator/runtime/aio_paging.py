"""Pageable operations on the asyncio client: `async for item in ...`; see `paging`."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Generic, TypeVar

import httpx

from .paging import Extract, VisitedPages, next_link_url, page_of

__all__ = ["AsyncItemPaged", "AsyncPageIterator", "next_link_url", "page_of"]

T = TypeVar("T")

AsyncFirstPage = Callable[[], Awaitable[httpx.Response]] | httpx.Response
AsyncNextPage = Callable[[str], Awaitable[httpx.Response]]


async def _items(items: list[T]) -> AsyncIterator[T]:
    for item in items:
        yield item


class AsyncPageIterator(Generic[T], AsyncIterator[AsyncIterator[T]]):
    """The pages of a listing, each an async iterator of items; see `paging.PageIterator`."""

    def __init__(
        self,
        first_page: AsyncFirstPage,
        next_page: AsyncNextPage,
        extract: Extract[T],
        continuation_token: str | None = None,
    ) -> None:
        self._first_page: AsyncFirstPage | None = first_page if continuation_token is None else None
        self._next_page = next_page
        self._extract = extract
        self.continuation_token = continuation_token
        self._finished = False
        self._visited = VisitedPages()

    def __aiter__(self) -> AsyncPageIterator[T]:
        return self

    async def _response(self) -> httpx.Response:
        first, self._first_page = self._first_page, None
        if isinstance(first, httpx.Response):
            return first
        if first is not None:
            return await first()
        assert self.continuation_token is not None
        return await self._next_page(self.continuation_token)

    async def __anext__(self) -> AsyncIterator[T]:
        if self._finished:
            raise StopAsyncIteration
        response = await self._response()
        next_link, items = self._extract(response)
        self._visited.visit(response, next_link)
        self.continuation_token = next_link
        self._finished = next_link is None
        return _items(items)


class AsyncItemPaged(Generic[T], AsyncIterator[T]):
    """The items of a pageable operation, across pages; `by_page()` gives the pages instead."""

    def __init__(
        self, first_page: AsyncFirstPage, next_page: AsyncNextPage, extract: Extract[T]
    ) -> None:
        self._first_page = first_page
        self._next_page = next_page
        self._extract = extract
        self._items: AsyncIterator[T] | None = None

    def by_page(self, continuation_token: str | None = None) -> AsyncPageIterator[T]:
        """The pages, from the first one or from the page `continuation_token` links to."""
        return AsyncPageIterator(
            self._first_page, self._next_page, self._extract, continuation_token
        )

    def __aiter__(self) -> AsyncItemPaged[T]:
        return self

    async def __anext__(self) -> T:
        if self._items is None:
            self._items = self._flatten()
        return await self._items.__anext__()

    async def _flatten(self) -> AsyncIterator[T]:
        async for page in self.by_page():
            async for item in page:
                yield item

    def __repr__(self) -> str:
        return f"<{type(self).__name__} iterator>"
