"""A raw HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose.

Each request is parsed (request line, headers, a Content-Length body) and handed, with the
connection, to the test's handler, which writes whatever bytes it likes: a normal answer, headers
one byte a second, a body that never ends. The connection closes when the handler returns or the
server stops, so no handler outlives its test.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlsplit


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]  # names lowercased
    body: bytes
    at: float

    @property
    def path(self) -> str:
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(urlsplit(self.target).query, keep_blank_values=True))


class Connection:
    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self._sock = sock
        self.stopping = stopping

    def send(self, data: bytes) -> bool:
        """Write `data`; False once the client has gone or the server is stopping."""
        if self.stopping.is_set():
            return False
        try:
            self._sock.sendall(data)
        except OSError:
            return False
        return True

    def drip(self, data: bytes, interval: float = 1.0) -> None:
        """Write `data` one byte every `interval` seconds, until done, the client leaves or the
        server stops."""
        for index in range(len(data)):
            if not self.send(data[index : index + 1]) or self.stopping.wait(interval):
                return

    def hold(self) -> None:
        """Keep the connection open without writing, until the server stops."""
        self.stopping.wait(60)


Handler = Callable[[Request, Connection], None]


def head(status: int, headers: dict[str, str] | None = None, length: int | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def answer(
    connection: Connection,
    status: int = 200,
    body: bytes | Any = b"",
    headers: dict[str, str] | None = None,
) -> None:
    """A complete response; a body that is not bytes is sent as JSON."""
    all_headers = dict(headers or {})
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
        all_headers.setdefault("Content-Type", "application/json")
    connection.send(head(status, all_headers, len(body)) + body)


def gzip_bomb(inflated: int) -> bytes:
    """A gzip body of zeros that inflates to `inflated` bytes (a whole number of MiB), about
    1000 times its size.

    Compressing a GiB takes many seconds, so one MiB is compressed and its deflate block, which
    only refers back to zeros, is repeated; the trailer carries the checksum of the whole.
    """
    piece = bytes(1024 * 1024)
    count = inflated // len(piece)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = compressor.compress(piece) + compressor.flush(zlib.Z_SYNC_FLUSH)
    middle = compressor.compress(piece) + compressor.flush(zlib.Z_SYNC_FLUSH)
    last_block = compressor.flush(zlib.Z_FINISH)[:-8]
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(piece, crc)
    trailer = struct.pack("<II", crc, (count * len(piece)) & 0xFFFFFFFF)
    return first + middle * (count - 1) + last_block + trailer


class HostileServer:
    def __init__(self, handler: Handler | None = None) -> None:
        self.handler: Handler = handler or (lambda request, connection: answer(connection))
        self.received: list[Request] = []
        self.stopping = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def start(self) -> HostileServer:
        self._accepting.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._accepting.join(5)
        self._listener.close()
        for thread in self._threads:
            thread.join(5)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        with sock:
            sock.settimeout(10)
            request = _read_request(sock)
            if request is None:
                return
            self.received.append(request)
            with contextlib.suppress(OSError):
                self.handler(request, Connection(sock, self.stopping))


def _read_request(sock: socket.socket) -> Request | None:
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
        header_block, _, rest = data.partition(b"\r\n\r\n")
        lines = header_block.decode("latin-1").split("\r\n")
        method, target, _ = lines[0].split(" ", 2)
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        while len(rest) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            rest += chunk
    except (OSError, ValueError):
        return None
    return Request(method, target, headers, rest, time.monotonic())


@contextlib.contextmanager
def serving(handler: Handler | None = None) -> Iterator[HostileServer]:
    server = HostileServer(handler).start()
    try:
        yield server
    finally:
        server.stop()
