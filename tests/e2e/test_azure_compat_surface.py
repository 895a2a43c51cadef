"""The committed Azure client's compatibility surface (docs/azure-compat.md) against a local
server: base_url, per-call params and error_map, polling=False, and unknown keywords refused."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from tests.e2e.conftest import TOKEN, FakeCredential
from tests.support.example_server import ExampleServer, Exchange

SCALE_SET = (
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/vmss"
)
LATEST = SCALE_SET + "/rollingUpgrades/latest"
STATUS = {
    "id": "latest",
    "location": "westus",
    "properties": {"runningStatus": {"code": "Completed"}},
}


def test_base_url_is_another_name_for_endpoint(credential: FakeCredential) -> None:
    from compute_rolling_upgrades import ComputeManagementClient

    exchanges = [Exchange("GET", LATEST, body=STATUS, require_bearer=TOKEN, repeat=True)]
    with ExampleServer(exchanges) as server:
        with ComputeManagementClient(credential, "s", server.url) as by_position:
            ops = by_position.virtual_machine_scale_set_rolling_upgrades
            assert ops.get_latest("rg", "vmss").location == "westus"
        with ComputeManagementClient(credential, "s", base_url=server.url) as by_name:
            by_name.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "vmss")
    assert len(server.requests) == 2 and server.unmatched == []
    with pytest.raises(TypeError, match="endpoint= or as base_url="):
        ComputeManagementClient(
            credential, "s", base_url="https://a.test", endpoint="https://b.test"
        )


def test_params_add_query_parameters_and_replace_the_methods_own(
    credential: FakeCredential,
) -> None:
    from compute_rolling_upgrades import ComputeManagementClient

    query = {"api-version": "2099-01-01", "trace": "on"}
    with (
        ExampleServer([Exchange("GET", LATEST, query=query, body=STATUS)]) as server,
        ComputeManagementClient(credential, "s", base_url=server.url) as client,
    ):
        client.virtual_machine_scale_set_rolling_upgrades.get_latest(
            "rg", "vmss", params=query, logging_enable=True
        )
    assert server.unmatched == []
    assert server.requests[0].query == {"api-version": ["2099-01-01"], "trace": ["on"]}


def test_a_misspelt_keyword_is_still_a_type_error(credential: FakeCredential) -> None:
    from compute_rolling_upgrades import ComputeManagementClient

    with ComputeManagementClient(credential, "s", base_url="http://127.0.0.1:9") as client:
        ops = client.virtual_machine_scale_set_rolling_upgrades
        with pytest.raises(TypeError, match="logging_enabled"):
            ops.get_latest("rg", "vmss", logging_enabled=True)
        with pytest.raises(TypeError, match="polling_intervall"):
            ops.begin_cancel("rg", "vmss", polling_intervall=1)


class NotThereError(Exception):
    """A caller's own class for a status."""


def test_error_map_raises_the_callers_class(credential: FakeCredential) -> None:
    from compute_rolling_upgrades import ComputeManagementClient
    from compute_rolling_upgrades.exceptions import HttpResponseError, ResourceNotFoundError

    error = {"error": {"code": "NotFound", "message": "no upgrade ran"}}
    with (
        ExampleServer([Exchange("GET", LATEST, status=404, body=error, repeat=True)]) as server,
        ComputeManagementClient(credential, "s", base_url=server.url) as client,
    ):
        ops = client.virtual_machine_scale_set_rolling_upgrades
        with pytest.raises(NotThereError) as caught:
            ops.get_latest("rg", "vmss", error_map={404: NotThereError})
        # another status is mapped: the usual class
        with pytest.raises(ResourceNotFoundError) as usual:
            ops.get_latest("rg", "vmss", error_map={409: NotThereError})
    assert isinstance(caught.value, ResourceNotFoundError | HttpResponseError)
    assert caught.value.error.code == "NotFound"  # type: ignore[attr-defined]
    assert caught.value.model.error.message == "no upgrade ran"  # type: ignore[attr-defined]
    assert not isinstance(usual.value, NotThereError)


def test_polling_false_takes_the_first_response_as_the_end(credential: FakeCredential) -> None:
    from compute_rolling_upgrades import ComputeManagementClient

    started = Exchange(
        "POST", SCALE_SET + "/osRollingUpgrade", status=202, headers={"Location": "/op/1"}
    )
    with (
        ExampleServer([started]) as server,
        ComputeManagementClient(credential, "s", base_url=server.url) as client,
    ):
        ops = client.virtual_machine_scale_set_rolling_upgrades
        poller = ops.begin_start_os_upgrade("rg", "vmss", polling=False)
        assert poller.done() and poller.status() == "Succeeded"
        assert poller.result(timeout=5) is None
        resumed = ops.begin_start_os_upgrade(
            "rg", "vmss", continuation_token=poller.continuation_token()
        )
        assert resumed.result(timeout=5) is None
    assert [r.path for r in server.requests] == [SCALE_SET + "/osRollingUpgrade"]


def test_the_async_client_has_the_same_surface(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.aio import ComputeManagementClient

    cancel = Exchange(
        "POST", SCALE_SET + "/rollingUpgrades/cancel", status=202, headers={"Location": "/op/2"}
    )

    async def call(url: str) -> Any:
        async with ComputeManagementClient(credential, "s", url) as client:
            ops = client.virtual_machine_scale_set_rolling_upgrades
            poller = await ops.begin_cancel("rg", "vmss", polling=False, params={"trace": "1"})
            return await poller.result()

    with ExampleServer([cancel]) as server:
        assert asyncio.run(call(server.url)) is None
    assert server.requests[0].query["trace"] == ["1"]
    assert len(server.requests) == 1


def test_logging_enable_changes_nothing(
    credential: FakeCredential, caplog: pytest.LogCaptureFixture
) -> None:
    from compute_rolling_upgrades import ComputeManagementClient

    exchanges = [Exchange("GET", LATEST, body=STATUS, repeat=True)]
    with (
        caplog.at_level(logging.DEBUG, logger="compute_rolling_upgrades"),
        ExampleServer(exchanges) as server,
        ComputeManagementClient(credential, "s", base_url=server.url) as client,
    ):
        ops = client.virtual_machine_scale_set_rolling_upgrades
        for enabled in (True, False, None):
            caplog.clear()
            ops.get_latest("rg", "vmss", logging_enable=enabled)
            logged = [r.getMessage() for r in caplog.records]
            assert any(m.startswith("Request GET") for m in logged), enabled
            assert all(TOKEN not in m for m in logged)


def test_long_running_methods_take_cls(credential: FakeCredential) -> None:
    from compute_rolling_upgrades import ComputeManagementClient

    started = Exchange(
        "POST",
        SCALE_SET + "/osRollingUpgrade",
        status=202,
        headers={"Location": "/op/3", "Retry-After": "0"},
        repeat=True,
    )
    done = Exchange("GET", "/op/3", status=200)
    seen: list[tuple[int, Any, dict[str, Any]]] = []

    def hook(response: Any, result: Any, headers: dict[str, Any]) -> str:
        seen.append((response.status_code, result, headers))
        return f"answered {response.status_code}"

    with (
        ExampleServer([started, done]) as server,
        ComputeManagementClient(credential, "s", base_url=server.url) as client,
    ):
        ops = client.virtual_machine_scale_set_rolling_upgrades
        assert (
            ops.begin_start_os_upgrade("rg", "vmss", cls=hook).result(timeout=30) == "answered 200"
        )
        # with polling=False the first response is the final one
        assert ops.begin_start_os_upgrade("rg", "vmss", cls=hook, polling=False).result() == (
            "answered 202"
        )
    assert seen == [(200, None, {}), (202, None, {})]
