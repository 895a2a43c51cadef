from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

import pytest

from tests.support.paths import GENERATED

TOKEN = "secret-token-4f1d2c"


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_on: int


@dataclass
class FakeCredential:
    """Counts get_token calls and remembers the scopes, like azure.identity credentials answer."""

    token: str = TOKEN
    lifetime: int = 3600
    calls: list[tuple[str, ...]] = field(default_factory=list)

    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        self.calls.append(scopes)
        return AccessToken(self.token, int(time.time()) + self.lifetime)


@pytest.fixture(scope="session", autouse=True)
def _generated_on_path() -> None:
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))


@pytest.fixture
def credential() -> FakeCredential:
    return FakeCredential()
