"""What pollers offer besides waiting, as Azure SDK pollers do: the polling method (status,
finished, resource, continuation token) and callbacks run once the operation has ended."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar, cast

T = TypeVar("T")


class Poller(Protocol):
    """The poller a polling method looks at (polling.LROPoller)."""

    _result: Any

    def status(self) -> str: ...

    def done(self) -> bool: ...

    def continuation_token(self) -> str: ...


class PollingMethod(Generic[T]):
    """What follows a long-running operation, seen from outside."""

    def __init__(self, poller: Poller) -> None:
        self.poller = poller

    def status(self) -> str:
        return self.poller.status()

    def finished(self) -> bool:
        return self.poller.done()

    def resource(self) -> T | None:
        """The result once the operation succeeded, else None."""
        return cast("T | None", self.poller._result)

    def get_continuation_token(self) -> str:
        return self.poller.continuation_token()


class DoneCallbacks(Generic[T]):
    """Callbacks given the polling method once, when the operation ends (on the polling thread),
    or at once when it already has."""

    def __init__(self, method: PollingMethod[T], *, ended: bool) -> None:
        self._method = method
        self._lock = threading.Lock()
        self._ended = ended  # set under the lock before the callbacks run
        self._waiting: list[Callable[[PollingMethod[T]], object]] = []

    def add(self, func: Callable[[PollingMethod[T]], object]) -> None:
        with self._lock:
            if not self._ended:
                self._waiting.append(func)
                return
        func(self._method)

    def remove(self, func: Callable[[PollingMethod[T]], object]) -> None:
        with self._lock:
            if self._ended:
                raise ValueError("the long-running operation has ended")
            self._waiting = [c for c in self._waiting if c != func]

    def run(self) -> None:
        with self._lock:
            self._ended = True
            waiting, self._waiting = self._waiting, []
        for func in waiting:
            func(self._method)
