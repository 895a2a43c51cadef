"""The synchronous transport: one `send()` per operation, with auth, retries and redirects."""

from __future__ import annotations

import time
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import Any

import httpx

from .auth import ApiKeyAuth, BasicAuth, BearerTokenAuth, Credentials, Requirements, Security
from .forms import FormPart
from .retry import RetryPolicy
from .transfer import (
    DEFAULT_MAX_REDIRECTS,
    Transfer,
    call_scoped_cookies,
    make_body,
    settings_for,
)


def _streams(stream: bool, response: httpx.Response) -> bool:
    """With stream=True only a success is left unread: any other body explains what went wrong."""
    return stream and response.is_success


__all__ = ["Pipeline", "RetryPolicy"]


class Pipeline:
    """Sends requests for a generated client.

    With `transport` (an `httpx.Client`) the caller keeps control of that client: its timeout,
    proxies and cookies apply and `close()` leaves it open. `request_id` sends an
    x-ms-client-request-id header with each call (an Azure convention).
    """

    def __init__(
        self,
        *,
        base_url: str,
        auth: BearerTokenAuth | ApiKeyAuth | BasicAuth | Security | None = None,
        logger_name: str,
        user_agent: str,
        retry: RetryPolicy | None = None,
        timeout: float | httpx.Timeout = 60.0,
        transport: httpx.Client | None = None,
        redact: Iterable[str] = (),
        headers: Mapping[str, str] | None = None,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
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
            request_id=request_id,
        )
        self._owns_client = transport is None
        self._client = transport or httpx.Client(timeout=timeout, cookies=call_scoped_cookies())
        self._sleep: Callable[[float], None] = time.sleep

    def send(
        self,
        method: str,
        url: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        headers: Mapping[str, str | None] | None = None,
        content: bytes | str | Iterable[bytes] | None = None,
        json: Any = None,
        form: Sequence[tuple[str, str]] | None = None,
        multipart: Sequence[tuple[str, FormPart]] | None = None,
        stream: bool = False,
        security: Requirements | None = None,
    ) -> httpx.Response:
        """Send until a response is final; its body is read unless `stream` is true and the
        status is a success (2xx).

        The body is one of `content` (raw), `json`, `form` (urlencoded fields) or `multipart`
        (text fields and `FilePart`s). A header given as None is left out of the request, even one
        the pipeline adds itself (User-Agent, x-ms-client-request-id, Content-Type).

        `security` lists the operation's alternative security requirements when the client was
        given several schemes (`Security`); None: the spec's default.

        Error statuses are returned, not raised. Raises `ServiceRequestError` or
        `ServiceResponseError` when the last attempt failed in transport.
        """
        body = make_body(content, json, form=form, multipart=multipart)
        if isinstance(body.content, AsyncIterable):
            raise TypeError("Pipeline.send() needs bytes or a sync iterable; use AsyncPipeline")
        transfer = Transfer(self._settings, method, url, params=params, headers=headers, body=body)
        while True:
            request = transfer.prepare(self._client, self._authorization(security))
            try:
                response = self._exchange(request, stream=stream)
            except httpx.RequestError as exc:
                self._sleep(transfer.after_error(exc))
                continue
            delay = transfer.after_response(response)
            if delay is None:
                return response
            response.close()
            if delay > 0:
                self._sleep(delay)

    def _authorization(self, security: Requirements | None) -> str | Credentials | None:
        if isinstance(self._auth, Security):
            return self._auth.credentials(security)
        if isinstance(self._auth, BearerTokenAuth | BasicAuth):
            return self._auth.authorization()
        return None

    def _exchange(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        response = self._client.send(request, stream=True, follow_redirects=False)
        if not _streams(stream, response):
            try:
                response.read()
            finally:
                if not response.is_stream_consumed:
                    response.close()
        return response

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
