"""The asyncio transport: `AsyncPipeline` mirrors `Pipeline` on `httpx.AsyncClient`."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Mapping,
    Sequence,
)
from types import TracebackType
from typing import Any

import httpx

from . import deadline
from .auth import (
    ApiKeyAuth,
    AsyncBearerTokenAuth,
    BasicAuth,
    BearerTokenAuth,
    Credentials,
    Requirements,
    Security,
)
from .forms import FormPart
from .redaction import guard_library_logs, secrets_in_flight
from .retry import RetryPolicy
from .transfer import (
    DEFAULT_CALL_TIMEOUT,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_MAX_RESPONSE_SIZE,
    Body,
    Transfer,
    call_scoped_cookies,
    make_body,
    settings_for,
)


def _streams(stream: bool, response: httpx.Response) -> bool:
    """With stream=True only a success is left unread: any other body explains what went wrong."""
    return stream and response.is_success


__all__ = ["AsyncPipeline", "RetryPolicy"]

_Auth = AsyncBearerTokenAuth | BearerTokenAuth | ApiKeyAuth | BasicAuth | Security


async def _async_chunks(chunks: Iterable[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


def _for_async_client(body: Body) -> Body:
    """httpx.AsyncClient streams only async iterables."""
    content = body.content
    if content is None or isinstance(content, bytes | AsyncIterable):
        return body
    return dataclasses.replace(body, content=_async_chunks(content))


class AsyncPipeline:
    """Sends requests for a generated asyncio client; see `Pipeline`.

    The deadline of a call cancels the exchange in progress when it passes, whichever client
    sends it.
    """

    def __init__(
        self,
        *,
        base_url: str,
        auth: _Auth | None = None,
        logger_name: str,
        user_agent: str,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = 60.0,
        transport: httpx.AsyncClient | None = None,
        redact: Iterable[str] = (),
        headers: Mapping[str, str] | None = None,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        trusted_origins: Iterable[str] = (),
        call_timeout: float | None = DEFAULT_CALL_TIMEOUT,
        max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
        request_id: bool = True,
    ) -> None:
        self.base_url = base_url
        self._auth = auth
        self._settings = settings_for(
            base_url=base_url,
            auth=auth,
            logger_name=logger_name,
            user_agent=user_agent,
            retry=retry,
            redact=redact,
            headers=headers,
            max_redirects=max_redirects,
            trusted_origins=trusted_origins,
            call_timeout=call_timeout,
            max_response_size=max_response_size,
            request_id=request_id,
        )
        self.retry = self._settings.retry
        self._owns_client = transport is None
        self._client = transport or httpx.AsyncClient(
            timeout=timeout, cookies=call_scoped_cookies()
        )
        self._sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        guard_library_logs()

    async def send(
        self,
        method: str,
        url: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        headers: Mapping[str, str | None] | None = None,
        content: bytes | str | Iterable[bytes] | AsyncIterable[bytes] | None = None,
        json: Any = None,
        form: Sequence[tuple[str, str]] | None = None,
        multipart: Sequence[tuple[str, FormPart]] | None = None,
        stream: bool = False,
        link: bool = False,
        security: Requirements | None = None,
    ) -> httpx.Response:
        """Send until a response is final; see `Pipeline.send`."""
        body = _for_async_client(make_body(content, json, form=form, multipart=multipart))
        transfer = Transfer(
            self._settings, method, url, params=params, headers=headers, body=body, link=link
        )
        while True:
            request = transfer.prepare(self._client, await self._authorization(security))
            try:
                response = await self._exchange(request, transfer, stream=stream)
            except httpx.RequestError as exc:
                await self._sleep(transfer.after_error(exc))
                continue
            delay = transfer.after_response(response)
            if delay is None:
                return response
            await response.aclose()
            if delay > 0:
                await self._sleep(delay)

    async def _authorization(self, security: Requirements | None) -> str | Credentials | None:
        auth = self._auth
        if isinstance(auth, Security):
            return await auth.credentials_async(security)
        if isinstance(auth, AsyncBearerTokenAuth):
            return await auth.authorization()
        if isinstance(auth, BearerTokenAuth | BasicAuth):
            return auth.authorization()
        return None

    async def _exchange(
        self, request: httpx.Request, transfer: Transfer, *, stream: bool
    ) -> httpx.Response:
        left = transfer.time_left()
        if left is not None and left <= 0:
            raise transfer.timed_out()
        with (
            deadline.bounded_by(transfer.deadline),
            secrets_in_flight(transfer.log_secrets(request)),
        ):
            try:
                async with asyncio.timeout(left):
                    return await self._receive(request, transfer, stream=stream)
            except TimeoutError:
                raise transfer.timed_out() from None

    async def _receive(
        self, request: httpx.Request, transfer: Transfer, *, stream: bool
    ) -> httpx.Response:
        response = await self._client.send(request, stream=True, follow_redirects=False)
        if _streams(stream, response):
            return response
        try:
            reader = transfer.body_reader(response)
            async for chunk in response.aiter_bytes():
                reader.add(chunk)
        finally:
            await response.aclose()
        return reader.response()

    async def close(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncPipeline:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
