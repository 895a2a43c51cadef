"""Long-running operations on the asyncio client; see `polling` for how an operation is followed.

`AsyncLROPoller` sends its status requests while it is awaited (`await poller.result()`,
`await poller.wait()` or `await poller`), in the caller's task.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Generic, TypeVar, cast

import httpx

from .aio_pipeline import AsyncPipeline
from .lro import (
    DEFAULT_POLLING_TIMEOUT,
    CookieCarrier,
    LroOptions,
    LroState,
    max_retry_after,
    polling_timeout_error,
    request_id_headers,
)

__all__ = ["AsyncLROPoller", "LroOptions", "request_id_headers"]

T = TypeVar("T")


class AsyncLROPoller(Generic[T]):
    """A running long-running operation on the asyncio client; `await poller.result()`."""

    def __init__(
        self, pipeline: AsyncPipeline, state: LroState, decode: Callable[[httpx.Response], T]
    ) -> None:
        self._pipeline = pipeline
        self._state = state
        self._decode = decode
        self._cookies = CookieCarrier(pipeline.base_url)
        if state.last is not None:
            self._cookies.keep(state.last)
        self._result: T | None = None
        self._error: BaseException | None = None
        self._finished = False
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        if state.done:
            self._finish()

    @classmethod
    def start(
        cls,
        pipeline: AsyncPipeline,
        response: httpx.Response,
        options: LroOptions,
        decode: Callable[[httpx.Response], T],
    ) -> AsyncLROPoller[T]:
        return cls(pipeline, LroState.begin(response, options), decode)

    @classmethod
    def resume(
        cls,
        pipeline: AsyncPipeline,
        token: str,
        options: LroOptions,
        decode: Callable[[httpx.Response], T],
    ) -> AsyncLROPoller[T]:
        return cls(pipeline, LroState.from_token(token, options, pipeline.base_url), decode)

    def _finish(self) -> None:
        assert self._state.last is not None
        self._result = self._decode(self._state.last)
        self._finished = True

    async def _run(self) -> None:
        state = self._state
        while not state.done:
            delay = state.delay(max_retry_after(self._pipeline))
            if delay > 0:
                await self._sleep(delay)
            url = state.next_url()
            response = await self._pipeline.send(
                "GET",
                url,
                headers=self._cookies.headers_for(url, state.options.headers),
                link=True,
            )
            self._cookies.keep(response)
            state.receive(response)
        self._finish()

    def status(self) -> str:
        """The operation's status as last seen; see `polling.LROPoller.status`."""
        return self._state.status

    def done(self) -> bool:
        """Whether the operation has ended (successfully or not); sends nothing."""
        return self._finished or self._error is not None

    async def wait(self, timeout: float | None = DEFAULT_POLLING_TIMEOUT) -> None:
        """Follow the operation until it ends; raises what ended it when it failed.

        Raises `PollingTimeoutError` (a TimeoutError) when it is still running after `timeout`
        seconds (None: as long as it runs); waiting again goes on from where it stopped.
        """
        if self._error is not None:
            raise self._error
        if self._finished:
            return
        try:
            await asyncio.wait_for(self._run(), timeout)
        except Exception as exc:
            # wait_for's own TimeoutError is exactly that class; a request's CallTimeoutError
            # (a subclass) ended the operation like any other error.
            if type(exc) is TimeoutError:
                raise polling_timeout_error(timeout) from None
            self._error = exc
            raise

    async def result(self, timeout: float | None = DEFAULT_POLLING_TIMEOUT) -> T:
        """Follow the operation until it ends and return its result; see `wait`."""
        await self.wait(timeout)
        return cast(T, self._result)

    def continuation_token(self) -> str:
        """A text that `begin_<operation>(continuation_token=...)` resumes this operation from."""
        return self._state.token()

    def __await__(self) -> Generator[Any, None, T]:
        return self.result().__await__()

    def __repr__(self) -> str:
        return f"<AsyncLROPoller {self._state.options.operation} status={self.status()!r}>"
