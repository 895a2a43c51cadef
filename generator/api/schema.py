"""The data contract of an API as JSON Schema (2020-12): every model and enum of the IR.

The schema describes the wire form: properties under their wire names (flattened properties nested
under the path they travel in), formats, required and nullable properties, read-only marks,
defaults, constraints and additionalProperties. A polymorphic model is a `oneOf` over its subtypes,
each fixing the discriminator with `const`, plus the model itself for values no subtype claims; its
own properties live in its nested `$defs/fields`, which its subtypes extend with `allOf`.

`sdkforge schema SPEC` prints it; the golden tests validate the spec's examples against it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator import ir

DIALECT = "https://json-schema.org/draft/2020-12/schema"

_PRIMITIVES: dict[ir.Primitive, dict[str, Any]] = {
    ir.Primitive.STRING: {"type": "string"},
    ir.Primitive.INT: {"type": "integer"},
    ir.Primitive.FLOAT: {"type": "number"},
    ir.Primitive.DECIMAL: {"type": "number", "format": "decimal"},
    ir.Primitive.BOOL: {"type": "boolean"},
    ir.Primitive.DATE: {"type": "string", "format": "date"},
    ir.Primitive.DATETIME: {"type": "string", "format": "date-time"},
    ir.Primitive.DATETIME_RFC1123: {"type": "string", "format": "date-time-rfc1123"},
    ir.Primitive.UNIXTIME: {"type": "integer", "format": "unixtime"},
    ir.Primitive.TIME: {"type": "string", "format": "time"},
    ir.Primitive.DURATION: {"type": "string", "format": "duration"},
    ir.Primitive.BYTES: {"type": "string", "contentEncoding": "base64"},
    ir.Primitive.BASE64URL: {"type": "string", "contentEncoding": "base64url"},
    ir.Primitive.BINARY: {"type": "string", "contentMediaType": "application/octet-stream"},
    ir.Primitive.UUID: {"type": "string", "format": "uuid"},
}
_ENUM_TYPES = {
    ir.Primitive.STRING: "string",
    ir.Primitive.INT: "integer",
    ir.Primitive.FLOAT: "number",
    ir.Primitive.BOOL: "boolean",
}


class _Schemas:
    def __init__(self, api: ir.Api) -> None:
        self.models = {m.name: m for m in api.models}
        self.enums = {e.name: e for e in api.enums}
        self.children: dict[str, list[ir.Model]] = {}
        for model in api.models:
            for parent in model.parents[:1]:
                self.children.setdefault(parent, []).append(model)

    def is_polymorphic(self, model: ir.Model) -> bool:
        return self._root(model).discriminator is not None and bool(self.children.get(model.name))

    def _root(self, model: ir.Model) -> ir.Model:
        seen = {model.name}
        while model.parents and model.parents[0] in self.models:
            model = self.models[model.parents[0]]
            if model.name in seen:
                break
            seen.add(model.name)
        return model

    def fields_ref(self, name: str) -> str:
        model = self.models[name]
        suffix = "/$defs/fields" if self.is_polymorphic(model) else ""
        return f"#/$defs/{_escape(name)}{suffix}"

    # --- types ---------------------------------------------------------------------------------

    def type_schema(self, ref: ir.TypeRef) -> dict[str, Any]:
        if isinstance(ref, ir.PrimitiveType):
            return dict(_PRIMITIVES[ref.primitive])
        if isinstance(ref, ir.ModelType | ir.EnumType):
            return {"$ref": f"#/$defs/{_escape(ref.name)}"}
        if isinstance(ref, ir.ConstantType):
            return {"const": ref.value}
        if isinstance(ref, ir.ListType):
            return {"type": "array", "items": self.type_schema(ref.item)}
        if isinstance(ref, ir.DictType):
            return {"type": "object", "additionalProperties": self.type_schema(ref.value)}
        return {}

    # --- models --------------------------------------------------------------------------------

    def model_schema(self, model: ir.Model) -> dict[str, Any]:
        fields = self._fields_schema(model)
        if not self.is_polymorphic(model):
            return fields
        variants = [{"$ref": f"#/$defs/{_escape(c.name)}"} for c in self._concrete_children(model)]
        own: dict[str, Any] = {"$ref": self.fields_ref(model.name)}
        taken = sorted(self._descendant_values(model))
        discriminator = self._root(model).discriminator
        if model.discriminator_value is None and discriminator is not None and taken:
            own = {**own, "properties": {discriminator: {"not": {"enum": taken}}}}
        schema: dict[str, Any] = {"oneOf": [*variants, own], "$defs": {"fields": fields}}
        if discriminator is not None:
            schema["discriminator"] = {"propertyName": discriminator}
        return schema

    def _concrete_children(self, model: ir.Model) -> Iterable[ir.Model]:
        return sorted(self.children.get(model.name, ()), key=lambda m: m.name)

    def _descendant_values(self, model: ir.Model) -> set[str]:
        values: set[str] = set()
        for child in self.children.get(model.name, ()):
            if child.discriminator_value is not None:
                values.add(child.discriminator_value)
            values |= self._descendant_values(child)
        return values

    def _fields_schema(self, model: ir.Model) -> dict[str, Any]:
        own: dict[str, Any] = {"type": "object"}
        if model.description:
            own["description"] = model.description
        own.update(self._properties(model.fields))
        discriminator = self._root(model).discriminator
        if discriminator is not None and model.discriminator_value is not None:
            properties = own.setdefault("properties", {})
            properties[discriminator] = {"const": model.discriminator_value}
            own["required"] = sorted({*own.get("required", ()), discriminator})
        if model.additional_properties is not None:
            own["additionalProperties"] = self.type_schema(model.additional_properties)
        parents = [p for p in model.parents if p in self.models]
        if not parents:
            return own
        return {"allOf": [*({"$ref": self.fields_ref(p)} for p in parents), own]}

    def _properties(self, fields: Iterable[ir.Field]) -> dict[str, Any]:
        """`properties` and `required` of an object whose fields may be nested (flattened)."""
        tree: dict[str, Any] = {}
        for f in fields:
            node = tree
            for step in f.wire_path[:-1]:
                node = node.setdefault(step, {})
                if not isinstance(node, dict) or isinstance(node.get(_LEAF), ir.Field):
                    break
            else:
                node[f.wire_path[-1]] = {_LEAF: f}
        return self._object(tree)

    def _object(self, tree: dict[str, Any]) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for name, node in tree.items():
            field = node.get(_LEAF)
            if isinstance(field, ir.Field):
                properties[name] = self._field_schema(field)
                if field.required:
                    required.append(name)
            else:
                nested = self._object(node)
                properties[name] = {"type": "object", **nested}
                if nested.get("required"):
                    required.append(name)
        result: dict[str, Any] = {}
        if properties:
            result["properties"] = properties
        if required:
            result["required"] = sorted(required)
        return result

    def _field_schema(self, f: ir.Field) -> dict[str, Any]:
        schema = self.type_schema(f.type)
        schema.update(_constraints(f.constraints))
        if f.nullable and not isinstance(f.type, ir.AnyType):
            schema = {"anyOf": [schema, {"type": "null"}]}
        if f.description:
            schema["description"] = f.description
        if f.read_only:
            schema["readOnly"] = True
        if f.has_default:
            schema["default"] = f.default
        return schema

    # --- enums ---------------------------------------------------------------------------------

    def enum_schema(self, enum: ir.Enum) -> dict[str, Any]:
        values = [v.value for v in enum.values]
        json_type = _ENUM_TYPES.get(enum.value_type, "string")
        schema: dict[str, Any]
        if enum.extensible:
            schema = {"anyOf": [{"enum": values}, {"type": json_type}]}
        else:
            schema = {"type": json_type, "enum": values}
        if enum.description:
            schema["description"] = enum.description
        return schema


_LEAF = "\x00field"  # a key no wire name holds: marks a leaf of the nested property tree


def _escape(name: str) -> str:
    """A `$defs` key as it appears in a JSON pointer."""
    return name.replace("~", "~0").replace("/", "~1")


def _constraints(c: ir.Constraints) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if c.minimum is not None:
        out["exclusiveMinimum" if c.exclusive_minimum else "minimum"] = c.minimum
    if c.maximum is not None:
        out["exclusiveMaximum" if c.exclusive_maximum else "maximum"] = c.maximum
    for key, value in (
        ("minLength", c.min_length),
        ("maxLength", c.max_length),
        ("pattern", c.pattern),
        ("minItems", c.min_items),
        ("maxItems", c.max_items),
        ("multipleOf", c.multiple_of),
    ):
        if value is not None:
            out[key] = value
    if c.unique_items:
        out["uniqueItems"] = True
    return out


def json_schema(api: ir.Api) -> dict[str, Any]:
    """The JSON Schema document of every model and enum of `api`."""
    schemas = _Schemas(api)
    defs: dict[str, Any] = {}
    for model in api.models:
        defs[model.name] = schemas.model_schema(model)
    for enum in api.enums:
        defs[enum.name] = schemas.enum_schema(enum)
    document: dict[str, Any] = {"$schema": DIALECT, "title": api.title}
    if api.description:
        document["description"] = api.description
    document["$defs"] = dict(sorted(defs.items()))
    return document


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
