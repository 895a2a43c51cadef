"""Schemas to models, enums and types."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import ir
from generator.diagnostics import SpecError
from generator.loader import load_api

P = ir.Primitive


def _load(tmp_path: Path, definitions: dict[str, object], *roots: str, **extra: object) -> ir.Api:
    """A Swagger 2.0 spec whose operation `Get<Root>` returns each root definition."""
    paths = {
        f"/{root.lower()}": {
            "get": {
                "operationId": f"Things_Get{root}",
                "responses": {
                    "200": {"description": "OK", "schema": {"$ref": f"#/definitions/{root}"}}
                },
            }
        }
        for root in roots
    }
    spec = {
        "swagger": "2.0",
        "info": {"title": "Models", "version": "1"},
        "paths": paths,
        "definitions": definitions,
        **extra,
    }
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return load_api(path)


def _fields(model: ir.Model) -> dict[str, ir.Field]:
    return {f.py_name: f for f in model.fields}


def test_primitive_formats(tmp_path: Path) -> None:
    cases = {
        "s": ({"type": "string"}, P.STRING),
        "d": ({"type": "string", "format": "date"}, P.DATE),
        "dt": ({"type": "string", "format": "date-time"}, P.DATETIME),
        "rfc": ({"type": "string", "format": "date-time-rfc1123"}, P.DATETIME_RFC1123),
        "unix": ({"type": "integer", "format": "unixtime"}, P.UNIXTIME),
        "t": ({"type": "string", "format": "time"}, P.TIME),
        "dur": ({"type": "string", "format": "duration"}, P.DURATION),
        "b": ({"type": "string", "format": "byte"}, P.BYTES),
        "b64": ({"type": "string", "format": "base64url"}, P.BASE64URL),
        "bin": ({"type": "string", "format": "binary"}, P.BINARY),
        "f": ({"type": "file"}, P.BINARY),
        "u": ({"type": "string", "format": "uuid"}, P.UUID),
        "dec": ({"type": "number", "format": "decimal"}, P.DECIMAL),
        "i32": ({"type": "integer", "format": "int32"}, P.INT),
        "i64": ({"type": "integer", "format": "int64"}, P.INT),
        "fl": ({"type": "number", "format": "float"}, P.FLOAT),
        "dbl": ({"type": "number", "format": "double"}, P.FLOAT),
        "n": ({"type": "number"}, P.FLOAT),
        "flag": ({"type": "boolean"}, P.BOOL),
        "url": ({"type": "string", "format": "url"}, P.STRING),
    }
    props = {name: schema for name, (schema, _) in cases.items()}
    api = _load(tmp_path, {"Root": {"type": "object", "properties": props}}, "Root")
    fields = {f.wire_name: f.type for f in api.model("Root").fields}
    assert fields == {name: ir.PrimitiveType(p) for name, (_, p) in cases.items()}


def test_arrays_dicts_and_any(tmp_path: Path) -> None:
    props = {
        "tags": {"type": "object", "additionalProperties": {"type": "string"}},
        "matrix": {"type": "array", "items": {"type": "array", "items": {"type": "integer"}}},
        "nested": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "boolean"}},
        },
        "anything": {"type": "object"},
        "emptyobject": {"type": "object", "properties": {}},
        "untyped": {},
        "free": {"type": "object", "additionalProperties": True},
        "noitems": {"type": "array"},
    }
    api = _load(tmp_path, {"Root": {"type": "object", "properties": props}}, "Root")
    types = {f.wire_name: f.type for f in api.model("Root").fields}
    assert types["tags"] == ir.DictType(ir.PrimitiveType(P.STRING))
    assert types["matrix"] == ir.ListType(ir.ListType(ir.PrimitiveType(P.INT)))
    assert types["nested"] == ir.DictType(ir.ListType(ir.PrimitiveType(P.BOOL)))
    # An object with nothing declared is any JSON object; a schema with no type is anything.
    assert types["anything"] == ir.DictType(ir.AnyType())
    assert types["emptyobject"] == ir.DictType(ir.AnyType())
    assert types["untyped"] == ir.AnyType()
    assert types["free"] == ir.DictType(ir.AnyType())
    assert types["noitems"] == ir.ListType(ir.AnyType())
    assert [m.name for m in api.models] == ["Root"]


def test_model_with_properties_and_additional_properties(tmp_path: Path) -> None:
    definitions = {
        "Bag": {
            "type": "object",
            "properties": {"id": {"type": "string"}},
            "additionalProperties": {"type": "integer"},
        },
        "Open": {
            "type": "object",
            "properties": {"id": {"type": "string"}},
            "additionalProperties": True,
        },
    }
    api = _load(tmp_path, definitions, "Bag", "Open")
    assert api.model("Bag").additional_properties == ir.PrimitiveType(P.INT)
    assert api.model("Open").additional_properties == ir.AnyType()


def test_field_attributes(tmp_path: Path) -> None:
    root = {
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 63,
                "pattern": "^[a-z]+$",
                "description": "The name.",
            },
            "count": {
                "type": "integer",
                "minimum": 0,
                "maximum": 10,
                "exclusiveMaximum": True,
                "multipleOf": 2,
                "default": 4,
            },
            "items": {
                "type": "array",
                "items": {"type": "string"},
                "minItems": 1,
                "maxItems": 3,
                "uniqueItems": True,
            },
            "maybe": {"type": "string", "x-nullable": True},
            "ro": {"type": "string", "readOnly": True},
            "mut": {"type": "string", "x-ms-mutability": ["read"]},
            "rw": {"type": "string", "x-ms-mutability": ["read", "create"]},
            "objdefault": {"type": "object", "default": {"a": 1}},
            "renamed": {"type": "string", "x-ms-client-name": "betterName"},
        },
    }
    api = _load(tmp_path, {"Root": root}, "Root")
    fields = _fields(api.model("Root"))
    name = fields["name"]
    assert name.required and not name.nullable and name.description == "The name."
    assert name.constraints == ir.Constraints(min_length=1, max_length=63, pattern="^[a-z]+$")
    count = fields["count"]
    assert not count.required
    assert (count.default, count.has_default) == (4, True)
    assert count.constraints == ir.Constraints(
        minimum=0, maximum=10, exclusive_maximum=True, multiple_of=2
    )
    assert fields["items_"].constraints == ir.Constraints(
        min_items=1, max_items=3, unique_items=True
    )
    assert fields["maybe"].nullable
    assert fields["ro"].read_only and fields["mut"].read_only and not fields["rw"].read_only
    assert (fields["objdefault"].default, fields["objdefault"].has_default) == (None, False)
    assert fields["better_name"].wire_name == "renamed"


def test_xml_info(tmp_path: Path) -> None:
    root = {
        "type": "object",
        "xml": {"name": "Root", "namespace": "http://ns", "prefix": "p"},
        "properties": {
            "id": {"type": "string", "xml": {"attribute": True, "name": "Id"}},
            "list": {"type": "array", "items": {"type": "string"}, "xml": {"wrapped": True}},
            "content": {"type": "string", "x-ms-text": True},
            "plain": {"type": "string"},
        },
    }
    api = _load(tmp_path, {"Root": root}, "Root")
    model = api.model("Root")
    assert model.xml == ir.XmlInfo(name="Root", namespace="http://ns", prefix="p")
    fields = _fields(model)
    assert fields["id"].xml == ir.XmlInfo(name="Id", attribute=True)
    # "list" would hide the builtin in the class's annotations.
    assert fields["list_"].xml == ir.XmlInfo(wrapped=True)
    assert fields["content"].xml == ir.XmlInfo(text=True)
    assert fields["plain"].xml is None


def test_inheritance_and_inherited_field_names(tmp_path: Path) -> None:
    definitions = {
        "Base": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Mixin": {"type": "object", "properties": {"tag": {"type": "string"}}},
        "Child": {
            "allOf": [
                {"$ref": "#/definitions/Base"},
                {"$ref": "#/definitions/Mixin"},
                {"properties": {"extra": {"type": "integer"}}, "required": ["extra"]},
            ],
            "properties": {
                "Name": {"type": "string"},  # another wire name with the same Python name
                "name": {"type": "string", "description": "redeclared"},
            },
        },
    }
    api = _load(tmp_path, definitions, "Child")
    child = api.model("Child")
    assert child.parents == ("Base", "Mixin")
    assert [(f.py_name, f.wire_name) for f in child.fields] == [
        ("name_2", "Name"),
        ("name", "name"),
        ("extra", "extra"),
    ]
    assert _fields(child)["extra"].required
    assert [m.name for m in api.models] == ["Base", "Child", "Mixin"]


_ITEM = {"$ref": "#/definitions/Item"}


def test_a_child_that_narrows_an_inherited_type_holds_the_parent_fields(tmp_path: Path) -> None:
    """`data: list[Item]` cannot override `data: list[dict]` on a subclass (mypy rejects it);
    the child holds the parent's fields instead, its own type winning, the parent's text kept."""
    definitions = {
        "Item": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Wrapper": {
            "type": "object",
            "properties": {
                "data": {"type": "array", "items": {"type": "object"}, "description": "items"},
                "links": {"type": "object", "readOnly": True},
                "total": {"type": "integer"},
            },
            "additionalProperties": {"type": "string"},
        },
        "Page": {
            "allOf": [
                {"$ref": "#/definitions/Wrapper"},
                {"properties": {"data": {"type": "array", "items": _ITEM}}},
            ],
        },
        "Same": {
            "allOf": [{"$ref": "#/definitions/Wrapper"}],
            "properties": {"total": {"type": "integer"}, "more": {"type": "string"}},
        },
        "Loose": {
            "type": "object",
            "properties": {"anything": {}},
        },
        "Tight": {
            "allOf": [{"$ref": "#/definitions/Loose"}],
            "properties": {"anything": {"type": "string"}},
        },
    }
    api = _load(tmp_path, definitions, "Page", "Same", "Tight")
    page = api.model("Page")
    assert page.parents == ()
    assert [f.py_name for f in page.fields] == ["data", "links", "total"]
    data = _fields(page)["data"]
    assert data.type == ir.ListType(ir.ModelType("Item"))
    assert data.description == "items"
    assert _fields(page)["links"].read_only
    assert page.additional_properties == ir.PrimitiveType(P.STRING)
    # The same type redeclared, or a narrower type for an `Any` property: still a subclass.
    assert api.model("Same").parents == ("Wrapper",)
    assert api.model("Tight").parents == ("Loose",)


def test_inheritance_cycle_is_an_error(tmp_path: Path) -> None:
    definitions = {
        "A": {"allOf": [{"$ref": "#/definitions/B"}], "properties": {"a": {"type": "string"}}},
        "B": {"allOf": [{"$ref": "#/definitions/A"}], "properties": {"b": {"type": "string"}}},
    }
    with pytest.raises(SpecError) as info:
        _load(tmp_path, definitions, "A")
    assert info.value.diagnostic.message == "inheritance cycle: 'A' is its own ancestor"
    assert info.value.diagnostic.pointer == "/definitions/A/allOf"


def test_polymorphism_pulls_in_subtypes(tmp_path: Path) -> None:
    definitions = {
        "Pet": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind"],
            "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
        },
        "Cat": {
            "allOf": [{"$ref": "#/definitions/Pet"}],
            "properties": {"lives": {"type": "integer"}},
        },
        "Dog": {"x-ms-discriminator-value": "doggo", "allOf": [{"$ref": "#/definitions/Pet"}]},
        "Puppy": {"allOf": [{"$ref": "#/definitions/Dog"}]},
        "NotAPet": {"type": "object", "properties": {"x": {"type": "string"}}},
    }
    api = _load(tmp_path, definitions, "Pet")
    assert [m.name for m in api.models] == ["Cat", "Dog", "Pet", "Puppy"]
    pet = api.model("Pet")
    assert (pet.discriminator, pet.discriminator_value, pet.subtypes) == (
        "kind",
        None,
        ("Cat", "Dog"),
    )
    assert api.model("Cat").discriminator_value == "Cat"
    assert api.model("Dog").discriminator_value == "doggo"
    assert api.model("Dog").subtypes == ("Puppy",)
    assert api.model("Puppy").discriminator_value == "Puppy"


def test_plain_inheritance_does_not_pull_in_children(tmp_path: Path) -> None:
    definitions = {
        "Resource": {"type": "object", "properties": {"id": {"type": "string"}}},
        "Vm": {"allOf": [{"$ref": "#/definitions/Resource"}]},
        "Disk": {"allOf": [{"$ref": "#/definitions/Resource"}]},
    }
    api = _load(tmp_path, definitions, "Vm")
    assert [m.name for m in api.models] == ["Resource", "Vm"]
    assert api.model("Resource").subtypes == ()
    assert api.model("Vm").discriminator_value is None


def test_flattening_lifts_fields_and_drops_the_container(tmp_path: Path) -> None:
    definitions = {
        "Resource": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
        },
        "Thing": {
            "allOf": [{"$ref": "#/definitions/Resource"}],
            "required": ["properties"],
            "properties": {
                "properties": {
                    "$ref": "#/definitions/ThingProperties",
                    "x-ms-client-flatten": True,
                },
            },
        },
        "ThingProperties": {
            "required": ["size"],
            "properties": {
                "size": {"type": "integer"},
                "name": {"type": "string"},
                "status": {
                    "$ref": "#/definitions/Status",
                    "x-ms-client-flatten": True,
                    "readOnly": True,
                },
            },
        },
        "Status": {"properties": {"code": {"type": "string"}, "size": {"type": "integer"}}},
    }
    api = _load(tmp_path, definitions, "Thing")
    assert [m.name for m in api.models] == ["Resource", "Thing"]
    fields = [(f.py_name, f.wire_path, f.required, f.read_only) for f in api.model("Thing").fields]
    assert fields == [
        ("size", ("properties", "size"), True, False),
        ("properties_name", ("properties", "name"), False, False),
        ("code", ("properties", "status", "code"), False, True),
        ("status_size", ("properties", "status", "size"), False, True),
    ]
    assert all(f.wire_name == f.wire_path[-1] for f in api.model("Thing").fields)


def test_flattened_container_used_elsewhere_is_still_a_model(tmp_path: Path) -> None:
    definitions = {
        "Thing": {
            "properties": {
                "properties": {"$ref": "#/definitions/Props", "x-ms-client-flatten": True}
            }
        },
        "Props": {"properties": {"a": {"type": "string"}}},
    }
    paths_extra = {
        "/props": {
            "put": {
                "operationId": "Props_Put",
                "parameters": [
                    {"name": "body", "in": "body", "schema": {"$ref": "#/definitions/Props"}}
                ],
                "responses": {"200": {"description": ""}},
            }
        }
    }
    spec_dir = tmp_path
    api = _load(spec_dir, definitions, "Thing")
    assert [m.name for m in api.models] == ["Thing"]
    spec = json.loads((spec_dir / "spec.json").read_text())
    spec["paths"].update(paths_extra)
    (spec_dir / "spec.json").write_text(json.dumps(spec))
    api = load_api(spec_dir / "spec.json")
    assert [m.name for m in api.models] == ["Props", "Thing"]


def test_flattening_a_self_containing_model_stops(tmp_path: Path) -> None:
    definitions = {
        "Node": {
            "properties": {
                "value": {"type": "string"},
                "next": {"$ref": "#/definitions/Node", "x-ms-client-flatten": True},
            }
        },
    }
    api = _load(tmp_path, definitions, "Node")
    assert [f.wire_path for f in api.model("Node").fields] == [("value",), ("next",)]


def test_inline_object_schemas_get_made_up_names(tmp_path: Path) -> None:
    definitions = {
        "Root": {
            "properties": {
                "settings": {"type": "object", "properties": {"on": {"type": "boolean"}}},
                "items": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"x": {"type": "string"}}},
                },
                "named": {
                    "type": "object",
                    "x-ms-client-name": "Special",
                    "properties": {"y": {"type": "string"}},
                },
            }
        },
        "RootSettings2": {"type": "object", "properties": {"z": {"type": "string"}}},
        "RootSettings": {"type": "object", "properties": {"taken": {"type": "string"}}},
    }
    spec_paths = {
        "/inline": {
            "post": {
                "operationId": "Things_Post",
                "parameters": [
                    {
                        "name": "body",
                        "in": "body",
                        "schema": {"type": "object", "properties": {"a": {"type": "string"}}},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "",
                        "schema": {"type": "object", "properties": {"b": {"type": "string"}}},
                    }
                },
            }
        }
    }
    api = _load(tmp_path, definitions, "Root")
    spec = json.loads((tmp_path / "spec.json").read_text())
    spec["paths"].update(spec_paths)
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    api = load_api(tmp_path / "spec.json")
    types = {f.wire_name: f.type for f in api.model("Root").fields}
    assert types["settings"] == ir.ModelType("RootSettings3")
    assert types["items"] == ir.ListType(ir.ModelType("RootItemsItem"))
    assert types["named"] == ir.ModelType("Special")
    op = next(o for o in api.groups[0].operations if o.operation_id == "Things_Post")
    assert op.parameters[0].type == ir.ModelType("ThingsPostRequest")
    assert op.responses[0].type == ir.ModelType("ThingsPostResponse")
    assert api.model("RootSettings3").source.pointer == "/definitions/Root/properties/settings"


def test_same_definition_copied_in_two_files_is_one_model(tmp_path: Path) -> None:
    error = {"type": "object", "properties": {"code": {"type": "string"}}}
    other = {
        "swagger": "2.0",
        "info": {"title": "o", "version": "1"},
        "paths": {},
        "definitions": {"Error": error},
    }
    (tmp_path / "other.json").write_text(json.dumps(other))
    definitions = {
        "Error": error,
        "Root": {
            "properties": {
                "a": {"$ref": "#/definitions/Error"},
                "b": {"$ref": "other.json#/definitions/Error"},
            }
        },
    }
    api = _load(tmp_path, definitions, "Root")
    assert [m.name for m in api.models] == ["Error", "Root"]
    assert {f.type for f in api.model("Root").fields} == {ir.ModelType("Error")}


def test_different_definitions_with_one_name_get_distinct_names(tmp_path: Path) -> None:
    other = {"definitions": {"Error": {"properties": {"other": {"type": "string"}}}}}
    (tmp_path / "other.json").write_text(json.dumps(other))
    definitions = {
        "Error": {"properties": {"code": {"type": "string"}}},
        "Root": {
            "properties": {
                "a": {"$ref": "#/definitions/Error"},
                "b": {"$ref": "other.json#/definitions/Error"},
            }
        },
    }
    api = _load(tmp_path, definitions, "Root")
    assert [m.name for m in api.models] == ["Error", "Error2", "Root"]
    assert api.model("Error2").source.file == "other.json"


def test_enums(tmp_path: Path) -> None:
    definitions = {
        "Root": {
            "required": ["fixed", "fixedExtensible"],
            "properties": {
                "color": {
                    "type": "string",
                    "enum": ["red", "green"],
                    "x-ms-enum": {"name": "Color", "modelAsString": True},
                },
                "color2": {
                    "type": "string",
                    "enum": ["green", "blue"],
                    "x-ms-enum": {"name": "Color"},
                },
                "plain": {"type": "string", "enum": ["a", "b"]},
                "level": {"type": "integer", "enum": [1, 2, 3]},
                "fixed": {"type": "string", "enum": ["only"]},
                "fixedExtensible": {
                    "type": "string",
                    "enum": ["only"],
                    "x-ms-enum": {"name": "Single", "modelAsString": True},
                },
                "optionalSingle": {"type": "string", "enum": ["one"]},
                "shape": {"$ref": "#/definitions/Shape"},
                "named": {
                    "type": "string",
                    "enum": ["RED", "red", "1st"],
                    "x-ms-enum": {
                        "name": "Named",
                        "values": [
                            {"value": "RED", "name": "upperRed", "description": "Upper"},
                            {"value": "red", "name": "lowerRed"},
                        ],
                    },
                },
            },
        },
        "Shape": {"type": "string", "enum": ["circle", "square"], "description": "A shape."},
    }
    api = _load(tmp_path, definitions, "Root")
    types = {f.wire_name: f.type for f in api.model("Root").fields}
    assert types["color"] == types["color2"] == ir.EnumType("Color")
    color = api.enum("Color")
    assert [v.value for v in color.values] == ["red", "green", "blue"]
    assert color.extensible
    assert types["plain"] == ir.EnumType("RootPlain")
    assert not api.enum("RootPlain").extensible
    level = api.enum(types["level"].name)  # type: ignore[union-attr]
    assert level.value_type is P.INT
    assert [(v.value, v.py_name) for v in level.values] == [
        (1, "ENUM_1"),
        (2, "ENUM_2"),
        (3, "ENUM_3"),
    ]
    assert types["fixed"] == ir.ConstantType("only", ir.PrimitiveType(P.STRING))
    assert types["fixedExtensible"] == ir.EnumType("Single")
    assert types["optionalSingle"] == ir.EnumType("RootOptionalSingle")
    assert types["shape"] == ir.EnumType("Shape")
    assert api.enum("Shape").description == "A shape."
    named = api.enum("Named")
    assert [(v.py_name, v.description) for v in named.values] == [
        ("UPPER_RED", "Upper"),
        ("LOWER_RED", ""),
        ("ENUM_1_ST", ""),
    ]
    assert [e.name for e in api.enums] == sorted(e.name for e in api.enums)


def test_class_names_are_unique_across_models_and_enums(tmp_path: Path) -> None:
    definitions = {
        "thing": {
            "properties": {
                "kind": {"type": "string", "enum": ["a", "b"], "x-ms-enum": {"name": "Thing"}}
            }
        },
    }
    api = _load(tmp_path, definitions, "thing")
    assert api.model("thing").py_name == "Thing"
    assert api.enum("Thing").py_name == "Thing_2"
    assert api.enum("Thing").module_name == "_thing_2"


def test_recursion_through_arrays_and_dicts(tmp_path: Path) -> None:
    definitions = {
        "A": {"properties": {"b": {"$ref": "#/definitions/B"}}},
        "B": {
            "properties": {
                "a": {"type": "object", "additionalProperties": {"$ref": "#/definitions/A"}}
            }
        },
        "Loop": {"type": "array", "items": {"$ref": "#/definitions/Loop"}},
        "Root": {
            "properties": {"a": {"$ref": "#/definitions/A"}, "loop": {"$ref": "#/definitions/Loop"}}
        },
    }
    api = _load(tmp_path, definitions, "Root")
    assert _fields(api.model("B"))["a"].type == ir.DictType(ir.ModelType("A"))
    assert _fields(api.model("Root"))["loop"].type == ir.ListType(ir.AnyType())


def test_loading_is_deterministic(tmp_path: Path) -> None:
    definitions = {
        "Z": {
            "properties": {
                "a": {"$ref": "#/definitions/A"},
                "e": {"type": "string", "enum": ["x", "y"]},
            }
        },
        "A": {"properties": {"z": {"$ref": "#/definitions/Z"}}},
    }
    first = ir.to_json(_load(tmp_path, definitions, "Z", "A"))
    second = ir.to_json(_load(tmp_path, definitions, "Z", "A"))
    assert first == second
    api = _load(tmp_path, definitions, "Z", "A")
    assert [m.name for m in api.models] == ["A", "Z"]


def test_client_name_on_a_definition_renames_the_class(tmp_path: Path) -> None:
    definitions = {
        "vm_info": {
            "x-ms-client-name": "VirtualMachineInfo",
            "properties": {"id": {"type": "string"}},
        },
    }
    api = _load(tmp_path, definitions, "vm_info")
    model = api.model("vm_info")
    assert (model.py_name, model.module_name) == ("VirtualMachineInfo", "_virtual_machine_info")
