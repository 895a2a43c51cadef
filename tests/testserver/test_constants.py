"""constants.json: constants (required single-value enums) on the client and on operations are
sent as their values and are never arguments; other enums are arguments with their defaults."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("constants.json")


def test_client_constants_are_sent_without_being_asked_for(
    package: ModuleType, testserver: TestServer
) -> None:
    constructor = inspect.signature(package.AutoRestSwaggerConstantService)
    assert not {"header_constant", "query_constant", "path_constant"} & set(constructor.parameters)
    with package.AutoRestSwaggerConstantService(endpoint=testserver.url) as client:
        accepted(testserver, "ConstantClientProperties", client.contants.put_client_constants)


@pytest.fixture
def recorded(package: ModuleType) -> Iterator[tuple[Any, list[httpx.Request]]]:
    """A client whose requests are recorded and answered 201 locally (these operations have no
    test-server route)."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(201)

    transport = httpx.Client(transport=httpx.MockTransport(answer))
    with package.AutoRestSwaggerConstantService(endpoint="http://test", transport=transport) as c:
        yield c.contants, sent


def _query(request: httpx.Request) -> list[tuple[str, str]]:
    return list(request.url.params.multi_items())


CASES: list[tuple[str, dict[str, Any], list[tuple[str, str]]]] = [
    # Required, one value, closed: a constant. No argument, always sent.
    ("put_no_model_as_string_required_one_value_no_default", {}, [("input", "value1")]),
    ("put_no_model_as_string_required_one_value_default", {}, [("input", "value1")]),
    # Optional: left out unless given (or defaulted).
    ("put_no_model_as_string_no_required_one_value_no_default", {}, []),
    ("put_no_model_as_string_no_required_one_value_default", {}, [("input", "value1")]),
    ("put_no_model_as_string_no_required_two_value_no_default", {}, []),
    ("put_no_model_as_string_no_required_two_value_default", {}, [("input", "value1")]),
    ("put_no_model_as_string_required_two_value_default", {}, [("input", "value1")]),
    (
        "put_no_model_as_string_required_two_value_no_default",
        {"input": "value2"},
        [("input", "value2")],
    ),
    # Extensible enums are never constants, even with one value.
    (
        "put_model_as_string_required_one_value_no_default",
        {"input": "value1"},
        [("input", "value1")],
    ),
    ("put_model_as_string_required_one_value_default", {}, [("input", "value1")]),
    ("put_model_as_string_no_required_one_value_no_default", {}, []),
    ("put_model_as_string_no_required_one_value_default", {}, [("input", "value1")]),
    ("put_model_as_string_required_two_value_no_default", {"input": "other"}, [("input", "other")]),
    ("put_model_as_string_required_two_value_default", {}, [("input", "value1")]),
    ("put_model_as_string_no_required_two_value_no_default", {}, []),
    ("put_model_as_string_no_required_two_value_default", {}, [("input", "value1")]),
]


@pytest.mark.parametrize(("method", "arguments", "query"), CASES, ids=[c[0] for c in CASES])
def test_operation_enums_and_constants(
    recorded: tuple[Any, list[httpx.Request]],
    method: str,
    arguments: dict[str, Any],
    query: list[tuple[str, str]],
) -> None:
    group, sent = recorded
    is_constant = "no_model_as_string_required_one_value" in method
    assert ("input" in inspect.signature(getattr(group, method)).parameters) is not is_constant
    assert getattr(group, method)(**arguments) is None
    assert _query(sent[-1]) == query
