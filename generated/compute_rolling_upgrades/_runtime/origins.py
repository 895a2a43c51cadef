"""Which hosts may receive the client's credentials.

Credentials (the bearer token, API keys, basic auth, and any header or query parameter marked
secret) go only to the origin (scheme, host, port) of the client's endpoint and to the origins the
caller lists. A URL the service hands out (a next link, a status monitor, a Location, a redirect)
on any other origin is followed without them: the service cannot send the client's credentials to
a host of its choosing.

A client whose endpoint is filled per operation ("{vaultBaseUrl}") has no fixed origin; there the
origins the caller's own requests went to are trusted, which the links those requests return may
then use.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from urllib.parse import urlsplit

__all__ = ["Origin", "TrustedOrigins", "origin_of"]

Origin = tuple[str, str, int | None]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: str) -> Origin:
    """(scheme, host, port) with the scheme's default port filled in; lower case."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def _templated(url: str) -> bool:
    return "{" in urlsplit(url).netloc or url.startswith("{")


def _listed(url: str) -> Origin:
    found = origin_of(url)
    if found[0] not in _DEFAULT_PORTS or not found[1]:
        raise ValueError(f"A trusted origin must be an http or https URL with a host, not {url!r}")
    return found


class TrustedOrigins:
    """The origins that receive credentials."""

    def __init__(self, base_url: str, listed: Iterable[str] = ()) -> None:
        if isinstance(listed, str):
            raise TypeError("trusted_origins takes a list of URLs, not one string")
        self._fixed = {_listed(url) for url in listed}
        self._templated = _templated(base_url)
        if not self._templated:
            self._fixed.add(origin_of(base_url))
        self._learned: set[Origin] = set()
        self._lock = threading.Lock()

    def learn(self, url: str) -> None:
        """Note a URL the caller's own request goes to; it counts only for a templated
        endpoint."""
        if self._templated:
            with self._lock:
                self._learned.add(origin_of(url))

    def allows(self, url: str) -> bool:
        found = origin_of(url)
        return found in self._fixed or found in self._learned
