"""Credentials the authentication scenarios expect: keys, and a token credential whose token
is the scope it was asked for (the mock accepts "Bearer https://security.microsoft.com/.default")."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Token:
    token: str
    expires_on: int


class ScopeAsToken:
    """A token credential answering every request with its scope as the token."""

    def __init__(self) -> None:
        self.scopes_asked: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> Token:
        self.scopes_asked.append(scopes)
        return Token(" ".join(scopes), int(time.time()) + 3600)


class FixedToken:
    """A token credential that always answers with the same token."""

    def __init__(self, token: str) -> None:
        self._token = token

    def get_token(self, *scopes: str, **kwargs: Any) -> Token:
        return Token(self._token, int(time.time()) + 3600)


# ARM clients take a token credential (their documents name Entra ID OAuth2; the mock checks no
# token, so any will do) and the subscription every ARM scenario uses (extension resources and
# provider operations have no subscription in their path to take it from).
ARM_CLIENT = {
    "credential": FixedToken("arm-token"),
    "subscription_id": "00000000-0000-0000-0000-000000000000",
}
