"""Which spec edits the diff reports, in Python terms, and which of them break callers."""

from __future__ import annotations

import contextlib
import copy
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main
from tests.support.paths import GENERATED, ROLLING_SPEC

BASE: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Pets", "version": "2024-01-01"},
    "host": "pets.example.com",
    "schemes": ["https"],
    "paths": {
        "/pets/{petName}": {
            "get": {
                "operationId": "Pets_Get",
                "parameters": [
                    {"name": "petName", "in": "path", "required": True, "type": "string"},
                    {"name": "color", "in": "query", "required": False, "type": "string"},
                ],
                "responses": {
                    "200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}
                },
            },
            "delete": {
                "operationId": "Pets_Delete",
                "parameters": [
                    {"name": "petName", "in": "path", "required": True, "type": "string"}
                ],
                "responses": {"204": {"description": "gone"}},
            },
        },
        "/pets": {
            "get": {
                "operationId": "Pets_List",
                "parameters": [],
                "responses": {
                    "200": {"description": "ok", "schema": {"$ref": "#/definitions/PetList"}}
                },
            }
        },
        "/owners/{ownerName}": {
            "get": {
                "operationId": "Owners_Get",
                "parameters": [
                    {"name": "ownerName", "in": "path", "required": True, "type": "string"}
                ],
                "responses": {"200": {"description": "ok", "schema": {"type": "string"}}},
            }
        },
    },
    "definitions": {
        "Pet": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "age": {"type": "integer", "format": "int32"},
                "kind": {
                    "type": "string",
                    "enum": ["cat", "dog"],
                    "x-ms-enum": {"name": "Kind", "modelAsString": True},
                },
                "size": {
                    "type": "string",
                    "enum": ["small", "large"],
                    "x-ms-enum": {"name": "Size", "modelAsString": False},
                },
            },
        },
        "PetList": {
            "type": "object",
            "properties": {
                "value": {"type": "array", "items": {"$ref": "#/definitions/Pet"}},
                "nextLink": {"type": "string"},
            },
        },
    },
}

Edit = Callable[[dict[str, Any]], None]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["diff", *args])
    return code, out.getvalue(), err.getvalue()


def diff_after(tmp_path: Path, edit: Edit) -> tuple[int, list[dict[str, Any]]]:
    new = copy.deepcopy(BASE)
    new["info"]["version"] = "2024-02-01"
    edit(new)
    (tmp_path / "old.json").write_text(json.dumps(BASE), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    code, out, _ = run(str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json")
    return code, json.loads(out)["changes"]


def pet(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["definitions"]["Pet"]


def get_op(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["paths"]["/pets/{petName}"]["get"]


def add_required_query(spec: dict[str, Any]) -> None:
    get_op(spec)["parameters"].append(
        {"name": "owner", "in": "query", "required": True, "type": "string"}
    )


def make_color_required(spec: dict[str, Any]) -> None:
    get_op(spec)["parameters"][1]["required"] = True


CASES: list[tuple[str, Edit, list[tuple[str, str, bool]]]] = [
    (
        "field removed",
        lambda s: pet(s)["properties"].pop("age"),
        [("field-removed", "Pet.age", True)],
    ),
    (
        "optional field added",
        lambda s: pet(s)["properties"].update(owner={"type": "string"}),
        [("field-added", "Pet.owner", False)],
    ),
    (
        "required field added",
        lambda s: (
            pet(s)["properties"].update(owner={"type": "string"}),
            pet(s).update(required=["owner"]),
        ),
        [("field-added", "Pet.owner", True)],
    ),
    (
        "read-only required field added",
        lambda s: (
            pet(s)["properties"].update(owner={"type": "string", "readOnly": True}),
            pet(s).update(required=["owner"]),
        ),
        [("field-added", "Pet.owner", False)],
    ),
    (
        "field type changed",
        lambda s: pet(s)["properties"].update(age={"type": "string"}),
        [("field-type-changed", "Pet.age", True)],
    ),
    (
        "field became read-only",
        lambda s: pet(s)["properties"]["age"].update(readOnly=True),
        [("field-read-only", "Pet.age", True)],
    ),
    (
        "field renamed in Python",
        lambda s: pet(s)["properties"]["age"].update({"x-ms-client-name": "years"}),
        [("field-renamed", "Pet.age", True)],
    ),
    (
        "value added to an extensible enum",
        lambda s: pet(s)["properties"]["kind"]["enum"].append("fish"),
        [("enum-value-added", "Kind.FISH", False)],
    ),
    (
        "value added to a closed enum",
        lambda s: pet(s)["properties"]["size"]["enum"].append("medium"),
        [("enum-value-added", "Size.MEDIUM", True)],
    ),
    (
        "enum value removed",
        lambda s: pet(s)["properties"]["kind"]["enum"].remove("dog"),
        [("enum-value-removed", "Kind.DOG", True)],
    ),
    (
        "new required parameter",
        add_required_query,
        [("parameter-added", "client.pets.get(owner)", True)],
    ),
    (
        "new optional parameter",
        lambda s: get_op(s)["parameters"].append(
            {"name": "owner", "in": "query", "type": "string"}
        ),
        [("parameter-added", "client.pets.get(owner)", False)],
    ),
    (
        "parameter became required",
        make_color_required,
        [("parameter-required", "client.pets.get(color)", True)],
    ),
    (
        "parameter removed",
        lambda s: get_op(s)["parameters"].pop(1),
        [("parameter-removed", "client.pets.get(color)", True)],
    ),
    (
        "parameter renamed in Python",
        lambda s: get_op(s)["parameters"][1].update({"x-ms-client-name": "colour"}),
        [("parameter-renamed", "client.pets.get(color)", True)],
    ),
    (
        "parameter type changed",
        lambda s: get_op(s)["parameters"][1].update(type="integer"),
        [("parameter-type-changed", "client.pets.get(color)", True)],
    ),
    (
        "response type changed",
        lambda s: s["paths"]["/owners/{ownerName}"]["get"]["responses"]["200"].update(
            schema={"$ref": "#/definitions/Pet"}
        ),
        [("response-type-changed", "client.owners.get", True)],
    ),
    (
        "a body where there was none",
        lambda s: s["paths"]["/pets/{petName}"]["delete"]["responses"].update(
            {"200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}}
        ),
        [("response-type-changed", "client.pets.delete", False)],
    ),
    (
        "operation became long-running",
        lambda s: s["paths"]["/pets/{petName}"]["delete"].update(
            {"x-ms-long-running-operation": True}
        ),
        [
            ("long-running-changed", "client.pets.delete", True),
            ("operation-renamed", "client.pets.delete", True),
        ],
    ),
    (
        "operation became pageable",
        lambda s: s["paths"]["/pets"]["get"].update(
            {"x-ms-pageable": {"nextLinkName": "nextLink"}}
        ),
        [("pageable-changed", "client.pets.list", True)],
    ),
    (
        "operation removed",
        lambda s: s["paths"]["/pets/{petName}"].pop("delete"),
        [("operation-removed", "client.pets.delete", True)],
    ),
    (
        "operation added",
        lambda s: s["paths"]["/pets"].update(
            post={"operationId": "Pets_Create", "responses": {"204": {"description": "made"}}}
        ),
        [("operation-added", "client.pets.create", False)],
    ),
    (
        "group removed",
        lambda s: s["paths"].pop("/owners/{ownerName}"),
        [("group-removed", "client.owners", True)],
    ),
    (
        "operation deprecated",
        lambda s: get_op(s).update(deprecated=True),
        [("deprecated-changed", "client.pets.get", False)],
    ),
    ("nothing", lambda s: None, []),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_change_is_reported_and_classified(
    tmp_path: Path, edit: Edit, expected: list[tuple[str, str, bool]]
) -> None:
    code, changes = diff_after(tmp_path, edit)
    found = sorted((c["kind"], c["subject"], c["breaking"]) for c in changes)
    assert found == sorted(expected)
    assert code == (1 if any(breaking for _, _, breaking in expected) else 0)


def test_markdown_lists_breaking_changes_first(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        pet(spec)["properties"].pop("age")
        pet(spec)["properties"].update(owner={"type": "string"})

    new = copy.deepcopy(BASE)
    edit(new)
    (tmp_path / "old.json").write_text(json.dumps(BASE), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    code, out, _ = run(str(tmp_path / "old.json"), str(tmp_path / "new.json"))
    assert code == 1
    assert out.index("## Breaking changes") < out.index("- `Pet.age`: field removed")
    assert out.index("- `Pet.age`: field removed") < out.index("## Other changes")
    assert out.index("## Other changes") < out.index("- `Pet.owner`: field added")
    assert "2 changes, 1 breaking." in out


def test_bad_input_exits_2_without_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    code, out, err = run(str(tmp_path / "broken.json"), str(ROLLING_SPEC))
    assert code == 2 and out == ""
    assert "broken.json" in err and "Traceback" not in err
    code, _, err = run(str(tmp_path / "missing.json"), str(ROLLING_SPEC))
    assert code == 2 and "missing.json" in err


def test_a_snapshot_file_stands_for_its_spec() -> None:
    snapshot = GENERATED / "compute_rolling_upgrades" / "_api_snapshot.json"
    code, out, _ = run(str(snapshot), str(ROLLING_SPEC), "--format", "json")
    assert code == 0
    assert json.loads(out)["changes"] == []


def test_selection_applies_to_both_sides(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["paths"]["/pets/{petName}"].pop("delete")

    new = copy.deepcopy(BASE)
    edit(new)
    (tmp_path / "old.json").write_text(json.dumps(BASE), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    code, out, _ = run(
        str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--include-operations", "Owners_*"
    )
    assert code == 0 and "No changes to the Python API." in out


def test_reordered_positional_parameters_are_breaking(tmp_path: Path) -> None:
    def two_keys(first: str, second: str) -> Edit:
        def edit(spec: dict[str, Any]) -> None:
            spec["paths"]["/pets/{petName}/{tagName}"] = {
                "get": {
                    "operationId": "Tags_Get",
                    "parameters": [
                        {"name": first, "in": "path", "required": True, "type": "string"},
                        {"name": second, "in": "path", "required": True, "type": "string"},
                    ],
                    "responses": {"204": {"description": "ok"}},
                }
            }

        return edit

    old = copy.deepcopy(BASE)
    two_keys("petName", "tagName")(old)
    new = copy.deepcopy(BASE)
    two_keys("tagName", "petName")(new)
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(new), encoding="utf-8")
    code, out, _ = run(str(tmp_path / "old.json"), str(tmp_path / "new.json"), "--format", "json")
    found = sorted((c["kind"], c["subject"], c["detail"]) for c in json.loads(out)["changes"])
    assert found == [
        ("parameter-moved", "client.tags.get(pet_name)", "position 1 -> 2"),
        ("parameter-moved", "client.tags.get(tag_name)", "position 2 -> 1"),
    ]
    assert code == 1


def test_new_required_client_parameter_is_breaking(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        get_op(spec)["parameters"].append(
            {
                "name": "tenant",
                "in": "header",
                "required": True,
                "type": "string",
                "x-ms-parameter-location": "client",
            }
        )

    code, changes = diff_after(tmp_path, edit)
    assert [(c["kind"], c["subject"], c["breaking"]) for c in changes] == [
        ("client-parameter-added", "Pets(tenant)", True)
    ]
    assert code == 1
