"""The API snapshot: deterministic, in Python names, with inherited fields."""

from __future__ import annotations

import json

import pytest

from generator.api.snapshot import FORMAT_KEY, api_snapshot, dumps, loads
from generator.loader import load_api
from tests.support.paths import GENERATED, ROLLING_SPEC, VMSS_SPEC


def test_committed_snapshot_is_the_spec_api() -> None:
    committed = (GENERATED / "compute_rolling_upgrades" / "_api_snapshot.json").read_bytes()
    assert committed == dumps(api_snapshot(load_api(ROLLING_SPEC)))
    data = loads(committed, "x")
    assert data[FORMAT_KEY] == 1
    op = data["groups"]["virtual_machine_scale_set_rolling_upgrades"]["operations"][
        "VirtualMachineScaleSetRollingUpgrades_GetLatest"
    ]
    assert op["method"] == "get_latest"
    assert [p["name"] for p in op["parameters"]] == ["resource_group_name", "vm_scale_set_name"]
    assert all(p["positional"] for p in op["parameters"])
    assert op["returns"] == "RollingUpgradeStatusInfo"


def test_models_list_inherited_and_flattened_fields() -> None:
    data = api_snapshot(load_api(ROLLING_SPEC))
    status = data["models"]["RollingUpgradeStatusInfo"]
    assert status["parents"] == ["Resource"]
    # `location` comes from Resource; `policy` is flattened out of `properties`.
    assert status["fields"]["location"]["wire"] == "location"
    assert status["fields"]["policy"]["wire"] == "properties.policy"
    assert status["fields"]["policy"]["type"] == "RollingUpgradePolicy"


def test_snapshot_text_is_deterministic_and_sorted() -> None:
    first = dumps(api_snapshot(load_api(ROLLING_SPEC)))
    second = dumps(api_snapshot(load_api(ROLLING_SPEC)))
    assert first == second
    assert (
        first
        == (
            json.dumps(json.loads(first), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
        ).encode()
    )


def test_loads_rejects_other_json() -> None:
    with pytest.raises(ValueError, match="not an sdkforge API snapshot"):
        loads(b'{"openapi": "3.0.0"}', "spec.json")


@pytest.mark.skipif(
    not VMSS_SPEC["2024-07-01"].is_file(), reason="the shared Azure specs are not here"
)
def test_enum_values_keep_spec_order() -> None:
    data = api_snapshot(load_api(VMSS_SPEC["2024-07-01"], warnings=[]))
    assert [v["value"] for v in data["enums"]["Mode"]["values"]] == ["Audit", "Enforce", "Disabled"]
    assert data["enums"]["Mode"]["extensible"] is True
