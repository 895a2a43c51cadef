"""Building request URLs: path segments, query values and collection formats."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from types import UnionType
from typing import Any
from urllib.parse import quote, urljoin

from .dates import serialize_date, serialize_datetime, serialize_duration, serialize_time
from .errors import ValidationError
from .primitives import serialize_bytes

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_SEPARATORS = {
    "csv": ",",
    "ssv": " ",
    "tsv": "\t",
    "pipes": "|",
    # OpenAPI 3 style names for the same joins (explode: false).
    "simple": ",",
    "form": ",",
    "spaceDelimited": " ",
    "pipeDelimited": "|",
}


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _unencoded(value: str) -> str:
    """A value that goes into a URL as it is: a control character there cannot be sent."""
    found = _CONTROL.search(value)
    if found is not None:
        raise ValidationError(
            f"A value sent without URL encoding (x-ms-skip-url-encoding) contains the control "
            f"character {found.group()!r} at index {found.start()}"
        )
    return value


def quote_path(value: str, *, skip_encoding: bool = False) -> str:
    """Percent-encode everything but RFC 3986 unreserved characters, so "a b/c" -> "a%20b%2Fc"."""
    if skip_encoding:
        return _unencoded(value)
    return quote(value, safe="")


def _fill(template: str, values: Mapping[str, str]) -> str:
    def value_for(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValidationError(f"No value for the URL parameter {name!r}")
        return str(values[name])

    # One pass, so braces inside a substituted value are never read as another placeholder.
    return _PLACEHOLDER.sub(value_for, template)


def format_url(base_url: str, path_template: str, path_values: Mapping[str, str]) -> str:
    """Join `base_url` and the filled `path_template`; `path_values` must already be quoted.

    Placeholders in `base_url` (a parameterized host such as "https://{account}.example.com") are
    filled from the same values. A query string in `path_template` is kept.
    """
    path, question, query = path_template.partition("?")
    base = _fill(base_url, path_values).rstrip("/")
    path = _fill(path, path_values).lstrip("/")
    url = f"{base}/{path}" if path else base
    if question:
        url += "?" + _fill(query, path_values)
    return url


def append_raw_query(url: str, name: str, *values: str) -> str:
    """Add `name=value` pairs with the values as they are (x-ms-skip-url-encoding): the caller
    has encoded them already, or wants them sent unencoded."""
    pairs = "&".join(f"{quote(name, safe='')}={_unencoded(value)}" for value in values)
    if not pairs:
        return url
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{pairs}"


def _format_float(value: float) -> str:
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def _format_bool(value: bool) -> str:
    return "true" if value else "false"


# Order matters: bool before int-like checks, datetime before its base class date.
_QUERY_FORMATTERS: tuple[tuple[type[Any] | UnionType, Callable[[Any], str | None]], ...] = (
    (bool, _format_bool),
    (float, _format_float),
    (datetime, serialize_datetime),
    (date, serialize_date),
    (time, serialize_time),
    (timedelta, serialize_duration),
    (bytes | bytearray, lambda value: serialize_bytes(bytes(value))),
)


def to_query_value(value: Any) -> str:
    """A value's text in a query string or header; None (a null item of an array) is ""."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        value = value.value
    for kind, formatter in _QUERY_FORMATTERS:
        if isinstance(value, kind):
            return str(formatter(value))
    return str(value)


def _separator(fmt: str) -> str:
    separator = _SEPARATORS.get(fmt)
    if separator is None:
        known = ", ".join(sorted(_SEPARATORS))
        raise ValueError(f"Unknown collection format {fmt!r} (expected one of {known})")
    return separator


def format_collection(values: Sequence[Any], fmt: str) -> str:
    """Join values with the separator of a collection format: csv, ssv, tsv or pipes."""
    return _separator(fmt).join(to_query_value(value) for value in values)


def quote_path_collection(values: Sequence[Any], fmt: str, *, skip_encoding: bool = False) -> str:
    """A collection in a path: each item percent-encoded, the separators between them as a URI
    template writes them ("a b", "c" -> "a%20b,c": a comma is allowed in a path segment and
    tells the items apart from a comma inside one, "%2C"; a space, tab or bar is encoded)."""
    separator = _separator(fmt)
    items = [quote_path(to_query_value(value), skip_encoding=skip_encoding) for value in values]
    return (separator if skip_encoding else quote(separator, safe=",")).join(items)


def server_url(base_url: str, server: str) -> str:
    """An operation's relative server URL ("/v3", "upload") against the client's base URL."""
    return urljoin(base_url.rstrip("/") + "/", server).rstrip("/")


def merge_params(params: list[tuple[str, str]], extra: Mapping[str, str] | None) -> None:
    """Add a call's extra query parameters; one named like a parameter the method set replaces
    it (every value of that name)."""
    if not extra:
        return
    names = set(extra)
    params[:] = [(name, value) for name, value in params if name not in names]
    params.extend((name, str(value)) for name, value in extra.items())


def endpoint_or_base_url(endpoint: str, base_url: str | None, default: str) -> str:
    """The service URL of a client that takes azure-mgmt's `base_url` as another name for
    `endpoint`; giving both (an endpoint other than the default) is refused."""
    if base_url is None:
        return endpoint
    if endpoint != default:
        raise TypeError("give the service URL as endpoint= or as base_url=, not both")
    return base_url
