"""The committed client's long-running rolling-upgrade operations against a local server that plays
the spec's examples: 202 with the status monitor and Location, the status resource, then the
final result."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import TOKEN, FakeCredential
from tests.e2e.lro_script import example, fill, operation_script, with_status_monitor
from tests.support.example_server import ExampleServer, Exchange
from tests.support.paths import ROLLING_SPEC

SPEC = json.loads(ROLLING_SPEC.read_text(encoding="utf-8"))
EXAMPLES = ROLLING_SPEC.parent / "examples"
SCOPE = ("https://management.azure.com/.default",)


def _operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    for path, item in SPEC["paths"].items():
        for method, op in item.items():
            if op.get("operationId") == operation_id:
                return method.upper(), path, op
    raise KeyError(operation_id)


def _cases() -> list[tuple[str, str, Path]]:
    cases = []
    for suffix, method in (
        ("Cancel", "begin_cancel"),
        ("StartOSUpgrade", "begin_start_os_upgrade"),
        ("StartExtensionUpgrade", "begin_start_extension_upgrade"),
    ):
        operation_id = f"VirtualMachineScaleSetRollingUpgrades_{suffix}"
        _, _, op = _operation(operation_id)
        for entry in op["x-ms-examples"].values():
            cases.append((operation_id, method, (ROLLING_SPEC.parent / entry["$ref"]).resolve()))
    return cases


CASES = _cases()


def _client(server: ExampleServer, credential: FakeCredential, subscription: str) -> Any:
    from compute_rolling_upgrades import ComputeManagementClient

    return ComputeManagementClient(credential, subscription, endpoint=server.url)


def _begin(client: Any, method: str, data: dict[str, Any], **kwargs: Any) -> Any:
    params = data["parameters"]
    ops = client.virtual_machine_scale_set_rolling_upgrades
    return getattr(ops, method)(params["resourceGroupName"], params["vmScaleSetName"], **kwargs)


def _play(
    operation_id: str,
    data: dict[str, Any],
    server: ExampleServer,
    *,
    monitor: int | None,
    location_polls: int = 0,
) -> list[Exchange]:
    http_method, path, _ = _operation(operation_id)
    script = operation_script(
        data, http_method, path, server.url, bearer=TOKEN, location_polls=location_polls
    )
    if monitor is not None:
        script = with_status_monitor(script, server.url, in_progress=monitor)
    for exchange in script:
        server.add(exchange)
    return script


@pytest.mark.parametrize(
    ("operation_id", "method", "example_file"), CASES, ids=[c[2].stem for c in CASES]
)
def test_status_monitor_then_final_result(
    operation_id: str, method: str, example_file: Path, credential: FakeCredential
) -> None:
    data = example(example_file)
    with ExampleServer() as server:
        script = _play(operation_id, data, server, monitor=2)
        with _client(server, credential, data["parameters"]["subscriptionId"]) as client:
            poller = _begin(client, method, data, polling_interval=0)
            assert poller.result(timeout=10) is None
            assert poller.done() and poller.status() == "Succeeded"
    assert server.unmatched == [] and server.pending == []
    sent = [(r.method, r.path) for r in server.requests]
    assert sent == [(e.method, e.path) for e in script]
    assert sent[0] == ("POST", fill(_operation(operation_id)[1], data["parameters"]))
    assert server.requests[0].query["api-version"] == [SPEC["info"]["version"]]
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in server.requests)
    assert credential.calls == [SCOPE]


@pytest.mark.parametrize(
    ("operation_id", "method", "example_file"), CASES, ids=[c[2].stem for c in CASES]
)
def test_location_as_the_example_gives_it(
    operation_id: str, method: str, example_file: Path, credential: FakeCredential
) -> None:
    data = example(example_file)
    with ExampleServer() as server:
        _play(operation_id, data, server, monitor=None, location_polls=2)
        with _client(server, credential, data["parameters"]["subscriptionId"]) as client:
            poller = _begin(client, method, data, polling_interval=0)
            assert poller.result(timeout=10) is None
    assert server.unmatched == [] and server.pending == []
    assert [r.status for r in server.requests] == [202, 202, 202, 200]


def _cancel_example() -> dict[str, Any]:
    return example(EXAMPLES / "VirtualMachineScaleSetRollingUpgrade_Cancel_MinimumSet_Gen.json")


def test_failed_operation_raises_with_the_cloud_error(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.exceptions import HttpResponseError
    from compute_rolling_upgrades.models import CloudError

    data = _cancel_example()
    with ExampleServer() as server:
        http_method, path, _ = _operation("VirtualMachineScaleSetRollingUpgrades_Cancel")
        first = operation_script(data, http_method, path, server.url, bearer=TOKEN)[0]
        first.headers["Azure-AsyncOperation"] = f"{server.url}/operations/1"
        server.add(first)
        failure = {
            "status": "Failed",
            "error": {"code": "RollingUpgradeFailed", "message": "Too many unhealthy instances."},
        }
        server.add(Exchange("GET", "/operations/1", body=failure))
        with _client(server, credential, data["parameters"]["subscriptionId"]) as client:
            poller = _begin(client, "begin_cancel", data, polling_interval=0)
            with pytest.raises(HttpResponseError) as caught:
                poller.result(timeout=10)
    assert poller.status() == "Failed"
    assert isinstance(caught.value.model, CloudError)
    assert caught.value.model.error.code == "RollingUpgradeFailed"
    assert "Too many unhealthy instances." in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_error_to_the_first_request_raises_from_begin(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.exceptions import ResourceExistsError

    data = _cancel_example()
    path = fill(_operation("VirtualMachineScaleSetRollingUpgrades_Cancel")[1], data["parameters"])
    conflict = {"error": {"code": "OperationNotAllowed", "message": "No upgrade is running."}}
    with (
        ExampleServer([Exchange("POST", path, status=409, body=conflict)]) as server,
        _client(server, credential, data["parameters"]["subscriptionId"]) as client,
        pytest.raises(ResourceExistsError) as caught,
    ):
        _begin(client, "begin_cancel", data)
    assert caught.value.model.error.code == "OperationNotAllowed"
    assert len(server.requests) == 1


def test_retry_after_wins_over_the_polling_interval(credential: FakeCredential) -> None:
    data = _cancel_example()
    with ExampleServer() as server:
        script = _play("VirtualMachineScaleSetRollingUpgrades_Cancel", data, server, monitor=3)
        script[0].headers["Retry-After"] = "0"
        with _client(server, credential, data["parameters"]["subscriptionId"]) as client:
            # Every answer says Retry-After: 0; an hour between requests would time out.
            poller = _begin(client, "begin_cancel", data, polling_interval=3600)
            assert poller.result(timeout=10) is None
    assert server.pending == []


def test_relative_status_url_and_client_request_id(credential: FakeCredential) -> None:
    data = _cancel_example()
    with ExampleServer() as server:
        script = _play("VirtualMachineScaleSetRollingUpgrades_Cancel", data, server, monitor=1)
        script[0].headers["Azure-AsyncOperation"] = "/operations/monitor-1"
        with _client(server, credential, data["parameters"]["subscriptionId"]) as client:
            poller = _begin(
                client,
                "begin_cancel",
                data,
                polling_interval=0,
                headers={"x-ms-client-request-id": "rolling-42"},
            )
            poller.result(timeout=10)
    assert server.unmatched == [] and server.pending == []
    assert {r.headers["x-ms-client-request-id"] for r in server.requests} == {"rolling-42"}


def test_continuation_token_resumes_in_another_client(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.aio import ComputeManagementClient as AsyncClient

    data = _cancel_example()

    async def start(url: str) -> str:
        async with AsyncClient(
            credential, data["parameters"]["subscriptionId"], endpoint=url
        ) as client:
            poller = await _begin(client, "begin_cancel", data)
            assert not poller.done()
            return str(poller.continuation_token())

    with ExampleServer() as server:
        _play("VirtualMachineScaleSetRollingUpgrades_Cancel", data, server, monitor=1)
        token = asyncio.run(start(server.url))
        assert [r.method for r in server.requests] == ["POST"]
        with _client(server, credential, data["parameters"]["subscriptionId"]) as client:
            resumed = client.virtual_machine_scale_set_rolling_upgrades.begin_cancel(
                "ignored", "ignored", continuation_token=token, polling_interval=0
            )
            assert resumed.result(timeout=10) is None
    assert server.unmatched == [] and server.pending == []
    assert [r.method for r in server.requests].count("POST") == 1


def test_async_client_follows_the_operation(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.aio import ComputeManagementClient as AsyncClient

    data = example(
        EXAMPLES / "VirtualMachineScaleSetRollingUpgrade_StartOSUpgrade_MinimumSet_Gen.json"
    )

    async def run(url: str) -> tuple[Any, str, bool]:
        async with AsyncClient(
            credential, data["parameters"]["subscriptionId"], endpoint=url
        ) as client:
            poller = await _begin(client, "begin_start_os_upgrade", data, polling_interval=0)
            result = await poller.result()
            return result, poller.status(), poller.done()

    with ExampleServer() as server:
        _play("VirtualMachineScaleSetRollingUpgrades_StartOSUpgrade", data, server, monitor=2)
        assert asyncio.run(run(server.url)) == (None, "Succeeded", True)
    assert server.unmatched == [] and server.pending == []
