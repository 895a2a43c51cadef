"""Credentials a pipeline applies to each request: OAuth bearer tokens, API keys, basic auth.

The token credentials follow the shape of azure-identity's (`get_token(*scopes)` returning an object
with `.token` and `.expires_on`), so its sync and async credentials work unchanged. None of these
classes ever shows a secret in its repr.
"""

from __future__ import annotations

import base64
import math
import threading
import time
from collections.abc import Awaitable, Callable, Mapping, MutableMapping, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Protocol, cast

if TYPE_CHECKING:
    import asyncio

# A token is renewed this long before it expires, so a request never leaves with a token that
# expires in flight.
REFRESH_WINDOW_SECONDS = 300
# While the current token is still valid, failed or very short-lived renewals are not retried more
# often than this.
REFRESH_RETRY_SECONDS = 30


class AccessTokenLike(Protocol):
    @property
    def token(self) -> str: ...

    @property
    def expires_on(self) -> int: ...


class TokenCredential(Protocol):
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessTokenLike: ...


class AsyncTokenCredential(Protocol):
    async def get_token(self, *scopes: str, **kwargs: Any) -> AccessTokenLike: ...


class _TokenCache:
    """When to ask the credential for a new token; shared by the sync and async policies."""

    def __init__(self, scopes: Sequence[str], *, allow_no_scopes: bool = False) -> None:
        if isinstance(scopes, str) or not (scopes or allow_no_scopes):
            raise ValueError("Bearer token authentication needs a sequence of at least one scope")
        self.scopes = tuple(scopes)
        self.token: AccessTokenLike | None = None
        self.last_attempt = -math.inf
        self.clock: Callable[[], float] = time.time

    def usable(self) -> AccessTokenLike | None:
        """The cached token, unless it is time to get a new one."""
        token = self.token
        if token is None:
            return None
        now = self.clock()
        remaining = token.expires_on - now
        if remaining <= 0:
            return None
        if remaining < REFRESH_WINDOW_SECONDS and now - self.last_attempt >= REFRESH_RETRY_SECONDS:
            return None
        return token

    def still_valid(self) -> AccessTokenLike | None:
        token = self.token
        if token is not None and token.expires_on > self.clock():
            return token
        return None


class BearerTokenAuth:
    """Authorization: Bearer <token> from a token credential, cached for the token's lifetime.

    Safe to share between threads: one thread renews while the others wait for its token.
    """

    def __init__(
        self, credential: TokenCredential, scopes: Sequence[str], *, allow_no_scopes: bool = False
    ) -> None:
        self._credential = credential
        self._cache = _TokenCache(scopes, allow_no_scopes=allow_no_scopes)
        self._lock = threading.Lock()

    def authorization(self) -> str:
        return f"Bearer {self._current().token}"

    def _current(self) -> AccessTokenLike:
        token = self._cache.usable()
        if token is not None:
            return token
        with self._lock:
            token = self._cache.usable()
            if token is None:
                token = self._renew()
        return token

    def _renew(self) -> AccessTokenLike:
        cache = self._cache
        cache.last_attempt = cache.clock()
        try:
            cache.token = self._credential.get_token(*cache.scopes)
        except Exception:
            # A proactive renewal failed, but the current token still works: use it and try again
            # after REFRESH_RETRY_SECONDS rather than failing this request.
            fallback = cache.still_valid()
            if fallback is None:
                raise
            return fallback
        return cache.token

    def __repr__(self) -> str:
        return f"{type(self).__name__}(scopes={self._cache.scopes!r})"


class AsyncBearerTokenAuth:
    """The asyncio counterpart of `BearerTokenAuth`; accepts sync and async credentials.

    A sync credential's `get_token` runs in a worker thread so it does not block the event loop.
    """

    def __init__(
        self,
        credential: TokenCredential | AsyncTokenCredential,
        scopes: Sequence[str],
        *,
        allow_no_scopes: bool = False,
    ) -> None:
        self._credential = credential
        self._cache = _TokenCache(scopes, allow_no_scopes=allow_no_scopes)
        self._lock: asyncio.Lock | None = None

    async def authorization(self) -> str:
        return f"Bearer {(await self._current()).token}"

    async def _current(self) -> AccessTokenLike:
        token = self._cache.usable()
        if token is not None:
            return token
        async with self._get_lock():
            token = self._cache.usable()
            if token is None:
                token = await self._renew()
        return token

    # Annotated by what the lock does rather than asyncio.Lock, so that typing.get_type_hints
    # resolves it without asyncio imported here.
    def _get_lock(self) -> AbstractAsyncContextManager[Any]:
        if self._lock is None:
            # Imported here: synchronous clients import this module too and should not pay for
            # asyncio.
            import asyncio

            self._lock = asyncio.Lock()
        return self._lock

    async def _renew(self) -> AccessTokenLike:
        cache = self._cache
        cache.last_attempt = cache.clock()
        try:
            cache.token = await self._fetch()
        except Exception:
            fallback = cache.still_valid()
            if fallback is None:
                raise
            return fallback
        return cache.token

    async def _fetch(self) -> AccessTokenLike:
        get_token = self._credential.get_token
        import inspect  # only asynchronous clients ask

        if inspect.iscoroutinefunction(get_token):
            result: object = get_token(*self._cache.scopes)
        else:
            import asyncio

            result = await asyncio.to_thread(get_token, *self._cache.scopes)
        if isinstance(result, Awaitable):
            result = await result
        return _checked_token(result)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(scopes={self._cache.scopes!r})"


def _checked_token(result: object) -> AccessTokenLike:
    if not isinstance(getattr(result, "token", None), str) or not isinstance(
        getattr(result, "expires_on", None), int | float
    ):
        raise TypeError("get_token() must return an object with .token (str) and .expires_on")
    return cast(AccessTokenLike, result)


class KeyCredential(Protocol):
    """Anything with a `.key` string, such as azure.core.credentials.AzureKeyCredential; the key
    is read for every request, so rotating it on the credential takes effect at once."""

    @property
    def key(self) -> str: ...


class ApiKeyAuth:
    """An API key sent in a header or a query parameter (OpenAPI `apiKey` security scheme).

    The key is a string or a `KeyCredential`.
    """

    def __init__(
        self,
        key: str | KeyCredential,
        *,
        name: str,
        location: Literal["header", "query"],
        prefix: str = "",
    ) -> None:
        if location not in ("header", "query"):
            raise ValueError(f"API key location must be 'header' or 'query', not {location!r}")
        self.name = name
        self.location = location
        self._key = _key_source(key)
        self._prefix = prefix

    def update(self, key: str) -> None:
        """Replace the key (rotation); requests sent afterwards use the new one."""
        self._key = _key_source(key)

    def _current_key(self) -> str:
        key = self._key if isinstance(self._key, str) else self._key.key
        if not isinstance(key, str) or not key:
            raise ValueError("The API key is empty")
        return key

    def apply(self, headers: MutableMapping[str, str], params: list[tuple[str, str]]) -> None:
        key = self._current_key()
        value = f"{self._prefix} {key}" if self._prefix else key
        if self.location == "header":
            headers[self.name] = value
        else:
            params.append((self.name, value))

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, location={self.location!r})"


def _key_source(key: object) -> str | KeyCredential:
    if isinstance(key, str):
        if not key:
            raise ValueError("The API key is empty")
        return key
    if not isinstance(getattr(key, "key", None), str):
        raise TypeError("An API key must be a str or an object with a .key string")
    return cast(KeyCredential, key)


class BasicAuth:
    """Authorization: Basic, from a user name and password (OpenAPI `http`/`basic`)."""

    def __init__(self, username: str, password: str) -> None:
        self.username = username
        self._password = password

    def authorization(self) -> str:
        pair = f"{self.username}:{self._password}".encode()
        return f"Basic {base64.b64encode(pair).decode('ascii')}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(username={self.username!r})"


class StaticTokenAuth:
    """Authorization: Bearer <token> with a token the caller already has (OpenAPI `http`/`bearer`,
    or an OAuth token obtained elsewhere)."""

    def __init__(self, token: str) -> None:
        if not isinstance(token, str) or not token:
            raise ValueError("The bearer token is empty")
        self._token = token

    def authorization(self) -> str:
        return f"Bearer {self._token}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class CookieKeyAuth:
    """An API key sent as a cookie (OpenAPI `apiKey` with `in: cookie`)."""

    def __init__(self, key: str | KeyCredential, *, name: str) -> None:
        self.name = name
        self._key = _key_source(key)

    def cookie(self) -> tuple[str, str]:
        key = self._key if isinstance(self._key, str) else self._key.key
        if not isinstance(key, str) or not key:
            raise ValueError("The API key is empty")
        return self.name, key

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


SchemeAuth = (
    BearerTokenAuth
    | AsyncBearerTokenAuth
    | StaticTokenAuth
    | ApiKeyAuth
    | CookieKeyAuth
    | BasicAuth
)
# Alternatives, any one of which authenticates a call; each names the schemes applied together.
Requirements = Sequence[Sequence[str]]


@dataclass(frozen=True)
class Credentials:
    """What one request carries to authenticate: applied by the transport to each attempt sent
    to the service's own origin."""

    authorization: str | None = None
    api_keys: tuple[ApiKeyAuth, ...] = ()
    cookies: tuple[tuple[str, str], ...] = ()

    def apply(self, headers: MutableMapping[str, str], params: list[tuple[str, str]]) -> None:
        if self.authorization is not None and "authorization" not in {k.lower() for k in headers}:
            headers["Authorization"] = self.authorization
        for key in self.api_keys:
            key.apply(headers, params)
        if self.cookies:
            pairs = "; ".join(f"{name}={value}" for name, value in self.cookies)
            existing = headers.get("Cookie")
            headers["Cookie"] = f"{existing}; {pairs}" if existing else pairs


class Security:
    """The schemes a client was given, and which of them each call uses.

    A call names its alternatives (the operation's `security`); the first one whose schemes were
    all given is used. An empty alternative (`{}`: anonymous calls allowed) is the fallback, not a
    choice: a credential the caller gave is sent when any alternative uses it. With none of them
    given (or none needed) the call is sent without credentials and the service decides.
    """

    def __init__(
        self, schemes: Mapping[str, SchemeAuth | None], default: Requirements = ()
    ) -> None:
        self._schemes = {name: auth for name, auth in schemes.items() if auth is not None}
        self.default = tuple(tuple(r) for r in default)

    @property
    def secret_names(self) -> tuple[str, ...]:
        """Header, query and cookie names that carry a key, for redaction."""
        keys = [a for a in self._schemes.values() if isinstance(a, ApiKeyAuth | CookieKeyAuth)]
        return tuple(a.name for a in keys)

    def chosen(self, requirements: Requirements | None) -> list[SchemeAuth]:
        wanted = self.default if requirements is None else requirements
        for alternative in wanted:
            if alternative and all(name in self._schemes for name in alternative):
                return [self._schemes[name] for name in alternative]
        return []

    def credentials(self, requirements: Requirements | None = None) -> Credentials:
        authorization: str | None = None
        for auth in self.chosen(requirements):
            if isinstance(auth, AsyncBearerTokenAuth):
                raise TypeError("An async token credential needs the asyncio client")
            if isinstance(auth, BearerTokenAuth | StaticTokenAuth | BasicAuth):
                authorization = authorization or auth.authorization()
        return self._with(authorization, requirements)

    async def credentials_async(self, requirements: Requirements | None = None) -> Credentials:
        authorization: str | None = None
        for auth in self.chosen(requirements):
            if authorization is not None:
                break
            if isinstance(auth, AsyncBearerTokenAuth):
                authorization = await auth.authorization()
            elif isinstance(auth, BearerTokenAuth | StaticTokenAuth | BasicAuth):
                authorization = auth.authorization()
        return self._with(authorization, requirements)

    def _with(self, authorization: str | None, requirements: Requirements | None) -> Credentials:
        chosen = self.chosen(requirements)
        return Credentials(
            authorization,
            tuple(a for a in chosen if isinstance(a, ApiKeyAuth)),
            tuple(a.cookie() for a in chosen if isinstance(a, CookieKeyAuth)),
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(schemes={sorted(self._schemes)!r})"


def api_key_auth(
    key: str | KeyCredential | None,
    *,
    name: str,
    location: Literal["header", "query", "cookie"],
    prefix: str = "",
) -> ApiKeyAuth | CookieKeyAuth | None:
    """The scheme for a key the caller gave (None: not given)."""
    if key is None:
        return None
    if location == "cookie":
        return CookieKeyAuth(key, name=name)
    return ApiKeyAuth(key, name=name, location=location, prefix=prefix)


def token_auth(
    credential: str | TokenCredential | None, scopes: Sequence[str]
) -> BearerTokenAuth | StaticTokenAuth | None:
    """A static token (str) or a token credential, asked for `scopes` (none for `http` bearer)."""
    if credential is None:
        return None
    if isinstance(credential, str):
        return StaticTokenAuth(credential)
    # An `http` bearer scheme names no scopes: the credential is asked for a token as it is.
    return BearerTokenAuth(credential, scopes, allow_no_scopes=True)


def async_token_auth(
    credential: str | TokenCredential | AsyncTokenCredential | None, scopes: Sequence[str]
) -> AsyncBearerTokenAuth | StaticTokenAuth | None:
    if credential is None:
        return None
    if isinstance(credential, str):
        return StaticTokenAuth(credential)
    return AsyncBearerTokenAuth(credential, scopes, allow_no_scopes=True)


def _is_token_credential(credential: object) -> bool:
    return callable(getattr(credential, "get_token", None))


def key_or_token_auth(
    credential: str | KeyCredential | TokenCredential,
    *,
    scopes: Sequence[str],
    name: str,
    location: Literal["header", "query"],
    prefix: str = "",
) -> BearerTokenAuth | ApiKeyAuth:
    """One credential for a service that takes a key or a token: a token credential (an object
    with get_token) is asked for `scopes`; anything else is the key."""
    if _is_token_credential(credential):
        return BearerTokenAuth(cast(TokenCredential, credential), scopes)
    return ApiKeyAuth(
        cast("str | KeyCredential", credential), name=name, location=location, prefix=prefix
    )


def async_key_or_token_auth(
    credential: str | KeyCredential | TokenCredential | AsyncTokenCredential,
    *,
    scopes: Sequence[str],
    name: str,
    location: Literal["header", "query"],
    prefix: str = "",
) -> AsyncBearerTokenAuth | ApiKeyAuth:
    if _is_token_credential(credential):
        token = cast("TokenCredential | AsyncTokenCredential", credential)
        return AsyncBearerTokenAuth(token, scopes)
    return ApiKeyAuth(
        cast("str | KeyCredential", credential), name=name, location=location, prefix=prefix
    )


def basic_auth(value: tuple[str, str] | BasicAuth | None) -> BasicAuth | None:
    """A (user name, password) pair, or a BasicAuth."""
    if value is None or isinstance(value, BasicAuth):
        return value
    username, password = value
    return BasicAuth(username, password)
