"""Code written for Azure SDKs catches a generated client's errors when azure-core is installed."""

from __future__ import annotations

import azure.core.exceptions as azure_errors
import pytest

from tests.e2e.conftest import FakeCredential
from tests.support.example_server import ExampleServer, Exchange

PATH = (
    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/"
    "virtualMachineScaleSets/missing/rollingUpgrades/latest"
)


def test_a_404_is_an_azure_core_resource_not_found_error(credential: FakeCredential) -> None:
    from compute_rolling_upgrades import ComputeManagementClient
    from compute_rolling_upgrades.exceptions import ResourceNotFoundError

    error = {"error": {"code": "ResourceNotFound", "message": "no such scale set"}}
    with (
        ExampleServer([Exchange("GET", PATH, status=404, body=error)]) as server,
        ComputeManagementClient(credential, "s", endpoint=server.url) as client,
        pytest.raises(azure_errors.ResourceNotFoundError) as caught,
    ):
        client.virtual_machine_scale_set_rolling_upgrades.get_latest("rg", "missing")
    assert type(caught.value) is ResourceNotFoundError
    assert caught.value.status_code == 404
    assert caught.value.model.error.code == "ResourceNotFound"
    assert "no such scale set" in str(caught.value)
