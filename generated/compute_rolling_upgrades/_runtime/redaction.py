"""Keeping secrets out of logs and error messages.

A header or query parameter is secret when its (case-insensitive) name is in the default set, in the
names a pipeline was given, or contains a marker such as "secret" or "token". Pipelines record the
extra names on each request (under `REDACT_EXTENSION`) so that errors raised later, far from the
pipeline, can scrub the same values.

Logs go further for headers: only the values of well-known headers that never carry credentials or
personal data are shown; every other header is logged by name with its value redacted.

The HTTP libraries underneath log too (httpx writes each request's full URL at INFO, query API key
included; httpcore writes response headers at DEBUG). While a pipeline sends a request, the secret
values of that request are in a context variable, and a filter on those libraries' loggers removes
them from every record before any handler sees it.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING
from urllib.parse import quote, quote_plus, unquote, urlsplit, urlunsplit

if TYPE_CHECKING:
    # Only for annotations: models import this module, and httpx waits for the first request.
    import httpx

REDACTED = "REDACTED"
REDACT_EXTENSION = "sdkforge.redact"

_SECRET_NAMES = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "cookie",
        "set-cookie",
        "sig",
        "code",
        "ocp-apim-subscription-key",
    }
)
# Substrings that mark a name as secret; broad on purpose, since a redacted harmless value costs
# little and a leaked credential costs a lot.
_SECRET_MARKERS = (
    "secret",
    "token",
    "password",
    "passwd",
    "apikey",
    "api-key",
    "api_key",
    "key",
    "signature",
    "credential",
    "auth",
    "connectionstring",
    "connection-string",
    "connection_string",
)
# Headers whose values are logged; anything else (custom headers included) is logged as REDACTED.
_LOGGED_HEADERS = frozenset(
    {
        "accept",
        "accept-encoding",
        "cache-control",
        "connection",
        "content-encoding",
        "content-length",
        "content-type",
        "date",
        "etag",
        "expires",
        "if-match",
        "if-modified-since",
        "if-none-match",
        "if-unmodified-since",
        "last-modified",
        "pragma",
        "request-id",
        "retry-after",
        "retry-after-ms",
        "server",
        "traceparent",
        "transfer-encoding",
        "user-agent",
        "x-ms-client-request-id",
        "x-ms-correlation-request-id",
        "x-ms-error-code",
        "x-ms-request-id",
        "x-ms-retry-after-ms",
        "x-ms-return-client-request-id",
        "x-ms-routing-request-id",
        "x-ms-version",
    }
)
# Shorter values would be scrubbed out of unrelated text (a secret named "code" may hold "1").
_MIN_SCRUB_LENGTH = 4
# The loggers of the libraries a pipeline sends with (httpx, and httpcore, h2 and hpack below it).
# A filter on a logger applies only to records created on that very logger, so each is named.
_LIBRARY_LOGGERS = (
    "httpx",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
    "h2.connection",
    "hpack.hpack",
    "hpack.table",
)
_CALL_SECRETS: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar(
    "sdkforge_call_secrets", default=()
)


class Redactor:
    """Decides which names are secret and removes their values from text."""

    def __init__(self, extra_names: Iterable[str] = ()) -> None:
        self.extra_names = frozenset(name.lower() for name in extra_names)

    @classmethod
    def for_request(cls, request: httpx.Request) -> Redactor:
        names = request.extensions.get(REDACT_EXTENSION, ())
        return cls(names if isinstance(names, frozenset) else ())

    def is_secret(self, name: str) -> bool:
        lowered = name.lower()
        if lowered in _SECRET_NAMES or lowered in self.extra_names:
            return True
        return any(marker in lowered for marker in _SECRET_MARKERS)

    def url(self, url: str | httpx.URL) -> str:
        parts = urlsplit(str(url))
        netloc = parts.netloc
        if "@" in netloc:
            netloc = f"{REDACTED}@{netloc.rpartition('@')[2]}"
        query = "&".join(self._query_item(item) for item in parts.query.split("&") if item)
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))

    def _query_item(self, item: str) -> str:
        name, equals, _ = item.partition("=")
        if equals and self.is_secret(unquote(name)):
            return f"{name}={REDACTED}"
        return item

    def headers(self, headers: Mapping[str, str] | httpx.Headers) -> dict[str, str]:
        """Headers as they may be logged: values of well-known, non-secret headers only."""
        return {
            name.lower(): value if self._loggable(name) else REDACTED
            for name, value in headers.items()
        }

    def _loggable(self, name: str) -> bool:
        lowered = name.lower()
        return lowered in _LOGGED_HEADERS and lowered not in self.extra_names

    def secret_values(self, request: httpx.Request) -> list[str]:
        values: list[str] = []
        for name, value in request.headers.items():
            if self.is_secret(name):
                values.append(value)
                # "Bearer <token>": the token alone may be echoed without its scheme.
                values.append(value.partition(" ")[2])
        for name, value in request.url.params.multi_items():
            if self.is_secret(name):
                values.append(value)
        if request.url.password:
            values.append(request.url.password)
        return [value for value in values if len(value) >= _MIN_SCRUB_LENGTH]

    def log_secrets(self, request: httpx.Request) -> tuple[str, ...]:
        """Every spelling in which a secret of `request` could appear in a library's log line:
        as sent, decoded, and percent-encoded."""
        values = set(self.secret_values(request))
        for item in request.url.query.decode("ascii", errors="replace").split("&"):
            name, _, value = item.partition("=")
            if self.is_secret(unquote(name)) and len(value) >= _MIN_SCRUB_LENGTH:
                values.add(value)
        values |= {quote(value, safe="") for value in set(values)}
        values |= {quote_plus(value, safe="") for value in set(values)}
        return tuple(values)

    def _is_secret_property(self, name: str) -> bool:
        """Names such as "code" are secret in a URL (an OAuth code) but not in a JSON body."""
        lowered = name.lower()
        return lowered in self.extra_names or any(m in lowered for m in _SECRET_MARKERS)

    def secret_values_in(self, data: object) -> list[str]:
        """String values held under secret-looking names anywhere in decoded JSON."""
        found: list[str] = []
        pending = [data]
        while pending:
            item = pending.pop()
            if isinstance(item, dict):
                for name, value in item.items():
                    if isinstance(value, str) and self._is_secret_property(str(name)):
                        found.append(value)
                    else:
                        pending.append(value)
            elif isinstance(item, list):
                pending.extend(item)
        return [value for value in found if len(value) >= _MIN_SCRUB_LENGTH]

    @staticmethod
    def scrub(text: str, secrets: Iterable[str]) -> str:
        # Longest first, so a secret that contains another one is removed whole.
        for secret in sorted(set(secrets), key=len, reverse=True):
            text = text.replace(secret, REDACTED)
        return text


class _ScrubSecrets(logging.Filter):
    """Removes the secrets of the request being sent from a library's log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        secrets = _CALL_SECRETS.get()
        if secrets:
            message = record.getMessage()
            clean = Redactor.scrub(message, secrets)
            if clean != message:
                record.msg, record.args = clean, ()
        return True


_FILTER = _ScrubSecrets()


def guard_library_logs() -> None:
    """Put the scrubbing filter on the HTTP libraries' loggers (once)."""
    for name in _LIBRARY_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


@contextlib.contextmanager
def secrets_in_flight(secrets: tuple[str, ...]) -> Iterator[None]:
    """Scrub `secrets` from library log records created in the block."""
    token = _CALL_SECRETS.set(secrets)
    try:
        yield
    finally:
        _CALL_SECRETS.reset(token)
