"""oneOf / anyOf / OpenAPI 3.1 type lists through the loader: what `ir.UnionType` they become."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import ir
from generator.diagnostics import Diagnostic
from generator.loader import load_api

STRING = ir.PrimitiveType(ir.Primitive.STRING)
INT = ir.PrimitiveType(ir.Primitive.INT)
DATE = ir.PrimitiveType(ir.Primitive.DATE)
DATETIME = ir.PrimitiveType(ir.Primitive.DATETIME)


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _pet(kind: str, extra: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["petType", "name"],
        "properties": {
            "petType": {"type": "string"},
            "name": {"type": "string"},
            extra: {"type": "boolean"},
        },
    }


def _load(
    tmp_path: Path, schemas: dict[str, Any], version: str = "3.0.3"
) -> tuple[ir.Api, list[Diagnostic]]:
    """A spec whose one operation returns `Holder`, with `schemas` as components."""
    spec = {
        "openapi": version,
        "info": {"title": "Unions", "version": "1"},
        "paths": {
            "/holder": {
                "get": {
                    "operationId": "Holder_Get",
                    "responses": {
                        "200": {
                            "description": "ok",
                            "content": {"application/json": {"schema": _ref("Holder")}},
                        }
                    },
                }
            }
        },
        "components": {"schemas": schemas},
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    warnings: list[Diagnostic] = []
    return load_api(path, warnings=warnings), warnings


def _holder(tmp_path: Path, version: str = "3.0.3", **properties: Any) -> dict[str, ir.Field]:
    schemas = {
        "Cat": _pet("cat", "purrs"),
        "Dog": _pet("dog", "barks"),
        "Holder": {"type": "object", "properties": properties},
    }
    api, _ = _load(tmp_path, schemas, version)
    return {f.wire_name: f for f in api.model("Holder").fields}


def test_a_oneof_of_models_is_a_union_of_both_models(tmp_path: Path) -> None:
    fields = _holder(tmp_path, pet={"oneOf": [_ref("Cat"), _ref("Dog")]})
    assert fields["pet"].type == ir.UnionType(
        "HolderPet", (ir.ModelType("Cat"), ir.ModelType("Dog"))
    )


def test_a_discriminated_oneof_maps_explicit_values_then_schema_names(tmp_path: Path) -> None:
    schemas = {
        "Cat": _pet("cat", "purrs"),
        "Dog": _pet("dog", "barks"),
        "Pet": {
            "oneOf": [_ref("Cat"), _ref("Dog")],
            "discriminator": {
                "propertyName": "petType",
                "mapping": {"kitty": "#/components/schemas/Cat", "tom": "Cat"},
            },
        },
        "Holder": {"type": "object", "properties": {"pet": _ref("Pet")}},
    }
    api, warnings = _load(tmp_path, schemas)
    pet = api.model("Holder").fields[0].type
    assert pet == ir.UnionType(
        "Pet",
        (ir.ModelType("Cat"), ir.ModelType("Dog")),
        "petType",
        (
            ir.UnionMapping("kitty", "Cat"),
            ir.UnionMapping("tom", "Cat"),
            ir.UnionMapping("Dog", "Dog"),
        ),
    )
    # The union is not a model: no empty `Pet` class that would swallow the payload.
    assert sorted(m.name for m in api.models) == ["Cat", "Dog", "Holder"]
    assert warnings == []


def test_a_mapping_to_a_schema_outside_the_union_is_left_out_with_a_warning(
    tmp_path: Path,
) -> None:
    schemas = {
        "Cat": _pet("cat", "purrs"),
        "Dog": _pet("dog", "barks"),
        "Bird": _pet("bird", "sings"),
        "Holder": {
            "type": "object",
            "properties": {
                "pet": {
                    "oneOf": [_ref("Cat"), _ref("Dog")],
                    "discriminator": {"propertyName": "petType", "mapping": {"b": "Bird"}},
                },
                "bird": _ref("Bird"),
            },
        },
    }
    api, warnings = _load(tmp_path, schemas)
    pet = api.model("Holder").fields[0].type
    assert isinstance(pet, ir.UnionType)
    assert pet.mapping == (ir.UnionMapping("Cat", "Cat"), ir.UnionMapping("Dog", "Dog"))
    assert [(w.pointer, w.message) for w in warnings] == [
        (
            "/components/schemas/Holder/properties/pet/discriminator/mapping/b",
            'discriminator value "b" names a schema that is not one of the alternatives; '
            "it is left out",
        )
    ]


def test_primitives_formats_and_lists_are_members_in_order(tmp_path: Path) -> None:
    fields = _holder(
        tmp_path,
        value={
            "anyOf": [
                {"type": "integer"},
                {"type": "string", "format": "date"},
                {"type": "array", "items": _ref("Cat")},
            ]
        },
    )
    # An anyOf: a value several members fit alike is the first of them (a oneOf's is an error).
    assert fields["value"].type == ir.UnionType(
        "HolderValue", (INT, DATE, ir.ListType(ir.ModelType("Cat"))), first_match=True
    )


def test_null_members_make_the_property_nullable_not_a_member(tmp_path: Path) -> None:
    fields = _holder(
        tmp_path,
        pets={
            "anyOf": [
                {"type": "array", "items": {"oneOf": [_ref("Cat"), _ref("Dog")]}},
                {"type": "null"},
            ]
        },
        one={"oneOf": [_ref("Cat"), {"type": "null"}]},
    )
    pets = fields["pets"]
    assert pets.type == ir.ListType(
        ir.UnionType("HolderPetsItem", (ir.ModelType("Cat"), ir.ModelType("Dog")))
    )
    assert pets.nullable
    # One member and null: that member, nullable (as before).
    assert fields["one"].type == ir.ModelType("Cat")
    assert fields["one"].nullable


def test_nested_unions_flatten_and_repeats_collapse(tmp_path: Path) -> None:
    fields = _holder(
        tmp_path,
        value={
            "oneOf": [
                {"type": "string"},
                {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                {"type": "integer", "format": "int64"},
            ]
        },
        same={"oneOf": [{"type": "string"}, {"type": "string", "maxLength": 3}]},
    )
    assert fields["value"].type == ir.UnionType("HolderValue", (STRING, INT))
    assert fields["same"].type == STRING


def test_members_without_a_type_take_the_parents(tmp_path: Path) -> None:
    fields = _holder(
        tmp_path,
        when={"type": "string", "oneOf": [{"format": "date"}, {"format": "date-time"}]},
    )
    assert fields["when"].type == ir.UnionType("HolderWhen", (DATE, DATETIME))


def test_const_members_are_constants_and_inline_objects_are_named_models(
    tmp_path: Path,
) -> None:
    fields = _holder(
        tmp_path,
        mode={"oneOf": [{"const": "auto"}, {"type": "integer"}]},
        shape={
            "oneOf": [
                {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
                {"title": "square", "type": "object", "properties": {"b": {"type": "number"}}},
            ]
        },
    )
    assert fields["mode"].type == ir.UnionType("HolderMode", (ir.ConstantType("auto", STRING), INT))
    assert fields["shape"].type == ir.UnionType(
        "HolderShape", (ir.ModelType("HolderShapeVariant1"), ir.ModelType("Square"))
    )


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": ["integer", "string"]}, ir.UnionType("HolderValue", (INT, STRING))),
        ({"type": ["string", "null"]}, STRING),
        (
            {"type": ["array", "boolean"], "items": {"type": "integer"}},
            ir.UnionType("HolderValue", (ir.ListType(INT), ir.PrimitiveType(ir.Primitive.BOOL))),
        ),
        (
            {"type": ["object", "string"]},
            ir.UnionType("HolderValue", (ir.DictType(ir.AnyType()), STRING)),
        ),
        ({"const": 3}, ir.ConstantType(3, INT)),
        ({}, ir.AnyType()),
    ],
)
def test_openapi_31_type_lists_and_const(
    tmp_path: Path, schema: dict[str, Any], expected: ir.TypeRef
) -> None:
    assert _holder(tmp_path, "3.1.0", value=schema)["value"].type == expected


def test_allof_of_one_ref_with_nullable_is_not_a_union(tmp_path: Path) -> None:
    schemas = {
        "Cat": _pet("cat", "purrs"),
        "Holder": {
            "type": "object",
            "properties": {"owner": {"allOf": [_ref("Cat")], "nullable": True}},
        },
    }
    api, _ = _load(tmp_path, schemas)
    owner = api.model("Holder").fields[0]
    # A model that extends Cat, as before unions existed.
    assert owner.type == ir.ModelType("HolderOwner")
    assert api.model("HolderOwner").parents == ("Cat",)
    assert owner.nullable


def test_alternatives_beside_properties_keep_the_model_and_warn(tmp_path: Path) -> None:
    schemas = {
        "Cat": _pet("cat", "purrs"),
        "Holder": {
            "type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            # Constraints only: faithful as they are, no warning.
            "oneOf": [{"required": ["a"]}, {"required": ["b"]}],
        },
        "Mixed": {
            "type": "object",
            "properties": {"a": {"type": "string"}},
            "anyOf": [_ref("Cat"), {"properties": {"b": {"type": "string"}}}],
        },
    }
    schemas["Holder"]["properties"]["mixed"] = _ref("Mixed")
    api, warnings = _load(tmp_path, schemas)
    assert [f.wire_name for f in api.model("Holder").fields] == ["a", "b", "mixed"]
    assert [f.wire_name for f in api.model("Mixed").fields] == ["a"]
    assert [(w.pointer, w.message) for w in warnings] == [
        (
            "/components/schemas/Mixed/anyOf",
            "'anyOf' next to properties or allOf is not typed; "
            "the model has the properties declared beside it",
        )
    ]


def test_a_union_that_contains_itself_is_any_inside_with_one_warning(tmp_path: Path) -> None:
    schemas = {
        "Tree": {"oneOf": [{"type": "string"}, {"type": "array", "items": _ref("Tree")}]},
        "Holder": {"type": "object", "properties": {"a": _ref("Tree"), "b": _ref("Tree")}},
    }
    api, warnings = _load(tmp_path, schemas)
    tree = ir.UnionType("Tree", (STRING, ir.ListType(ir.AnyType())))
    assert [f.type for f in api.model("Holder").fields] == [tree, tree]
    assert [(w.pointer, w.message) for w in warnings] == [
        ("/components/schemas/Tree", "this schema contains itself; the inner occurrence is Any")
    ]


def test_unions_dump_in_the_ir_json(tmp_path: Path) -> None:
    schemas = {
        "Cat": _pet("cat", "purrs"),
        "Dog": _pet("dog", "barks"),
        "Holder": {
            "type": "object",
            "properties": {
                "pet": {
                    "oneOf": [_ref("Cat"), _ref("Dog")],
                    "discriminator": {"propertyName": "petType"},
                }
            },
        },
    }
    api, _ = _load(tmp_path, schemas)
    dumped = json.loads(ir.to_json(api, with_sources=False))
    holder = next(m for m in dumped["models"] if m["name"] == "Holder")
    assert holder["fields"][0]["type"] == {
        "name": "HolderPet",
        "members": [{"name": "Cat", "kind": "model"}, {"name": "Dog", "kind": "model"}],
        "discriminator": "petType",
        "mapping": [{"value": "Cat", "model": "Cat"}, {"value": "Dog", "model": "Dog"}],
        "first_match": False,
        "kind": "union",
    }


def test_schemas_without_a_python_type_are_any_with_a_warning(tmp_path: Path) -> None:
    schemas = {
        "Holder": {
            "type": "object",
            "properties": {"a": {"not": {"type": "string"}}, "b": {}, "c": {"description": "x"}},
        }
    }
    api, warnings = _load(tmp_path, schemas)
    assert [f.type for f in api.model("Holder").fields] == [ir.AnyType()] * 3
    # Only the schema that says something the generator cannot write is reported.
    assert [(w.pointer, w.message) for w in warnings] == [
        (
            "/components/schemas/Holder/properties/a",
            "'not' cannot be expressed as a Python type; Any",
        )
    ]
