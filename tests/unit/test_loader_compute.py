"""The real Azure Compute scale-set spec, three api-versions, read from the shared copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import ir
from generator.diagnostics import Diagnostic, Severity
from generator.loader import load_api

SPECS = Path("/work/shared/azure-specs/specification/compute/resource-manager/Microsoft.Compute")
STABLE = SPECS / "ComputeRP" / "stable"
VMSS_2024_07 = STABLE / "2024-07-01" / "virtualMachineScaleSet.json"

pytestmark = pytest.mark.skipif(
    not VMSS_2024_07.exists(), reason=f"the shared Azure spec copy is not at {VMSS_2024_07}"
)


@pytest.fixture(scope="module")
def loaded() -> tuple[ir.Api, list[Diagnostic]]:
    warnings: list[Diagnostic] = []
    return load_api(VMSS_2024_07, warnings=warnings), warnings


def _group(api: ir.Api, name: str) -> ir.OperationGroup:
    return next(g for g in api.groups if g.name == name)


def _op(api: ir.Api, operation_id: str) -> ir.Operation:
    return next(op for g in api.groups for op in g.operations if op.operation_id == operation_id)


def test_api_facts(loaded: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = loaded
    assert (api.title, api.api_version, api.client_name) == (
        "ComputeManagementClient",
        "2024-07-01",
        "ComputeManagementClient",
    )
    assert api.default_endpoint == "https://management.azure.com"
    assert api.security == (
        ir.OAuth2Scheme("azure_auth", ("https://management.azure.com/.default",)),
    )
    assert [(p.py_name, p.wire_name, p.location) for p in api.client_parameters] == [
        ("subscription_id", "subscriptionId", ir.ParamLocation.PATH),
        ("api_version", "api-version", ir.ParamLocation.QUERY),
    ]
    assert api.client_parameters[1].default == "2024-07-01"
    assert [g.name for g in api.groups] == [
        "VirtualMachineScaleSetExtensions",
        "VirtualMachineScaleSetRollingUpgrades",
        "VirtualMachineScaleSetVMExtensions",
        "VirtualMachineScaleSetVMs",
        "VirtualMachineScaleSets",
    ]
    assert "../../../common-types/v1/common.json" in api.source_files
    assert {"computeRPCommon.json", "virtualMachine.json", "virtualMachineScaleSet.json"} <= set(
        api.source_files
    )


def test_rolling_upgrade_operations(loaded: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = loaded
    group = _group(api, "VirtualMachineScaleSetRollingUpgrades")
    assert [op.py_name for op in group.operations] == [
        "begin_cancel",
        "begin_start_os_upgrade",
        "begin_start_extension_upgrade",
        "get_latest",
    ]
    latest = _op(api, "VirtualMachineScaleSetRollingUpgrades_GetLatest")
    assert (latest.method, latest.py_name, latest.long_running) == ("GET", "get_latest", None)
    ok = next(r for r in latest.responses if r.status_codes == (200,))
    assert ok.type == ir.ModelType("RollingUpgradeStatusInfo")
    default = next(r for r in latest.responses if not r.status_codes)
    assert default.is_error and default.type == ir.ModelType("CloudError")
    assert [(p.py_name, p.client_level) for p in latest.parameters] == [
        ("resource_group_name", False),
        ("vm_scale_set_name", False),
        ("api_version", True),
        ("subscription_id", True),
    ]
    cancel = _op(api, "VirtualMachineScaleSetRollingUpgrades_Cancel")
    assert cancel.py_name == "begin_cancel"
    assert cancel.long_running == ir.LongRunning(None)
    assert [r.status_codes for r in cancel.responses] == [(200,), (202,), ()]


def test_rolling_upgrade_status_info_is_flattened(loaded: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = loaded
    info = api.model("RollingUpgradeStatusInfo")
    assert info.parents == ("Resource",)
    assert [(f.py_name, f.wire_path, f.read_only) for f in info.fields] == [
        ("policy", ("properties", "policy"), True),
        ("running_status", ("properties", "runningStatus"), True),
        ("progress", ("properties", "progress"), True),
        ("error", ("properties", "error"), True),
    ]
    assert [f.type for f in info.fields] == [
        ir.ModelType("RollingUpgradePolicy"),
        ir.ModelType("RollingUpgradeRunningStatus"),
        ir.ModelType("RollingUpgradeProgressInfo"),
        ir.ModelType("ApiError"),
    ]
    names = {m.name for m in api.models}
    assert "RollingUpgradeStatusInfoProperties" not in names
    resource = api.model("Resource")
    assert resource.source.file == "../../../common-types/v1/common.json"
    assert [f.py_name for f in resource.fields] == ["id", "name", "type", "location", "tags"]
    assert api.model("CloudError").is_error


def test_rolling_upgrade_enums(loaded: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = loaded
    code = api.enum("RollingUpgradeStatusCode")
    assert [(v.value, v.py_name) for v in code.values] == [
        ("RollingForward", "ROLLING_FORWARD"),
        ("Cancelled", "CANCELLED"),
        ("Completed", "COMPLETED"),
        ("Faulted", "FAULTED"),
    ]
    assert not code.extensible
    running = {f.py_name: f for f in api.model("RollingUpgradeRunningStatus").fields}
    assert running["code"].type == ir.EnumType("RollingUpgradeStatusCode")
    assert running["start_time"].type == ir.PrimitiveType(ir.Primitive.DATETIME)


def test_paging_and_long_running(loaded: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = loaded
    listing = _op(api, "VirtualMachineScaleSets_List")
    assert listing.paging == ir.Paging("value", "nextLink")
    assert listing.py_name == "list"
    reapply = _op(api, "VirtualMachineScaleSets_Reapply")
    assert reapply.long_running == ir.LongRunning(ir.FinalStateVia.LOCATION)
    create = _op(api, "VirtualMachineScaleSets_CreateOrUpdate")
    assert create.py_name == "begin_create_or_update"
    (body,) = [p for p in create.parameters if p.location is ir.ParamLocation.BODY]
    assert body.type == ir.ModelType("VirtualMachineScaleSet")
    assert body.content_types == ("application/json",)


def test_examples_and_missing_example_warnings(loaded: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, warnings = loaded
    latest = _op(api, "VirtualMachineScaleSetRollingUpgrades_GetLatest")
    assert [e.name for e in latest.examples] == [
        "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen"
    ]
    (example,) = latest.examples
    assert example.responses[0].status_code == 200
    assert example.responses[0].body_json is not None
    assert '"code":"RollingForward"' in example.responses[0].body_json
    assert warnings
    assert all(w.severity is Severity.WARNING for w in warnings)
    missing = [w for w in warnings if "GetLatest_MinimumSet_Gen" in w.message]
    assert len(missing) == 1
    assert missing[0].file == "virtualMachineScaleSet.json"
    assert missing[0].pointer.endswith(
        "/get/x-ms-examples/VirtualMachineScaleSetRollingUpgrade_GetLatest_MinimumSet_Gen/$ref"
    )


@pytest.mark.parametrize(
    ("version", "proxy_fields"),
    [
        ("2024-03-01", ["enabled", "mode", "key_incarnation_id"]),
        ("2024-07-01", ["enabled", "key_incarnation_id", "wire_server", "imds"]),
        ("2024-11-01", ["enabled", "mode", "key_incarnation_id"]),
    ],
)
def test_every_version_loads(version: str, proxy_fields: list[str]) -> None:
    api = load_api(STABLE / version / "virtualMachineScaleSet.json", warnings=[])
    assert api.api_version == version
    assert [f.py_name for f in api.model("ProxyAgentSettings").fields] == proxy_fields
    assert _op(api, "VirtualMachineScaleSetRollingUpgrades_GetLatest").py_name == "get_latest"


def test_output_is_deterministic() -> None:
    first = ir.to_json(load_api(VMSS_2024_07, warnings=[]))
    second = ir.to_json(load_api(VMSS_2024_07, warnings=[]))
    assert first == second
