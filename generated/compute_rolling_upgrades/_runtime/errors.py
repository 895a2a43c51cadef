"""Exceptions raised by the client.

Every exception derives from `SdkError`. Messages never contain credentials: bodies quoted in
messages are scrubbed of the secret header and query values of the request that produced them.

When azure-core is installed, each exception also derives from azure-core's exception of the
same name (`SdkError` from `AzureError`), so code written for Azure SDKs
(`except azure.core.exceptions.HttpResponseError`) catches them; httpx stays the only dependency.
`.response` is the `httpx.Response` either way.
"""

from __future__ import annotations

import importlib
import json
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from .redaction import Redactor

if TYPE_CHECKING:
    # Only for annotations: models import this module, and httpx waits for the first request.
    import httpx

_MAX_BODY_CHARS = 2048
_M = TypeVar("_M")


def _azure_core_exceptions() -> Any:
    # Looked up by name, so that type checkers do not need azure-core to be installed.
    try:
        return importlib.import_module("azure.core.exceptions")
    except ImportError:
        return None


_AZURE = _azure_core_exceptions()


def _also(name: str) -> type[Exception]:
    """azure-core's exception `name`, or Exception (already a base) without azure-core."""
    found = getattr(_AZURE, name, None)
    return found if isinstance(found, type) and issubclass(found, Exception) else Exception


if TYPE_CHECKING:  # to type checkers the bases are Exception, whether azure-core is there or not
    from builtins import Exception as _AzureClientAuthenticationError
    from builtins import Exception as _AzureDecodeError
    from builtins import Exception as _AzureError
    from builtins import Exception as _AzureHttpResponseError
    from builtins import Exception as _AzureResourceExistsError
    from builtins import Exception as _AzureResourceModifiedError
    from builtins import Exception as _AzureResourceNotFoundError
    from builtins import Exception as _AzureResourceNotModifiedError
    from builtins import Exception as _AzureServiceRequestError
    from builtins import Exception as _AzureServiceResponseError
else:
    _AzureClientAuthenticationError = _also("ClientAuthenticationError")
    _AzureDecodeError = _also("DecodeError")
    _AzureError = _also("AzureError")
    _AzureHttpResponseError = _also("HttpResponseError")
    _AzureResourceExistsError = _also("ResourceExistsError")
    _AzureResourceModifiedError = _also("ResourceModifiedError")
    _AzureResourceNotFoundError = _also("ResourceNotFoundError")
    _AzureResourceNotModifiedError = _also("ResourceNotModifiedError")
    _AzureServiceRequestError = _also("ServiceRequestError")
    _AzureServiceResponseError = _also("ServiceResponseError")


class SdkError(_AzureError):
    """Base class of every exception the client raises."""

    def __init__(self, message: str | None = None) -> None:
        self.message = message if message is not None else type(self).__name__
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class ServiceRequestError(SdkError, _AzureServiceRequestError):
    """The request could not be sent (connection refused, DNS failure, connect or write timeout)."""


class ServiceResponseError(SdkError, _AzureServiceResponseError):
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


class HttpResponseError(SdkError, _AzureHttpResponseError):
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

    def model_as(self, model_class: type[_M]) -> _M | None:
        """The error body as `model_class` (the error model the spec gives the operation), typed
        as such; None when the body was not one (no body, another model, or a body that did not
        fit): `err.model_as(models.CloudError)`."""
        return self.model if isinstance(self.model, model_class) else None


class ResourceNotFoundError(HttpResponseError, _AzureResourceNotFoundError):
    """404 Not Found."""


class ResourceExistsError(HttpResponseError, _AzureResourceExistsError):
    """409 Conflict."""


class ClientAuthenticationError(HttpResponseError, _AzureClientAuthenticationError):
    """401 Unauthorized or 403 Forbidden."""


class ResourceModifiedError(HttpResponseError, _AzureResourceModifiedError):
    """412 Precondition Failed: the resource changed since the given ETag."""


class ResourceNotModifiedError(HttpResponseError, _AzureResourceNotModifiedError):
    """304 Not Modified."""


class DecodeError(HttpResponseError, _AzureDecodeError):
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


def raise_for_response(response: httpx.Response, model: object | None) -> NoReturn:
    """Raise the exception matching the response's status.

    Without an error model, or with one that holds no code or message (the body did not have the
    model's shape), the (truncated) body is quoted, so the message still says what went wrong.
    """
    error_cls = error_for_status(response.status_code)
    message = None
    if _code_and_message(model) is None:
        body = _body_excerpt(response)
        if body:
            message = f"Operation returned an invalid status '{_reason(response)}'\nContent: {body}"
    raise error_cls(message, response=response, model=model)


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
