"""Where an operation lands and what its method is called: `Group_Method` and `group/name` ids,
tags, and names made from the method and path when the spec gives no operationId."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator import ir
from generator.diagnostics import Diagnostic
from generator.loader import load_api
from generator.naming import route_operation_id

OK = {"200": {"description": "OK"}}


def _load(tmp_path: Path, paths: dict[str, Any], **extra: Any) -> tuple[ir.Api, list[Diagnostic]]:
    spec = {"openapi": "3.0.3", "info": {"title": "Pets", "version": "1"}, "paths": paths, **extra}
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    warnings: list[Diagnostic] = []
    return load_api(path, warnings=warnings), warnings


def _layout(api: ir.Api) -> dict[str, list[str]]:
    """group attribute ("" for the client) -> method names, as generated."""
    return {g.py_attr: [op.py_name for op in g.operations] for g in api.groups}


def _op(**fields: Any) -> dict[str, Any]:
    return {"responses": OK, **fields}


def test_route_names() -> None:
    assert route_operation_id("GET", "/pets/{petId}") == "get_pets_pet_id"
    made = route_operation_id("post", "/v1/users/{user_id}/repos.json")
    assert made == "post_v1_users_user_id_repos_json"
    assert route_operation_id("DELETE", "/") == "delete"


def test_operations_without_id_are_named_from_method_and_path(tmp_path: Path) -> None:
    paths = {
        "/pets": {"get": _op(), "post": _op()},
        "/pets/{petId}": {"get": _op(), "delete": _op()},
    }
    api, warnings = _load(tmp_path, paths)
    assert warnings == []
    assert _layout(api) == {"": ["get_pets", "post_pets", "get_pets_pet_id", "delete_pets_pet_id"]}
    ids = [op.operation_id for g in api.groups for op in g.operations]
    assert ids == ["get_pets", "post_pets", "get_pets_pet_id", "delete_pets_pet_id"]


def test_made_up_names_keep_clear_of_written_ids(tmp_path: Path) -> None:
    # The second operation's made-up name would be the first one's written id.
    paths = {"/a": {"get": _op(operationId="get_pets")}, "/pets": {"get": _op()}}
    api, _ = _load(tmp_path, paths)
    by_path = {op.path: op.operation_id for g in api.groups for op in g.operations}
    assert by_path == {"/a": "get_pets", "/pets": "get_pets_2"}


def test_first_tag_names_the_group(tmp_path: Path) -> None:
    paths = {
        "/pets": {
            "get": _op(operationId="listPets", tags=["pets", "animals"]),
            "post": _op(tags=["pets"]),
        },
        "/store/inventory": {"get": _op(operationId="getInventory", tags=["Pet Store"])},
        "/health": {"get": _op(operationId="health")},
    }
    api, _ = _load(tmp_path, paths)
    assert _layout(api) == {
        "": ["health"],
        "pet_store": ["get_inventory"],
        "pets": ["list_pets", "post_pets"],
    }
    classes = {g.py_attr: (g.class_name, g.module_name) for g in api.groups}
    assert classes["pets"] == ("PetsOperations", "_pets")
    assert classes["pet_store"] == ("PetStoreOperations", "_pet_store")


def test_group_slash_name_ids(tmp_path: Path) -> None:
    paths = {
        "/repos/{owner}/{repo}": {"get": _op(operationId="repos/get", tags=["repos"])},
        "/orgs/{org}/repos": {"get": _op(operationId="repos/list-for-org", tags=["repos"])},
        "/meta": {"get": _op(operationId="meta/root", tags=["meta"])},
    }
    api, _ = _load(tmp_path, paths)
    assert _layout(api) == {"meta": ["root"], "repos": ["get", "list_for_org"]}


def test_group_method_ids_win_over_tags(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": _op(operationId="Widgets_List", tags=["other"])},
        "/b": {"get": _op(operationId="time_get")},
    }
    api, _ = _load(tmp_path, paths)
    assert _layout(api) == {"time": ["get"], "widgets": ["list"]}


def test_snake_case_ids_of_several_words_are_method_names(tmp_path: Path) -> None:
    paths = {"/items": {"get": _op(operationId="read_items_items__get", tags=["items"])}}
    api, _ = _load(tmp_path, paths)
    assert _layout(api) == {"items": ["read_items_items_get"]}


def test_azure_specs_keep_ungrouped_operations_on_the_client(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": _op(operationId="Widgets_List", tags=["widgets"])},
        "/b": {
            "get": _op(
                operationId="checkNameAvailability", tags=["widgets"], **{"x-ms-examples": {}}
            )
        },
    }
    api, _ = _load(tmp_path, paths)
    assert _layout(api) == {"": ["check_name_availability"], "widgets": ["list"]}


def test_client_methods_avoid_client_attributes(tmp_path: Path) -> None:
    api, _ = _load(tmp_path, {"/close": {"post": _op(operationId="close")}})
    assert _layout(api) == {"": ["close_"]}


def test_numbered_tags_name_groups_without_their_numbers(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": _op(operationId="start", tags=["1. Getting started"])},
        "/b": {"get": _op(operationId="print", tags=["3d printing"])},
    }
    api, _ = _load(tmp_path, paths)
    assert _layout(api) == {"getting_started": ["start"], "n3_d_printing": ["print"]}
    classes = {g.py_attr: g.class_name for g in api.groups}
    assert classes == {
        "getting_started": "GettingStartedOperations",
        "n3_d_printing": "M3DPrintingOperations",
    }
