"""azure-parameter-grouping.json: parameters passed as group models (required and optional
groups, several groups, a group shared by two operations, reserved words, a constant)."""

from __future__ import annotations

import asyncio
import importlib
import inspect
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("azure-parameter-grouping.json")


@pytest.fixture(scope="module")
def models(package: ModuleType) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.models")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestParameterGroupingTestService(endpoint=testserver.url) as service:
        yield service


def _accepted(testserver: TestServer, scenario: str, *calls: Callable[[], Any]) -> None:
    """Each call is a request the server accepts (it answers 400 to unexpected values)."""
    before = testserver.report("azure")[scenario]
    for call in calls:
        assert call() is None
    assert testserver.report("azure")[scenario] == before + len(calls)


def test_required_group(client: Any, models: ModuleType, testserver: TestServer) -> None:
    group = models.ParameterGroupingPostRequiredParameters
    _accepted(
        testserver,
        "postParameterGroupingRequiredParameters",
        lambda: client.parameter_grouping.post_required(
            group(body=1234, path="path", custom_header="header", query=21)
        ),
        # The spec's default (30) is the field's default; None leaves the value out.
        lambda: client.parameter_grouping.post_required(group(body=1234, path="path", query=None)),
    )


def test_group_holds_the_arguments_and_their_defaults(client: Any, models: ModuleType) -> None:
    parameters = inspect.signature(client.parameter_grouping.post_required).parameters
    assert "parameter_grouping_post_required_parameters" in parameters
    assert not {"body", "path", "custom_header", "query"} & set(parameters)
    group = models.ParameterGroupingPostRequiredParameters(body=1, path="p")
    assert (group.query, group.custom_header) == (30, None)
    with pytest.raises(TypeError):
        models.ParameterGroupingPostRequiredParameters(body=1)  # path is required


def test_optional_group(client: Any, models: ModuleType, testserver: TestServer) -> None:
    group = models.ParameterGroupingPostOptionalParameters(custom_header="header", query=21)
    _accepted(
        testserver,
        "postParameterGroupingOptionalParameters",
        lambda: client.parameter_grouping.post_optional(
            parameter_grouping_post_optional_parameters=group
        ),
        lambda: client.parameter_grouping.post_optional(),
    )


def test_reserved_words_in_a_group(client: Any, models: ModuleType, testserver: TestServer) -> None:
    group = models.ParameterGroupingPostReservedWordsParameters(from_="bob", accept="yes")
    _accepted(
        testserver,
        "PostParameterGroupingWithReservedWords",
        lambda: client.parameter_grouping.post_reserved_words(
            parameter_grouping_post_reserved_words_parameters=group
        ),
    )


def test_two_groups(client: Any, models: ModuleType, testserver: TestServer) -> None:
    first = models.FirstParameterGroup(header_one="header", query_one=21)
    second = models.ParameterGroupingPostMultiParamGroupsSecondParamGroup(
        header_two="header2", query_two=42
    )
    _accepted(
        testserver,
        "postParameterGroupingMultipleParameterGroups",
        lambda: client.parameter_grouping.post_multi_param_groups(
            first_parameter_group=first,
            parameter_grouping_post_multi_param_groups_second_param_group=second,
        ),
    )


def test_group_shared_by_two_operations(
    client: Any, models: ModuleType, testserver: TestServer
) -> None:
    shared = models.FirstParameterGroup(header_one="header", query_one=21)
    _accepted(
        testserver,
        "postParameterGroupingSharedParameterGroupObject",
        lambda: client.parameter_grouping.post_shared_parameter_group_object(
            first_parameter_group=shared
        ),
    )


def test_group_with_a_constant(client: Any, models: ModuleType, testserver: TestServer) -> None:
    grouper = models.Grouper(
        grouped_constant=models.EncryptionAlgorithmType.FOO, grouped_parameter="bar"
    )
    _accepted(
        testserver,
        "PutParameterGroupingConstant",
        lambda: client.parameter_grouping.group_with_constant(grouper=grouper),
    )


def test_async_client(package: ModuleType, models: ModuleType, testserver: TestServer) -> None:
    aio = importlib.import_module(f"{package.__name__}.aio")
    group = models.ParameterGroupingPostRequiredParameters(body=1234, path="path", query=21)

    async def call() -> Any:
        async with aio.AutoRestParameterGroupingTestService(endpoint=testserver.url) as service:
            return await service.parameter_grouping.post_required(group)

    before = testserver.report("azure")["postParameterGroupingRequiredParameters"]
    assert asyncio.run(call()) is None
    assert testserver.report("azure")["postParameterGroupingRequiredParameters"] == before + 1
