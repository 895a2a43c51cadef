"""How a long-running operation is followed, without I/O: `LroState` takes each response in
turn and says what to request next and how long to wait first; see `polling` for the rules.

`polling.LROPoller` (a background thread) and `aio_polling.AsyncLROPoller` drive it.
"""

from __future__ import annotations

import base64
import binascii
import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

import httpx

from .codec import Codec, raise_error, response_json
from .errors import (
    DecodeError,
    DeserializationError,
    HttpResponseError,
    PollingTimeoutError,
    RetryAfterTooLongError,
)
from .redaction import Redactor
from .retry import retry_after
from .transfer import REQUEST_ID_HEADER, absolute_url

__all__ = [
    "DEFAULT_POLLING_TIMEOUT",
    "CookieCarrier",
    "LroOptions",
    "LroState",
    "max_retry_after",
    "polling_timeout_error",
    "request_id_headers",
    "request_url",
]

SUCCEEDED = "Succeeded"
IN_PROGRESS = "InProgress"
_FAILED = frozenset({"failed", "canceled", "cancelled"})
_TERMINAL = _FAILED | {"succeeded"}
_OPERATION_HEADERS = ("azure-asyncoperation", "operation-location")
API_VERSION = "api-version"
_TOKEN_VERSION = 1
# How long result() and wait() wait by default: long enough for slow Azure operations (a rolling
# upgrade, a cluster), short enough that a status that never ends does not hold a caller for ever.
DEFAULT_POLLING_TIMEOUT = 3 * 3600.0


@dataclass(frozen=True)
class LroOptions:
    """What a generated `begin_` method knows about its operation."""

    operation: str  # the operationId: a continuation token only resumes the operation it is for
    method: str
    final_state_via: str | None = None
    polling_interval: float = 30.0
    headers: Mapping[str, str] = field(default_factory=dict)  # sent with every status request
    error_map: Mapping[int, Codec] = field(default_factory=dict)
    default_error: Codec | None = None
    polling: bool = True  # False: the first response ends the operation (polling=False)


def with_api_version(url: str, initial_url: str) -> str:
    """`url` with the api-version of the operation's first request when it names none: a
    status monitor is part of the same versioned API (an Azure.Core service answers 400 to a
    monitor request without it)."""
    initial = dict(parse_qsl(urlsplit(initial_url).query, keep_blank_values=True))
    version = initial.get(API_VERSION)
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    if version is None or any(name == API_VERSION for name, _ in query):
        return url
    return urlunsplit(parts._replace(query=urlencode([*query, (API_VERSION, version)])))


def request_id_headers(headers: Mapping[str, str | None] | None) -> dict[str, str]:
    """The x-ms-client-request-id among a call's headers: status requests send it again, so
    that every request of the operation can be traced to the id the caller chose."""
    for name, value in (headers or {}).items():
        if name.lower() == REQUEST_ID_HEADER and value is not None:
            return {REQUEST_ID_HEADER: value}
    return {}


def request_url(response: httpx.Response) -> str:
    """The URL the first request went to, without credentials the pipeline put in its query:
    a final GET on the original URI sends it again, and continuation tokens keep it."""
    request = response.request
    url = str(request.url)
    secret = Redactor.for_request(request).extra_names
    base, question, query = url.partition("?")
    if not question or not secret:
        return url
    kept = [
        item for item in query.split("&") if unquote(item.partition("=")[0]).lower() not in secret
    ]
    return f"{base}?{'&'.join(kept)}" if kept else base


def _header_url(response: httpx.Response, *names: str) -> str | None:
    """The first of the headers that is set, as an absolute URL: a relative one is resolved
    against the URL of the request the response answers."""
    value = next((response.headers[name] for name in names if response.headers.get(name)), None)
    if value is None:
        return None
    return urljoin(str(response.request.url), value)


def _is_success(response: httpx.Response) -> bool:
    return 200 <= response.status_code < 300


def _json(response: httpx.Response) -> Any:
    try:
        return response_json(response)
    except DeserializationError as exc:
        raise DecodeError(
            f"The long-running operation sent a body that is not JSON: {exc}", response=response
        ) from None


def _provisioning_state(body: Any) -> str | None:
    if not isinstance(body, dict):
        return None
    properties = body.get("properties")
    state = properties.get("provisioningState") if isinstance(properties, dict) else None
    if state is None:
        state = body.get("provisioningState")
    return state if isinstance(state, str) else None


@dataclass
class LroState:
    """Where a long-running operation stands; `receive()` takes each response in turn."""

    options: LroOptions
    initial_url: str
    strategy: str  # "operation", "location", "resource" or "done"
    poll_url: str | None = None
    location_url: str | None = None
    status: str = IN_PROGRESS
    final_url: str | None = None  # set once the status succeeded and a final GET is due
    last: httpx.Response | None = None  # the latest response: Retry-After, then the result

    # --- the first response ----------------------------------------------------------------

    @classmethod
    def begin(cls, response: httpx.Response, options: LroOptions) -> LroState:
        url = request_url(response)
        operation_url = _header_url(response, *_OPERATION_HEADERS)
        location = _header_url(response, "location")
        state = cls(options, url, "done", location_url=location, last=response)
        if not options.polling:
            state.status = SUCCEEDED
            return state
        if options.method.upper() in ("PUT", "PATCH") and state._ends_at_once(response):
            return state
        if operation_url:
            state.strategy, state.poll_url = "operation", operation_url
        elif state.location_url:
            state.strategy, state.poll_url = "location", state.location_url
        elif options.method.upper() in ("PUT", "PATCH"):
            state.strategy, state.poll_url = "resource", url
        elif response.status_code == 202:
            raise HttpResponseError(
                "The service accepted the long-running operation but named no URL to follow it "
                "(no Azure-AsyncOperation, Operation-Location or Location header)",
                response=response,
            )
        else:
            state.status = SUCCEEDED
        return state

    def _ends_at_once(self, response: httpx.Response) -> bool:
        """A PUT or PATCH that the service finished within the first response."""
        code = response.status_code
        if code == 204:
            self.status = SUCCEEDED
            return True
        if code not in (200, 201):
            return False
        provisioning = _provisioning_state(_json(response))
        has_headers = any(response.headers.get(h) for h in (*_OPERATION_HEADERS, "location"))
        if provisioning is not None and provisioning.lower() in _TERMINAL:
            self._set_status(provisioning, response)
            return True
        if provisioning is None and code == 200 and not has_headers:
            self.status = SUCCEEDED
            return True
        self.status = provisioning or IN_PROGRESS
        return False

    # --- later responses ---------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.strategy == "done"

    def next_url(self) -> str:
        """The URL the next request goes to: the status to poll, or the final GET."""
        if self.final_url is not None:
            return self.final_url
        if self.poll_url is None:
            raise RuntimeError("the long-running operation has nothing left to request")
        if self.strategy == "operation":
            return with_api_version(self.poll_url, self.initial_url)
        return self.poll_url

    def delay(self, max_retry_after: float = math.inf) -> float:
        """Seconds to wait before the next request: the service's Retry-After, else the interval.

        Raises `RetryAfterTooLongError` when the service asks for more than `max_retry_after`.
        """
        if self.final_url is not None:
            return 0.0
        asked = retry_after(self.last.headers, time.time()) if self.last is not None else None
        if asked is not None and asked > max_retry_after and self.last is not None:
            raise RetryAfterTooLongError(
                f"The status monitor of the long-running operation asked to wait {asked:g} s, "
                f"more than the {max_retry_after:g} s RetryPolicy.max_retry_after allows",
                response=self.last,
                retry_after=asked,
            )
        return self.options.polling_interval if asked is None else asked

    def receive(self, response: httpx.Response) -> None:
        """Take the response to `next_url()`; raises when the operation failed."""
        self.last = response
        if not _is_success(response):
            raise_error(response, self.options.error_map, self.options.default_error)
        if self.final_url is not None:
            self.final_url, self.strategy = None, "done"
            return
        if self.strategy == "operation":
            self._receive_status_monitor(response)
        elif self.strategy == "location":
            self._receive_location(response)
        else:
            self._receive_resource(response)

    def _receive_status_monitor(self, response: httpx.Response) -> None:
        body = _json(response)
        if not isinstance(body, dict):
            raise HttpResponseError(
                "The status monitor of the long-running operation sent no status object",
                response=response,
            )
        status = body.get("status")
        if not isinstance(status, str):
            raise HttpResponseError(
                "The status monitor of the long-running operation sent no 'status'",
                response=response,
            )
        self.poll_url = _header_url(response, *_OPERATION_HEADERS) or self.poll_url
        self._set_status(status, response)
        if self.status == SUCCEEDED:
            self.final_url = self._final_get_url(body)
            self.strategy = "operation" if self.final_url is not None else "done"

    def _receive_location(self, response: httpx.Response) -> None:
        if response.status_code == 202:
            self.poll_url = _header_url(response, "location") or self.poll_url
            self.status = IN_PROGRESS
            return
        self.status, self.strategy = SUCCEEDED, "done"

    def _receive_resource(self, response: httpx.Response) -> None:
        if response.status_code == 202:
            self.status = IN_PROGRESS
            return
        if response.status_code == 204:
            self.status, self.strategy = SUCCEEDED, "done"
            return
        body = _json(response)
        if body is None:
            raise HttpResponseError(
                "The resource of the long-running operation was read without a body",
                response=response,
            )
        self._set_status(_provisioning_state(body) or SUCCEEDED, response)
        if self.status == SUCCEEDED:
            self.strategy = "done"

    def _set_status(self, status: str, response: httpx.Response) -> None:
        lowered = status.lower()
        if lowered in _FAILED:
            self.status = "Canceled" if lowered.startswith("cancel") else "Failed"
            self.strategy = "done"
            raise _failure(self.status, response, self.options)
        self.status = SUCCEEDED if lowered == "succeeded" else status

    def _final_get_url(self, body: dict[str, Any]) -> str | None:
        """Where the result is read once the status monitor says Succeeded (None: its body)."""
        via = self.options.final_state_via
        resource_location = body.get("resourceLocation")
        if not isinstance(resource_location, str) or not resource_location:
            resource_location = None
        elif self.last is not None:
            resource_location = urljoin(str(self.last.request.url), resource_location)
        if via in ("azure-async-operation", "operation-location"):
            return resource_location
        if via == "location":
            return self.location_url or resource_location
        if via == "original-uri":
            return self.initial_url
        method = self.options.method.upper()
        if method in ("PUT", "PATCH"):
            return self.initial_url
        if method == "POST":
            return self.location_url or resource_location
        return None

    # --- continuation tokens ------------------------------------------------------------------

    def token(self) -> str:
        data: dict[str, Any] = {
            "v": _TOKEN_VERSION,
            "operation": self.options.operation,
            "initial_url": self.initial_url,
            "strategy": self.strategy,
            "poll_url": self.poll_url,
            "location_url": self.location_url,
            "status": self.status,
            "final_url": self.final_url,
        }
        if self.done and self.last is not None:
            # A finished operation keeps its result: there may be nothing left to ask for it.
            data["result"] = {
                "status_code": self.last.status_code,
                "content_type": self.last.headers.get("content-type", ""),
                "body": base64.b64encode(self.last.content).decode("ascii"),
            }
        text = json.dumps(data, separators=(",", ":"), sort_keys=True)
        return base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii")

    @classmethod
    def from_token(cls, token: str, options: LroOptions, endpoint: str | None = None) -> LroState:
        """The state a token describes. With `endpoint` (the client's), every URL in the token
        must be on its host: a token is data from outside, and the requests it leads to carry the
        client's credentials."""
        data = _decode_token(token)
        if data.get("operation") != options.operation:
            raise ValueError(
                f"the continuation token is for {data.get('operation')!r}, "
                f"not {options.operation!r}"
            )
        state = cls(
            options,
            _text(data, "initial_url"),
            _text(data, "strategy"),
            poll_url=_optional_text(data, "poll_url"),
            location_url=_optional_text(data, "location_url"),
            status=_text(data, "status"),
            final_url=_optional_text(data, "final_url"),
        )
        if state.strategy not in ("operation", "location", "resource", "done"):
            raise ValueError("the continuation token names no known way to follow the operation")
        if state.done:
            state.last = _stored_result(data, state.initial_url)
        elif state.poll_url is None and state.final_url is None:
            raise ValueError("the continuation token has no URL to follow the operation with")
        if endpoint is not None:
            _check_origins(endpoint, state)
        return state


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _check_origins(endpoint: str, state: LroState) -> None:
    if "{" in endpoint:
        return  # a parameterized host: each operation names its own
    expected = _origin(endpoint)
    urls = (state.initial_url, state.poll_url, state.location_url, state.final_url)
    for url in (u for u in urls if u is not None):
        if _origin(url) != expected:
            raise ValueError(
                f"the continuation token leads to {_origin(url)[1]!r}, not to the client's "
                f"endpoint {expected[1]!r}"
            )


def _failure(status: str, response: httpx.Response, options: LroOptions) -> HttpResponseError:
    """The error of an operation that ended Failed or Canceled, with the error model when the
    body (or its `error` object, as status monitors send it) decodes into one."""
    try:
        body = response_json(response)
    except DeserializationError:
        body = None
    model = _error_model(body, options)
    error = body.get("error") if isinstance(body, dict) else None
    if not _has_details(model) and isinstance(error, dict):
        model = _error_model(error, options) or model
    message = f"The long-running operation ended with status '{status}'"
    if not _has_details(model) and isinstance(error, dict):
        message += f"\nCode: {error.get('code')}\nMessage: {error.get('message')}"
    return HttpResponseError(message, response=response, model=model)


def _error_model(body: Any, options: LroOptions) -> Any:
    if body is None or options.default_error is None:
        return None
    try:
        return options.default_error(body)
    except (DeserializationError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _has_details(model: Any) -> bool:
    if model is None:
        return False
    inner = getattr(model, "error", None)
    return any(
        getattr(m, name, None) is not None
        for m in (model, inner)
        if m is not None
        for name in ("code", "message")
    )


def _decode_token(token: str) -> dict[str, Any]:
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode("ascii")).decode("utf-8"))
    except (UnicodeError, binascii.Error, ValueError):
        raise ValueError("not a continuation token of a long-running operation") from None
    if not isinstance(data, dict) or data.get("v") != _TOKEN_VERSION:
        raise ValueError("not a continuation token of a long-running operation")
    return data


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise ValueError(f"the continuation token has no {key!r}")
    return value


def _optional_text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"the continuation token has an invalid {key!r}")
    return value


def _stored_result(data: Mapping[str, Any], url: str) -> httpx.Response:
    stored = data.get("result")
    if not isinstance(stored, dict) or not isinstance(stored.get("status_code"), int):
        raise ValueError("the continuation token of a finished operation has no result")
    try:
        content = base64.b64decode(_text(stored, "body"), validate=True)
    except binascii.Error:
        raise ValueError("the continuation token has an invalid result body") from None
    headers = {"content-type": _text(stored, "content_type")}
    return httpx.Response(
        stored["status_code"], headers=headers, content=content, request=httpx.Request("GET", url)
    )


class CookieCarrier:
    """The cookies the service set during one operation, sent back with each later request."""

    def __init__(self, base_url: str) -> None:
        self._base_url = base_url
        self._cookies = httpx.Cookies()

    def keep(self, response: httpx.Response) -> None:
        self._cookies.extract_cookies(response)

    def headers_for(self, url: str, extra: Mapping[str, str]) -> dict[str, str]:
        headers = {"Accept": "application/json", **extra}
        probe = httpx.Request("GET", absolute_url(self._base_url, url))
        self._cookies.set_cookie_header(probe)
        cookie = probe.headers.get("cookie")
        if cookie:
            headers["Cookie"] = cookie
        return headers


def max_retry_after(pipeline: object) -> float:
    """The longest Retry-After the pipeline's retry policy accepts."""
    policy = getattr(pipeline, "retry", None)
    return float(getattr(policy, "max_retry_after", math.inf))


def polling_timeout_error(timeout: float | None) -> PollingTimeoutError:
    return PollingTimeoutError(f"the long-running operation is still running after {timeout} s")
