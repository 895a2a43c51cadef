"""azure-special-properties.json: subscription id and api-version from the client or the method,
x-ms-client-request-id (sent, overwritten, custom-named, grouped, returned), skip-url-encoding,
and OData query options."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer

SUBSCRIPTION = "1234-5678-9012-3456"
REQUEST_ID = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("azure-special-properties.json")


def _sub(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestAzureSpecialParametersTestClient(
        SUBSCRIPTION, endpoint=testserver.url
    ) as service:
        yield service


def _accepted(testserver: TestServer, scenario: str, call: Callable[[], Any]) -> None:
    """The server counts a scenario only for the exact request it expects (and answers 200)."""
    before = testserver.report("azure")[scenario]
    assert call() is None
    assert testserver.report("azure")[scenario] == before + 1


SUBSCRIPTION_CASES = [
    (
        "AzureSubscriptionMethodGlobalValid",
        "subscription_in_credentials",
        "post_method_global_valid",
        (),
    ),
    (
        "AzureSubscriptionMethodGlobalNotProvidedValid",
        "subscription_in_credentials",
        "post_method_global_not_provided_valid",
        (),
    ),
    (
        "AzureSubscriptionPathGlobalValid",
        "subscription_in_credentials",
        "post_path_global_valid",
        (),
    ),
    (
        "AzureSubscriptionSwaggerGlobalValid",
        "subscription_in_credentials",
        "post_swagger_global_valid",
        (),
    ),
    (
        "AzureSubscriptionMethodLocalValid",
        "subscription_in_method",
        "post_method_local_valid",
        (SUBSCRIPTION,),
    ),
    (
        "AzureSubscriptionPathLocalValid",
        "subscription_in_method",
        "post_path_local_valid",
        (SUBSCRIPTION,),
    ),
    (
        "AzureSubscriptionSwaggerLocalValid",
        "subscription_in_method",
        "post_swagger_local_valid",
        (SUBSCRIPTION,),
    ),
]


@pytest.mark.parametrize(
    ("scenario", "group", "method", "args"),
    SUBSCRIPTION_CASES,
    ids=[c[0] for c in SUBSCRIPTION_CASES],
)
def test_subscription_id(
    scenario: str,
    group: str,
    method: str,
    args: tuple[str, ...],
    client: Any,
    testserver: TestServer,
) -> None:
    _accepted(testserver, scenario, lambda: getattr(getattr(client, group), method)(*args))


def test_subscription_id_of_the_client_is_not_a_method_argument(client: Any) -> None:
    with pytest.raises(TypeError):
        client.subscription_in_credentials.post_method_global_valid(SUBSCRIPTION)


API_VERSION_CASES = [
    ("AzureApiVersionMethodGlobalValid", "api_version_default", "get_method_global_valid", {}),
    (
        "AzureApiVersionMethodGlobalNotProvidedValid",
        "api_version_default",
        "get_method_global_not_provided_valid",
        {},
    ),
    ("AzureApiVersionPathGlobalValid", "api_version_default", "get_path_global_valid", {}),
    ("AzureApiVersionSwaggerGlobalValid", "api_version_default", "get_swagger_global_valid", {}),
    ("AzureApiVersionMethodLocalValid", "api_version_local", "get_method_local_valid", {}),
    ("AzureApiVersionMethodLocalNull", "api_version_local", "get_method_local_null", {}),
    ("AzureApiVersionPathLocalValid", "api_version_local", "get_path_local_valid", {}),
    ("AzureApiVersionSwaggerLocalValid", "api_version_local", "get_swagger_local_valid", {}),
]


@pytest.mark.parametrize(
    ("scenario", "group", "method", "kwargs"),
    API_VERSION_CASES,
    ids=[c[0] for c in API_VERSION_CASES],
)
def test_api_version(
    scenario: str,
    group: str,
    method: str,
    kwargs: dict[str, Any],
    client: Any,
    testserver: TestServer,
) -> None:
    _accepted(testserver, scenario, lambda: getattr(getattr(client, group), method)(**kwargs))


def test_client_api_version_is_the_spec_version(client: Any) -> None:
    assert client.api_version == "2015-07-01-preview"


SKIP_ENCODING_CASES = [
    ("AzureMethodPathUrlEncoding", "get_method_path_valid", ("path1/path2/path3",)),
    ("AzurePathPathUrlEncoding", "get_path_path_valid", ("path1/path2/path3",)),
    ("AzureSwaggerPathUrlEncoding", "get_swagger_path_valid", ()),
    ("AzureMethodQueryUrlEncodingNull", "get_method_query_null", ()),
    ("AzureMethodQueryUrlEncoding", "get_method_query_valid", ("value1&q2=value2&q3=value3",)),
    ("AzurePathQueryUrlEncoding", "get_path_query_valid", ("value1&q2=value2&q3=value3",)),
    ("AzureSwaggerQueryUrlEncoding", "get_swagger_query_valid", ()),
]


@pytest.mark.parametrize(
    ("scenario", "method", "args"), SKIP_ENCODING_CASES, ids=[c[0] for c in SKIP_ENCODING_CASES]
)
def test_skip_url_encoding(
    scenario: str, method: str, args: tuple[str, ...], client: Any, testserver: TestServer
) -> None:
    _accepted(testserver, scenario, lambda: getattr(client.skip_url_encoding, method)(*args))


def test_odata_query_options(client: Any, testserver: TestServer) -> None:
    _accepted(
        testserver,
        "AzureODataFilter",
        lambda: client.odata.get_with_filter(
            filter="id gt 5 and name eq 'foo'", top=10, orderby="id"
        ),
    )


def test_client_request_id_given_per_call(client: Any, testserver: TestServer) -> None:
    returned: list[Any] = []

    def keep(response: Any, value: Any, headers: Any) -> None:
        returned.append(
            (
                response.request.headers["x-ms-client-request-id"],
                response.headers["x-ms-request-id"],
            )
        )

    _accepted(
        testserver,
        "AzureXmsRequestClientOverwrite",
        lambda: client.x_ms_client_request_id.get(
            headers={"x-ms-client-request-id": REQUEST_ID}, cls=keep
        ),
    )
    assert returned == [(REQUEST_ID, "123")]


def test_every_request_carries_a_generated_client_request_id(
    client: Any, testserver: TestServer, package: ModuleType
) -> None:
    # The server answers 400 to an id other than its fixed one: the generated id is sent.
    errors = _sub(package, "exceptions")
    before = testserver.report("azure")["AzureRequestClientIdInError"]
    with pytest.raises(errors.HttpResponseError) as caught:
        client.x_ms_client_request_id.get()
    sent = caught.value.response.request.headers["x-ms-client-request-id"]
    assert len(sent) == 36 and sent != REQUEST_ID
    assert caught.value.status_code == 400
    assert testserver.report("azure")["AzureRequestClientIdInError"] == before + 1


def _request(response: Any, result: Any, headers: dict[str, Any]) -> Any:
    assert result is None
    return response.request


def test_a_none_header_leaves_the_client_request_id_out(
    client: Any, testserver: TestServer, package: ModuleType
) -> None:
    before = testserver.report("azure")
    request = client.x_ms_client_request_id.get(
        headers={"x-ms-client-request-id": None}, cls=_request
    )
    after = testserver.report("azure")
    assert "x-ms-client-request-id" not in request.headers
    assert after["AzureXmsRequestClientIdNull"] == before["AzureXmsRequestClientIdNull"] + 1
    assert after["AzureRequestClientIdInError"] == before["AzureRequestClientIdInError"]
    # Any spelling of the name; other headers the method sets stay.
    request = client.x_ms_client_request_id.get(
        headers={"X-MS-Client-Request-Id": None}, cls=_request
    )
    assert "x-ms-client-request-id" not in request.headers
    assert request.headers["Accept"] == "application/json"


def test_an_empty_client_request_id_is_replaced(
    client: Any, testserver: TestServer, package: ModuleType
) -> None:
    errors = _sub(package, "exceptions")
    before = testserver.report("azure")["AzureRequestClientIdInError"]
    with pytest.raises(errors.HttpResponseError) as caught:
        client.x_ms_client_request_id.get(headers={"x-ms-client-request-id": ""})
    assert len(caught.value.response.request.headers["x-ms-client-request-id"]) == 36
    assert testserver.report("azure")["AzureRequestClientIdInError"] == before + 1


def test_async_none_header_leaves_the_client_request_id_out(
    package: ModuleType, testserver: TestServer
) -> None:
    aio = _sub(package, "aio")

    async def call() -> Any:
        async with aio.AutoRestAzureSpecialParametersTestClient(
            SUBSCRIPTION, endpoint=testserver.url
        ) as service:
            return await service.x_ms_client_request_id.get(
                headers={"x-ms-client-request-id": None}, cls=_request
            )

    before = testserver.report("azure")["AzureXmsRequestClientIdNull"]
    request = asyncio.run(call())
    assert "x-ms-client-request-id" not in request.headers
    assert testserver.report("azure")["AzureXmsRequestClientIdNull"] == before + 1


def test_client_request_id_as_a_parameter(client: Any, testserver: TestServer) -> None:
    _accepted(
        testserver,
        "AzureXmsRequestClientOverwriteViaParameter",
        lambda: client.x_ms_client_request_id.param_get(REQUEST_ID),
    )


def test_custom_named_request_id_is_sent_and_returned(client: Any, testserver: TestServer) -> None:
    before = testserver.report("azure")["AzureXmsCustomNamedRequestId"]
    post = client.header.custom_named_request_id(
        REQUEST_ID, cls=lambda response, value, headers: headers
    )
    head = client.header.custom_named_request_id_head(
        REQUEST_ID, cls=lambda response, value, headers: headers
    )
    assert post == {"foo-request-id": "123"}
    assert head["foo-request-id"] == "123"
    assert testserver.report("azure")["AzureXmsCustomNamedRequestId"] == before + 2


def test_custom_named_request_id_in_a_parameter_group(
    client: Any, testserver: TestServer, package: ModuleType
) -> None:
    group = _sub(package, "models").HeaderCustomNamedRequestIdParamGroupingParameters(
        foo_client_request_id=REQUEST_ID
    )
    _accepted(
        testserver,
        "AzureXmsCustomNamedRequestIdParameterGroup",
        lambda: client.header.custom_named_request_id_param_grouping(group),
    )


def test_async_client(package: ModuleType, testserver: TestServer) -> None:
    aio = _sub(package, "aio")

    async def calls() -> list[Any]:
        async with aio.AutoRestAzureSpecialParametersTestClient(
            SUBSCRIPTION, endpoint=testserver.url
        ) as service:
            return [
                await service.subscription_in_credentials.post_method_global_valid(),
                await service.api_version_local.get_method_local_valid(),
                await service.x_ms_client_request_id.get(
                    headers={"x-ms-client-request-id": REQUEST_ID}
                ),
            ]

    before = testserver.report("azure")
    assert asyncio.run(calls()) == [None, None, None]
    after = testserver.report("azure")
    for scenario in (
        "AzureSubscriptionMethodGlobalValid",
        "AzureApiVersionMethodLocalValid",
        "AzureXmsRequestClientOverwrite",
    ):
        assert after[scenario] == before[scenario] + 1
