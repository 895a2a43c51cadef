"""Form bodies: `application/x-www-form-urlencoded` fields and `multipart/form-data` parts.

Both are encoded to bytes once per call, so every attempt of a retried request sends the same
body (a multipart body keeps its boundary).
"""

from __future__ import annotations

import io
import json
import os
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO, Any, TypeAlias
from urllib.parse import urlencode

from .errors import ValidationError

DEFAULT_FILE_TYPE = "application/octet-stream"
URLENCODED = "application/x-www-form-urlencoded"
_CHUNK_SIZE = 64 * 1024

# What a file argument accepts: its content (bytes, text, a binary file, chunks of bytes), or a
# tuple (filename, content) or (filename, content, media type).
FileContent: TypeAlias = bytes | str | IO[bytes] | Iterable[bytes]
FormFile: TypeAlias = FileContent | tuple[str, FileContent] | tuple[str, FileContent, str]


@dataclass(frozen=True)
class FilePart:
    """A file of a multipart body, read into memory."""

    filename: str
    data: bytes
    content_type: str = DEFAULT_FILE_TYPE


FormPart: TypeAlias = str | FilePart


def json_part(value: Any) -> str:
    """A structured multipart field (an object, or an array of objects) travels as JSON text."""
    return json.dumps(value, separators=(",", ":"))


def form_file(value: Any, field: str) -> FilePart:
    """The file part for `value`; without a filename of its own it is named after `field` (a
    multipart part without a filename is a plain field to most servers)."""
    if isinstance(value, FilePart):
        return value
    if isinstance(value, tuple):
        if len(value) not in (2, 3) or not all(isinstance(v, str) for v in value[::2]):
            raise ValidationError(
                f"The file {field!r} must be its content or a tuple (filename, content) or "
                "(filename, content, media type)"
            )
        media = value[2] if len(value) == 3 else DEFAULT_FILE_TYPE
        return FilePart(value[0], _file_bytes(value[1], field), media)
    return FilePart(_file_name(value, field), _file_bytes(value, field))


def _file_name(value: Any, field: str) -> str:
    name = getattr(value, "name", None)
    # Files opened on descriptors or made in memory have no path ("<stdin>", an int, nothing).
    if isinstance(name, str) and name and not name.startswith("<"):
        return os.path.basename(name) or field
    return field


def _file_bytes(value: Any, field: str) -> bytes:
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value)
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, io.TextIOBase):
        raise ValidationError(f"The file {field!r} must be opened in binary mode")
    if hasattr(value, "read"):
        return _read_all(value, field)
    if not isinstance(value, Iterable) or isinstance(value, dict):
        raise ValidationError(
            f"The file {field!r} must be bytes, str, a binary file or an iterable of bytes, "
            f"not {type(value).__name__}"
        )
    return _joined(value, field)


def _read_all(source: Any, field: str) -> bytes:
    chunks: list[Any] = []
    while chunk := source.read(_CHUNK_SIZE):
        chunks.append(chunk)
    return _joined(chunks, field)


def _joined(chunks: Iterable[Any], field: str) -> bytes:
    parts = list(chunks)
    if not all(isinstance(chunk, bytes | bytearray | memoryview) for chunk in parts):
        raise ValidationError(f"The file {field!r} must be opened in binary mode or give bytes")
    return b"".join(bytes(chunk) for chunk in parts)


def encode_urlencoded(fields: Sequence[tuple[str, str]]) -> bytes:
    """`a=1&b=x+y`: names and values percent-encoded, in the order given."""
    for name, value in fields:
        if not isinstance(value, str):
            raise ValidationError(f"The form field {name!r} must be text, not a file")
    return urlencode(list(fields)).encode("ascii")


def _quoted(text: str) -> str:
    """A name or filename inside a quoted header parameter; line breaks and quotes escaped as
    browsers do, so no value can end the header or start another."""
    return text.replace("\r", "%0D").replace("\n", "%0A").replace('"', "%22")


def _part(boundary: str, name: str, part: FormPart) -> bytes:
    disposition = f'Content-Disposition: form-data; name="{_quoted(name)}"'
    if isinstance(part, FilePart):
        head = (
            f'{disposition}; filename="{_quoted(part.filename)}"\r\n'
            f"Content-Type: {_quoted(part.content_type)}\r\n"
        )
        data = part.data
    else:
        head = f"{disposition}\r\n"
        data = part.encode("utf-8")
    return f"--{boundary}\r\n{head}\r\n".encode() + data + b"\r\n"


def _boundary(parts: Sequence[tuple[str, FormPart]]) -> str:
    """A boundary that occurs in no part's content."""
    while True:
        boundary = uuid.uuid4().hex
        token = boundary.encode("ascii")
        if not any(token in _content(part) for _, part in parts):
            return boundary


def _content(part: FormPart) -> bytes:
    return part.data if isinstance(part, FilePart) else part.encode("utf-8")


def encode_multipart(parts: Sequence[tuple[str, FormPart]]) -> tuple[bytes, str]:
    """The body and its Content-Type (with the boundary) for fields and files, in order."""
    for name, part in parts:
        if not isinstance(part, str | FilePart):
            raise ValidationError(
                f"The form part {name!r} must be text or a file, not {type(part).__name__}"
            )
    boundary = _boundary(parts)
    body = b"".join(_part(boundary, name, part) for name, part in parts)
    return body + f"--{boundary}--\r\n".encode("ascii"), f"multipart/form-data; boundary={boundary}"
