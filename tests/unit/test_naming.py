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


def test_long_or_punctuated_titles_keep_their_main_words() -> None:
    title = "GitHub's official OpenAPI spec + Octokit extension"
    assert naming.client_class_name(title) == "GitHubClient"
    assert naming.client_class_name("Swagger Petstore - OpenAPI 3.0") == "PetstoreClient"
    assert naming.client_class_name("Zoom API (v2)") == "ZoomClient"
    long_title = "The Official Star Wars Universe Data Explorer API v2"
    assert naming.client_class_name(long_title) == "StarWarsUniverseClient"
    assert naming.client_class_name("Widgets: the Client") == "WidgetsClient"
    assert naming.client_class_name("API v1.0 - sandbox") == "APIClient"


def test_short_titles_are_joined_as_written() -> None:
    assert naming.client_class_name("Swagger Petstore") == "SwaggerPetstore"
    assert naming.client_class_name("Gmail API") == "GmailAPI"
    assert naming.client_class_name("3D Printer") == "Client3DPrinter"
    assert naming.client_class_name("Contoso Widgets API!") == "ContosoWidgetsAPI"


def test_unique_names_are_deterministic() -> None:
    assert naming.unique_names(["a", "a", "b", "a"], taken={"b"}) == ["a", "a_2", "b_2", "a_3"]


def test_enum_member_names() -> None:
    assert naming.enum_member_name("RollingForward") == "ROLLING_FORWARD"
    assert naming.enum_member_name(1) == "ENUM_1"
    assert naming.enum_member_name("") == "VALUE"
