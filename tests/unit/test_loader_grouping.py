"""x-ms-parameter-grouping: group models, their names, and the parameters that point at them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import ir
from generator.diagnostics import SpecError
from generator.loader import load_api

OK = {"200": {"description": "OK"}}


def _load(tmp_path: Path, paths: dict[str, Any], **extra: Any) -> ir.Api:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Grouping", "version": "1.0"},
        "host": "example.com",
        "paths": paths,
        **extra,
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return load_api(path)


def _op(api: ir.Api, operation_id: str) -> ir.Operation:
    return next(op for g in api.groups for op in g.operations if op.operation_id == operation_id)


def _header(name: str, grouping: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "header",
        "type": "string",
        "x-ms-parameter-grouping": grouping,
        **extra,
    }


def test_default_name_postfix_and_explicit_name(tmp_path: Path) -> None:
    api = _load(
        tmp_path,
        {
            "/a": {
                "post": {
                    "operationId": "widgets_postThings",
                    "responses": OK,
                    "parameters": [
                        _header("one", {}),
                        _header("two", {"postfix": "extra-options"}),
                        _header("three", {"name": "shared-group"}),
                        {"name": "plain", "in": "query", "type": "integer"},
                    ],
                }
            },
        },
    )
    op = _op(api, "widgets_postThings")
    groups = {g.model: g for g in op.parameter_groups}
    assert list(groups) == [
        "WidgetsPostThingsParameters",
        "WidgetsPostThingsExtraOptions",
        "SharedGroup",
    ]
    assert [g.py_name for g in op.parameter_groups] == [
        "widgets_post_things_parameters",
        "widgets_post_things_extra_options",
        "shared_group",
    ]
    assert all(not g.required for g in op.parameter_groups)
    params = {p.wire_name: p for p in op.parameters}
    one = params["one"]
    assert (one.group, one.group_field) == ("WidgetsPostThingsParameters", "one")
    assert params["three"].group == "SharedGroup"
    assert params["plain"].group is None
    model = api.model("SharedGroup")
    assert model.py_name == "SharedGroup" and model.module_name == "_shared_group"
    fields = [(f.wire_name, f.py_name, f.required) for f in model.fields]
    assert fields == [("three", "three", False)]


def test_a_required_member_makes_the_group_required_and_defaults_become_field_defaults(
    tmp_path: Path,
) -> None:
    api = _load(
        tmp_path,
        {
            "/b/{id}": {
                "put": {
                    "operationId": "b_put",
                    "responses": OK,
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "type": "string",
                            "x-ms-parameter-grouping": {},
                        },
                        {
                            "name": "top",
                            "in": "query",
                            "type": "integer",
                            "default": 30,
                            "x-ms-parameter-grouping": {},
                        },
                    ],
                }
            },
        },
    )
    op = _op(api, "b_put")
    (group,) = op.parameter_groups
    assert group.required
    fields = {f.wire_name: f for f in api.model(group.model).fields}
    assert fields["id"].required and not fields["top"].required
    assert (fields["top"].default, fields["top"].has_default) == (30, True)


def test_shared_group_holds_every_member_and_names_avoid_models_and_reserved_words(
    tmp_path: Path,
) -> None:
    api = _load(
        tmp_path,
        {
            "/c": {
                "post": {
                    "operationId": "c_one",
                    "parameters": [
                        _header("from", {"name": "Widget"}),
                    ],
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Widget"}}
                    },
                }
            },
            "/c2": {
                "post": {
                    "operationId": "c_three",
                    "responses": OK,
                    "parameters": [
                        _header("from", {"name": "Widget"}),
                    ],
                }
            },
            "/d": {
                "post": {
                    "operationId": "c_two",
                    "responses": OK,
                    "parameters": [
                        _header("items", {"name": "Widget"}),
                        {"name": "widget", "in": "query", "type": "string"},
                    ],
                }
            },
        },
        definitions={"Widget": {"type": "object", "properties": {"x": {"type": "string"}}}},
    )
    group_models = [m for m in api.models if m.name != "Widget"]
    (model,) = group_models
    assert model.name == "Widget_2" and model.py_name == "Widget_2"
    assert model.module_name != api.model("Widget").module_name
    assert [f.py_name for f in model.fields] == ["from_", "items_"]
    two = _op(api, "c_two")
    # The argument name must not collide with the method's own `widget` parameter.
    assert two.parameter_groups[0].py_name != "widget"
    assert two.parameter_groups[0].py_name not in {p.py_name for p in two.parameters}


def test_client_parameters_and_constants_are_never_grouped(tmp_path: Path) -> None:
    api = _load(
        tmp_path,
        {
            "/e": {
                "get": {
                    "operationId": "e_get",
                    "responses": OK,
                    "parameters": [
                        {"$ref": "#/parameters/Version"},
                        {
                            "name": "kind",
                            "in": "header",
                            "type": "string",
                            "required": True,
                            "enum": ["k"],
                            "x-ms-parameter-grouping": {},
                        },
                    ],
                }
            }
        },
        parameters={
            "Version": {
                "name": "version",
                "in": "query",
                "type": "string",
                "required": True,
                "x-ms-parameter-grouping": {},
            }
        },
    )
    op = _op(api, "e_get")
    assert op.parameter_groups == ()
    assert all(p.group is None for p in op.parameters)


def test_grouping_that_is_not_an_object_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as caught:
        _load(
            tmp_path,
            {
                "/f": {
                    "get": {
                        "operationId": "f_get",
                        "responses": OK,
                        "parameters": [
                            _header("x", "yes"),  # type: ignore[arg-type]
                        ],
                    }
                }
            },
        )
    assert caught.value.diagnostic.pointer.endswith("/parameters/0/x-ms-parameter-grouping")
    assert "must be an object" in caught.value.diagnostic.message
