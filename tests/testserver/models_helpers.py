"""Shared checks for the data-type suites (body-*, complex, flattening, XML, ...)."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from tests.testserver.server import TestServer

# The model styles the data-type suites run with: each suite's `package` fixture is parametrized.
MODEL_STYLES = ("dataclass", "pydantic")


def unknown_properties(model: Any) -> dict[str, Any]:
    """What a model kept of the properties it does not know: `_unknown` of a dataclass model,
    `model_extra` of a pydantic one."""
    extra = getattr(model, "model_extra", None)
    return dict(extra) if extra is not None else dict(model._unknown)


def submodule(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


def accepted(
    testserver: TestServer, scenario: str, call: Callable[[], Any], category: str = "vanilla"
) -> Any:
    """Run `call`; the server counts a PUT scenario only when the request was the expected one."""
    before = testserver.report(category)[scenario]
    result = call()
    assert testserver.report(category)[scenario] == before + 1, f"{scenario} not accepted"
    return result


@contextmanager
def counted(testserver: TestServer, *scenarios: str, category: str = "vanilla") -> Iterator[None]:
    """Every scenario named is credited once more by the server inside the block."""
    before = testserver.report(category)
    yield
    after = testserver.report(category)
    missing = [s for s in scenarios if after[s] != before[s] + 1]
    assert not missing, f"not credited: {missing}"


def run_async(client_class: type[Any], url: str, body: Callable[[Any], Awaitable[Any]]) -> Any:
    """Open the async client on `url`, await `body(client)` and return its result."""

    async def main() -> Any:
        async with client_class(endpoint=url) as client:
            return await body(client)

    return asyncio.run(main())
