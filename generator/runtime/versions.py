"""One client over several api-versions of a service (a multi-API package).

Each api-version is a complete client package of its own (`<package>.v2019_07_01`, ...). The
multi-API client is made with the same arguments and an optional `api_version`; it creates a
version's client only when an operation of that version is first used, and serves each operation
from the api-version it was given or, without one, from the newest api-version that has the
operation. This module is copied into the multi-API package as `_versions.py`; the generated
client and operation-group classes derive from the classes here at runtime, while type checkers
see them as the version clients themselves.
"""

from __future__ import annotations

import importlib
import inspect
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Self


class UnsupportedOperationError(AttributeError):
    """The api-version the client was made with has no such operation (or group)."""


@dataclass(frozen=True)
class Profile:
    """What the generated client knows about its api-versions."""

    package: str  # the multi-API package ("compute")
    client_name: str  # the class name every version's client has
    packages: Mapping[str, str]  # api-version -> its subpackage ("2019-07-01" -> "v2019_07_01")
    latest: str  # the api-version `api_version` stands for when none is given
    # group attribute ("" for the client's own methods) -> method -> its api-versions, newest first
    operations: Mapping[str, Mapping[str, tuple[str, ...]]]
    is_async: bool = False

    def serving(self, group: str, method: str, chosen: str | None) -> str:
        """The api-version that serves `group.method`: `chosen`, or the newest that has it."""
        versions = self.operations.get(group, {}).get(method)
        where = f"{group}.{method}" if group else method
        if versions is None:
            owner = f"{self.client_name}.{group}" if group else self.client_name
            raise AttributeError(f"{owner!r} object has no attribute {method!r}")
        if chosen is None:
            return versions[0]
        if chosen not in versions:
            raise UnsupportedOperationError(
                f"api-version {chosen} has no operation {where}; "
                f"it is in api-version {', '.join(versions)}"
            )
        return chosen


class Versions:
    """The clients of the api-versions in use, each made on first use with the arguments the
    multi-API client was given."""

    def __init__(
        self, profile: Profile, api_version: str | None, arguments: Mapping[str, Any]
    ) -> None:
        if api_version is not None and api_version not in profile.packages:
            known = ", ".join(profile.packages)
            raise ValueError(f"api_version {api_version!r} is not one of this client's: {known}")
        self.profile = profile
        self.chosen = api_version  # None: each operation from the newest api-version with it
        self._arguments = dict(arguments)
        self._clients: dict[str, Any] = {}
        self._lock = threading.Lock()  # one client per api-version, whichever thread asks first

    @property
    def api_version(self) -> str:
        return self.chosen if self.chosen is not None else self.profile.latest

    def client(self, api_version: str) -> Any:
        """The client of one api-version (the package's, so a `_patch.py` customization counts)."""
        found = self._clients.get(api_version)
        if found is not None:
            return found
        with self._lock:
            found = self._clients.get(api_version)
            if found is None:
                profile = self.profile
                module = f"{profile.package}.{profile.packages[api_version]}"
                if profile.is_async:
                    module += ".aio"
                cls = getattr(importlib.import_module(module), profile.client_name)
                found = cls(**self._accepted(cls, api_version))
                self._clients[api_version] = found
        return found

    def _accepted(self, cls: type, api_version: str) -> dict[str, Any]:
        """The arguments `cls` takes; one it does not take must be unset (None)."""
        parameters = inspect.signature(cls).parameters
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
            return dict(self._arguments)
        taken: dict[str, Any] = {}
        for name, value in self._arguments.items():
            if name in parameters:
                taken[name] = value
            elif value is not None:
                raise TypeError(f"the client of api-version {api_version} takes no {name!r}")
        return taken

    def operation(self, group: str, method: str) -> Any:
        """`method` of `group` ("" for the client itself), bound to the serving version's client."""
        client = self.client(self.profile.serving(group, method, self.chosen))
        return getattr(getattr(client, group) if group else client, method)

    def made(self) -> list[Any]:
        return list(self._clients.values())

    def names(self, group: str) -> list[str]:
        """The methods of `group` that the client's api-version (any, without one) serves."""
        methods = self.profile.operations.get(group, {})
        chosen = self.chosen
        return sorted(m for m, found in methods.items() if chosen is None or chosen in found)


class VersionedClient:
    """At runtime, the base of a multi-API client: what the api-versions offer, served by name."""

    _versions: Versions

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return self._versions.operation("", name)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._versions.names("")})

    def send_request(self, method: str, url: str, **options: Any) -> Any:
        """Sent through the client of the api-version this client stands for."""
        versions = self._versions
        return versions.client(versions.api_version).send_request(method, url, **options)

    def close(self) -> None:
        for client in self._versions.made():
            client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncVersionedClient:
    """VersionedClient for the asyncio clients."""

    _versions: Versions

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return self._versions.operation("", name)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._versions.names("")})

    async def send_request(self, method: str, url: str, **options: Any) -> Any:
        versions = self._versions
        return await versions.client(versions.api_version).send_request(method, url, **options)

    async def close(self) -> None:
        for client in self._versions.made():
            await client.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class VersionedGroup:
    """At runtime, the base of an operation group of a multi-API client."""

    _group: str  # the group's attribute on the client

    def __init__(self, client: VersionedClient | AsyncVersionedClient) -> None:
        self._client = client

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        return self._client._versions.operation(self._group, name)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._client._versions.names(self._group)})
