"""client-enum.json: a client-level header that is a constant."""

from __future__ import annotations

import inspect
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("client-enum.json")


def test_constant_client_header(package: ModuleType, testserver: TestServer) -> None:
    assert "x_ms_enum" not in inspect.signature(package.ClientWithEnum).parameters
    with package.ClientWithEnum(endpoint=testserver.url) as client:
        assert accepted(testserver, "ClientWithEnumParam", client.head) is True
