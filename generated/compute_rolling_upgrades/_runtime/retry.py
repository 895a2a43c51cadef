"""When to send a request again, and how long to wait first."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx


IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"})
RETRIABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Statuses that say the server did not act on the request (it timed out waiting for it, or turned
# it away), so sending it again cannot repeat a side effect, whatever the method.
NOT_PROCESSED_STATUSES = frozenset({408, 429, 503})

# Millisecond headers are more precise than Retry-After, so they are read first.
_MILLISECOND_HEADERS = ("retry-after-ms", "x-ms-retry-after-ms")
# 2**62 seconds is far beyond any backoff_max; the cap keeps the float arithmetic finite.
_MAX_EXPONENT = 62
# Throttled Azure services ask for seconds to a few minutes; a longer wait is a fault to report.
DEFAULT_MAX_RETRY_AFTER = 300.0


@dataclass
class RetryPolicy:
    """Retries of failed attempts within one call.

    `total` counts retries, so a call makes at most `total + 1` attempts. The wait before retry
    number n is `backoff_factor * 2**(n-1)`, randomized by +-20% and capped at `backoff_max`,
    unless a retriable response says how long to wait (Retry-After, retry-after-ms,
    x-ms-retry-after-ms). POST and PATCH are sent again only with `retry_non_idempotent`, except
    after errors that prove nothing was sent (the connection could not be opened) and after
    statuses that say the request was not processed (408, 429, 503).

    `max_retry_after` bounds what the service may ask for: a response that asks to wait longer
    (Retry-After, retry-after-ms, or a status monitor of a long-running operation) ends the call
    with `RetryAfterTooLongError` at once instead of sleeping.
    """

    total: int = 3
    backoff_factor: float = 0.8
    backoff_max: float = 60.0
    statuses: frozenset[int] = RETRIABLE_STATUSES
    retry_non_idempotent: bool = False
    max_retry_after: float = DEFAULT_MAX_RETRY_AFTER

    def backoff(self, retry_number: int) -> float:
        exponent = min(max(retry_number - 1, 0), _MAX_EXPONENT)
        delay = self.backoff_factor * 2.0**exponent * random.uniform(0.8, 1.2)
        return min(delay, self.backoff_max)

    def may_resend(self, method: str, status: int | None = None) -> bool:
        """Whether a request with `method` may be sent again after `status` (None: after a
        transport error)."""
        if status in NOT_PROCESSED_STATUSES:
            return True
        return method.upper() in IDEMPOTENT_METHODS or self.retry_non_idempotent


def retry_after(headers: httpx.Headers, now: float) -> float | None:
    """The wait in seconds a response asks for, or None when it names none (or nonsense)."""
    for name in _MILLISECOND_HEADERS:
        value = _number(headers.get(name))
        if value is not None:
            return max(value / 1000, 0.0)
    text = headers.get("retry-after")
    if text is None:
        return None
    value = _number(text)
    if value is not None:
        return max(value, 0.0)
    from email.utils import parsedate_to_datetime  # loaded when a date is given

    try:
        moment: datetime = parsedate_to_datetime(text.strip())
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return max(moment.timestamp() - now, 0.0)
    except (OverflowError, OSError):
        # Beyond what the platform's clock can represent: further away than any cap.
        return math.inf


def _number(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None
