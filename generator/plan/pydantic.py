"""The pydantic model style: the JSON Schema datamodel-code-generator turns into the models module.

This is the IR's schema in the shape that generator understands without guessing: one `$defs`
entry per model, keyed by its Python class name, inheritance as `allOf` of the parent's `$ref`,
and the wire facts the runtime base class (`_runtime/pydantic_models.py`) reads back from each
field's `json_schema_extra`: flattened paths, discriminators and constants (always sent),
defaults, the additional properties' field and read-only marks. Enums are the package's own enum
classes and the wire formats (dates, durations, bytes, decimals) the runtime's annotated types,
both named by `customTypePath`, so both styles read and write the same values. Every field is
given its IR Python name through a class-scoped alias, so the two styles have the same attributes;
the wire name is its serialization alias.

Nothing of the spec is written as code by this module: names are the IR's identifiers, wire names
and values are JSON strings that datamodel-code-generator writes as literals.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import ir

STYLES = ("dataclass", "pydantic")
RUNTIME_MODULE = "pydantic_models"
TEMPLATE = "<datamodel-code-generator>"  # an OutputFile rendered by the generator, not Jinja2
ADDITIONAL_KEY = "+additional"  # the schema key of the additional properties' field

_FORMAT_TYPES: dict[ir.Primitive, str] = {
    ir.Primitive.DATE: "Date",
    ir.Primitive.DATETIME: "DateTime",
    ir.Primitive.DATETIME_RFC1123: "Rfc1123",
    ir.Primitive.UNIXTIME: "UnixTime",
    ir.Primitive.TIME: "Time",
    ir.Primitive.DURATION: "Duration",
    ir.Primitive.BYTES: "Bytes",
    ir.Primitive.BASE64URL: "Base64Url",
    ir.Primitive.DECIMAL: "Decimal",
}
# Attributes of pydantic's BaseModel a field may not shadow (besides every `model_` name); such a
# field gets a trailing underscore in this style.
_BASE_MODEL_NAMES = frozenset(
    {
        "construct",
        "copy",
        "dict",
        "from_orm",
        "json",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "schema",
        "schema_json",
        "update_forward_refs",
        "validate",
    }
)
_JSON_TYPES: dict[ir.Primitive, dict[str, Any]] = {
    ir.Primitive.STRING: {"type": "string"},
    ir.Primitive.UUID: {"type": "string"},
    ir.Primitive.INT: {"type": "integer"},
    ir.Primitive.FLOAT: {"type": "number"},
    ir.Primitive.BOOL: {"type": "boolean"},
    ir.Primitive.BINARY: {"type": "string", "format": "binary"},
}


@dataclass(frozen=True)
class ModelsInput:
    """What datamodel-code-generator is given: the schema, the field names, the base class."""

    schema: dict[str, Any]
    aliases: dict[str, str]  # "Class.schema key" -> Python field name
    base_class: str
    class_names: tuple[str, ...]  # every class the module must define


class _Builder:
    def __init__(self, api: ir.Api, package: str) -> None:
        self.api = api
        self.runtime = f"{package}._runtime.{RUNTIME_MODULE}"
        self.enums = f"{package}.models._enums"
        self.aliases: dict[str, str] = {}
        self._model_names = {m.name for m in api.models}

    def type_schema(self, t: ir.TypeRef) -> dict[str, Any]:
        match t:
            case ir.PrimitiveType(primitive=p):
                return self._primitive(p)
            case ir.ModelType(name=name):
                return {"$ref": f"#/$defs/{self.api.model(name).py_name}"}
            case ir.EnumType(name=name):
                return {"customTypePath": f"{self.enums}.{self.api.enum(name).py_name}"}
            case ir.ConstantType(value_type=value_type):
                return self.type_schema(value_type)
            case ir.ListType(item=item):
                return {"type": "array", "items": self._nullable(item)}
            case ir.DictType(value=value):
                return {"type": "object", "additionalProperties": self._nullable(value)}
            case ir.UnionType(members=members):
                return {"anyOf": [self.type_schema(m) for m in members]}
        return {}

    def _nullable(self, t: ir.TypeRef) -> dict[str, Any]:
        """Array items and map values, which services send as null now and then."""
        schema = self.type_schema(t)
        return {"anyOf": [schema, {"type": "null"}]} if schema else schema

    def _primitive(self, p: ir.Primitive) -> dict[str, Any]:
        if p in _FORMAT_TYPES:
            return {"customTypePath": f"{self.runtime}.{_FORMAT_TYPES[p]}"}
        return dict(_JSON_TYPES[p])

    def field_schema(self, f: ir.Field) -> dict[str, Any]:
        schema = self.type_schema(f.type)
        # Required properties must be given, but may be None: services send null for them now
        # and then, and the dataclass style reads that as None too.
        if f.required and schema:
            schema = {"anyOf": [schema, {"type": "null"}]}
        if len(f.wire_path) > 1:
            schema["x-sdkforge-path"] = list(f.wire_path)
        # Defaults travel as a mark the runtime applies to new objects (an enum's default is
        # its JSON value, which no annotation of the enum type accepts).
        if isinstance(f.type, ir.ConstantType):
            schema["x-sdkforge-default"] = f.type.value
            schema["x-sdkforge-always"] = True
        elif f.has_default and f.default is not None:
            schema["x-sdkforge-default"] = f.default
        if f.read_only:
            schema["readOnly"] = True
        return schema

    def model_schema(self, model: ir.Model) -> dict[str, Any]:
        cls = model.py_name
        properties: dict[str, Any] = {}
        required: list[str] = []
        for f in model.fields:
            key = _unique("/".join(f.wire_path), properties)
            properties[key] = self.field_schema(f)
            self.aliases[f"{cls}.{key}"] = field_name(f.py_name)
            if f.required and not isinstance(f.type, ir.ConstantType):
                required.append(key)
        self._discriminator(model, properties, required)
        if model.additional_properties_py_name and model.additional_properties is not None:
            key = _unique(ADDITIONAL_KEY, properties)
            properties[key] = {
                "type": "object",
                "additionalProperties": self.type_schema(model.additional_properties),
                "x-sdkforge-additional": True,
            }
            self.aliases[f"{cls}.{key}"] = field_name(model.additional_properties_py_name)
        own: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            own["required"] = required
        parents = [p for p in model.parents if p in self._model_names]
        if not parents:
            return own
        refs = [{"$ref": f"#/$defs/{self.api.model(p).py_name}"} for p in parents]
        return {"allOf": [*refs, own]}

    def _discriminator(
        self, model: ir.Model, properties: dict[str, Any], required: list[str]
    ) -> None:
        """The root marks its discriminator (optional: a value no subtype claims may come
        without it); a model with a value of its own fixes it as the field's default."""
        root = self._root(model)
        if root.discriminator is None or (model is not root and model.discriminator_value is None):
            return
        key = root.discriminator
        field = next((f for f in root.fields if f.wire_path == (key,)), None)
        schema = self.type_schema(field.type) if field is not None else {"type": "string"}
        schema["x-sdkforge-discriminator"] = True
        if model.discriminator_value is not None:
            schema["x-sdkforge-default"] = model.discriminator_value
            schema["x-sdkforge-always"] = True
        if key in required:
            required.remove(key)
        properties[key] = schema
        self.aliases[f"{model.py_name}.{key}"] = field_name(field.py_name if field else "kind")

    def _root(self, model: ir.Model) -> ir.Model:
        seen = {model.name}
        while model.parents and model.parents[0] in self._model_names:
            model = self.api.model(model.parents[0])
            if model.name in seen:
                break
            seen.add(model.name)
        return model


def field_name(py_name: str) -> str:
    """The IR's Python name, unless pydantic's BaseModel has that attribute: then with a trailing
    underscore (IR names never end with one where they would collide)."""
    if py_name in _BASE_MODEL_NAMES or py_name.startswith("model_"):
        return py_name + "_"
    return py_name


def _unique(key: str, taken: dict[str, Any]) -> str:
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}#{n}"
    return candidate


def models_input(api: ir.Api, package: str) -> ModelsInput:
    """The input of datamodel-code-generator for the models of `api`, in package `package`."""
    builder = _Builder(api, package)
    defs = {m.py_name: builder.model_schema(m) for m in api.models}
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": defs}
    return ModelsInput(
        schema,
        dict(sorted(builder.aliases.items())),
        f"{builder.runtime}.WireModel",
        tuple(m.py_name for m in api.models),
    )
