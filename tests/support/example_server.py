"""A scripted HTTP/1.1 server on 127.0.0.1 for end-to-end tests of generated clients.

Tests script the answers (`Exchange`) up front or while the server runs, point a client at
`server.url`, and afterwards inspect `server.requests` and `server.unmatched`.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, quote

_NO_BODY_STATUSES = frozenset({204, 304})


@dataclass
class Exchange:
    """One scripted answer: the request it expects and the response it sends."""

    method: str
    path: str  # exact path expected (percent-encoded form as sent on the wire)
    query: dict[str, str] | None = None  # these parameters must be present once, with this value
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)  # response headers
    body: Any = None  # JSON-serialisable -> application/json; bytes -> as is; None -> empty
    require_bearer: str | None = None  # the token "Authorization: Bearer <token>" must carry
    repeat: bool = False  # stays in the script after it is used


class Headers(Mapping[str, str]):
    """Request headers: names compare case-insensitively; repeated headers are joined by ", "."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._items: dict[str, tuple[str, str]] = {}
        for name, value in items:
            key = name.lower()
            if key in self._items:
                first_name, first_value = self._items[key]
                self._items[key] = (first_name, f"{first_value}, {value}")
            else:
                self._items[key] = (name, value)

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()][1]

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items.values())

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Headers({dict(self._items.values())!r})"


@dataclass
class RecordedRequest:
    method: str
    path: str  # as sent on the wire, without the query
    query: dict[str, list[str]]
    headers: Headers
    body: bytes
    status: int = 0  # the status the server answered with
    exchange: Exchange | None = None  # the scripted exchange that matched, if any

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class _Entry:
    exchange: Exchange
    used: bool = False


def _error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")


def _has_header(headers: Mapping[str, str], name: str) -> bool:
    return any(key.lower() == name.lower() for key in headers)


def _bearer_token(headers: Headers) -> str | None:
    scheme, _, token = headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def _render(exchange: Exchange) -> tuple[int, dict[str, str], bytes]:
    headers = dict(exchange.headers)
    if exchange.body is None:
        return exchange.status, headers, b""
    if isinstance(exchange.body, bytes | bytearray):
        return exchange.status, headers, bytes(exchange.body)
    if not _has_header(headers, "Content-Type"):
        headers["Content-Type"] = "application/json"
    return exchange.status, headers, json.dumps(exchange.body).encode("utf-8")


def _matches(exchange: Exchange, request: RecordedRequest) -> bool:
    if exchange.method.upper() != request.method or exchange.path != request.path:
        return False
    if exchange.query is None:
        return True
    return all(request.query.get(name) == [value] for name, value in exchange.query.items())


class ExampleServer:
    """Answers requests from a script of `Exchange`s; a context manager that starts and stops it."""

    def __init__(self, exchanges: Sequence[Exchange] = ()) -> None:
        self._lock = threading.Lock()
        self._script = [_Entry(exchange) for exchange in exchanges]
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self.requests: list[RecordedRequest] = []
        self.unmatched: list[RecordedRequest] = []

    def add(self, exchange: Exchange) -> None:
        with self._lock:
            self._script.append(_Entry(exchange))

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def pending(self) -> list[Exchange]:
        """Scripted exchanges that no request has used yet (repeating ones excluded)."""
        with self._lock:
            return [e.exchange for e in self._script if not e.used and not e.exchange.repeat]

    def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the server is already running")
        self._server = _Server(("127.0.0.1", 0), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="example-server",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        server.shutdown()
        server.close_connections()
        server.server_close()
        thread.join()
        self._server = self._thread = None

    def __enter__(self) -> ExampleServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def answer(self, request: RecordedRequest) -> tuple[int, dict[str, str], bytes]:
        """Pick the scripted response for `request` and record both."""
        with self._lock:
            status, headers, body = self._choose(request)
            request.status = status
            self.requests.append(request)
        return status, headers, body

    def _choose(self, request: RecordedRequest) -> tuple[int, dict[str, str], bytes]:
        candidates = (e for e in self._script if not e.used and _matches(e.exchange, request))
        entry = next(candidates, None)
        if entry is None:
            self.unmatched.append(request)
            message = f"No scripted response for {request.method} {request.path}"
            body = _error_body("NoScriptedResponse", message)
            return 404, {"Content-Type": "application/json"}, body
        request.exchange = entry.exchange
        expected = entry.exchange.require_bearer
        if expected is not None and _bearer_token(request.headers) != expected:
            # Left unused: a client that retries with the right token still gets the answer.
            return _unauthorized(request)
        entry.used = not entry.exchange.repeat
        return _render(entry.exchange)


def _unauthorized(request: RecordedRequest) -> tuple[int, dict[str, str], bytes]:
    # RFC 6750: no error code when the client sent no credentials at all.
    challenge = 'Bearer error="invalid_token"' if "Authorization" in request.headers else "Bearer"
    headers = {"Content-Type": "application/json", "WWW-Authenticate": challenge}
    message = "The request does not carry the expected bearer token."
    return 401, headers, _error_body("InvalidAuthenticationToken", message)


class _Server(ThreadingHTTPServer):
    # Handler threads are joined on close; open keep-alive connections are shut first so that
    # joining cannot wait for an idle client.
    daemon_threads = False
    block_on_close = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        script: ExampleServer,
    ) -> None:
        self.script = script
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):  # the client may have closed it already
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # a silent client cannot hold a handler thread forever

    def _handle(self) -> None:
        body = self._read_body()
        path, _, query = self.path.partition("?")
        request = RecordedRequest(
            method=self.command,
            path=path,
            query=parse_qs(query, keep_blank_values=True),
            headers=Headers(self.headers.items()),
            body=body,
        )
        assert isinstance(self.server, _Server)
        status, headers, payload = self.server.script.answer(request)
        self._send(status, headers, payload)

    def _send(self, status: int, headers: dict[str, str], payload: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        has_body = status not in _NO_BODY_STATUSES and status >= 200
        if has_body and not _has_header(headers, "Content-Length"):
            self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if has_body and self.command != "HEAD":
            self.wfile.write(payload)
        self.wfile.flush()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self) -> bytes:
        chunks: list[bytes] = []
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                break
            chunks.append(self.rfile.read(size))
            self.rfile.readline()
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass  # trailer fields are not used
        return b"".join(chunks)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests inspect `requests`; stderr noise helps nobody

    # http.server dispatches on these exact method names.
    def do_GET(self) -> None:  # noqa: N802
        self._handle()

    def do_HEAD(self) -> None:  # noqa: N802
        self._handle()

    def do_POST(self) -> None:  # noqa: N802
        self._handle()

    def do_PUT(self) -> None:  # noqa: N802
        self._handle()

    def do_PATCH(self) -> None:  # noqa: N802
        self._handle()

    def do_DELETE(self) -> None:  # noqa: N802
        self._handle()

    def do_OPTIONS(self) -> None:  # noqa: N802
        self._handle()


def _fill_path(template: str, parameters: Mapping[str, Any], example_file: Path) -> str:
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parameters:
            raise ValueError(f"{example_file}: no value for path parameter {name!r}")
        raw = parameters[name]
        text = json.dumps(raw) if isinstance(raw, bool) else str(raw)
        return quote(text, safe="")

    return re.sub(r"{([^{}]+)}", value, template)


def _first_success(
    responses: Mapping[str, Any], example_file: Path
) -> tuple[int, Mapping[str, Any]]:
    for code, response in responses.items():
        if str(code).isdigit() and 200 <= int(code) < 300:
            return int(code), response or {}
    raise ValueError(f"{example_file}: no 2xx response in the example")


def exchanges_from_example(
    example_file: Path, method: str, path_template: str, *, bearer: str | None
) -> list[Exchange]:
    """The exchange an Azure example file describes: its request path and first 2xx response."""
    example = json.loads(example_file.read_text(encoding="utf-8"))
    parameters = example.get("parameters", {})
    status, response = _first_success(example.get("responses", {}), example_file)
    api_version = parameters.get("api-version")
    return [
        Exchange(
            method=method.upper(),
            path=_fill_path(path_template, parameters, example_file),
            query=None if api_version is None else {"api-version": str(api_version)},
            status=status,
            headers={name: str(v) for name, v in (response.get("headers") or {}).items()},
            body=response.get("body"),
            require_bearer=bearer,
        )
    ]
