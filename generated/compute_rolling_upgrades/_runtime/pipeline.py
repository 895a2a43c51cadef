"""The synchronous transport: one `send()` per operation, with auth, retries and redirects.

Credentials go only to trusted origins (see `origins`); each call ends by its deadline
(`call_timeout`) and a body read whole stops at `max_response_size`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from . import deadline
from .auth import ApiKeyAuth, BasicAuth, BearerTokenAuth, Credentials, Requirements, Security
from .redaction import guard_library_logs, secrets_in_flight
from .retry import RetryPolicy
from .transfer import (
    DEFAULT_CALL_TIMEOUT,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_MAX_RESPONSE_SIZE,
    Transfer,
    call_scoped_cookies,
    make_body,
    settings_for,
)

if TYPE_CHECKING:
    import httpx

    from .forms import FormPart
else:
    from .lazy import LazyModule

    httpx = LazyModule("httpx")  # imported by the first request


def _streams(stream: bool, response: httpx.Response) -> bool:
    """With stream=True only a success is left unread: any other body explains what went wrong."""
    return stream and response.is_success


__all__ = ["Pipeline", "RetryPolicy"]


class Pipeline:
    """Sends requests for a generated client.

    With `transport` (an `httpx.Client`) the caller keeps control of that client: its timeout,
    proxies and cookies apply and `close()` leaves it open. The deadline of a call is then checked
    between the chunks of a body, while a client the pipeline creates also cuts every socket read
    and write to it.

    `timeout` bounds each connect, read and write; `call_timeout` the whole call, all attempts
    included (None: no bound). `trusted_origins` lists URLs besides `base_url` whose origins may
    receive the credentials.
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
        self._timeout = timeout
        self._http: httpx.Client | None = transport
        self._lock = threading.Lock()
        self._sleep: Callable[[float], None] = time.sleep
        guard_library_logs()

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
        link: bool = False,
        security: Requirements | None = None,
    ) -> httpx.Response:
        """Send until a response is final; its body is read unless `stream` is true and the
        status is a success (2xx).

        `link` says that `url` came from the service (a next link, a status monitor): on an
        origin that is not trusted it is sent without credentials.

        The body is one of `content` (raw), `json`, `form` (urlencoded fields) or `multipart`
        (text fields and `FilePart`s). A header given as None is left out of the request, even one
        the pipeline adds itself (User-Agent, x-ms-client-request-id, Content-Type).

        `security` lists the operation's alternative security requirements when the client was
        given several schemes (`Security`); None: the spec's default.

        Error statuses are returned, not raised. Raises `ServiceRequestError` or
        `ServiceResponseError` when the last attempt failed in transport, `CallTimeoutError` when
        the call outlasts `call_timeout`, `RetryAfterTooLongError` when the service asks for a
        longer wait than the retry policy allows and `ResponseTooLargeError` for a body above
        `max_response_size`.
        """
        body = make_body(content, json, form=form, multipart=multipart)
        if isinstance(body.content, AsyncIterable):
            raise TypeError("Pipeline.send() needs bytes or a sync iterable; use AsyncPipeline")
        transfer = Transfer(
            self._settings, method, url, params=params, headers=headers, body=body, link=link
        )
        while True:
            request = transfer.prepare(self._client, self._authorization(security))
            try:
                response = self._exchange(request, transfer, stream=stream)
            except httpx.RequestError as exc:
                self._sleep(transfer.after_error(exc))
                continue
            delay = transfer.after_response(response)
            if delay is None:
                return response
            response.close()
            if delay > 0:
                self._sleep(delay)

    @property
    def _client(self) -> httpx.Client:
        """The client given, or one made (and httpx imported) when the first request is sent."""
        client = self._http
        if client is None:
            with self._lock:
                client = self._http
                if client is None:
                    client = httpx.Client(timeout=self._timeout, cookies=call_scoped_cookies())
                    deadline.install(client)
                    self._http = client
        return client

    def _authorization(self, security: Requirements | None) -> str | Credentials | None:
        if isinstance(self._auth, Security):
            return self._auth.credentials(security)
        if isinstance(self._auth, BearerTokenAuth | BasicAuth):
            return self._auth.authorization()
        return None

    def _exchange(
        self, request: httpx.Request, transfer: Transfer, *, stream: bool
    ) -> httpx.Response:
        with (
            deadline.bounded_by(transfer.deadline),
            secrets_in_flight(transfer.log_secrets(request)),
        ):
            if transfer.expired():
                raise transfer.timed_out()
            response = self._client.send(request, stream=True, follow_redirects=False)
            if _streams(stream, response):
                return response
            try:
                reader = transfer.body_reader(response)
                for chunk in response.iter_bytes():
                    reader.add(chunk)
            finally:
                response.close()
            return reader.response()

    def close(self) -> None:
        if self._owns_client and self._http is not None:  # one never made needs no closing
            self._http.close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
