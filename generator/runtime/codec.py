"""The one runtime module generated models and operations import (as `_s`).

It gathers the serialization, URL and error helpers and adds the small combinators the generated
straight-line code is written with: decoders and encoders for lists, dictionaries, models and enums.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import httpx

from .content import (
    AsyncResponseStream,
    RawBody,
    ResponseStream,
    encode_body,
    header_value,
    is_json_media,
    merge_headers,
    raw_content,
    response_text,
)
from .dates import (
    deserialize_date,
    deserialize_datetime,
    deserialize_duration,
    deserialize_rfc1123,
    deserialize_time,
    deserialize_unixtime,
    serialize_date,
    serialize_datetime,
    serialize_duration,
    serialize_rfc1123,
    serialize_time,
    serialize_unixtime,
)
from .enums import (
    ExtensibleFloatEnum,
    ExtensibleIntEnum,
    ExtensibleStrEnum,
    deserialize_enum,
    serialize_enum,
)
from .errors import DeserializationError, raise_for_response
from .fields import (
    NULL,
    KnownTree,
    additional_fields,
    get_path,
    merge_additional,
    merge_unknown,
    serialize_any,
    set_path,
    subtype,
    unknown_fields,
)
from .forms import FilePart, FormFile, form_file, json_part
from .primitives import (
    deserialize_base64url,
    deserialize_bool,
    deserialize_bytes,
    deserialize_decimal,
    deserialize_float,
    deserialize_int,
    deserialize_str,
    serialize_base64url,
    serialize_bytes,
    serialize_decimal,
)
from .urls import (
    append_raw_query,
    format_collection,
    format_url,
    quote_path,
    to_query_value,
)
from .validation import check, validate_nested

__all__ = [
    "NULL",
    "AsyncResponseStream",
    "ExtensibleFloatEnum",
    "ExtensibleIntEnum",
    "ExtensibleStrEnum",
    "FilePart",
    "FormFile",
    "KnownTree",
    "RawBody",
    "ResponseStream",
    "additional_fields",
    "append_raw_query",
    "as_required",
    "check",
    "deserialize_base64url",
    "deserialize_bool",
    "deserialize_bytes",
    "deserialize_date",
    "deserialize_datetime",
    "deserialize_decimal",
    "deserialize_duration",
    "deserialize_float",
    "deserialize_int",
    "deserialize_rfc1123",
    "deserialize_str",
    "deserialize_time",
    "deserialize_unixtime",
    "dict_of",
    "encode_body",
    "enum_decoder",
    "form_file",
    "format_collection",
    "format_host",
    "format_url",
    "get_path",
    "header_value",
    "identity",
    "is_json_media",
    "json_part",
    "keep_value",
    "list_of",
    "merge_additional",
    "merge_headers",
    "merge_unknown",
    "model_decoder",
    "model_encoder",
    "put",
    "quote_path",
    "raise_error",
    "raw_content",
    "response_json",
    "response_text",
    "serialize_any",
    "serialize_base64url",
    "serialize_bytes",
    "serialize_date",
    "serialize_datetime",
    "serialize_decimal",
    "serialize_duration",
    "serialize_enum",
    "serialize_rfc1123",
    "serialize_time",
    "serialize_unixtime",
    "subtype",
    "to_query_value",
    "unknown_fields",
    "validate_nested",
]

Codec = Callable[[Any], Any]
_E = TypeVar("_E")
_T = TypeVar("_T")


class _Model(Protocol):
    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]: ...


class _ModelClass(Protocol):
    def from_dict(self, data: Mapping[str, Any], /) -> Any: ...


def identity(value: Any) -> Any:
    return value


def as_required(value: _T | None) -> _T:
    """A required property, as the service sent it.

    The service is trusted to send what the spec requires; when it does not, the attribute is
    None rather than the whole response failing to decode.
    """
    return value  # type: ignore[return-value]


@functools.cache
def list_of(item: Codec) -> Codec:
    """A codec for a JSON array whose items `item` converts; None stays None."""

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, list | tuple):
            raise DeserializationError(f"expected an array, got {type(value).__name__}")
        return [item(v) for v in value]

    return convert


@functools.cache
def dict_of(item: Codec) -> Codec:
    """A codec for a JSON object whose values `item` converts; None stays None."""

    def convert(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise DeserializationError(f"expected an object, got {type(value).__name__}")
        return {k: item(v) for k, v in value.items()}

    return convert


@functools.cache
def model_decoder(cls: _ModelClass) -> Codec:
    def decode(value: Any) -> Any:
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise DeserializationError(f"expected an object, got {type(value).__name__}")
        return cls.from_dict(value)

    return decode


@functools.cache
def model_encoder(exclude_readonly: bool) -> Codec:
    def encode(value: _Model | None) -> Any:
        return None if value is None else value.to_dict(exclude_readonly=exclude_readonly)

    return encode


@functools.cache
def enum_decoder(cls: type[_E]) -> Callable[[Any], _E | None]:
    def decode(value: Any) -> _E | None:
        return deserialize_enum(cls, value)  # type: ignore[type-var]

    return decode


def put(
    target: dict[str, Any],
    path: tuple[str, ...],
    value: Any,
    encode: Codec | None = None,
    *,
    null: bool = False,
) -> None:
    """Set `path` in `target` to `encode(value)`.

    None means absent and is left out, unless `null` is true (a property both required and
    nullable, where None can only mean null); `NULL` is always sent as null.
    """
    if value is NULL or (value is None and null):
        set_path(target, path, None)
    elif value is not None:
        set_path(target, path, value if encode is None else encode(value))


def keep_value(model: object, name: str, value: Any) -> None:
    """Set attribute `name` when the wire gave a value (a discriminator value the class does not
    fix, when no subclass claims it)."""
    if value is not None:
        setattr(model, name, value)


def response_json(response: httpx.Response) -> Any:
    """The JSON body of a response; None for an empty body."""
    if not response.content:
        return None
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeserializationError(f"the response body is not valid JSON: {exc}") from None


def raise_error(
    response: httpx.Response, decoders: Mapping[int, Codec], default: Codec | None
) -> None:
    """Raise the HttpResponseError for an error response, with the error model when it parses."""
    decoder = decoders.get(response.status_code, default)
    model: Any = None
    if decoder is not None:
        try:
            model = decoder(response_json(response))
        except (DeserializationError, ValueError, TypeError, KeyError, AttributeError):
            model = None
    raise_for_response(response, model)


def format_host(template: str, values: Mapping[str, Any]) -> str:
    """Fill a parameterized host template ("{accountName}{host}") with the client's values."""
    result = template
    for name, value in values.items():
        result = result.replace("{" + name + "}", "" if value is None else str(value))
    return result
