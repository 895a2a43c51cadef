"""Mistakes common in published specs: each is a warning naming file and pointer, and the loader
keeps what it can. `strict=True` (the loader) or `--strict` (the command line) refuses instead."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import ir
from generator.diagnostics import SKIPPED_OPERATION, Diagnostic, SpecError
from generator.loader import load_api

OK = {"200": {"description": "OK"}}


def _swagger(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths, **extra}


def _oas(version: str, paths: dict[str, Any] | None, **extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {"openapi": version, "info": {"title": "T", "version": "1"}, **extra}
    if paths is not None:
        spec["paths"] = paths
    return spec


def _load(tmp_path: Path, spec: dict[str, Any], **kwargs: Any) -> tuple[ir.Api, list[Diagnostic]]:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    warnings: list[Diagnostic] = []
    return load_api(path, warnings=warnings, **kwargs), warnings


def _found(warnings: list[Diagnostic]) -> list[tuple[str, str, str]]:
    return [(w.pointer, w.kind, w.message) for w in warnings]


def _operations(api: ir.Api) -> dict[str, tuple[str, str]]:
    """operationId -> (group name, method name)."""
    return {op.operation_id: (g.name, op.py_name) for g in api.groups for op in g.operations}


def test_enum_strings_that_spell_integers_are_read_as_integers(tmp_path: Path) -> None:
    param = {"name": "level", "in": "query", "type": "integer", "enum": ["1", "2"]}
    paths = {"/t": {"get": {"operationId": "T_Get", "parameters": [param], "responses": OK}}}
    api, warnings = _load(tmp_path, _swagger(paths))
    assert _found(warnings) == [
        (
            "/paths/~1t/get/parameters/0/enum",
            "enum-type",
            "enum values '1', '2' are strings in a schema of type 'integer'; read as that type",
        )
    ]
    (enum,) = api.enums
    assert enum.value_type is ir.Primitive.INT
    assert [v.value for v in enum.values] == [1, 2]


def test_enum_value_that_is_not_of_the_type_leaves_the_plain_type(tmp_path: Path) -> None:
    param = {"name": "level", "in": "query", "type": "integer", "enum": [1, "two"]}
    paths = {"/t": {"get": {"operationId": "T_Get", "parameters": [param], "responses": OK}}}
    api, warnings = _load(tmp_path, _swagger(paths))
    assert _found(warnings) == [
        (
            "/paths/~1t/get/parameters/0/enum/1",
            "enum-type",
            "enum value 'two' does not match the schema type; the enum is left out, "
            "any value of the type is sent",
        )
    ]
    assert api.enums == ()
    (op,) = api.groups[0].operations
    assert op.parameters[0].type == ir.PrimitiveType(ir.Primitive.INT)


@pytest.mark.parametrize("written", [{}, {"name": ""}, {"name": "  "}])
def test_parameter_without_a_name_is_left_out(tmp_path: Path, written: dict[str, str]) -> None:
    params = [
        {"in": "header", "type": "string", **written},
        {"name": "q", "in": "query", "type": "string"},
    ]
    paths = {"/t": {"get": {"operationId": "T_Get", "parameters": params, "responses": OK}}}
    api, warnings = _load(tmp_path, _swagger(paths))
    what = "an empty 'name'" if written else "no 'name'"
    assert _found(warnings) == [
        (
            "/paths/~1t/get/parameters/0",
            "parameter-name",
            f"a parameter with {what} cannot be sent; it is left out",
        )
    ]
    (op,) = api.groups[0].operations
    assert [p.wire_name for p in op.parameters] == ["q"]


def test_undefined_security_scheme_is_ignored(tmp_path: Path) -> None:
    spec = _swagger(
        {"/t": {"get": {"operationId": "T_Get", "responses": OK}}}, security=[{"oauth": []}]
    )
    api, warnings = _load(tmp_path, spec)
    assert _found(warnings) == [
        ("/security/0", "security", "security scheme 'oauth' is not defined; requirement left out")
    ]
    assert api.security == ()


def test_status_ranges_stand_for_the_registered_codes_not_listed(tmp_path: Path) -> None:
    error = {"type": "object", "properties": {"message": {"type": "string"}}}
    responses = {
        "200": {"description": "OK"},
        "4XX": {"description": "client", "content": {"application/json": {"schema": error}}},
        "404": {"description": "missing"},
        "5XX": {"description": "server"},
    }
    paths = {"/t": {"get": {"operationId": "getT", "responses": responses}}}
    api, warnings = _load(tmp_path, _oas("3.0.3", paths))
    assert [(p, k) for p, k, _ in _found(warnings)] == [
        ("/paths/~1t/get/responses/4XX", "status-range"),
        ("/paths/~1t/get/responses/5XX", "status-range"),
    ]
    (op,) = api.groups[0].operations
    by_description = {r.description: r for r in op.responses}
    client = by_description["client"]
    assert client.is_error and isinstance(client.type, ir.ModelType)
    assert 400 in client.status_codes and 429 in client.status_codes
    assert 404 not in client.status_codes and 200 not in client.status_codes
    assert all(400 <= c < 500 for c in client.status_codes)
    assert by_description["server"].status_codes[0] == 500


def test_repeated_allof_member_is_read_once(tmp_path: Path) -> None:
    base = {"type": "object", "properties": {"id": {"type": "string"}}}
    derived = {
        "allOf": [{"$ref": "#/components/schemas/Base"}, {"$ref": "#/components/schemas/Base"}]
    }
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Derived"}}}
    paths = {
        "/t": {
            "get": {
                "operationId": "getT",
                "responses": {"200": {"description": "OK", "content": content}},
            }
        }
    }
    spec = _oas("3.0.3", paths, components={"schemas": {"Base": base, "Derived": derived}})
    api, warnings = _load(tmp_path, spec)
    assert _found(warnings) == [
        (
            "/components/schemas/Derived/allOf/1",
            "allof",
            "this allOf member repeats an earlier one; it is read once",
        )
    ]
    derived_model = next(m for m in api.models if m.name == "Derived")
    assert derived_model.parents == ("Base",)


def test_openapi_31_operation_without_responses_is_valid(tmp_path: Path) -> None:
    api, warnings = _load(tmp_path, _oas("3.1.0", {"/t": {"get": {"operationId": "getT"}}}))
    assert warnings == []
    (op,) = api.groups[0].operations
    assert op.responses == ()


def test_operation_without_responses_before_31_is_a_warning(tmp_path: Path) -> None:
    api, warnings = _load(tmp_path, _swagger({"/t": {"get": {"operationId": "T_List"}}}))
    assert _found(warnings) == [
        (
            "/paths/~1t/get",
            "no-responses",
            "missing required field 'responses'; no response is known",
        )
    ]
    assert _operations(api) == {"T_List": ("T", "list")}


def test_openapi_31_webhooks_only_document(tmp_path: Path) -> None:
    hook = {
        "post": {"requestBody": {"content": {"application/json": {"schema": {}}}}, "responses": OK}
    }
    api, warnings = _load(tmp_path, _oas("3.1.0", None, webhooks={"newPet": hook}))
    assert _found(warnings) == [
        (
            "/webhooks/newPet",
            "webhook",
            "webhook 'newPet': its operations are not generated (the "
            "service sends them to a server of yours); the models of their payloads are",
        )
    ]
    assert api.groups == ()


def test_paths_stay_required_before_31(tmp_path: Path) -> None:
    with pytest.raises(SpecError, match="missing required field 'paths'"):
        _load(tmp_path, _oas("3.0.3", None))


def test_duplicate_operation_ids_are_told_apart_by_their_paths(tmp_path: Path) -> None:
    paths = {
        "/things/label/{id}": {"get": {"operationId": "Things_Get", "responses": OK}},
        "/things/matrix/{id}": {"get": {"operationId": "Things_Get", "responses": OK}},
        "/other": {"get": {"operationId": "Other_Get", "responses": OK}},
    }
    api, warnings = _load(tmp_path, _swagger(paths))
    assert _found(warnings) == [
        (
            "/paths/~1things~1label~1{id}/get/operationId",
            "duplicate-operation-id",
            "duplicate operationId 'Things_Get'; this operation is named 'Things_Get_Label'",
        ),
        (
            "/paths/~1things~1matrix~1{id}/get/operationId",
            "duplicate-operation-id",
            "duplicate operationId 'Things_Get'; this operation is named 'Things_Get_Matrix'",
        ),
    ]
    assert _operations(api) == {
        "Things_Get_Label": ("Things", "get_label"),
        "Things_Get_Matrix": ("Things", "get_matrix"),
        "Other_Get": ("Other", "get"),
    }


def test_duplicate_operation_ids_on_one_path_are_told_apart_by_method(tmp_path: Path) -> None:
    paths = {
        "/things": {
            "get": {"operationId": "Things_Do", "responses": OK},
            "post": {"operationId": "Things_Do", "responses": OK},
        },
    }
    api, _ = _load(tmp_path, _swagger(paths))
    assert set(_operations(api)) == {"Things_Do_Get", "Things_Do_Post"}


def test_duplicate_operation_ids_the_paths_cannot_tell_apart_get_a_suffix(
    tmp_path: Path,
) -> None:
    spec = _swagger({"/a": {"get": {"operationId": "Things_Get", "responses": OK}}})
    spec["x-ms-paths"] = {"/a?b=1": {"get": {"operationId": "Things_Get", "responses": OK}}}
    api, warnings = _load(tmp_path, spec)
    assert _found(warnings) == [
        (
            "/x-ms-paths/~1a?b=1/get/operationId",
            "duplicate-operation-id",
            "duplicate operationId 'Things_Get'; this operation is named 'Things_Get_2'",
        )
    ]
    assert _operations(api) == {
        "Things_Get": ("Things", "get"),
        "Things_Get_2": ("Things", "get_2"),
    }


def _broken_and_fine() -> dict[str, Any]:
    return _swagger(
        {
            "/bad": {
                "get": {
                    "operationId": "T_Bad",
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Missing"}}
                    },
                }
            },
            "/good": {"get": {"operationId": "T_Good", "responses": OK}},
        }
    )


def test_operation_that_cannot_be_generated_is_left_out(tmp_path: Path) -> None:
    api, warnings = _load(tmp_path, _broken_and_fine())
    assert _operations(api) == {"T_Good": ("T", "good")}
    (warning,) = warnings
    assert warning.kind == SKIPPED_OPERATION
    assert warning.pointer == "/paths/~1bad/get/responses/200/schema/$ref"
    assert warning.message.startswith("operation GET /bad left out: ")
    assert "Missing" in warning.message


def test_strict_loader_refuses_what_it_would_leave_out(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        _load(tmp_path, _broken_and_fine(), strict=True)
    assert info.value.diagnostic.pointer == "/paths/~1bad/get/responses/200/schema/$ref"


def test_spec_whose_every_operation_fails_is_refused(tmp_path: Path) -> None:
    spec = _broken_and_fine()
    del spec["paths"]["/good"]
    with pytest.raises(SpecError) as info:
        _load(tmp_path, spec)
    assert info.value.diagnostic.pointer == "/paths/~1bad/get/responses/200/schema/$ref"


def test_parameter_defaults_are_values_of_the_argument_type(tmp_path: Path) -> None:
    """Numbers and booleans written as strings are read as what they spell; a default that no
    literal of the Python type can hold (a date) or that does not fit is left to the service,
    with a warning naming the default."""

    def query(name: str, schema: dict[str, Any]) -> dict[str, Any]:
        return {"name": name, "in": "query", "schema": schema}

    parameters = [
        query("big", {"type": "integer", "format": "int64", "default": "3000000000"}),
        query("ratio", {"type": "number", "default": "1.5"}),
        query("flag", {"type": "boolean", "default": "true"}),
        query("label", {"type": "string", "default": 5}),
        query("when", {"type": "string", "format": "date-time", "default": "2020-01-01T00:00:00Z"}),
        query("count", {"type": "integer", "default": "many"}),
        query("plain", {"type": "integer", "default": 7}),
    ]
    spec = _oas(
        "3.0.3", {"/x": {"get": {"operationId": "Get", "parameters": parameters, "responses": OK}}}
    )
    api, warnings = _load(tmp_path, spec)
    (op,) = [op for g in api.groups for op in g.operations]
    found = {p.wire_name: (p.default, p.has_default) for p in op.parameters}
    assert found == {
        "big": (3000000000, True),
        "ratio": (1.5, True),
        "flag": (True, True),
        "label": ("5", True),
        "when": (None, False),
        "count": (None, False),
        "plain": (7, True),
    }
    dropped = [(w.pointer, w.kind) for w in warnings if w.kind == "default-type"]
    assert dropped == [
        ("/paths/~1x/get/parameters/4/schema/default", "default-type"),
        ("/paths/~1x/get/parameters/5/schema/default", "default-type"),
    ]
