"""required-optional.json: optional values are left out when not given; a required one given as
None is refused before anything is sent."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer

Call = Callable[[Any], Any]


@pytest.fixture(scope="module")
def reqopt(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("required-optional.json")


@pytest.fixture
def client(reqopt: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with reqopt.AutoRestRequiredOptionalTestService(
        "required_global_path", "required_global_query", endpoint=testserver.url
    ) as service:
        yield service


@pytest.mark.parametrize(
    ("scenario", "call"),
    [
        ("OptionalImplicitQuery", lambda c: c.implicit.put_optional_query()),
        ("OptionalImplicitHeader", lambda c: c.implicit.put_optional_header()),
        ("OptionalImplicitBody", lambda c: c.implicit.put_optional_body()),
        ("OptionalGlobalQuery", lambda c: c.implicit.get_optional_global_query()),
        ("ImplicitOptionalBinaryBody", lambda c: c.implicit.put_optional_binary_body()),
        ("ExplicitOptionalBinaryBody", lambda c: c.explicit.put_optional_binary_body()),
        (
            "ExplicitRequiredBinaryBody",
            lambda c: c.explicit.put_required_binary_body(io.BytesIO(b"\x00\x01binary")),
        ),
    ],
)
def test_optional_values_are_left_out(
    client: Any, testserver: TestServer, scenario: str, call: Call
) -> None:
    assert hit(testserver, scenario, lambda: call(client)) is None


OPTIONAL_POSTS = [
    ("OptionalIntegerParameter", "post_optional_integer_parameter", None),
    ("OptionalIntegerProperty", "post_optional_integer_property", "IntOptionalWrapper"),
    ("OptionalIntegerHeader", "post_optional_integer_header", None),
    ("OptionalStringParameter", "post_optional_string_parameter", None),
    ("OptionalStringProperty", "post_optional_string_property", "StringOptionalWrapper"),
    ("OptionalStringHeader", "post_optional_string_header", None),
    ("OptionalClassParameter", "post_optional_class_parameter", None),
    ("OptionalClassProperty", "post_optional_class_property", "ClassOptionalWrapper"),
    ("OptionalArrayParameter", "post_optional_array_parameter", None),
    ("OptionalArrayProperty", "post_optional_array_property", "ArrayOptionalWrapper"),
    ("OptionalArrayHeader", "post_optional_array_header", None),
]


@pytest.mark.parametrize(("covered", "method", "wrapper"), OPTIONAL_POSTS)
def test_general_optional(
    client: Any,
    reqopt: ModuleType,
    testserver: TestServer,
    covered: str,
    method: str,
    wrapper: str | None,
) -> None:
    """One scenario (GeneralOptional) for all of these; the server also counts each by name."""
    arguments = {} if wrapper is None else {"body_parameter": getattr(reqopt.models, wrapper)()}
    before = testserver.report("vanilla")
    assert getattr(client.explicit, method)(**arguments) is None
    after = testserver.report("vanilla")
    assert after.get(covered, 0) == before.get(covered, 0) + 1
    assert after["GeneralOptional"] == before["GeneralOptional"] + 1


REQUIRED = [
    ("get_required_path", "implicit", "path_parameter"),
    ("put_required_binary_body", "explicit", "body_parameter"),
    ("post_required_integer_parameter", "explicit", "body_parameter"),
    ("post_required_integer_property", "explicit", "body_parameter"),
    ("post_required_integer_header", "explicit", "header_parameter"),
    ("post_required_string_parameter", "explicit", "body_parameter"),
    ("post_required_string_property", "explicit", "body_parameter"),
    ("post_required_string_header", "explicit", "header_parameter"),
    ("post_required_class_parameter", "explicit", "body_parameter"),
    ("post_required_class_property", "explicit", "body_parameter"),
    ("post_required_array_parameter", "explicit", "body_parameter"),
    ("post_required_array_property", "explicit", "body_parameter"),
    ("post_required_array_header", "explicit", "header_parameter"),
]


@pytest.mark.parametrize(("method", "group", "argument"), REQUIRED)
def test_required_none_is_refused_before_sending(
    client: Any, reqopt: ModuleType, testserver: TestServer, method: str, group: str, argument: str
) -> None:
    errors = submodule(reqopt, "exceptions")
    before = testserver.report("vanilla")
    with pytest.raises(errors.ValidationError, match=f"^{argument} must not be None$"):
        getattr(getattr(client, group), method)(None)
    assert testserver.report("vanilla") == before


def test_required_client_values_are_checked_when_the_client_is_made(
    reqopt: ModuleType, testserver: TestServer
) -> None:
    errors = submodule(reqopt, "exceptions")
    with pytest.raises(errors.ValidationError, match="required_global_path must not be None"):
        reqopt.AutoRestRequiredOptionalTestService(None, "q", endpoint=testserver.url)
    with pytest.raises(errors.ValidationError, match="required_global_query must not be None"):
        reqopt.AutoRestRequiredOptionalTestService("p", None, endpoint=testserver.url)


def test_optional_client_query_value_left_out(reqopt: ModuleType, testserver: TestServer) -> None:
    with reqopt.AutoRestRequiredOptionalTestService(
        "p", "q", endpoint=testserver.url, optional_global_query=None
    ) as service:
        assert (
            hit(testserver, "OptionalGlobalQuery", service.implicit.get_optional_global_query)
            is None
        )
