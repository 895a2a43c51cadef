"""multiapi-v1/v2/v3.json (and the two custom-base-url ones) as one multi-API package: a subpackage
per api-version and a client that serves each operation from the api-version it is given or, without
one, from the newest api-version that has the operation.

The mock never counts MultiapiPostTestFourApiVersionThreePDF and MultiapiDifferentCalls* (its
handlers read the count without adding to it; see EXCEPTIONS.md): their tests assert that the
server accepted the request (it answers 400 to anything else) instead.
"""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.scenario_hits import ahit, hit
from tests.testserver.server import TestServer

OPTIONAL = "optional"


@pytest.fixture(scope="module")
def multiapi(generated_clients) -> ModuleType:
    return generated_clients.multiapi(
        "multiapi", "multiapi-v1.json", "multiapi-v2.json", "multiapi-v3.json"
    )


@pytest.fixture(scope="module")
def custom_base_url(generated_clients) -> ModuleType:
    return generated_clients.multiapi(
        "multiapi_custom_base_url",
        "multiapi-v1-custom-base-url.json",
        "multiapi-v2-custom-base-url.json",
    )


def test_package_lists_its_api_versions(multiapi: ModuleType) -> None:
    assert multiapi.API_VERSIONS == ("1.0.0", "2.0.0", "3.0.0")
    assert multiapi.LATEST_API_VERSION == "3.0.0"
    for sub, api_version in (("v1_0_0", "1.0.0"), ("v2_0_0", "2.0.0"), ("v3_0_0", "3.0.0")):
        version = importlib.import_module(f"multiapi.{sub}")
        assert api_version == version.VERSION


def test_default_serves_each_operation_from_the_newest_version_with_it(
    multiapi: ModuleType, testserver: TestServer
) -> None:
    with multiapi.MultiapiServiceClient(endpoint=testserver.url) as client:
        assert client.api_version == "3.0.0"
        # testOne is in 1.0.0 and 2.0.0: 2.0.0 serves it, and its model is 2.0.0's.
        one = hit(
            testserver,
            "MultiapiPutTestOneApiVersionTwo",
            lambda: client.test_one(id=1, message=None),
            OPTIONAL,
        )
        assert type(one).__module__.startswith("multiapi.v2_0_0.models")
        assert (one.id, one.message) == (1, "This was called with api-version 2.0.0")
        two = hit(
            testserver,
            "MultiapiGetTestTwoApiVersionThree",
            client.operation_group_one.test_two,
            OPTIONAL,
        )
        assert isinstance(two, models(multiapi).ModelThree)
        assert two.optional_property == "This was called with api-version 3.0.0"
        # testThree is only in 2.0.0, though its group is in 3.0.0 too.
        assert (
            hit(
                testserver,
                "MultiapiPutTestThreeApiVersionTwo",
                client.operation_group_one.test_three,
                OPTIONAL,
            )
            is None
        )
        assert (
            hit(
                testserver,
                "MultiapiPutTestFiveApiVersionThree",
                client.operation_group_two.test_five,
                OPTIONAL,
            )
            is None
        )
        source = models(multiapi).SourcePath(source="https://example.org/doc.pdf")
        assert (
            hit(
                testserver,
                "MultiapiPostTestFourApiVersionThreeJSON",
                lambda: client.operation_group_two.test_four(input=source),
                OPTIONAL,
            )
            is None
        )


def test_an_older_api_version_serves_every_operation(
    multiapi: ModuleType, testserver: TestServer
) -> None:
    with multiapi.MultiapiServiceClient(endpoint=testserver.url, api_version="1.0.0") as client:
        assert client.api_version == "1.0.0"
        assert (
            hit(
                testserver,
                "MultiapiPutTestOneApiVersionOne",
                lambda: client.test_one(id=1, message=None),
                OPTIONAL,
            )
            is None
        )
        assert (
            hit(
                testserver,
                "MultiapiGetTestTwoApiVersionOne",
                client.operation_group_one.test_two,
                OPTIONAL,
            )
            is None
        )
        with pytest.raises(
            importlib.import_module("multiapi.exceptions").UnsupportedOperationError,
            match="api-version 1.0.0 has no operation "
            r"operation_group_two.test_four; it is in api-version 3.0.0, 2.0.0",
        ):
            client.operation_group_two.test_four  # noqa: B018
        assert "test_one" in dir(client) and "test_paging" not in dir(client)
        with pytest.raises(AttributeError, match="has no operation test_paging"):
            client.test_paging()
    with multiapi.MultiapiServiceClient(endpoint=testserver.url, api_version="2.0.0") as client:
        two = hit(
            testserver,
            "MultiapiGetTestTwoApiVersionTwo",
            client.operation_group_one.test_two,
            OPTIONAL,
        )
        assert (two.id, two.message) == (1, "This was called with api-version 2.0.0")
        assert (
            hit(
                testserver,
                "MultiapiPostTestFourApiVersionTwo",
                lambda: client.operation_group_two.test_four(True),
                OPTIONAL,
            )
            is None
        )


def test_an_unknown_api_version_is_refused(multiapi: ModuleType) -> None:
    with pytest.raises(
        ValueError, match=r"'4.0.0' is not one of this client's: 1.0.0, 2.0.0, 3.0.0"
    ):
        multiapi.MultiapiServiceClient(api_version="4.0.0")


def test_long_running_and_paged_operations_of_the_one_version_that_has_them(
    multiapi: ModuleType, testserver: TestServer
) -> None:
    with multiapi.MultiapiServiceClient(endpoint=testserver.url) as client:
        poller = hit(
            testserver,
            "MultiapiLRO",
            lambda: client.begin_test_lro(
                product=client_model(multiapi, "v1_0_0", "Product")(id=1)
            ),
            OPTIONAL,
        )
        product = poller.result()
        assert product.id == 100  # the mock sends "100"
        pager = hit(
            testserver,
            "MultiapiLROAndPaging",
            lambda: client.begin_test_lro_and_paging().result(),
            OPTIONAL,
        )
        assert [p.id for p in pager] == [100]
        # Page 2 is counted only when its request carries api-version 3.0.0, though the
        # operation declares none: the client's own api-version goes with every next link.
        paged = two_pages(testserver, "MultiapiPaging", lambda: list(client.test_paging()))
        assert [m.optional_property for m in paged] == ["paged", "paged"]
        grouped = two_pages(
            testserver,
            "MultiapiOperationGroupPaging",
            lambda: list(client.operation_group_one.test_operation_group_paging()),
        )
        assert [m.optional_property for m in grouped] == ["paged", "paged"]


def two_pages(testserver: TestServer, scenario: str, call: Callable[[], Any]) -> Any:
    """The mock counts each page it serves; the second only with api-version 3.0.0."""
    before = testserver.report(OPTIONAL).get(scenario, 0)
    result = call()
    assert testserver.report(OPTIONAL).get(scenario, 0) == before + 2, scenario
    return result


def models(multiapi: ModuleType) -> ModuleType:
    return importlib.import_module(f"{multiapi.__name__}.models")


def client_model(multiapi: ModuleType, sub: str, name: str) -> type:
    return getattr(importlib.import_module(f"{multiapi.__name__}.{sub}.models"), name)


def test_calls_the_mock_accepts_but_does_not_count(
    multiapi: ModuleType, testserver: TestServer
) -> None:
    # The mock answers 400 (raised as HttpResponseError) unless the headers are exactly these.
    with multiapi.MultiapiServiceClient(endpoint=testserver.url, api_version="1.0.0") as client:
        assert client.test_different_calls(greeting_in_english="hello") is None
    with multiapi.MultiapiServiceClient(endpoint=testserver.url, api_version="2.0.0") as client:
        assert (
            client.test_different_calls(greeting_in_english="hello", greeting_in_chinese="nihao")
            is None
        )
    with multiapi.MultiapiServiceClient(endpoint=testserver.url) as client:
        assert (
            client.test_different_calls(
                greeting_in_english="hello",
                greeting_in_chinese="nihao",
                greeting_in_french="bonjour",
            )
            is None
        )
        assert (
            client.operation_group_two.test_four(input=b"PDF", content_type="application/pdf")
            is None
        )
        errors = importlib.import_module("multiapi.exceptions")
        with pytest.raises(errors.HttpResponseError) as caught:
            client.test_different_calls(greeting_in_english="hello")
        assert caught.value.status_code == 400
        assert (
            type(caught.value)
            is importlib.import_module("multiapi.v3_0_0.exceptions").HttpResponseError
        )
    with multiapi.MultiapiServiceClient(endpoint=testserver.url, api_version="1.0.0") as client:
        with pytest.raises(errors.HttpResponseError) as caught:
            client.test_different_calls(greeting_in_english="bonjour")
        assert caught.value.status_code == 400
        assert (
            type(caught.value)
            is importlib.import_module("multiapi.v1_0_0.exceptions").HttpResponseError
        )


def test_version_clients_are_made_on_first_use(
    multiapi: ModuleType, testserver: TestServer
) -> None:
    for name in [m for m in sys.modules if m.startswith("multiapi.v1_0_0")]:
        del sys.modules[name]
    with multiapi.MultiapiServiceClient(endpoint=testserver.url) as client:
        assert client._versions.made() == []
        assert "multiapi.v1_0_0" not in sys.modules
        client.test_one(id=1, message=None)
        assert [c.api_version for c in client._versions.made()] == ["2.0.0"]
        assert "multiapi.v1_0_0" not in sys.modules
        client.test_one(id=1, message=None)
        assert len(client._versions.made()) == 1  # made once


def test_custom_base_url_per_api_version(
    custom_base_url: ModuleType, testserver: TestServer
) -> None:
    client_class = custom_base_url.MultiapiCustomBaseUrlServiceClient
    with client_class(testserver.url, api_version="1.0.0") as client:
        assert (
            hit(
                testserver,
                "MultiapiCustomBaseUrlApiVersionOne",
                lambda: client.test(id=1),
                OPTIONAL,
            )
            is None
        )
    with client_class(testserver.url) as client:
        assert (
            hit(
                testserver,
                "MultiapiCustomBaseUrlApiVersionTwo",
                lambda: client.test(id=2),
                OPTIONAL,
            )
            is None
        )


def test_asyncio_client(multiapi: ModuleType, testserver: TestServer) -> None:
    aio = importlib.import_module("multiapi.aio")

    async def calls() -> None:
        async with aio.MultiapiServiceClient(endpoint=testserver.url) as client:
            one = await ahit(
                testserver,
                "MultiapiPutTestOneApiVersionTwo",
                lambda: client.test_one(id=1, message=None),
                OPTIONAL,
            )
            assert one.message == "This was called with api-version 2.0.0"
            paged = [m.optional_property async for m in client.test_paging()]
            assert paged == ["paged", "paged"]
            assert await client.operation_group_one.test_three() is None
        async with aio.MultiapiServiceClient(
            endpoint=testserver.url, api_version="1.0.0"
        ) as client:
            assert await client.operation_group_one.test_two() is None
            poller = await client.begin_test_lro(product=None)
            assert (await poller.result()).id == 100

    asyncio.run(calls())
