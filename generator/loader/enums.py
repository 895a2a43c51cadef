"""Enums: one `ir.Enum` per name; values merge when one x-ms-enum name is used in many places."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator import ir, naming
from generator.diagnostics import SpecError
from generator.loader.document import Node
from generator.loader.keywords import primitive_for, schema_types, source, spelled_scalar

EnumScalar = str | int | float | bool

_VALUE_TYPES = {
    "string": ir.Primitive.STRING,
    "integer": ir.Primitive.INT,
    "number": ir.Primitive.FLOAT,
    "boolean": ir.Primitive.BOOL,
}


@dataclass
class _Member:
    value: EnumScalar
    name: str | None  # x-ms-enum values[].name
    description: str


@dataclass
class _EnumDraft:
    name: str
    client_name: str
    value_type: ir.Primitive
    extensible: bool
    description: str
    source: ir.Source
    members: list[_Member] = field(default_factory=list)

    def add(self, members: list[_Member]) -> None:
        known = {(type(m.value), m.value) for m in self.members}
        for member in members:
            if (type(member.value), member.value) not in known:
                known.add((type(member.value), member.value))
                self.members.append(member)


@dataclass(frozen=True)
class EnumSchema:
    """What the spec says about one enum schema, before it is named."""

    node: Node
    values: list[EnumScalar]
    value_type: ir.Primitive
    extensible: bool
    explicit_name: str | None  # x-ms-enum name or the definition name
    members: list[_Member]
    converted: tuple[Node, ...] = ()  # values written as strings, read as the schema's type


class EnumTypeMismatchError(SpecError):
    """An enum value that is not of the schema's type and cannot be read as one."""


def read_enum(node: Node, values_node: Node, definition_name: str | None) -> EnumSchema:
    """The enum's values in the schema's type; a string value that reads as one exactly ("1" for
    an integer) is converted and listed in `converted`; raises EnumTypeMismatchError when a value
    cannot be read as the schema's type at all."""
    value_type = _value_type(node, values_node)
    values: list[EnumScalar | None] = []
    converted: list[Node] = []
    for element in values_node.elements():
        value = _coerce(element, value_type)
        if value is not None and value is not element.value and isinstance(element.value, str):
            converted.append(element)
        values.append(value)
    present = [v for v in values if v is not None]
    xms = node.dict_at("x-ms-enum")
    extensible = xms.bool_at("modelAsString") if xms is not None else False
    explicit = (xms.opt_str("name") if xms is not None else None) or definition_name
    hints = _member_hints(xms)
    members = [_Member(v, *hints.get(_hint_key(v), (None, ""))) for v in present]
    return EnumSchema(node, present, value_type, extensible, explicit, members, tuple(converted))


def _hint_key(value: EnumScalar) -> tuple[type, EnumScalar]:
    return (type(value), value)


def _member_hints(xms: Node | None) -> dict[tuple[type, EnumScalar], tuple[str | None, str]]:
    listed = xms.list_at("values") if xms is not None else None
    if listed is None:
        return {}
    hints: dict[tuple[type, EnumScalar], tuple[str | None, str]] = {}
    for entry in listed.elements():
        if not entry.is_dict():
            raise entry.error("x-ms-enum values must be objects")
        value = entry.get("value")
        if value is None or not isinstance(value.value, str | int | float | bool):
            continue
        hints[_hint_key(value.value)] = (entry.opt_str("name"), entry.str_at("description"))
    return hints


def _value_type(node: Node, values: Node) -> ir.Primitive:
    types, _ = schema_types(node)
    if types and types[0] in _VALUE_TYPES:
        return _VALUE_TYPES[types[0]]
    raw = [v for v in values.value if v is not None] if isinstance(values.value, list) else []
    if raw and all(isinstance(v, bool) for v in raw):
        return ir.Primitive.BOOL
    if raw and all(isinstance(v, int) and not isinstance(v, bool) for v in raw):
        return ir.Primitive.INT
    if raw and all(isinstance(v, int | float) and not isinstance(v, bool) for v in raw):
        return ir.Primitive.FLOAT
    return ir.Primitive.STRING


def _coerce(element: Node, value_type: ir.Primitive) -> EnumScalar | None:
    value = element.value
    if value is None:
        return None
    if not isinstance(value, str | int | float | bool):
        raise element.error("enum values must be strings, numbers or booleans")
    if value_type is ir.Primitive.STRING:
        return value if isinstance(value, str) else _json_text(value)
    if value_type is ir.Primitive.BOOL and isinstance(value, bool):
        return value
    if value_type is ir.Primitive.INT and _is_int(value):
        return int(value)
    if value_type is ir.Primitive.FLOAT and _is_number(value):
        return value
    read = spelled_scalar(value, value_type) if isinstance(value, str) else None
    if read is not None:
        return read
    where = element.error("").diagnostic
    message = f"enum value {value!r} does not match the schema type"
    raise EnumTypeMismatchError(where.file, where.pointer, message)


def _is_int(value: EnumScalar) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: EnumScalar) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _json_text(value: EnumScalar) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def constant_type(node: Node, value: EnumScalar) -> ir.ConstantType:
    types, _ = schema_types(node)
    fmt = node.str_at("format")
    primitive = primitive_for(types[0], fmt) if types else None
    if primitive is None:
        primitive = _scalar_primitive(value)
    return ir.ConstantType(value, ir.PrimitiveType(primitive))


def _scalar_primitive(value: EnumScalar) -> ir.Primitive:
    if isinstance(value, bool):
        return ir.Primitive.BOOL
    if isinstance(value, int):
        return ir.Primitive.INT
    if isinstance(value, float):
        return ir.Primitive.FLOAT
    return ir.Primitive.STRING


class EnumRegistry:
    def __init__(self) -> None:
        self._by_name: dict[str, _EnumDraft] = {}
        self._made_up: dict[tuple[Path, str], str] = {}

    def register(self, schema: EnumSchema, context: str, reserved: set[str]) -> str:
        """The enum's name; explicit names merge, made-up ones stay one per schema location."""
        if schema.explicit_name:
            name = schema.explicit_name
            client_name = name
        else:
            key = schema.node.plain().key
            if key in self._made_up:
                return self._made_up[key]
            name = self._free_name(naming.pascal_case(context or "Enum"), reserved)
            client_name = name
            self._made_up[key] = name
        draft = self._by_name.get(name)
        if draft is None:
            draft = _EnumDraft(
                name,
                client_name,
                schema.value_type,
                schema.extensible,
                schema.node.str_at("description"),
                source(schema.node),
            )
            self._by_name[name] = draft
        draft.add(schema.members)
        return name

    def _free_name(self, base: str, reserved: set[str]) -> str:
        candidate, counter = base, 2
        while candidate in self._by_name or candidate in reserved:
            candidate = f"{base}{counter}"
            counter += 1
        return candidate

    def drafts(self) -> list[_EnumDraft]:
        return [self._by_name[name] for name in sorted(self._by_name)]

    def build(self, py_names: dict[str, str]) -> list[ir.Enum]:
        return [_build(draft, py_names[draft.name]) for draft in self.drafts()]


def _build(draft: _EnumDraft, py_name: str) -> ir.Enum:
    member_names = naming.unique_names(
        [naming.enum_member_name(m.name or m.value) for m in draft.members]
    )
    values = tuple(
        ir.EnumValue(m.value, py, m.description)
        for m, py in zip(draft.members, member_names, strict=True)
    )
    return ir.Enum(
        name=draft.name,
        py_name=py_name,
        module_name=naming.module_name(py_name),
        value_type=draft.value_type,
        values=values,
        extensible=draft.extensible,
        description=draft.description,
        source=draft.source,
    )
