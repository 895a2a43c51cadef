"""Long-running operations: follow the service's status until the operation ends.

The first response says how to follow the operation:
- an `Azure-AsyncOperation` or `Operation-Location` header names a status monitor whose body has a
  `status` (Succeeded, Failed, Canceled or anything else while it runs); once it succeeded the
  result is read with a final GET, chosen by `final-state-via` and the HTTP method;
- else a `Location` header names a URL that answers 202 while the operation runs and then the
  result;
- else a PUT or PATCH is followed by reading the resource itself until its
  `properties.provisioningState` ends.
Relative URLs are resolved against the client's endpoint, `Retry-After` is honoured between
status requests (up to the retry policy's `max_retry_after`; a longer one fails the operation with
`RetryAfterTooLongError`), and the service's cookies are kept for the length of the operation.
Every request goes through the client's pipeline (auth, retries); the URLs the service names are
sent as links, so they receive credentials only on a trusted origin.

Waiting is bounded: `result()` and `wait()` give up after `DEFAULT_POLLING_TIMEOUT` seconds unless
given another `timeout` (None waits as long as the operation runs), and raise
`PollingTimeoutError`; waiting again goes on from where the operation stood.

`lro.LroState` is that logic without I/O, shared by `LROPoller` (a background thread, like the
Azure SDK's poller) and `aio_polling.AsyncLROPoller`.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar, cast

import httpx

from .lro import (
    DEFAULT_POLLING_TIMEOUT,
    CookieCarrier,
    LroOptions,
    LroState,
    max_retry_after,
    polling_timeout_error,
    request_id_headers,
    request_url,
)
from .lro_callbacks import DoneCallbacks, PollingMethod
from .pipeline import Pipeline

__all__ = [
    "DEFAULT_POLLING_TIMEOUT",
    "CookieCarrier",
    "LROPoller",
    "LroOptions",
    "LroState",
    "request_id_headers",
    "request_url",
]

T = TypeVar("T")


class _DeadlineReachedError(Exception):
    """The polling thread reached the deadline with nobody waiting longer."""


class LROPoller(Generic[T]):
    """A running long-running operation; `result()` waits for it and returns what it produced.

    Status requests are sent from a background thread. `continuation_token()` describes the
    operation, so that `begin_<operation>(continuation_token=...)` can follow it later, from
    another process too.

    The thread stops when the time the last `wait()` or `result()` call allowed has run out (or,
    before any call, `DEFAULT_POLLING_TIMEOUT`), so an abandoned poller does not poll for ever;
    a later call starts it again.
    """

    # A class attribute: the polling thread starts in __init__, so a subclass is the way to
    # replace it (tests do).
    _sleep: Callable[[float], None] = staticmethod(time.sleep)

    def __init__(
        self, pipeline: Pipeline, state: LroState, decode: Callable[[httpx.Response], T]
    ) -> None:
        self._pipeline = pipeline
        self._state = state
        self._decode = decode
        self._cookies = CookieCarrier(pipeline.base_url)
        if state.last is not None:
            self._cookies.keep(state.last)
        self._result: T | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._deadline: float | None = time.monotonic() + DEFAULT_POLLING_TIMEOUT
        self._stopped = False
        self._method: PollingMethod[T] = PollingMethod(self)
        self._callbacks = DoneCallbacks(self._method, ended=state.done)
        if state.done:
            self._finish()
        else:
            self._start_thread()

    @classmethod
    def start(
        cls,
        pipeline: Pipeline,
        response: httpx.Response,
        options: LroOptions,
        decode: Callable[[httpx.Response], T],
    ) -> LROPoller[T]:
        return cls(pipeline, LroState.begin(response, options), decode)

    @classmethod
    def resume(
        cls,
        pipeline: Pipeline,
        token: str,
        options: LroOptions,
        decode: Callable[[httpx.Response], T],
    ) -> LROPoller[T]:
        return cls(pipeline, LroState.from_token(token, options, pipeline.base_url), decode)

    def _start_thread(self) -> None:
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="lro-poller", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            state = self._state
            while not state.done:
                self._pause(state.delay(max_retry_after(self._pipeline)))
                url = state.next_url()
                response = self._pipeline.send(
                    "GET",
                    url,
                    headers=self._cookies.headers_for(url, state.options.headers),
                    link=True,
                )
                self._cookies.keep(response)
                state.receive(response)
            self._finish()
        except _DeadlineReachedError:
            pass
        except BaseException as exc:  # handed to the caller of result() / wait()
            self._error = exc
        finally:
            self._callbacks.run()

    def _pause(self, delay: float) -> None:
        """Sleep `delay` seconds, or until the deadline when that comes first; raises
        _DeadlineReachedError when the deadline passed and no caller moved it meanwhile."""
        while True:
            deadline = self._deadline
            left = math.inf if deadline is None else deadline - time.monotonic()
            if delay < left:
                if delay > 0:
                    self._sleep(delay)
                return
            if left > 0:
                self._sleep(left)
                delay -= left
            with self._lock:
                if self._deadline == deadline:
                    self._stopped = True
                    raise _DeadlineReachedError

    def _finish(self) -> None:
        assert self._state.last is not None
        self._result = self._decode(self._state.last)

    def status(self) -> str:
        """The operation's status as last seen: InProgress (or the service's word), Succeeded,
        Failed or Canceled."""
        return self._state.status

    def done(self) -> bool:
        """Whether the operation has ended (successfully or not); does not wait."""
        if self._stopped:
            return False
        return self._thread is None or not self._thread.is_alive()

    def wait(self, timeout: float | None = DEFAULT_POLLING_TIMEOUT) -> None:
        """Wait for the operation to end; raises what ended it when it failed.

        Raises `PollingTimeoutError` (a TimeoutError) when it is still running after `timeout`
        seconds; None waits as long as it runs.
        """
        if self._thread is not None:
            with self._lock:
                self._deadline = None if timeout is None else time.monotonic() + timeout
                if self._stopped:
                    self._thread.join()  # it is on its way out
                    self._start_thread()
            self._thread.join(timeout)
            if self._thread.is_alive() or self._stopped:
                raise polling_timeout_error(timeout)
        if self._error is not None:
            raise self._error

    def result(self, timeout: float | None = DEFAULT_POLLING_TIMEOUT) -> T:
        """Wait for the operation to end and return its result; see `wait`."""
        self.wait(timeout)
        return cast(T, self._result)

    def continuation_token(self) -> str:
        """A text that `begin_<operation>(continuation_token=...)` resumes this operation from."""
        return self._state.token()

    def polling_method(self) -> PollingMethod[T]:
        """The object that follows the operation (as Azure SDK pollers have one)."""
        return self._method

    def add_done_callback(self, func: Callable[[PollingMethod[T]], object]) -> None:
        """Call `func(poller.polling_method())` once the operation has ended (at once if it has)."""
        self._callbacks.add(func)

    def remove_done_callback(self, func: Callable[[PollingMethod[T]], object]) -> None:
        """Forget a callback; ValueError when the operation has ended."""
        self._callbacks.remove(func)

    @classmethod
    def from_continuation_token(
        cls, polling_method: PollingMethod[T], continuation_token: str
    ) -> LROPoller[T]:
        """Follow the operation `continuation_token` describes, with what `polling_method` (of a
        poller of the same operation) knows: the client and how to decode the result."""
        poller = cast("LROPoller[T]", polling_method.poller)
        return cls.resume(
            poller._pipeline, continuation_token, poller._state.options, poller._decode
        )

    def __repr__(self) -> str:
        return f"<LROPoller {self._state.options.operation} status={self.status()!r}>"
