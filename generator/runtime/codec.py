"""The one runtime module generated models and operations import (as `_s`).

It gathers the serialization, URL and error helpers and adds the small combinators the generated
straight-line code is written with: decoders and encoders for lists, dictionaries, models and enums.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import reprlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .content import (
    AsyncResponseStream,
    RawBody,
    ResponseStream,
    UnexpectedContentTypeError,
    cookie_header,
    encode_body,
    header_value,
    is_json_media,
    merge_headers,
    raw_content,
    response_kind,
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
    unknown_keys,
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
from .unions import (
    ANY_MEMBER,
    Shape,
    UnionCodec,
    constant_member,
    dict_member,
    enum_member,
    list_member,
    model_member,
    primitive_member,
    union_member,
    union_of,
)
from .urls import (
    append_raw_query,
    endpoint_or_base_url,
    format_collection,
    format_url,
    merge_params,
    quote_path,
    quote_path_collection,
    server_url,
    to_query_value,
)
from .validation import check, validate_nested

if TYPE_CHECKING:
    # Only for annotations: models import this module, and httpx waits for the first request.
    import httpx

__all__ = [
    "ANY_MEMBER",
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
    "Shape",
    "UnexpectedContentTypeError",
    "UnionCodec",
    "additional_fields",
    "append_raw_query",
    "as_required",
    "check",
    "constant_member",
    "container",
    "cookie_header",
    "decode_enum",
    "decode_model",
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
    "dict_member",
    "dict_of",
    "either",
    "encode_body",
    "endpoint_or_base_url",
    "enum_decoder",
    "enum_member",
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
    "level",
    "list_member",
    "list_of",
    "merge_additional",
    "merge_headers",
    "merge_params",
    "merge_unknown",
    "model_decoder",
    "model_encoder",
    "model_member",
    "model_repr",
    "primitive_member",
    "put",
    "quote_path",
    "quote_path_collection",
    "raise_error",
    "raw_content",
    "response_json",
    "response_kind",
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
    "server_url",
    "subtype",
    "to_query_value",
    "union_member",
    "union_of",
    "unknown_fields",
    "unknown_keys",
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


def decode_model(cls: _ModelClass, value: Any) -> Any:
    """`cls.from_dict(value)` for a JSON object, None for None; anything else is an error.

    Generated code calls `from_dict` itself for the common case (a dict) and this for the rest.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise DeserializationError(f"expected an object, got {type(value).__name__}")
    return cls.from_dict(value)


def decode_enum(cls: type[Any], value: Any) -> Any:
    """The member of enum `cls` for `value`: a listed string is one dictionary look-up."""
    if type(value) is str:
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
    return deserialize_enum(cls, value)


_EMPTY: Mapping[str, Any] = {}


def container(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """The object at `key` that flattened properties are read from; empty when absent or not an
    object, so each property inside is read with one `.get`."""
    value = data.get(key)
    if type(value) is dict or isinstance(value, Mapping):
        return value
    return _EMPTY


def level(target: dict[str, Any], key: str) -> dict[str, Any]:
    """The object at `key` that flattened properties are written into, created (or replacing a
    non-object) on first use."""
    value = target.get(key)
    if type(value) is not dict:
        value = {}
        target[key] = value
    return value


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


@reprlib.recursive_repr()
def model_repr(model: Any) -> str:
    """`Name(field=value, ...)` of a model with only the fields that are set: a large model
    with a few properties given prints those few, not every other one as None."""
    shown = []
    for f in dataclasses.fields(model):
        value = getattr(model, f.name, None)
        if not f.repr or value is None or (value == {} and f.default_factory is dict):
            continue
        shown.append(f"{f.name}={value!r}")
    return f"{type(model).__qualname__}({', '.join(shown)})"


def response_json(response: httpx.Response) -> Any:
    """The JSON body of a response; None for an empty body."""
    if not response.content:
        return None
    try:
        return response.json()
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DeserializationError(f"the response body is not valid JSON: {exc}") from None


def raise_error(
    response: httpx.Response,
    decoders: Mapping[int, Codec],
    default: Codec | None,
    error_map: Mapping[int, type[Exception]] | None = None,
) -> None:
    """Raise the HttpResponseError for an error response, with the error model when it parses;
    `error_map` (the caller's) names the exception class for some statuses."""
    decoder = decoders.get(response.status_code, default)
    model: Any = None
    if decoder is not None:
        try:
            model = decoder(response_json(response))
        except (DeserializationError, ValueError, TypeError, KeyError, AttributeError):
            model = None
    raise_for_response(response, model, error_map)


def either(name: str, value: _T | None, alias_name: str, alias: _T | None) -> _T | None:
    """The value of an argument that has two names; giving both is refused."""
    if alias is None:
        return value
    if value is not None:
        raise TypeError(f"give {name} or {alias_name}, not both")
    return alias


def format_host(template: str, values: Mapping[str, Any]) -> str:
    """Fill a parameterized host template ("{accountName}{host}") with the client's values."""
    result = template
    for name, value in values.items():
        result = result.replace("{" + name + "}", "" if value is None else str(value))
    return result
