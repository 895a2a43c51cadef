"""One call through a pipeline, independent of sync or async I/O.

A `Transfer` builds the request for each attempt, keeps the cookies the service sets during the
call, follows redirects, and decides whether a response or a transport error ends the call or is
retried (and after what wait). It also keeps the call within its limits: the deadline, the longest
wait a service may ask for, and the size of a body read whole. `Pipeline` and `AsyncPipeline` only
do the sending, reading and sleeping.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import time
from collections.abc import AsyncIterable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from .auth import ApiKeyAuth, Credentials, Security
from .origins import TrustedOrigins
from .redaction import REDACT_EXTENSION, Redactor
from .retry import RetryPolicy, retry_after

if TYPE_CHECKING:
    import http.cookiejar

    import httpx

    from . import errors as _errors
    from .forms import FormPart
else:
    from .lazy import LazyModule

    httpx = LazyModule("httpx")  # imported by the first request
    # Loaded by the first request too: with azure-core installed, it loads azure-core.
    _errors = LazyModule(f"{__package__}.errors")

REQUEST_ID_HEADER = "x-ms-client-request-id"
DEFAULT_MAX_REDIRECTS = 30
# A call (every attempt, the waits between them and the reading of each response) ends by then.
DEFAULT_CALL_TIMEOUT = 600.0
# Bodies read whole (not streamed) may be this large once decompressed.
DEFAULT_MAX_RESPONSE_SIZE = 100 * 1024 * 1024
_JSON_SEPARATORS = (", ", ": ")

RequestContent = bytes | str | Iterable[bytes] | AsyncIterable[bytes]
BodyContent = bytes | Iterable[bytes] | AsyncIterable[bytes] | None


@functools.cache
def _error_kinds() -> tuple[tuple[type[Exception], ...], ...]:
    """(nothing sent, retriable, request side): httpx errors by what they say of a request."""
    # Errors that prove the request never left: resending cannot duplicate a side effect.
    nothing_sent = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
    retriable = (
        httpx.NetworkError,
        httpx.TimeoutException,
        httpx.RemoteProtocolError,
        httpx.ProxyError,
    )
    request_side = (
        *nothing_sent,
        httpx.WriteError,
        httpx.WriteTimeout,
        httpx.ProxyError,
        httpx.UnsupportedProtocol,
        httpx.LocalProtocolError,
    )
    return nothing_sent, retriable, request_side


_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_FRAMING = frozenset({"host", "content-length", "transfer-encoding"})


@dataclass(frozen=True)
class PipelineSettings:
    base_url: str
    retry: RetryPolicy
    logger: logging.Logger
    user_agent: str
    headers: Mapping[str, str]
    redactor: Redactor
    api_key: ApiKeyAuth | None
    max_redirects: int
    clock: Callable[[], float]
    origins: TrustedOrigins
    call_timeout: float | None
    max_response_size: int | None
    request_id: bool = True  # send x-ms-client-request-id


@dataclass(frozen=True)
class Body:
    content: BodyContent
    replayable: bool
    content_type: str | None = None


def make_body(
    content: RequestContent | None,
    json_body: Any,
    *,
    form: Sequence[tuple[str, str]] | None = None,
    multipart: Sequence[tuple[str, FormPart]] | None = None,
) -> Body:
    """Normalize the request body; JSON and forms are encoded once, so every attempt sends the
    same bytes."""
    given = [content is not None, json_body is not None, form is not None, multipart is not None]
    if sum(given) > 1:
        raise _errors.ValidationError("A request takes one of content, json, form or multipart")
    if json_body is not None:
        return _json_body(json_body)
    if form is not None or multipart is not None:
        return _form_body(form, multipart)
    return _content_body(content)


def _form_body(
    form: Sequence[tuple[str, str]] | None, multipart: Sequence[tuple[str, FormPart]] | None
) -> Body:
    from .forms import URLENCODED, encode_multipart, encode_urlencoded  # loaded for forms only

    if form is not None:
        return Body(encode_urlencoded(form), replayable=True, content_type=URLENCODED)
    if multipart is not None:
        data, content_type = encode_multipart(multipart)
        return Body(data, replayable=True, content_type=content_type)
    raise AssertionError("a form or a multipart body")


def _json_body(json_body: Any) -> Body:
    # json.dumps' default separators (", ", ": "), as the Azure SDK sends: services and test
    # servers that check a body's length expect those bytes.
    try:
        encoded = json.dumps(
            json_body, separators=_JSON_SEPARATORS, ensure_ascii=False, allow_nan=False
        )
    except ValueError as exc:
        raise _errors.ValidationError(f"The request body is not valid JSON: {exc}") from exc
    return Body(encoded.encode("utf-8"), replayable=True, content_type="application/json")


def _content_body(content: RequestContent | None) -> Body:
    if content is None or isinstance(content, bytes):
        return Body(content, replayable=True)
    if isinstance(content, str):
        return Body(content.encode("utf-8"), replayable=True)
    if isinstance(content, bytearray | memoryview):
        return Body(bytes(content), replayable=True)
    if isinstance(content, list | tuple):
        return Body(b"".join(content), replayable=True)
    return Body(content, replayable=False)


def absolute_url(base_url: str, url: str) -> str:
    if url.lower().startswith(("http://", "https://")):
        return url
    base = base_url.rstrip("/")
    path = url.lstrip("/")
    return f"{base}/{path}" if path else base


def append_params(url: str, params: Sequence[tuple[str, str]]) -> str:
    """Add query parameters after any the URL already has (never replacing them).

    A pair the URL already has is not repeated: some specs write `?comp=list` into the path and
    also declare `comp` as a constant query parameter.
    """
    base, hash_sign, fragment = url.partition("#")
    present = set(parse_qsl(urlsplit(base).query, keep_blank_values=True))
    fresh = [(name, str(value)) for name, value in params if (name, str(value)) not in present]
    if not fresh:
        return url
    encoded = urlencode(fresh, quote_via=quote)
    separator = "" if base.endswith(("?", "&")) else ("&" if "?" in base else "?")
    return f"{base}{separator}{encoded}{hash_sign}{fragment}"


def settings_for(
    *,
    base_url: str,
    auth: object,
    logger_name: str,
    user_agent: str,
    retry: RetryPolicy | None,
    redact: Iterable[str],
    headers: Mapping[str, str] | None,
    max_redirects: int,
    trusted_origins: Iterable[str] = (),
    call_timeout: float | None = DEFAULT_CALL_TIMEOUT,
    max_response_size: int | None = DEFAULT_MAX_RESPONSE_SIZE,
    request_id: bool = True,
) -> PipelineSettings:
    if call_timeout is not None and not call_timeout > 0:
        raise ValueError(
            f"call_timeout must be a positive number of seconds or None, not {call_timeout!r}"
        )
    if max_response_size is not None and max_response_size < 0:
        raise ValueError(f"max_response_size must be at least 0 or None, not {max_response_size!r}")
    secret_names = set(redact)
    if isinstance(auth, ApiKeyAuth):
        secret_names.add(auth.name)
    elif isinstance(auth, Security):
        secret_names.update(auth.secret_names)
    return PipelineSettings(
        base_url=base_url,
        retry=retry if retry is not None else RetryPolicy(),
        logger=logging.getLogger(logger_name),
        user_agent=user_agent,
        headers=dict(headers or {}),
        redactor=Redactor(secret_names),
        api_key=auth if isinstance(auth, ApiKeyAuth) else None,
        max_redirects=max_redirects,
        clock=time.time,
        origins=TrustedOrigins(base_url, trusted_origins),
        call_timeout=call_timeout,
        max_response_size=max_response_size,
        request_id=request_id,
    )


def call_scoped_cookies() -> http.cookiejar.CookieJar:
    import http.cookiejar  # with its dependencies, as long to import as the runtime: on first use

    """A cookie jar that stores nothing, for clients the pipeline creates: cookies are kept per
    call by `Transfer`, not across calls."""
    # A bare CookieJar, not httpx.Cookies: the client would copy the latter into a default jar,
    # dropping the policy.
    return http.cookiejar.CookieJar(policy=http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


class Transfer:
    """The state of one `send()` call across its attempts and redirects."""

    def __init__(
        self,
        settings: PipelineSettings,
        method: str,
        url: str,
        *,
        params: Sequence[tuple[str, str]],
        headers: Mapping[str, str | None] | None,
        body: Body,
        link: bool = False,
    ) -> None:
        self._settings = settings
        self.method = method.upper()
        self.url = append_params(absolute_url(settings.base_url, url), params)
        if not link:
            settings.origins.learn(self.url)
        timeout = settings.call_timeout
        self.deadline = None if timeout is None else time.monotonic() + timeout
        given = dict(headers or {})
        # A header given as None is left out, even one the pipeline would add itself.
        self._omitted = {name.lower() for name, value in given.items() if value is None}
        self._headers = httpx.Headers({k: v for k, v in given.items() if v is not None})
        self._body = body
        self._request_id: str | None = None
        if settings.request_id and REQUEST_ID_HEADER not in self._omitted:
            self._request_id = self._headers.get(REQUEST_ID_HEADER) or _new_request_id()
        # Cookies live for this call only, so retries and redirects carry what the service set
        # (affinity, throttling) without one call's cookies leaking into the next.
        self._cookies = httpx.Cookies()
        self.retries = 0
        self._redirects = 0
        self._request: httpx.Request | None = None

    # --- building each attempt's request ------------------------------------------------------

    def prepare(
        self, client: httpx.Client | httpx.AsyncClient, authorization: str | Credentials | None
    ) -> httpx.Request:
        settings = self._settings
        headers = httpx.Headers(settings.headers)
        headers.update(self._headers)
        headers.setdefault("User-Agent", settings.user_agent)
        if self._request_id is not None:
            headers[REQUEST_ID_HEADER] = self._request_id
        if self._body.content_type is not None:
            headers.setdefault("Content-Type", self._body.content_type)
        params: list[tuple[str, str]] = []
        if settings.origins.allows(self.url):
            self._add_credentials(headers, params, authorization)
        else:
            # A host the service named (a link, a redirect): it gets no credentials of ours.
            for name in [name for name in headers if settings.redactor.is_secret(name)]:
                del headers[name]
            settings.logger.debug(
                "Sending %s %s without credentials: not a trusted origin",
                self.method,
                settings.redactor.url(self.url),
            )
        try:
            request = client.build_request(
                self.method,
                append_params(self.url, params),
                headers=headers,
                content=self._body.content,
                cookies=self._cookies,
                extensions={REDACT_EXTENSION: settings.redactor.extra_names},
            )
        except httpx.InvalidURL as exc:
            raise _errors.ValidationError(
                f"Cannot send {self.method} {settings.redactor.url(self.url)!r}: {exc}"
            ) from None
        self._leave_out(request.headers)
        self._request = request
        self._log_request(request)
        return request

    def _leave_out(self, headers: httpx.Headers) -> None:
        """Remove the headers the caller gave as None (the HTTP client adds defaults of its own
        when the request is built); the ones that frame the message stay."""
        for name in self._omitted - _FRAMING:
            headers.pop(name, None)

    def _add_credentials(
        self,
        headers: httpx.Headers,
        params: list[tuple[str, str]],
        authorization: str | Credentials | None,
    ) -> None:
        if isinstance(authorization, Credentials):
            authorization.apply(headers, params)
            return
        if authorization is not None and "authorization" not in headers:
            headers["Authorization"] = authorization
        if self._settings.api_key is not None:
            self._settings.api_key.apply(headers, params)

    # --- deciding what a response or an error means -------------------------------------------

    def after_response(self, response: httpx.Response) -> float | None:
        """None when `response` ends the call; otherwise the wait before the next attempt."""
        self._cookies.extract_cookies(response)
        self._log_response(response)
        if self._follow_redirect(response):
            return 0.0
        if response.status_code not in self._settings.retry.statuses:
            return None
        if not self._may_retry(nothing_sent=False, status=response.status_code):
            return None
        self.retries += 1
        delay = retry_after(response.headers, self._settings.clock())
        if delay is not None and delay > self._settings.retry.max_retry_after:
            raise _errors.RetryAfterTooLongError(
                f"The service asked to wait {_seconds(delay)} before trying again, more than "
                f"the {_seconds(self._settings.retry.max_retry_after)} "
                "RetryPolicy.max_retry_after allows",
                response=response,
                retry_after=delay,
            )
        if not delay:
            delay = self._settings.retry.backoff(self.retries)
        self._check_wait(delay)
        self._log_retry(f"status {response.status_code}", delay)
        return delay

    def after_error(self, error: httpx.RequestError) -> float:
        """The wait before the next attempt, or raises the client's error for `error`."""
        if self.expired():
            raise self.timed_out() from error
        nothing_sent_errors, retriable, _ = _error_kinds()
        nothing_sent = isinstance(error, nothing_sent_errors)
        if isinstance(error, retriable) and self._may_retry(nothing_sent=nothing_sent):
            self.retries += 1
            delay = self._settings.retry.backoff(self.retries)
            self._check_wait(delay)
            self._log_retry(type(error).__name__, delay)
            return delay
        raise self._error_for(error) from error

    # --- the limits of the call --------------------------------------------------------------

    def time_left(self) -> float | None:
        return None if self.deadline is None else self.deadline - time.monotonic()

    def expired(self) -> bool:
        left = self.time_left()
        return left is not None and left <= 0

    def timed_out(self) -> _errors.CallTimeoutError:
        return _errors.CallTimeoutError(
            f"{self.method} {self._settings.redactor.url(self.url)} did not finish within "
            f"call_timeout ({_seconds(self._settings.call_timeout or 0)}) after "
            f"{self.retries + 1} attempt{'s' if self.retries else ''}"
        )

    def _check_wait(self, delay: float) -> None:
        """A wait that would outlast the deadline fails now rather than at the deadline."""
        left = self.time_left()
        if left is not None and delay >= left:
            raise self.timed_out()

    def body_reader(self, response: httpx.Response) -> BodyReader:
        return BodyReader(self, response, self._settings.max_response_size)

    def _may_retry(self, *, nothing_sent: bool, status: int | None = None) -> bool:
        policy = self._settings.retry
        if self.retries >= policy.total:
            return False
        if nothing_sent:
            return True
        return self._body.replayable and policy.may_resend(self.method, status)

    def _error_for(
        self, error: httpx.RequestError
    ) -> _errors.ServiceRequestError | _errors.ServiceResponseError:
        redactor = self._settings.redactor
        detail = str(error) or "no detail"
        if self._request is not None:
            detail = redactor.scrub(detail, redactor.secret_values(self._request))
        attempts = self.retries + 1
        message = (
            f"{self.method} {redactor.url(self.url)} failed after {attempts} "
            f"attempt{'s' if attempts > 1 else ''}: {type(error).__name__}: {detail}"
        )
        if isinstance(error, _error_kinds()[2]):
            return _errors.ServiceRequestError(message)
        return _errors.ServiceResponseError(message)

    def _follow_redirect(self, response: httpx.Response) -> bool:
        location = self._redirect_location(response)
        if location is None:
            return False
        if response.status_code == 303 and self.method != "HEAD":
            self.method = "GET"
            self._body = Body(None, replayable=True)
            for name in ("content-type", "content-length", "transfer-encoding"):
                self._headers.pop(name, None)
        self.url = str(httpx.URL(self.url).join(location))
        self._redirects += 1
        return True

    def _redirect_location(self, response: httpx.Response) -> str | None:
        status = response.status_code
        if status not in _REDIRECT_STATUSES or self._redirects >= self._settings.max_redirects:
            return None
        # As browsers and most HTTP clients do: 301/302 only for reads; 307/308 resend the body,
        # which must therefore be replayable.
        if status in (301, 302) and self.method not in ("GET", "HEAD"):
            return None
        if status in (307, 308) and not self._body.replayable:
            return None
        return response.headers.get("location") or None

    def log_secrets(self, request: httpx.Request) -> tuple[str, ...]:
        return self._settings.redactor.log_secrets(request)

    # --- logging (never configured here; secrets redacted) ------------------------------------

    def _log_request(self, request: httpx.Request) -> None:
        logger = self._settings.logger
        if logger.isEnabledFor(logging.DEBUG):
            redactor = self._settings.redactor
            logger.debug(
                "Request %s %s (attempt %d) headers=%s",
                request.method,
                redactor.url(request.url),
                self.retries + 1,
                redactor.headers(request.headers),
            )

    def _log_response(self, response: httpx.Response) -> None:
        logger = self._settings.logger
        if logger.isEnabledFor(logging.DEBUG):
            redactor = self._settings.redactor
            logger.debug(
                "Response %d %s for %s %s headers=%s",
                response.status_code,
                response.reason_phrase,
                response.request.method,
                redactor.url(response.request.url),
                redactor.headers(response.headers),
            )

    def _log_retry(self, reason: str, delay: float) -> None:
        self._settings.logger.debug(
            "Retrying %s %s in %.3f s after %s (retry %d of %d)",
            self.method,
            self._settings.redactor.url(self.url),
            delay,
            reason,
            self.retries,
            self._settings.retry.total,
        )


def _has_body(response: httpx.Response) -> bool:
    return response.request.method != "HEAD" and response.status_code not in (204, 304)


def _declared_size(response: httpx.Response) -> int:
    """The Content-Length of an unencoded body (a compressed one is counted as it inflates)."""
    declared = response.headers.get("content-length", "")
    encoded = response.headers.get("content-encoding", "identity").lower() != "identity"
    return int(declared) if declared.isdigit() and not encoded else 0


def _seconds(value: float) -> str:
    return f"{value:g} s"


class BodyReader:
    """Collects a body that is read whole, within the size limit and the call's deadline.

    The size counts the bytes as decoded (decompressed), chunk by chunk, so a small compressed
    body that inflates without bound is stopped at the limit.
    """

    def __init__(self, transfer: Transfer, response: httpx.Response, limit: int | None) -> None:
        self._transfer = transfer
        self._response = response
        self._limit = limit
        self._chunks: list[bytes] = []
        self._size = 0
        if limit is not None and _has_body(response) and _declared_size(response) > limit:
            raise self._too_large(f"declares {_declared_size(response)} bytes")

    def add(self, chunk: bytes) -> None:
        self._size += len(chunk)
        if self._limit is not None and self._size > self._limit:
            raise self._too_large(f"has more than {self._limit} bytes")
        if self._transfer.expired():
            raise self._transfer.timed_out()
        self._chunks.append(chunk)

    def response(self) -> httpx.Response:
        """The response with its body in memory, as `httpx.Response.read()` leaves it."""
        read = self._response
        whole = httpx.Response(
            read.status_code,
            content=b"".join(self._chunks),
            request=read.request,
            extensions=read.extensions,
        )
        # The headers as the service sent them (Content-Encoding included), set after the body,
        # so that the body is not decoded a second time.
        whole.headers = read.headers
        whole.default_encoding = read.default_encoding
        with contextlib.suppress(RuntimeError):
            whole.elapsed = read.elapsed
        return whole

    def _too_large(self, detail: str) -> _errors.ResponseTooLargeError:
        limit = self._limit
        self._chunks.clear()
        return _errors.ResponseTooLargeError(
            f"The response body {detail}, more than max_response_size ({limit} bytes) allows",
            response=self._response,
        )


def _new_request_id() -> str:
    import uuid  # (and the platform module it loads) on the first request, not with the client

    return str(uuid.uuid4())
