"""Helpers for test-server tests: run a call and check the server counted its scenario."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from tests.testserver.server import TestServer


def submodule(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


def hit(
    testserver: TestServer, scenario: str, call: Callable[[], Any], category: str = "vanilla"
) -> Any:
    """Run `call`, assert the server counted `scenario` once more, return what the call returned."""
    before = testserver.report(category).get(scenario, 0)
    result = call()
    after = testserver.report(category).get(scenario, 0)
    assert after == before + 1, f"{scenario}: the server did not count the request"
    return result


async def ahit(
    testserver: TestServer, scenario: str, call: Callable[[], Any], category: str = "vanilla"
) -> Any:
    """`hit` for a coroutine function."""
    before = testserver.report(category).get(scenario, 0)
    result = await call()
    after = testserver.report(category).get(scenario, 0)
    assert after == before + 1, f"{scenario}: the server did not count the request"
    return result
