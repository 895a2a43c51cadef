from __future__ import annotations

import pytest

from generator import naming


@pytest.mark.parametrize(
    ("wire", "snake"),
    [
        ("vmScaleSetName", "vm_scale_set_name"),
        ("api-version", "api_version"),
        ("VirtualMachineScaleSetRollingUpgrades", "virtual_machine_scale_set_rolling_upgrades"),
        ("HTTPServer", "http_server"),
        ("StartOSUpgrade", "start_os_upgrade"),
        ("vmInstanceIDs", "vm_instance_ids"),
        ("Content-MD5", "content_md5"),
        ("SHA256Hash", "sha256_hash"),
        ("odata.nextLink", "odata_next_link"),
        ("x-ms-client-request-id", "x_ms_client_request_id"),
        ("$filter", "filter"),
        ("", "value"),
    ],
)
def test_snake_case(wire: str, snake: str) -> None:
    assert naming.snake_case(wire) == snake


def test_reserved_words_per_scope() -> None:
    assert naming.field_name("class") == "class_"
    assert naming.field_name("to_dict") == "to_dict_"
    assert naming.parameter_name("timeout") == "timeout_"
    assert naming.field_name("timeout") == "timeout"
    assert naming.field_name("1st") == "n1_st"
    assert naming.class_name("Any") == "Any_"


def test_client_class_name_from_title() -> None:
    assert naming.client_class_name("AutoRest Complex Test Service") == "AutoRestComplexTestService"
    assert naming.client_class_name("ComputeManagementClient") == "ComputeManagementClient"
    assert naming.client_class_name("!!!") == "Client"


def test_unique_names_are_deterministic() -> None:
    assert naming.unique_names(["a", "a", "b", "a"], taken={"b"}) == ["a", "a_2", "b_2", "a_3"]


def test_enum_member_names() -> None:
    assert naming.enum_member_name("RollingForward") == "ROLLING_FORWARD"
    assert naming.enum_member_name(1) == "ENUM_1"
    assert naming.enum_member_name("") == "VALUE"
