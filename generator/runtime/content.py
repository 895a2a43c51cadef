"""Request and response payloads that are not plain JSON: raw bytes, text, files and streams, the
choice between JSON and raw content by media type, and typed response headers."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeAlias
from urllib.parse import quote

from .errors import DeserializationError, ValidationError

if TYPE_CHECKING:
    # Only for annotations: models import this module, and httpx waits for the first request.
    import httpx

RawContent = bytes | str | Iterable[bytes]
# What a method taking raw content accepts: bytes, text, a binary file, or chunks of bytes.
RawBody: TypeAlias = bytes | str | IO[bytes] | Iterable[bytes]
_CHUNK_SIZE = 64 * 1024
_JSON_SUFFIX = "+json"


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def media_type(content_type: str) -> str:
    """ "Text/Plain; charset=UTF-8" -> "text/plain"."""
    return content_type.split(";", 1)[0].strip().lower()


def is_json_media(content_type: str) -> bool:
    base = media_type(content_type)
    return base in ("application/json", "text/json") or base.endswith(_JSON_SUFFIX)


def _is_raw(value: Any, *, text_is_raw: bool) -> bool:
    """Bytes, files and streams of chunks are raw; containers and other values are JSON."""
    if isinstance(value, str):
        return text_is_raw
    if isinstance(value, bytes | bytearray | memoryview) or hasattr(value, "read"):
        return True
    return isinstance(value, Iterable) and not isinstance(value, list | tuple | dict | set)


def _chunks(source: _Readable) -> Iterator[bytes]:
    while chunk := source.read(_CHUNK_SIZE):
        if not isinstance(chunk, bytes):
            raise ValidationError("A file sent as a request body must be opened in binary mode")
        yield chunk


def raw_content(value: Any) -> RawContent | None:
    """Bytes, text, a binary file or an iterable of bytes, ready for the transport."""
    if value is None or isinstance(value, bytes | str):
        return value
    if isinstance(value, bytearray | memoryview):
        return bytes(value)
    if isinstance(value, io.TextIOBase):
        raise ValidationError("A file sent as a request body must be opened in binary mode")
    if hasattr(value, "read"):
        return _chunks(value)
    if isinstance(value, Iterable) and not isinstance(value, dict):
        return value
    raise ValidationError(
        f"A raw request body must be bytes, str, a binary file or an iterable of bytes, "
        f"not {type(value).__name__}"
    )


def encode_body(
    content_type: str,
    value: Any,
    to_json: Callable[[Any], Any],
    *,
    text_is_raw: bool,
) -> tuple[Any, RawContent | None]:
    """The (json, content) pair for a body whose media type is chosen by the caller.

    Bytes and files are always sent as they are. Text is sent as it is when the operation takes
    raw content (`text_is_raw`), otherwise it is encoded like any other value. A value for a JSON
    media type is encoded with `to_json`; any other media type needs raw content.
    """
    if value is None:
        return None, None
    if _is_raw(value, text_is_raw=text_is_raw):
        return None, raw_content(value)
    if is_json_media(content_type):
        return to_json(value), None
    if isinstance(value, str) and media_type(content_type).startswith("text/"):
        return None, value
    raise ValidationError(
        f"A {media_type(content_type)} request body must be bytes, str, a binary file or an "
        f"iterable of bytes, not {type(value).__name__}"
    )


def merge_headers(target: dict[str, str | None], extra: Mapping[str, str | None] | None) -> None:
    """Set `extra` on `target`, replacing headers of the same name whatever their case.

    A None value stays: it tells the pipeline to leave that header out of the request.
    """
    for name, value in (extra or {}).items():
        for existing in [key for key in target if key.lower() == name.lower()]:
            del target[existing]
        target[name] = value


# Characters a cookie value may hold as they are (RFC 6265 cookie-octets, but for "%"); others
# are percent-encoded, so a value cannot end the cookie or start another.
_COOKIE_SAFE = "!#$&'()*+-./:<=>?@[]^_`{|}~"


def cookie_header(cookies: Iterable[tuple[str, str]]) -> str:
    """The Cookie header for (name, value) pairs."""
    return "; ".join(f"{name}={quote(value, safe=_COOKIE_SAFE)}" for name, value in cookies)


def response_text(response: httpx.Response) -> str | None:
    """The body as text (charset from the response, UTF-8 by default); None when empty."""
    if not response.content:
        return None
    return response.text


def header_value(
    response: httpx.Response, name: str, decode: Callable[[Any], Any] | None = None
) -> Any:
    """A response header converted with `decode`; None when absent (or empty for a non-string)."""
    text = response.headers.get(name)
    if text is None or decode is None:
        return text
    if text == "":
        return None
    try:
        return decode(text)
    except (DeserializationError, ValueError) as exc:
        raise DeserializationError(f"Response header {name!r}: {exc}") from exc


class ResponseStream:
    """A response body read as it arrives: iterate for chunks of bytes, or `read()` it whole.

    The connection is released when the body has been read, on `close()`, or at the end of a
    `with` block.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self.response.iter_bytes()
        finally:
            self.response.close()

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        try:
            yield from self.response.iter_bytes(chunk_size)
        finally:
            self.response.close()

    def read(self) -> bytes:
        try:
            return self.response.read()
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> ResponseStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncResponseStream:
    """The asyncio counterpart of `ResponseStream`: `async for`, `await read()`, `async with`."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.response.aiter_bytes():
                yield chunk
        finally:
            await self.response.aclose()

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        try:
            async for chunk in self.response.aiter_bytes(chunk_size):
                yield chunk
        finally:
            await self.response.aclose()

    async def read(self) -> bytes:
        try:
            return await self.response.aread()
        finally:
            await self.response.aclose()

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncResponseStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


class UnexpectedContentTypeError(DeserializationError):
    """The response's Content-Type is none the operation declares, so it cannot be decoded."""

    def __init__(self, message: str, *, content_type: str) -> None:
        super().__init__(message)
        self.content_type = content_type


def media_kind(content_type: str) -> str:
    """ "json", "xml", "text" or "binary"."""
    base = media_type(content_type)
    if is_json_media(base):
        return "json"
    if base.endswith(("/xml", "+xml")):
        return "xml"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _covers(declared: str, actual: str) -> bool:
    """ "application/*" and "*/*" cover any media type of their range."""
    wanted = media_type(declared)
    if wanted in (actual, "*/*", "*"):
        return True
    return wanted.endswith("/*") and actual.startswith(wanted[:-1])


def response_kind(response: httpx.Response, declared: tuple[str, ...]) -> str:
    """How to decode the body: the kind of the response's Content-Type among the `declared`
    media types (the first declared one when the response names none or has no body).

    Raises `UnexpectedContentTypeError` for a type none of the declared ones allows.
    """
    header = response.headers.get("content-type")
    if not header or not response.content:
        return media_kind(declared[0]) if declared else "json"
    actual = media_type(header)
    kinds = [media_kind(t) for t in declared]
    if any(_covers(t, actual) for t in declared) or media_kind(actual) in kinds:
        return media_kind(actual)
    raise UnexpectedContentTypeError(
        f"The response's Content-Type {actual!r} is not one the operation declares "
        f"({', '.join(declared)})",
        content_type=actual,
    )
