"""lro.json through the generated client: begin_ methods return pollers that follow
Azure-AsyncOperation, Location or the resource itself, do the final GET, raise on failure, and can
be resumed from a continuation token; sync and async."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer

REQUEST_ID = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0"


@pytest.fixture(scope="module")
def lro(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("lro.json")


def _sub(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


def _client(lro: ModuleType, url: str, **retry: Any) -> Any:
    policy = _sub(lro, "_runtime.pipeline").RetryPolicy(backoff_factor=0.0, **retry)
    return lro.AutoRestLongRunningOperationTestService(endpoint=url, retry=policy)


@pytest.fixture
def client(lro: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with _client(lro, testserver.url) as service:
        yield service


def _counts(testserver: TestServer, scenarios: tuple[str, ...]) -> list[int]:
    reports = {"azure": testserver.report("azure"), "optional": testserver.report("optional")}
    return [reports["optional" if s in OPTIONAL else "azure"][s] for s in scenarios]


OPTIONAL = {"LROPatchInlineCompleteIgnoreHeaders"}


@dataclass(frozen=True)
class Case:
    scenarios: tuple[str, ...]
    group: str
    method: str
    check: Callable[[Any], None]
    body: str | None = "product"  # the keyword of the request body, if the operation has one
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.scenarios[0]


def _product(
    state: str | None, id_: str = "100", name: str | None = "foo"
) -> Callable[[Any], None]:
    def check(result: Any) -> None:
        assert type(result).__name__ == "Product"
        assert (result.id, result.name, result.provisioning_state) == (id_, name, state)

    return check


def _sku(result: Any) -> None:
    assert type(result).__name__ == "Sku"
    assert (result.name, result.id) == ("sku", "100")


def _sub_product(result: Any) -> None:
    assert type(result).__name__ == "SubProduct"
    assert (result.id, result.provisioning_state) == ("100", "Succeeded")


def _none(result: Any) -> None:
    assert result is None


def _product_list(result: Any) -> None:
    assert [(p.id, p.name) for p in result] == [("100", "foo")]


def _post_payload(result: Any) -> None:
    assert type(result).__name__ == "Sku"
    assert (result.id, result.name) == ("1", "product")


def _final_async_header(result: Any) -> None:
    # The status monitor's body is the result: {"status": "succeeded", "id": "100"}.
    assert (result.id, result.name) == ("100", None)


SUCCESSES = [
    Case(("LROPutInlineComplete",), "lros", "begin_put200_succeeded", _product("Succeeded")),
    Case(("LROPutInlineComplete201",), "lros", "begin_put201_succeeded", _product("Succeeded")),
    Case(
        ("LROPut200InlineCompleteNoState",),
        "lros",
        "begin_put200_succeeded_no_state",
        _product(None),
    ),
    Case(
        ("LROPatchInlineCompleteIgnoreHeaders",),
        "lros",
        "begin_patch200_succeeded_ignore_headers",
        _product("Succeeded"),
    ),
    Case(
        ("LROPatch201WithAsyncHeader",),
        "lros",
        "begin_patch201_retry_with_async_header",
        _product("Succeeded", "/lro/patch/201/retry/onlyAsyncHeader"),
    ),
    Case(
        ("LROPatch202WithAsyncAndLocationHeader",),
        "lros",
        "begin_patch202_retry_with_async_and_location_header",
        _product("Succeeded", "/lro/patch/202/retry/asyncAndLocationHeader"),
    ),
    Case(("LROPut202Retry200",), "lros", "begin_put202_retry200", _product(None)),
    Case(
        ("LROPutSucceededWithBody",),
        "lros",
        "begin_put201_creating_succeeded200",
        _product("Succeeded"),
    ),
    Case(
        ("LROPutSucceededNoBody",),
        "lros",
        "begin_put200_updating_succeeded204",
        _product("Succeeded"),
    ),
    Case(("LROPutNoHeaderInRetry",), "lros", "begin_put_no_header_in_retry", _product("Succeeded")),
    Case(
        ("LROPutAsyncRetrySucceeded",),
        "lros",
        "begin_put_async_retry_succeeded",
        _product("Succeeded"),
    ),
    Case(
        ("LROPutAsyncNoRetrySucceeded",),
        "lros",
        "begin_put_async_no_retry_succeeded",
        _product("Succeeded"),
    ),
    Case(
        ("LROPutAsyncNoHeaderInRetry",),
        "lros",
        "begin_put_async_no_header_in_retry",
        _product("Succeeded"),
    ),
    Case(("LROPutNonResourceInRetry",), "lros", "begin_put_non_resource", _sku, body="sku"),
    Case(
        ("LROPutNonResourceAsyncInRetry",), "lros", "begin_put_async_non_resource", _sku, body="sku"
    ),
    Case(("LROPutSubResourceInRetry",), "lros", "begin_put_sub_resource", _sub_product),
    Case(("LROPutSubResourceAsyncInRetry",), "lros", "begin_put_async_sub_resource", _sub_product),
    Case(
        ("LRODeleteProvisioningSucceededWithBody",),
        "lros",
        "begin_delete_provisioning202_accepted200_succeeded",
        _product("Succeeded"),
        body=None,
    ),
    # Location polling ends with the first answer that is not 202; its body is the result.
    Case(
        ("LRODeleteProvisioningFailed",),
        "lros",
        "begin_delete_provisioning202_deleting_failed200",
        _product("Failed"),
        body=None,
    ),
    Case(
        ("LRODeleteProvisioningCanceled",),
        "lros",
        "begin_delete_provisioning202_deletingcanceled200",
        _product("Canceled"),
        body=None,
    ),
    Case(("LRODeleteInlineComplete",), "lros", "begin_delete204_succeeded", _none, body=None),
    Case(("LRODelete200",), "lros", "begin_delete202_retry200", _none, body=None),
    Case(("LRODelete204",), "lros", "begin_delete202_no_retry204", _none, body=None),
    Case(
        ("LRODeleteNoHeaderInRetry",), "lros", "begin_delete_no_header_in_retry", _none, body=None
    ),
    Case(
        ("LRODeleteAsyncNoHeaderInRetry",),
        "lros",
        "begin_delete_async_no_header_in_retry",
        _none,
        body=None,
    ),
    Case(
        ("LRODeleteAsyncRetrySucceeded",),
        "lros",
        "begin_delete_async_retry_succeeded",
        _none,
        body=None,
    ),
    Case(
        ("LRODeleteAsyncNoRetrySucceeded",),
        "lros",
        "begin_delete_async_no_retry_succeeded",
        _none,
        body=None,
    ),
    Case(("LROPost200",), "lros", "begin_post200_with_payload", _post_payload, body=None),
    Case(("LROPostSuccededWithBody",), "lros", "begin_post202_retry200", _none),
    Case(("LROPostSuccededNoBody",), "lros", "begin_post202_no_retry204", _none),
    Case(
        (
            "LROPostDoubleHeadersFinalLocationPost",
            "LROPostDoubleHeadersFinalLocationAsync",
            "LROPostDoubleHeadersFinalLocationGet",
        ),
        "lros",
        "begin_post_double_headers_final_location_get",
        _product(None),
        body=None,
    ),
    Case(
        ("LROPostDoubleHeadersFinalAzureHeaderGet",),
        "lros",
        "begin_post_double_headers_final_azure_header_get",
        _final_async_header,
        body=None,
    ),
    Case(
        ("LROPostDoubleHeadersFinalAzureHeaderGetDefault",),
        "lros",
        "begin_post_double_headers_final_azure_header_get_default",
        _product(None),
        body=None,
    ),
    Case(("LROPostAndGetList",), "lros", "begin_post202_list", _product_list, body=None),
    Case(
        ("LROPostAsyncRetrySucceeded",),
        "lros",
        "begin_post_async_retry_succeeded",
        _product("Succeeded"),
    ),
    Case(
        ("LROPostAsyncNoRetrySucceeded",),
        "lros",
        "begin_post_async_no_retry_succeeded",
        _product("Succeeded"),
    ),
    Case(
        ("LRORetryPutSucceededWithBody",),
        "lro_retrys",
        "begin_put201_creating_succeeded200",
        _product("Succeeded"),
    ),
    Case(
        ("LRORetryErrorPutAsyncSucceeded", "LRORetryErrorPutAsyncSucceededPolling"),
        "lro_retrys",
        "begin_put_async_relative_retry_succeeded",
        _product("Succeeded"),
    ),
    Case(
        ("LRORetryErrorDelete202Accepted200Succeeded",),
        "lro_retrys",
        "begin_delete_provisioning202_accepted200_succeeded",
        _product("Succeeded"),
        body=None,
    ),
    Case(
        ("LRORetryErrorDelete202Retry200Succeeded",),
        "lro_retrys",
        "begin_delete202_retry200",
        _none,
        body=None,
    ),
    Case(
        ("LRORetryErrorDeleteAsyncRetrySucceeded",),
        "lro_retrys",
        "begin_delete_async_relative_retry_succeeded",
        _none,
        body=None,
    ),
    Case(("LROErrorDeleteNoLocation",), "lrosads", "begin_delete204_succeeded", _none, body=None),
]
CUSTOM_HEADER = [
    Case(
        ("CustomHeaderPutAsyncSucceded",),
        "lros_custom_header",
        "begin_put_async_retry_succeeded",
        _product("Succeeded"),
    ),
    Case(
        ("CustomHeaderPostAsyncSucceded",),
        "lros_custom_header",
        "begin_post_async_retry_succeeded",
        _none,
    ),
    Case(
        ("CustomHeaderPutSucceeded",),
        "lros_custom_header",
        "begin_put201_creating_succeeded200",
        _product("Succeeded"),
    ),
    Case(("CustomHeaderPostSucceeded",), "lros_custom_header", "begin_post202_retry200", _none),
]
# POST is not sent again after a 500 unless the client allows it.
POST_RETRIES = [
    Case(("LRORetryErrorPost202Retry200Succeeded",), "lro_retrys", "begin_post202_retry200", _none),
    Case(
        ("LRORetryErrorPostAsyncRetrySucceeded",),
        "lro_retrys",
        "begin_post_async_relative_retry_succeeded",
        _none,
    ),
]


def _begin(lro: ModuleType, service: Any, case: Case, **extra: Any) -> Any:
    kwargs: dict[str, Any] = {"polling_interval": 0, **case.kwargs, **extra}
    if case.body == "product":
        kwargs["product"] = _sub(lro, "models").Product(location="West US")
    elif case.body == "sku":
        kwargs["sku"] = _sub(lro, "models").Sku(name="doesNotMatter")
    return getattr(getattr(service, case.group), case.method)(**kwargs)


def _run(lro: ModuleType, testserver: TestServer, service: Any, case: Case, **extra: Any) -> None:
    before = _counts(testserver, case.scenarios)
    poller = _begin(lro, service, case, **extra)
    result = poller.result()
    assert poller.done()
    assert poller.status() == "Succeeded"
    case.check(result)
    after = _counts(testserver, case.scenarios)
    assert all(a > b for a, b in zip(after, before, strict=True)), case.scenarios


@pytest.mark.parametrize("case", SUCCESSES, ids=lambda c: c.id)
def test_operation_succeeds(
    case: Case, client: Any, lro: ModuleType, testserver: TestServer
) -> None:
    _run(lro, testserver, client, case)


@pytest.mark.parametrize("case", CUSTOM_HEADER, ids=lambda c: c.id)
def test_client_request_id_goes_with_every_status_request(
    case: Case, client: Any, lro: ModuleType, testserver: TestServer
) -> None:
    # The server answers 400 to any request of these operations without this request id.
    _run(lro, testserver, client, case, headers={"x-ms-client-request-id": REQUEST_ID})


@pytest.mark.parametrize("case", POST_RETRIES, ids=lambda c: c.id)
def test_post_is_retried_when_the_client_allows_it(
    case: Case, lro: ModuleType, testserver: TestServer
) -> None:
    with _client(lro, testserver.url, retry_non_idempotent=True) as service:
        _run(lro, testserver, service, case)


def test_post_is_not_retried_by_default(client: Any, lro: ModuleType) -> None:
    errors = _sub(lro, "exceptions")
    with pytest.raises(errors.HttpResponseError) as caught:
        _begin(lro, client, POST_RETRIES[0])
    assert caught.value.status_code == 500


FAILED = [
    (("LROPutFailed",), "lros", "begin_put201_creating_failed200", "Failed", "product"),
    (("LROPutCanceled",), "lros", "begin_put200_acceptedcanceled200", "Canceled", "product"),
    (("LROPutAsyncRetryFailed",), "lros", "begin_put_async_retry_failed", "Failed", "product"),
    (
        ("LROPutAsyncNoRetryCanceled",),
        "lros",
        "begin_put_async_no_retrycanceled",
        "Canceled",
        "product",
    ),
    (("LRODeleteAsyncRetryFailed",), "lros", "begin_delete_async_retry_failed", "Failed", None),
    (
        ("LRODeleteAsyncRetryCanceled",),
        "lros",
        "begin_delete_async_retrycanceled",
        "Canceled",
        None,
    ),
    (("LROPostAsyncRetryFailed",), "lros", "begin_post_async_retry_failed", "Failed", "product"),
    (
        ("LROPostAsyncRetryCanceled",),
        "lros",
        "begin_post_async_retrycanceled",
        "Canceled",
        "product",
    ),
]


@pytest.mark.parametrize(
    ("scenarios", "group", "method", "status", "body"), FAILED, ids=[f[0][0] for f in FAILED]
)
def test_failed_or_canceled_operation_raises(
    scenarios: tuple[str, ...],
    group: str,
    method: str,
    status: str,
    body: str | None,
    client: Any,
    lro: ModuleType,
    testserver: TestServer,
) -> None:
    errors = _sub(lro, "exceptions")
    case = Case(scenarios, group, method, _none, body=body)
    before = _counts(testserver, scenarios)
    poller = _begin(lro, client, case)
    with pytest.raises(errors.HttpResponseError) as caught:
        poller.result()
    assert f"status '{status}'" in str(caught.value)
    assert poller.done() and poller.status() == status
    assert _counts(testserver, scenarios)[0] > before[0]


def test_failed_operation_carries_the_error_model(client: Any, lro: ModuleType) -> None:
    errors = _sub(lro, "exceptions")
    poller = client.lros.begin_post_async_retry_failed(
        product=_sub(lro, "models").Product(location="West US"), polling_interval=0
    )
    with pytest.raises(errors.HttpResponseError) as caught:
        poller.result()
    # {"status": "Failed", "error": {"code": 500, "message": "Internal Server Error"}}
    assert caught.value.status_code == 200
    assert caught.value.model is not None
    assert "Internal Server Error" in str(caught.value)


# (scenario, group, method, body, raised at begin_ or at result(), expected exception, status)
SAD = [
    ("LRONonRetryPut400", "begin_put_non_retry400", "product", "begin", "HttpResponseError", 400),
    (
        "LRONonRetryPut201Creating400",
        "begin_put_non_retry201_creating400",
        "product",
        "result",
        "HttpResponseError",
        400,
    ),
    (
        "LRONonRetryPut201Creating400InvalidJson",
        "begin_put_non_retry201_creating400_invalid_json",
        "product",
        "result",
        "HttpResponseError",
        400,
    ),
    (
        "LRONonRetryPutAsyncRetry400",
        "begin_put_async_relative_retry400",
        "product",
        "result",
        "HttpResponseError",
        400,
    ),
    ("LRONonRetryDelete400", "begin_delete_non_retry400", None, "begin", "HttpResponseError", 400),
    (
        "LRONonRetryDelete202Retry400",
        "begin_delete202_non_retry400",
        None,
        "result",
        "HttpResponseError",
        400,
    ),
    (
        "LRONonRetryDeleteAsyncRetry400",
        "begin_delete_async_relative_retry400",
        None,
        "result",
        "HttpResponseError",
        400,
    ),
    ("LRONonRetryPost400", "begin_post_non_retry400", "product", "begin", "HttpResponseError", 400),
    (
        "LRONonRetryPost202Retry400",
        "begin_post202_non_retry400",
        "product",
        "result",
        "HttpResponseError",
        400,
    ),
    (
        "LRONonRetryPostAsyncRetry400",
        "begin_post_async_relative_retry400",
        "product",
        "result",
        "HttpResponseError",
        400,
    ),
    # A PUT's resource read back without a body (201, then 200 with nothing).
    (
        "LROErrorPut201NoProvisioningStatePayload",
        "begin_put_error201_no_provisioning_state_payload",
        "product",
        "result",
        "HttpResponseError",
        200,
    ),
    (
        "LROErrorPutAsyncNoPollingStatus",
        "begin_put_async_relative_retry_no_status",
        "product",
        "result",
        "HttpResponseError",
        200,
    ),
    (
        "LROErrorPutAsyncNoPollingStatusPayload",
        "begin_put_async_relative_retry_no_status_payload",
        "product",
        "result",
        "HttpResponseError",
        200,
    ),
    (
        "LROErrorDeleteAsyncNoPollingStatus",
        "begin_delete_async_relative_retry_no_status",
        None,
        "result",
        "HttpResponseError",
        200,
    ),
    # 202 Accepted without any header to follow the operation with.
    (
        "LROErrorPostNoLocation",
        "begin_post202_no_location",
        "product",
        "begin",
        "HttpResponseError",
        202,
    ),
    (
        "LROErrorPostAsyncNoPollingPayload",
        "begin_post_async_relative_retry_no_payload",
        "product",
        "result",
        "HttpResponseError",
        200,
    ),
    (
        "LROErrorPut200InvalidJson",
        "begin_put200_invalid_json",
        "product",
        "begin",
        "DecodeError",
        200,
    ),
    # The status URL "/foo" resolves against the endpoint, where nothing answers.
    (
        "LROErrorPutAsyncInvalidHeader",
        "begin_put_async_relative_retry_invalid_header",
        "product",
        "result",
        "ResourceNotFoundError",
        404,
    ),
    (
        "LROErrorPutAsyncInvalidJsonPolling",
        "begin_put_async_relative_retry_invalid_json_polling",
        "product",
        "result",
        "DecodeError",
        200,
    ),
    (
        "LROErrorDelete202RetryInvalidHeader",
        "begin_delete202_retry_invalid_header",
        None,
        "result",
        "ResourceNotFoundError",
        404,
    ),
    (
        "LROErrorDeleteAsyncInvalidHeader",
        "begin_delete_async_relative_retry_invalid_header",
        None,
        "result",
        "ResourceNotFoundError",
        404,
    ),
    (
        "LROErrorDeleteAsyncInvalidJsonPolling",
        "begin_delete_async_relative_retry_invalid_json_polling",
        None,
        "result",
        "DecodeError",
        200,
    ),
    (
        "LROErrorPost202RetryInvalidHeader",
        "begin_post202_retry_invalid_header",
        "product",
        "result",
        "ResourceNotFoundError",
        404,
    ),
    (
        "LROErrorPostAsyncInvalidHeader",
        "begin_post_async_relative_retry_invalid_header",
        "product",
        "result",
        "ResourceNotFoundError",
        404,
    ),
    (
        "LROErrorPostAsyncInvalidJsonPolling",
        "begin_post_async_relative_retry_invalid_json_polling",
        "product",
        "result",
        "DecodeError",
        200,
    ),
]


@pytest.mark.parametrize(
    ("scenario", "method", "body", "when", "error", "status"), SAD, ids=[s[0] for s in SAD]
)
def test_sad_path_raises(
    scenario: str,
    method: str,
    body: str | None,
    when: str,
    error: str,
    status: int,
    client: Any,
    lro: ModuleType,
    testserver: TestServer,
) -> None:
    errors = _sub(lro, "exceptions")
    case = Case((scenario,), "lrosads", method, _none, body=body)
    before = _counts(testserver, case.scenarios)
    with pytest.raises(errors.HttpResponseError) as caught:
        poller = _begin(lro, client, case)
        assert when == "result", "begin_ should have raised"
        poller.result()
    assert type(caught.value).__name__ == error
    assert caught.value.status_code == status
    assert _counts(testserver, case.scenarios)[0] > before[0]


def test_error_model_of_a_failed_status_request(client: Any, lro: ModuleType) -> None:
    errors = _sub(lro, "exceptions")
    poller = client.lrosads.begin_put_non_retry201_creating400(
        product=_sub(lro, "models").Product(location="West US"), polling_interval=0
    )
    with pytest.raises(errors.HttpResponseError) as caught:
        poller.result()
    assert type(caught.value.model).__name__ == "CloudError"
    assert caught.value.model.message == "Error from the server"


def test_first_request_sends_the_body_and_returns_a_poller(client: Any, lro: ModuleType) -> None:
    poller = client.lros.begin_put200_succeeded(
        product=_sub(lro, "models").Product(location="West US")
    )
    assert type(poller).__name__ == "LROPoller"
    assert poller.done()
    assert poller.result(timeout=5) == poller.result()
    assert "LROs_put200Succeeded" in repr(poller)


async def _async_begin_token(lro: ModuleType, url: str) -> str:
    aio = _sub(lro, "aio")
    async with aio.AutoRestLongRunningOperationTestService(endpoint=url) as service:
        poller = await service.lros.begin_put_async_no_retry_succeeded(
            product=_sub(lro, "models").Product(location="West US")
        )
        assert not poller.done() and poller.status() == "Accepted"
        return str(poller.continuation_token())


def test_continuation_token_resumes_the_operation(
    client: Any, lro: ModuleType, testserver: TestServer
) -> None:
    # The asyncio poller sends nothing until awaited: its token is taken before any status request.
    token = asyncio.run(_async_begin_token(lro, testserver.url))
    before = _counts(testserver, ("LROPutAsyncNoRetrySucceeded",))
    poller = client.lros.begin_put_async_no_retry_succeeded(
        continuation_token=token, polling_interval=0
    )
    _product("Succeeded")(poller.result())
    assert _counts(testserver, ("LROPutAsyncNoRetrySucceeded",))[0] > before[0]


def test_token_of_a_finished_operation_keeps_the_result(client: Any, lro: ModuleType) -> None:
    done = client.lros.begin_put201_creating_succeeded200(
        product=_sub(lro, "models").Product(location="West US"), polling_interval=0
    )
    done.result()
    resumed = client.lros.begin_put201_creating_succeeded200(
        continuation_token=done.continuation_token()
    )
    assert resumed.done()
    assert resumed.result() == done.result()


def test_token_of_another_operation_is_refused(client: Any, lro: ModuleType) -> None:
    done = client.lros.begin_put200_succeeded(
        product=_sub(lro, "models").Product(location="West US")
    )
    with pytest.raises(ValueError, match="LROs_put200Succeeded"):
        client.lros.begin_put201_succeeded(continuation_token=done.continuation_token())
    with pytest.raises(ValueError, match="not a continuation token"):
        client.lros.begin_put201_succeeded(continuation_token="bm90IGEgdG9rZW4=")


async def _async_operations(lro: ModuleType, url: str) -> dict[str, Any]:
    aio = _sub(lro, "aio")
    errors = _sub(lro, "exceptions")
    product = _sub(lro, "models").Product(location="West US")
    async with aio.AutoRestLongRunningOperationTestService(endpoint=url) as service:
        put = await service.lros.begin_put_async_retry_succeeded(
            product=product, polling_interval=0
        )
        put_result = await put.result()
        post = await service.lros.begin_post_double_headers_final_location_get(polling_interval=0)
        post_result = await post
        custom = await service.lros_custom_header.begin_put201_creating_succeeded200(
            product=product, polling_interval=0, headers={"x-ms-client-request-id": REQUEST_ID}
        )
        custom_result = await custom.result()
        failed = await service.lros.begin_put_async_retry_failed(
            product=product, polling_interval=0
        )
        with pytest.raises(errors.HttpResponseError):
            await failed.result()
        slow = await service.lros.begin_put_async_no_retry_succeeded(
            product=product, polling_interval=30
        )
        with pytest.raises(TimeoutError):
            await slow.wait(timeout=0.2)
        slow_done = slow.done()
    return {
        "put": (put_result.provisioning_state, put.status()),
        "post": (post_result.id, post_result.name),
        "custom": custom_result.provisioning_state,
        "failed": (failed.done(), failed.status()),
        "slow_done": slow_done,
    }


def test_async_pollers(lro: ModuleType, testserver: TestServer) -> None:
    assert asyncio.run(_async_operations(lro, testserver.url)) == {
        "put": ("Succeeded", "Succeeded"),
        "post": ("100", "foo"),
        "custom": "Succeeded",
        "failed": (True, "Failed"),
        "slow_done": False,
    }


# --- pydantic models -----------------------------------------------------------------------------
# The same pollers with the pydantic model style, on a sample of the cases (the whole file passes
# with that style too; running all of it twice would cost more than it tells).


@pytest.fixture(scope="module")
def lro_pydantic(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("lro.json", "pydantic")


@pytest.mark.parametrize("case", SUCCESSES[:6], ids=lambda c: c.id)
def test_pydantic_models_through_pollers(
    case: Case, lro_pydantic: ModuleType, testserver: TestServer
) -> None:
    with _client(lro_pydantic, testserver.url) as service:
        _run(lro_pydantic, testserver, service, case)


def test_pydantic_error_model_of_a_failed_operation(
    lro_pydantic: ModuleType, testserver: TestServer
) -> None:
    with _client(lro_pydantic, testserver.url) as service:
        test_failed_operation_carries_the_error_model(service, lro_pydantic)
