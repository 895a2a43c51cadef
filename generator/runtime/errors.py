"""Exceptions raised by the client.

Every exception derives from `SdkError`. Messages never contain credentials: bodies quoted in
messages are scrubbed of the secret header and query values of the request that produced them.

Besides their own hierarchy they derive from what `error_bases` gives: nothing more, or in
packages generated with the Azure compatibility surface azure-core's exception of the same name
when azure-core is installed. `.response` is the `httpx.Response` either way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from . import error_bases as _bases
from .redaction import Redactor

if TYPE_CHECKING:
    # Only for annotations: models import this module, and httpx waits for the first request.
    import httpx

_MAX_BODY_CHARS = 2048
_M = TypeVar("_M")


class SdkError(_bases.BaseSdkError):
    """Base class of every exception the client raises."""

    def __init__(self, message: str | None = None) -> None:
        self.message = message if message is not None else type(self).__name__
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ServiceRequestError(SdkError, _bases.BaseServiceRequestError):
    """The request could not be sent (connection refused, DNS failure, connect or write timeout)."""


class ServiceResponseError(SdkError, _bases.BaseServiceResponseError):
    """The request was sent but no full response came back (dropped connection, read timeout)."""


class CallTimeoutError(ServiceResponseError, TimeoutError):
    """The call did not end within its deadline (the client's `call_timeout`), counting every
    attempt, the waits between them, and the reading of each response."""


class PagingLoopError(SdkError):
    """A listing's next link leads to a page the listing has already read, so paging would never
    end."""


class PollingTimeoutError(SdkError, TimeoutError):
    """A long-running operation was still running when the time given to wait for it ran out."""


class ValidationError(SdkError, ValueError):
    """An argument was rejected on the client side, before anything was sent."""


class DeserializationError(SdkError, ValueError):
    """A value could not be converted from its wire form."""


class HttpResponseError(SdkError, _bases.BaseHttpResponseError):
    """The service answered with a status the operation does not expect."""

    def __init__(
        self,
        message: str | None = None,
        *,
        response: httpx.Response | None = None,
        model: object | None = None,
    ) -> None:
        reason = _reason(response)
        if message is None:
            message = f"Operation returned an invalid status '{reason or 'Unknown'}'"
        details = _code_and_message(model)
        if details is not None:
            message += f"\nCode: {details[0]}\nMessage: {details[1]}"
        super().__init__(_scrub(message, response))
        # Set after the base classes' __init__: azure-core's resets them from its own arguments.
        self.response = response
        self.model = model
        self.status_code: int | None = response.status_code if response is not None else None
        self.reason: str | None = reason
        _bases.describe(self, response)

    def model_as(self, model_class: type[_M]) -> _M | None:
        """The error body as `model_class` (the error model the spec gives the operation), typed
        as such; None when the body was not one (no body, another model, or a body that did not
        fit): `err.model_as(models.CloudError)`."""
        return self.model if isinstance(self.model, model_class) else None


class ResourceNotFoundError(HttpResponseError, _bases.BaseResourceNotFoundError):
    """404 Not Found."""


class ResourceExistsError(HttpResponseError, _bases.BaseResourceExistsError):
    """409 Conflict."""


class ClientAuthenticationError(HttpResponseError, _bases.BaseClientAuthenticationError):
    """401 Unauthorized or 403 Forbidden."""


class ResourceModifiedError(HttpResponseError, _bases.BaseResourceModifiedError):
    """412 Precondition Failed: the resource changed since the given ETag."""


class ResourceNotModifiedError(HttpResponseError, _bases.BaseResourceNotModifiedError):
    """304 Not Modified."""


class DecodeError(HttpResponseError, _bases.BaseDecodeError):
    """The response body does not have the shape the API description promises."""


class RetryAfterTooLongError(HttpResponseError):
    """The service asked the client to wait longer than `RetryPolicy.max_retry_after` before
    asking again; `retry_after` is the wait it asked for, in seconds."""

    def __init__(
        self, message: str | None = None, *, response: httpx.Response, retry_after: float
    ) -> None:
        self.retry_after = retry_after
        super().__init__(message, response=response)


class ResponseTooLargeError(HttpResponseError):
    """A response body is larger than the client's `max_response_size` (counted after
    decompression); reading stopped there."""


_ERRORS_BY_STATUS: dict[int, type[HttpResponseError]] = {
    304: ResourceNotModifiedError,
    401: ClientAuthenticationError,
    403: ClientAuthenticationError,
    404: ResourceNotFoundError,
    409: ResourceExistsError,
    412: ResourceModifiedError,
}


def error_for_status(status_code: int) -> type[HttpResponseError]:
    return _ERRORS_BY_STATUS.get(status_code, HttpResponseError)


def raise_for_response(
    response: httpx.Response,
    model: object | None,
    error_map: Mapping[int, type[Exception]] | None = None,
) -> NoReturn:
    """Raise the exception matching the response's status, or the class `error_map` names for it.

    Without an error model, or with one that holds no code or message (the body did not have the
    model's shape), the (truncated) body is quoted, so the message still says what went wrong.
    """
    error_cls = error_for_status(response.status_code)
    message = None
    if _code_and_message(model) is None:
        body = _body_excerpt(response)
        if body:
            message = f"Operation returned an invalid status '{_reason(response)}'\nContent: {body}"
    mapped = (error_map or {}).get(response.status_code)
    if mapped is not None:
        error_cls = _mapped_class(mapped, error_cls)
    raise error_cls(message, response=response, model=model)


_MAPPED: dict[tuple[type[Exception], type[HttpResponseError]], type[HttpResponseError]] = {}


def _mapped_class(
    wanted: type[Exception], ours: type[HttpResponseError]
) -> type[HttpResponseError]:
    """The class to raise for a caller's `error_map` entry: `wanted` itself when it is one of
    ours; otherwise a subclass of both `wanted` and `ours`, so that `except wanted` and
    `except HttpResponseError` both catch it and it has our attributes (its __init__ is ours,
    as `wanted`'s may expect another kind of response). A class that cannot be combined with
    ours (a conflicting layout) leaves ours."""
    if issubclass(wanted, HttpResponseError):
        return wanted
    key = (wanted, ours)
    found = _MAPPED.get(key)
    if found is None:
        try:
            found = type(wanted.__name__, (ours, wanted), {"__module__": wanted.__module__})
        except TypeError:
            found = ours
        _MAPPED[key] = found
    return found


def _reason(response: httpx.Response | None) -> str | None:
    if response is None:
        return None
    if response.reason_phrase:
        return response.reason_phrase
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return str(response.status_code)


def _body_excerpt(response: httpx.Response) -> str:
    try:
        text = response.text
    except _httpx().ResponseNotRead:
        return ""
    # Scrub before truncating: a secret cut in half by the truncation would no longer match.
    text = _scrub(text, response)
    if len(text) > _MAX_BODY_CHARS:
        text = text[:_MAX_BODY_CHARS] + "... (truncated)"
    return text


def _scrub(text: str, response: httpx.Response | None) -> str:
    """Remove the request's secret values, in case the service echoed them back, and the values
    of secret-looking properties of a JSON body (a key or token the service returned), wherever
    they appear."""
    if response is None:
        return text
    try:
        request = response.request
    except RuntimeError:
        return text
    redactor = Redactor.for_request(request)
    secrets = redactor.secret_values(request) + redactor.secret_values_in(_json_body(response))
    return redactor.scrub(text, secrets)


def _json_body(response: httpx.Response) -> object:
    try:
        return json.loads(response.content) if response.content else None
    except (_httpx().ResponseNotRead, ValueError):
        return None


def _field(source: object, name: str) -> object:
    if isinstance(source, dict):
        return source.get(name)
    return getattr(source, name, None)


def _code_and_message(model: object | None) -> tuple[str, str] | None:
    """Find the service's error code and message: on `model.error` (the common envelope) or on
    `model` itself."""
    if model is None:
        return None
    for candidate in (_field(model, "error"), model):
        if candidate is None:
            continue
        code, text = _field(candidate, "code"), _field(candidate, "message")
        if code is not None or text is not None:
            return ("" if code is None else str(code), "" if text is None else str(text))
    return None


def _httpx() -> Any:
    """httpx, imported when an error response is read (a response means it is loaded already)."""
    import httpx

    return httpx
