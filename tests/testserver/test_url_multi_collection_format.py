"""url-multi-collectionFormat.json: an array query parameter repeated once per item."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("url-multi-collectionFormat.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestUrlMutliCollectionFormatTestService(endpoint=testserver.url) as service:
        yield service


def test_null_array_sends_nothing(client: Any, testserver: TestServer) -> None:
    assert (
        hit(testserver, "UrlQueriesArrayMultiNull", client.queries.array_string_multi_null) is None
    )


def test_empty_array_sends_nothing(client: Any, testserver: TestServer) -> None:
    call = lambda: client.queries.array_string_multi_empty(array_query=[])  # noqa: E731
    assert hit(testserver, "UrlQueriesArrayMultiEmpty", call) is None


def test_one_parameter_per_item_null_items_empty(client: Any, testserver: TestServer) -> None:
    items = ["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", None, ""]
    call = lambda: client.queries.array_string_multi_valid(array_query=items)  # noqa: E731
    assert hit(testserver, "UrlQueriesArrayMultiValid", call) is None
