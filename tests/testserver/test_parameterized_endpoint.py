"""parameterized-endpoint.json: the host template is "{endpoint}", a client value."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def endpoint(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("parameterized-endpoint.json")


def test_endpoint_is_the_whole_base_url(endpoint: ModuleType, testserver: TestServer) -> None:
    with endpoint.ParmaterizedEndpointClient(testserver.url) as client:
        assert client.endpoint == testserver.url
        assert hit(testserver, "GetParameterizedHostWithNameEndpoint", client.get) is None
