"""non-string-enum.json: integer and number enums."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("non-string-enum.json")


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.NonStringEnumsClient(endpoint=testserver.url) as service:
        yield service


def test_int(client: Any, m: ModuleType, testserver: TestServer) -> None:
    value = accepted(testserver, "NonStringEnumsGetInt", client.int.get)
    assert value is m.IntEnum.ENUM_429
    assert value == 429
    answer = accepted(
        testserver, "NonStringEnumsPostInt", lambda: client.int.put(input=m.IntEnum.ENUM_200)
    )
    assert answer == "Nice job posting an int enum"


def test_float(client: Any, m: ModuleType, testserver: TestServer) -> None:
    value = accepted(testserver, "NonStringEnumsGetFloat", client.float.get)
    assert value is m.FloatEnum.ENUM_429_1
    assert value == 429.1
    answer = accepted(
        testserver,
        "NonStringEnumsPostFloat",
        lambda: client.float.put(input=m.FloatEnum.ENUM_200_4),
    )
    assert answer == "Nice job posting a float enum"


def test_unknown_numbers_are_kept(m: ModuleType) -> None:
    assert m.IntEnum(7) == 7 and isinstance(m.IntEnum(7), m.IntEnum)
