"""The committed client against a real local server that plays the spec's examples."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import TOKEN, FakeCredential
from tests.support.example_server import ExampleServer, Exchange, exchanges_from_example
from tests.support.instants import with_instants
from tests.support.paths import ROLLING_SPEC

SPEC = json.loads(ROLLING_SPEC.read_text(encoding="utf-8"))
PATH = next(
    p
    for p, item in SPEC["paths"].items()
    if item.get("get", {}).get("operationId") == "VirtualMachineScaleSetRollingUpgrades_GetLatest"
)
EXAMPLES = sorted(
    (ROLLING_SPEC.parent / "examples").glob("VirtualMachineScaleSetRollingUpgrade_GetLatest_*.json")
)
SCOPE = ("https://management.azure.com/.default",)


def _client(server: ExampleServer, credential: FakeCredential, subscription: str = "sub-1") -> Any:
    from compute_rolling_upgrades import ComputeManagementClient

    return ComputeManagementClient(credential, subscription, endpoint=server.url)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_get_latest_returns_the_example_response(example: Path, credential: FakeCredential) -> None:
    from compute_rolling_upgrades.models import RollingUpgradeStatusInfo

    data = json.loads(example.read_text(encoding="utf-8"))
    params = data["parameters"]
    with (
        ExampleServer(exchanges_from_example(example, "GET", PATH, bearer=TOKEN)) as server,
        _client(server, credential, params["subscriptionId"]) as client,
    ):
        result = client.virtual_machine_scale_set_rolling_upgrades.get_latest(
            params["resourceGroupName"], params["vmScaleSetName"]
        )
    body = data["responses"]["200"]["body"]
    assert server.unmatched == []
    assert len(server.requests) == 1
    assert isinstance(result, RollingUpgradeStatusInfo)
    assert result == RollingUpgradeStatusInfo.from_dict(body)
    assert with_instants(result.to_dict()) == with_instants(body)
    assert result.id == body["id"] and result.location == body["location"]
    assert credential.calls == [SCOPE]


def test_flattened_fields_and_types_of_the_maximum_example(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.models import (
        RollingUpgradeActionType,
        RollingUpgradeStatusCode,
    )

    example = next(e for e in EXAMPLES if "MaximumSet" in e.name)
    params = json.loads(example.read_text(encoding="utf-8"))["parameters"]
    with (
        ExampleServer(exchanges_from_example(example, "GET", PATH, bearer=TOKEN)) as server,
        _client(server, credential, params["subscriptionId"]) as client,
    ):
        result = client.virtual_machine_scale_set_rolling_upgrades.get_latest(
            params["resourceGroupName"], params["vmScaleSetName"]
        )
    assert result.policy.max_batch_instance_percent == 49
    assert result.policy.max_surge is True
    assert result.running_status.code is RollingUpgradeStatusCode.ROLLING_FORWARD
    assert result.running_status.last_action is RollingUpgradeActionType.START
    assert result.running_status.start_time == dt.datetime(
        2021, 11, 30, 13, 6, 23, 362000, tzinfo=dt.UTC
    )
    assert result.progress.failed_instance_count == 25
    assert result.error.details[0].target == "aaaa"
    assert result.error.innererror.exceptiontype == "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    assert result.tags == {"key8533": "aaaaaaaaaaaaaaaaaaaaaaaa"}


def test_unknown_properties_and_enum_values_survive(credential: FakeCredential) -> None:
    body = {
        "id": "x",
        "location": "westus",
        "futureTopLevel": {"a": 1},
        "properties": {"runningStatus": {"code": "Paused", "newField": 3}, "futureNested": [1, 2]},
    }
    path = (
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/"
        "virtualMachineScaleSets/v/rollingUpgrades/latest"
    )
    with (
        ExampleServer([Exchange("GET", path, body=body, require_bearer=TOKEN)]) as server,
        _client(server, credential, "s") as client,
    ):
        result = client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "v")
    assert result.running_status.code == "Paused"
    assert result.running_status.code.value == "Paused"
    assert result.to_dict() == body


def test_error_response_raises_with_the_parsed_cloud_error(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.exceptions import (
        HttpResponseError,
        ResourceNotFoundError,
    )

    path = (
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/"
        "virtualMachineScaleSets/missing/rollingUpgrades/latest"
    )
    error = {
        "error": {"code": "ResourceNotFound", "message": "The Resource 'missing' was not found."}
    }
    with (
        ExampleServer([Exchange("GET", path, status=404, body=error)]) as server,
        _client(server, credential, "s") as client,
        pytest.raises(ResourceNotFoundError) as caught,
    ):
        client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "missing")
    err = caught.value
    assert isinstance(err, HttpResponseError)
    assert err.status_code == 404
    assert err.response is not None and err.response.status_code == 404
    assert err.model.error.code == "ResourceNotFound"
    assert "ResourceNotFound" in str(err)
    assert TOKEN not in str(err) and TOKEN not in repr(err)


def test_path_values_are_percent_encoded(credential: FakeCredential) -> None:
    path = (
        "/subscriptions/s/resourceGroups/a%20b%2Fc/providers/Microsoft.Compute/"
        "virtualMachineScaleSets/v%3Fx%23y/rollingUpgrades/latest"
    )
    with (
        ExampleServer(
            [Exchange("GET", path, query={"api-version": "2024-07-01"}, body={"location": "l"})]
        ) as server,
        _client(server, credential, "s") as client,
    ):
        result = client.virtual_machine_scale_set_rolling_upgrades.get_latest("a b/c", "v?x#y")
    assert server.unmatched == []
    assert result.location == "l"


def test_token_is_cached_across_requests(credential: FakeCredential) -> None:
    path = (
        "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/"
        "virtualMachineScaleSets/v/rollingUpgrades/latest"
    )
    exchange = Exchange("GET", path, body={"location": "l"}, require_bearer=TOKEN, repeat=True)
    with ExampleServer([exchange]) as server, _client(server, credential, "s") as client:
        for _ in range(3):
            client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "v")
    assert credential.calls == [SCOPE]
    assert len(server.requests) == 3


def test_async_client_returns_the_same_model(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.aio import ComputeManagementClient as AsyncClient
    from compute_rolling_upgrades.models import RollingUpgradeStatusInfo

    example = next(e for e in EXAMPLES if "MaximumSet" in e.name)
    data = json.loads(example.read_text(encoding="utf-8"))
    params = data["parameters"]

    async def call(url: str) -> Any:
        async with AsyncClient(credential, params["subscriptionId"], endpoint=url) as client:
            return await client.virtual_machine_scale_set_rolling_upgrades.get_latest(
                params["resourceGroupName"], params["vmScaleSetName"]
            )

    with ExampleServer(exchanges_from_example(example, "GET", PATH, bearer=TOKEN)) as server:
        result = asyncio.run(call(server.url))
    assert result == RollingUpgradeStatusInfo.from_dict(data["responses"]["200"]["body"])


def test_importing_the_package_does_not_import_models_or_groups() -> None:
    import subprocess
    import sys

    from tests.support.paths import GENERATED

    code = (
        "import sys, compute_rolling_upgrades as p\n"
        "loaded = [m for m in sys.modules if m.startswith('compute_rolling_upgrades.models.')"
        " or m.startswith('compute_rolling_upgrades.operations.')]\n"
        "print(loaded)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
