"""Parity with azure-mgmt-compute: a script written for azure-mgmt-compute 39
(`azure_mgmt_vmss_script.py`) runs unchanged against the client sdkforge generates from the
2024-11-01 virtual machine scale set spec, on a local server that plays the spec's examples.

The generated package is made to answer to `azure.mgmt.compute` (and its models to
`azure.mgmt.compute.models`) for the length of the test; nothing else of the script is adapted.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator
from typing import Any

import pytest

from generator.build import build_package
from generator.config import Selection
from generator.render.write import write_tree
from tests.e2e.conftest import TOKEN, FakeCredential
from tests.support.example_player import ExamplePlayer
from tests.support.paths import ROOT

SPEC = (
    ROOT / "specs/azure/specification/compute/resource-manager/Microsoft.Compute/ComputeRP"
    "/stable/2024-11-01/virtualMachineScaleSet.json"
)
PACKAGE = "compute_vmss_parity"
SELECTION = Selection(
    include=("VirtualMachineScaleSets_*", "VirtualMachineScaleSetRollingUpgrades_*")
)
SUBSCRIPTION = "00000000-0000-0000-0000-000000000000"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[types.ModuleType]:
    out = tmp_path_factory.mktemp("parity")
    built = build_package(SPEC, PACKAGE, selection=SELECTION)
    write_tree(out / PACKAGE, built.files)
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))


@pytest.fixture
def script(package: types.ModuleType, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    """The script, imported with the generated package in azure-mgmt-compute's place."""
    mgmt = types.ModuleType("azure.mgmt")
    mgmt.__path__ = []
    monkeypatch.setitem(sys.modules, "azure.mgmt", mgmt)
    monkeypatch.setitem(sys.modules, "azure.mgmt.compute", package)
    models = importlib.import_module(f"{package.__name__}.models")
    monkeypatch.setitem(sys.modules, "azure.mgmt.compute.models", models)
    monkeypatch.delitem(sys.modules, "tests.e2e.azure_mgmt_vmss_script", raising=False)
    module = importlib.import_module("tests.e2e.azure_mgmt_vmss_script")
    monkeypatch.delitem(sys.modules, "tests.e2e.azure_mgmt_vmss_script")
    return module


# What azure-mgmt-compute 39 sends for the script's scale set (its models' as_dict()).
CREATE_BODY = {
    "location": "westus",
    "sku": {"name": "Standard_D1_v2", "tier": "Standard", "capacity": 3},
    "properties": {
        "upgradePolicy": {"mode": "Manual"},
        "overprovision": True,
        "virtualMachineProfile": {
            "osProfile": {"computerNamePrefix": "parity", "adminUsername": "azureuser"},
            "storageProfile": {
                "imageReference": {
                    "publisher": "MicrosoftWindowsServer",
                    "offer": "WindowsServer",
                    "sku": "2016-Datacenter",
                    "version": "latest",
                }
            },
        },
    },
}


def _scale_set(group: str, name: str, rest: str = "") -> str:
    return (
        f"/subscriptions/{SUBSCRIPTION}/resourceGroups/{group}/providers/Microsoft.Compute/"
        f"virtualMachineScaleSets/{name}{rest}"
    )


def test_the_azure_mgmt_script_runs_unchanged(
    script: types.ModuleType, credential: FakeCredential
) -> None:
    with ExamplePlayer(SPEC) as server:
        seen: dict[str, Any] = script.run(credential, SUBSCRIPTION, server.url)

    listed = "/subscriptions/{subscription-id}/resourceGroups/rgcompute/providers/"
    listed += "Microsoft.Compute/virtualMachineScaleSets/{virtualMachineScaleSetName}"
    assert seen["list"] == [listed, listed]
    assert seen["get"] == ("myVirtualMachineScaleSet", "westus", 4, "Automatic", "succeeded")
    # the PUT's example answers Creating; the poller read the resource until it had ended
    assert seen["create"] == (True, "Succeeded", "Succeeded")
    assert seen["start"] is None and seen["start_again"] is None
    assert seen["latest"] == ("aaaaaa", {"key8533": "aaaaaaaaaaaaaaaaaaaaaaaa"})
    assert seen["cancel"] == (None, None, True)
    assert seen["not_found"] == (404, "ResourceNotFound", "Not Found")
    assert seen["mapped"] == ("ScaleSetMissingError", 404, "ResourceNotFound")
    assert seen["http_error"] == (404, "ResourceNotFound", True)

    # polling=False sent one Cancel; resuming from its token sent none
    assert [(p.operation_id, p.example) for p in server.played] == [
        ("VirtualMachineScaleSets_List", "VirtualMachineScaleSet_List_MinimumSet_Gen.json"),
        ("VirtualMachineScaleSets_Get", "VirtualMachineScaleSet_Get.json"),
        (
            "VirtualMachineScaleSets_CreateOrUpdate",
            "VirtualMachineScaleSet_Create_WithPasswordAuthentication.json",
        ),
        ("VirtualMachineScaleSets_Start", "VirtualMachineScaleSet_Start_MinimumSet_Gen.json"),
        ("VirtualMachineScaleSets_Start", "VirtualMachineScaleSet_Start_MinimumSet_Gen.json"),
        (
            "VirtualMachineScaleSetRollingUpgrades_GetLatest",
            "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen.json",
        ),
        (
            "VirtualMachineScaleSetRollingUpgrades_Cancel",
            "VirtualMachineScaleSetRollingUpgrade_Cancel_MinimumSet_Gen.json",
        ),
    ]
    sent = {(r.method, r.path): r for r in server.requests}
    starts = [r.json() for r in server.requests if r.path.endswith("/start")]
    # by position, then by azure-mgmt's name for it (vm_instance_i_ds)
    assert starts == [{"instanceIds": ["0", "1"]}, {"instanceIds": ["2"]}]
    get = sent[("GET", _scale_set("myResourceGroup", "myVirtualMachineScaleSet"))]
    assert get.headers["x-ms-client-request-id"] == "parity-get"
    assert sent[("PUT", _scale_set("myResourceGroup", "%7Bvmss-name%7D"))].json() == CREATE_BODY
    # the poller's read of the created scale set
    assert ("GET", _scale_set("myResourceGroup", "%7Bvmss-name%7D")) in sent
    assert server.unmatched == []
    assert {r.headers["Authorization"] for r in server.requests} == {f"Bearer {TOKEN}"}
    assert {tuple(r.query["api-version"]) for r in server.requests} == {("2024-11-01",)}
