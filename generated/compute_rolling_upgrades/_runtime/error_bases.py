"""What the client's exceptions derive from besides their own hierarchy: azure-core's exception
of the same name when azure-core is installed (`SdkError` from `AzureError`), so that code
written for Azure SDKs (`except azure.core.exceptions.HttpResponseError`) catches them. Without
azure-core they derive from Exception alone; httpx stays the only dependency.

This version replaces `runtime/error_bases.py` in packages generated with the Azure
compatibility surface. It also gives every HttpResponseError an `error` attribute, as azure-core's
has: the service's error (`code`, `message`, `target`, `details`, `innererror`) read from an
ARM/OData error body, or None.
"""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, Any


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
    BaseClientAuthenticationError = Exception
    BaseDecodeError = Exception
    BaseResourceExistsError = Exception
    BaseResourceModifiedError = Exception
    BaseResourceNotFoundError = Exception
    BaseResourceNotModifiedError = Exception
    BaseSdkError = Exception
    BaseServiceRequestError = Exception
    BaseServiceResponseError = Exception

    class BaseHttpResponseError(Exception):
        error: ServiceErrorDetails | Any | None

else:
    BaseClientAuthenticationError = _also("ClientAuthenticationError")
    BaseDecodeError = _also("DecodeError")
    BaseSdkError = _also("AzureError")
    BaseHttpResponseError = _also("HttpResponseError")
    BaseResourceExistsError = _also("ResourceExistsError")
    BaseResourceModifiedError = _also("ResourceModifiedError")
    BaseResourceNotFoundError = _also("ResourceNotFoundError")
    BaseResourceNotModifiedError = _also("ResourceNotModifiedError")
    BaseServiceRequestError = _also("ServiceRequestError")
    BaseServiceResponseError = _also("ServiceResponseError")


class ServiceErrorDetails:
    """The service's error as an ARM/OData error body gives it (azure-core absent)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.code: str | None = _text(data.get("code"))
        self.message: str | None = _text(data.get("message"))
        self.target: str | None = _text(data.get("target"))
        details = data.get("details")
        self.details: list[ServiceErrorDetails] = (
            [ServiceErrorDetails(d) for d in details or () if isinstance(d, dict)]
            if isinstance(details, list)
            else []
        )
        innererror = data.get("innererror")
        self.innererror: dict[str, Any] = innererror if isinstance(innererror, dict) else {}

    def __str__(self) -> str:
        return f"({self.code}) {self.message}"

    def __repr__(self) -> str:
        return f"ServiceErrorDetails(code={self.code!r}, message={self.message!r})"


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _error_object(body: object) -> dict[str, Any] | None:
    if not isinstance(body, dict):
        return None
    inner = body.get("error")
    found = inner if isinstance(inner, dict) else body
    return found if "code" in found or "message" in found else None


def _json_body(response: Any) -> object:
    try:
        return json.loads(response.content) if response.content else None
    except Exception:  # not read, not JSON: no error object
        return None


def describe(error: Any, response: Any) -> None:
    """Set `error.error` from the response's JSON body: azure-core's ODataV4Format when
    azure-core is installed, else ServiceErrorDetails; None for a body that is no error object."""
    data = None if response is None else _error_object(_json_body(response))
    if data is None:
        error.error = None
        return
    odata = getattr(_AZURE, "ODataV4Format", None)
    if odata is not None:
        try:
            error.error = odata({"error": data})
            return
        except Exception:  # a body azure-core cannot read is described by ours
            pass
    error.error = ServiceErrorDetails(data)
