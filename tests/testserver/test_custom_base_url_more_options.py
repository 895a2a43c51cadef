"""custom-baseUrl-more-options.json: "{vault}{secret}{dnsSuffix}" without a scheme prefix, vault
and secret arguments of the method, dnsSuffix and subscriptionId client values, and an optional
query parameter with a default that is sent."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def more(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("custom-baseUrl-more-options.json")


def test_every_part_of_the_host(more: ModuleType, testserver: TestServer) -> None:
    with more.AutoRestParameterizedCustomHostTestClient(
        "test12", dns_suffix=f":{testserver.port}"
    ) as client:
        call = lambda: client.paths.get_empty("key1", "http://127.0", ".0.1")  # noqa: E731
        assert hit(testserver, "CustomBaseUriMoreOptions", call) is None


def test_the_query_default_can_be_left_out(more: ModuleType, testserver: TestServer) -> None:
    """With key_version=None the query parameter is not sent (this server then fails)."""
    errors = submodule(more, "exceptions")
    with (
        more.AutoRestParameterizedCustomHostTestClient(
            "test12", dns_suffix=f":{testserver.port}"
        ) as client,
        pytest.raises(errors.HttpResponseError) as info,
    ):
        client.paths.get_empty("key1", "http://127.0", ".0.1", key_version=None)
    url = info.value.response.request.url
    assert (url.path, url.query) == ("/customuri/test12/key1", b"")
