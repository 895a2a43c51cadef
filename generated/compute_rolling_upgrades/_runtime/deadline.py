"""A deadline for a whole call, enforced on every socket operation.

httpx bounds each read or write (`timeout=`), not a call: a server that sends one byte a second
keeps every read short and the call alive for ever. While a pipeline sends a request it sets the
call's deadline in a context variable; the network streams of clients the pipeline creates cut
each connect, read and write to the time left, and fail once none is left. The asyncio pipeline
needs none of this (it cancels the exchange when the deadline passes), but shares the variable.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import httpx
else:
    from .lazy import LazyModule

    httpx = LazyModule("httpx")  # imported by the first request


__all__ = ["bounded_by", "install", "time_left"]

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "sdkforge_call_deadline", default=None
)
# Writes are cut into pieces of this size so that a peer reading slowly is noticed between them.
_WRITE_PIECE = 64 * 1024


@contextlib.contextmanager
def bounded_by(deadline: float | None) -> Iterator[None]:
    """Run the block with `deadline` (a `time.monotonic()` instant, or None) in force."""
    token = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def time_left() -> float | None:
    """Seconds until the deadline in force (<= 0 once passed); None without one."""
    deadline = _DEADLINE.get()
    return None if deadline is None else deadline - time.monotonic()


def _cut(timeout: float | None, error: type[httpx.TimeoutException]) -> float | None:
    left = time_left()
    if left is None:
        return timeout
    if left <= 0:
        # An httpx exception: it passes through httpcore and httpx unchanged.
        raise error("the deadline of the call has passed")
    return left if timeout is None else min(timeout, left)


class _BoundedStream:
    """An httpcore network stream whose operations end by the deadline (the interface is
    httpcore's; this module uses it without importing httpcore, which only httpx may)."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._inner.read(max_bytes, _cut(timeout, httpx.ReadTimeout))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        for start in range(0, len(buffer), _WRITE_PIECE):
            piece = buffer[start : start + _WRITE_PIECE]
            self._inner.write(piece, _cut(timeout, httpx.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> _BoundedStream:
        inner = self._inner.start_tls(
            ssl_context, server_hostname, _cut(timeout, httpx.ConnectTimeout)
        )
        return _BoundedStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _BoundedBackend:
    """An httpcore network backend whose streams are `_BoundedStream`s."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _BoundedStream:
        stream = self.inner.connect_tcp(
            host,
            port,
            _cut(timeout, httpx.ConnectTimeout),
            local_address=local_address,
            socket_options=socket_options,
        )
        return _BoundedStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> _BoundedStream:
        stream = self.inner.connect_unix_socket(
            path, _cut(timeout, httpx.ConnectTimeout), socket_options=socket_options
        )
        return _BoundedStream(stream)

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def install(client: httpx.Client) -> bool:
    """Make the connection pools of `client` (a client the pipeline created) honour deadlines.

    httpx offers no public way to give its default transport a network backend, so this reaches
    into the pools it built. Returns whether every pool took the bounded backend; when one did not
    (a future httpx), the pipeline still checks the deadline between the chunks of a body.
    """
    transports: list[object] = [client._transport, *client._mounts.values()]
    installed = True
    for transport in transports:
        if transport is None:
            continue
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, _BoundedBackend):
            continue
        if not callable(getattr(backend, "connect_tcp", None)):
            installed = False
            continue
        pool._network_backend = _BoundedBackend(backend)  # type: ignore[union-attr]
    return installed
