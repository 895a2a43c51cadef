"""oneOf / anyOf and OpenAPI 3.1 type lists to `ir.UnionType`.

Members are read like any other schema (object schemas become models, enums are named). A member
that is itself a union without a discriminator is flattened into its parent, repeats are dropped,
and a union left with one member is that member. A discriminator maps its values to member
models: the explicit `mapping` first, then each member's schema name (the implicit mapping).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from generator import ir, naming
from generator.loader.document import Node
from generator.loader.keywords import primitive_for
from generator.loader.spec import Spec

Key = tuple[Path, str]
_Pairs = list[tuple[Node, ir.TypeRef]]


class TypeReader(Protocol):
    """What union reading needs from the schema reader."""

    spec: Spec
    models: dict[Key, str]

    def type_of(self, node: Node, context: str, *, required: bool = False) -> ir.TypeRef: ...

    def array_type(self, schema: Node, context: str) -> ir.ListType: ...


class UnionReader:
    def __init__(self, reader: TypeReader, schema_name: Callable[[Node], str | None]) -> None:
        self._reader = reader
        self._schema_name = schema_name

    def union(self, schema: Node, members: list[Node], context: str) -> ir.TypeRef:
        """The union of `members`, the non-null alternatives of `schema`'s oneOf or anyOf."""
        pairs: _Pairs = []
        for index, member in enumerate(members, 1):
            node = _with_parent_type(schema, member)
            pairs.append(
                (member, self._reader.type_of(node, _member_context(member, context, index)))
            )
        flat = _flatten(t for _, t in pairs)
        if len(flat) == 1:
            return flat[0]
        discriminator, mapping = self._discriminator(schema, pairs, flat)
        first_match = schema.get("oneOf") is None and schema.get("anyOf") is not None
        return ir.UnionType(
            self._name(schema, context), tuple(flat), discriminator, mapping, first_match
        )

    def type_list(self, schema: Node, types: list[str], context: str) -> ir.TypeRef:
        """OpenAPI 3.1 `type: [integer, string]`: one member per type ("null" is nullability)."""
        members: list[ir.TypeRef] = []
        fmt = schema.str_at("format")
        for kind in types:
            if kind == "array":
                members.append(self._reader.array_type(schema, context))
            elif kind == "object":
                members.append(self._object_member(schema))
            else:
                primitive = primitive_for(kind, fmt)
                members.append(ir.PrimitiveType(primitive) if primitive else ir.AnyType())
        flat = _flatten(members)
        if len(flat) == 1:
            return flat[0]
        return ir.UnionType(self._name(schema, context), tuple(flat))

    def _object_member(self, schema: Node) -> ir.TypeRef:
        properties = schema.dict_at("properties")
        if properties is not None and properties.value:
            self._reader.spec.warn(
                schema,
                "an object with properties inside a list of types cannot be a model; "
                "the object alternative is typed dict[str, Any]",
            )
        return ir.DictType(ir.AnyType())

    def _name(self, schema: Node, context: str) -> str:
        return self._schema_name(schema) or naming.pascal_case(context) or "Value"

    # Discriminators

    def _discriminator(
        self, schema: Node, pairs: _Pairs, flat: list[ir.TypeRef]
    ) -> tuple[str | None, tuple[ir.UnionMapping, ...]]:
        found = schema.get("discriminator")
        if found is None or found.value is None:
            return None, ()
        if isinstance(found.value, str):
            return found.value, self._implicit(pairs, [])
        if not found.is_dict():
            raise found.error("'discriminator' must be a property name or an object")
        name = found.str_at("propertyName")
        if not name:
            raise found.error("missing required field 'propertyName'")
        members = {t.name for t in flat if isinstance(t, ir.ModelType)}
        explicit: list[ir.UnionMapping] = []
        table = found.dict_at("mapping")
        for value, target in table.items() if table is not None else ():
            model = self._mapped_model(schema, target)
            if model in members:
                explicit.append(ir.UnionMapping(value, model))
            else:
                self._reader.spec.warn(
                    target,
                    f"discriminator value {json.dumps(value)} names a schema that is not one of "
                    "the alternatives; it is left out",
                )
        return name, (*explicit, *self._implicit(pairs, explicit))

    def _mapped_model(self, schema: Node, target: Node) -> str | None:
        if not isinstance(target.value, str):
            raise target.error("discriminator mapping values must be strings")
        ref = target.value
        if "#" not in ref and "/" not in ref and "." not in ref:
            ref = f"#/components/schemas/{ref}"
        location = self._reader.spec.store.ref_target(
            Node({"$ref": ref}, schema.doc, schema.pointer)
        )
        return self._reader.models.get(location) if location is not None else None

    def _implicit(
        self, pairs: _Pairs, explicit: list[ir.UnionMapping]
    ) -> tuple[ir.UnionMapping, ...]:
        """Members no explicit entry names are named by their schema name."""
        mapped = {m.model for m in explicit}
        values = {m.value for m in explicit}
        implicit: list[ir.UnionMapping] = []
        for member, t in pairs:
            if not isinstance(t, ir.ModelType) or t.name in mapped:
                continue
            value = self._schema_name(self._reader.spec.resolve(member))
            if value is not None and value not in values:
                mapped.add(t.name)
                values.add(value)
                implicit.append(ir.UnionMapping(value, t.name))
        return tuple(implicit)


def _with_parent_type(schema: Node, member: Node) -> Node:
    """An inline member without a `type` takes its parent's (`type: string, oneOf: [{format:
    date}, {format: date-time}]`): JSON Schema applies both to the value."""
    parent_type = schema.get("type")
    value = member.value
    if parent_type is None or not isinstance(value, dict) or "$ref" in value or member.has("type"):
        return member
    return Node(member.value, member.doc, member.pointer, {**member.overlay, "type": parent_type})


def _member_context(member: Node, context: str, index: int) -> str:
    """The name an inline member's model or enum is made up from: its title, else its place."""
    title = member.opt_str("title") if member.is_dict() else None
    if title and naming.pascal_case(title):
        return naming.pascal_case(title)
    return f"{context}Variant{index}"


def _flatten(types: Iterable[ir.TypeRef]) -> list[ir.TypeRef]:
    """Members of nested unions without a discriminator, in order, each once."""
    result: list[ir.TypeRef] = []
    for t in types:
        inner = t.members if isinstance(t, ir.UnionType) and t.discriminator is None else (t,)
        result.extend(m for m in inner if m not in result)
    return result
