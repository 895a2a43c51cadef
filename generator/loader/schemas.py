"""Schemas to types: every schema an operation uses becomes an `ir.TypeRef`.

Object schemas become models, referenced by name, so recursion (A -> B -> A) ends at the second
visit. Each model is first drafted (fields still without Python names); `models.ModelFinisher`
names them once all models, parents and subtypes are known.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from generator import ir, naming
from generator.diagnostics import Severity
from generator.loader.document import Node
from generator.loader.enums import EnumRegistry, EnumTypeMismatchError, constant_type, read_enum
from generator.loader.keywords import (
    constraints,
    is_nullable,
    is_read_only,
    primitive_for,
    scalar_default,
    schema_types,
    source,
    xml_info,
)
from generator.loader.models import ModelDraft, RawField
from generator.loader.spec import Spec
from generator.loader.unions import UnionReader

Key = tuple[Path, str]
_COMPOSITIONS = ("allOf", "anyOf", "oneOf")
# Arrays, maps and wrappers inside each other become nested brackets and calls in the generated
# code, and Python's parser stops at 200 levels: deeper is refused, well before that.
MAX_NESTING = 32


def definition_name(node: Node) -> str | None:
    """The name of a schema written in `definitions` (2.0) or `components/schemas` (3.x)."""
    tokens = node.pointer.split("/")[1:]
    if len(tokens) == 2 and tokens[0] == "definitions":
        name = tokens[1]
    elif len(tokens) == 3 and tokens[:2] == ["components", "schemas"]:
        name = tokens[2]
    else:
        return None
    return name.replace("~1", "/").replace("~0", "~")


def schema_sections(root: Node) -> Iterator[tuple[str, Node]]:
    for section in (root.get("definitions"), _components_schemas(root)):
        if section is not None and section.is_dict():
            yield from section.items()


def _components_schemas(root: Node) -> Node | None:
    components = root.get("components")
    return components.get("schemas") if components is not None and components.is_dict() else None


class SchemaReader:
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.enums = EnumRegistry()
        self.models: dict[Key, str] = {}
        self._model_names: set[str] = set()  # the values of `models`, for quick look-ups
        self.drafts: dict[str, ModelDraft] = {}
        self._pending: dict[str, Node] = {}  # registered, not drafted yet (in order)
        self._converting: set[Key] = set()
        self._reserved: tuple[int, set[str]] = (-1, set())
        self.unions = UnionReader(self, definition_name)
        self._warned: set[Key] = set()

    def _warn_once(self, node: Node, message: str) -> None:
        if node.key not in self._warned:
            self._warned.add(node.key)
            self.spec.warn(node, message)

    # Types

    def type_of(self, node: Node, context: str, *, required: bool = False) -> ir.TypeRef:
        schema = self.spec.resolve(node)
        if isinstance(schema.value, bool):
            return ir.AnyType()  # OpenAPI 3.1 `true` schema
        if not schema.is_dict():
            raise schema.error("a schema must be an object")
        key = schema.key
        if key in self.models:
            return ir.ModelType(self.models[key])
        if key in self._converting:
            # An array, map or union that contains itself has no Python name.
            self._warn_once(schema, "this schema contains itself; the inner occurrence is Any")
            return ir.AnyType()
        if len(self._converting) >= MAX_NESTING:
            raise schema.error(
                f"schemas nested more than {MAX_NESTING} deep (arrays or maps inside each "
                "other) are not supported"
            )
        self._converting.add(key)
        try:
            return self._convert(schema, context, required)
        finally:
            self._converting.discard(key)

    def _convert(self, schema: Node, context: str, required: bool) -> ir.TypeRef:
        types, _ = schema_types(schema)
        if self.spec.flavor.is_oas3 and schema.has("const"):
            return self._const(schema)
        enum_values = schema.list_at("enum")
        if enum_values is not None and not (set(types) & {"object", "array"}):
            return self._enum(schema, enum_values, context, required)
        members = self.union_members(schema)
        if members is not None:
            return self.unions.union(schema, members, context)
        if len(types) > 1:
            return self.unions.type_list(schema, types, context)
        kind = types[0] if types else ("array" if schema.has("items") else None)
        if kind is None or kind == "object":
            return self._object(schema, context)
        if kind == "array":
            return self.array_type(schema, context)
        primitive = primitive_for(kind, schema.str_at("format"))
        return ir.PrimitiveType(primitive) if primitive is not None else ir.AnyType()

    def array_type(self, schema: Node, context: str) -> ir.ListType:
        items = schema.get("items")
        if items is None:
            return ir.ListType(ir.AnyType(), xml=xml_info(schema))
        item = self.type_of(items, f"{context}Item")
        resolved = self.spec.resolve(items)
        item_xml = xml_info(resolved) if resolved.is_dict() else None
        return ir.ListType(item, xml=xml_info(schema), item_xml=item_xml)

    def _const(self, schema: Node) -> ir.TypeRef:
        found = schema.get("const")
        assert found is not None
        if not isinstance(found.value, str | int | float | bool):
            raise found.error("'const' must be a string, number or boolean")
        return constant_type(schema, found.value)

    def _enum(self, schema: Node, values: Node, context: str, required: bool) -> ir.TypeRef:
        try:
            read = read_enum(schema, values, definition_name(schema))
        except EnumTypeMismatchError as exc:
            found = exc.diagnostic
            self.spec.warnings.append(
                replace(
                    found,
                    severity=Severity.WARNING,
                    message=f"{found.message}; the enum is left out, any value of the type is sent",
                    kind="enum-type",
                )
            )
            return self._plain(schema)
        if read.converted:
            written = ", ".join(repr(node.value) for node in read.converted)
            self.spec.warn(
                values,
                f"enum values {written} are strings in a schema of type "
                f"'{schema_types(schema)[0][0]}'; read as that type",
                "enum-type",
            )
        if not read.values:
            return self._plain(schema)
        if required and len(read.values) == 1 and not read.extensible:
            return constant_type(schema, read.values[0])
        if read.value_type is ir.Primitive.BOOL:
            # No Python enum can hold True and False as values; a boolean is a boolean.
            return ir.PrimitiveType(ir.Primitive.BOOL)
        return ir.EnumType(self.enums.register(read, context, self._reserved_names()))

    def _plain(self, schema: Node) -> ir.TypeRef:
        """The schema's own primitive type, without its enum."""
        types, _ = schema_types(schema)
        primitive = primitive_for(types[0], schema.str_at("format")) if types else None
        return ir.PrimitiveType(primitive) if primitive else ir.AnyType()

    def _object(self, schema: Node, context: str) -> ir.TypeRef:
        if self.is_model(schema):
            return ir.ModelType(self.register(schema, context))
        single = self._single_member(schema)
        if single is not None:
            return self.type_of(single, context)
        extra = schema.get("additionalProperties")
        if extra is not None and extra.value not in (False, None):
            return ir.DictType(self._additional(extra, context))
        fmt = schema.str_at("format")
        if fmt in ("binary", "file"):
            return ir.PrimitiveType(ir.Primitive.BINARY)
        if schema_types(schema)[0] == ["object"]:
            # An object the spec says nothing more about: any JSON object.
            return ir.DictType(ir.AnyType())
        untyped = [k for k in _UNTYPED_KEYWORDS if schema.has(k)]
        if untyped:
            self._warn_once(schema, f"'{untyped[0]}' cannot be expressed as a Python type; Any")
        return ir.AnyType()

    def _additional(self, extra: Node, context: str) -> ir.TypeRef:
        if extra.value is True or extra.value == {}:
            return ir.AnyType()
        return self.type_of(extra, f"{context}Value")

    def _single_member(self, schema: Node) -> Node | None:
        """`allOf: [X]`, `anyOf: [X, {type: null}]`: a wrapper around one schema is that schema."""
        for key in _COMPOSITIONS:
            members = schema.list_at(key)
            if members is None:
                continue
            useful = [m for m in members.elements() if not _is_null_schema(m)]
            if len(useful) == 1:
                return useful[0]
        return None

    def union_members(self, schema: Node) -> list[Node] | None:
        """The alternatives of a schema that is a oneOf/anyOf of two or more non-null schemas and
        nothing more (no properties, no allOf); None for any other schema."""
        if not schema.is_dict() or schema.has("allOf"):
            return None
        properties = schema.dict_at("properties")
        if properties is not None and properties.value:
            return None
        for key in ("oneOf", "anyOf"):
            members = schema.list_at(key)
            if members is None:
                continue
            useful = [m for m in members.elements() if not _is_null_schema(m)]
            if len(useful) > 1:
                return useful
        return None

    def is_model(self, schema: Node) -> bool:
        """An object schema with properties, a discriminator, or an inheritance (allOf)."""
        if not schema.is_dict() or self.union_members(schema) is not None:
            return False
        types, _ = schema_types(schema)
        if types and types != ["object"]:
            return False
        properties = schema.dict_at("properties")
        if (properties is not None and properties.value) or schema.get("discriminator") is not None:
            return True
        members = schema.list_at("allOf")
        if members is None:
            return False
        if definition_name(schema) is not None:
            return True
        return len(list(members.elements())) > 1 or any(
            self.spec.resolve(m).dict_at("properties") is not None for m in members.elements()
        )

    # Model registry

    def register(self, schema: Node, context: str) -> str:
        plain = schema.plain()
        key = plain.key
        if key in self.models:
            return self.models[key]
        name, is_new = self._model_name(plain, context)
        self.models[key] = name
        self._model_names.add(name)
        if is_new:
            self._pending[name] = plain
        return name

    def _model_name(self, schema: Node, context: str) -> tuple[str, bool]:
        defined = definition_name(schema)
        if defined is not None:
            existing = self._node_named(defined)
            if existing is not None and existing.value == schema.value:
                return defined, False  # the same definition copied into another file
            base = defined
        else:
            client = schema.opt_str("x-ms-client-name")
            base = naming.pascal_case(client) if client else naming.pascal_case(context or "Model")
        return self._free_model_name(base, made_up=defined is None), True

    def _node_named(self, name: str) -> Node | None:
        draft = self.drafts.get(name)
        if draft is not None:
            return draft.node
        return self._pending.get(name)

    def _free_model_name(self, base: str, *, made_up: bool) -> str:
        """A definition keeps its own name unless taken; made-up names avoid every spec name."""
        used = self._model_names
        reserved = self._reserved_names()
        candidate, counter = base, 2
        while candidate in used or ((made_up or candidate != base) and candidate in reserved):
            candidate = f"{base}{counter}"
            counter += 1
        return candidate

    def _reserved_names(self) -> set[str]:
        """Names the spec gives (definitions, x-ms-enum names): made-up names keep clear of them."""
        documents = self.spec.store.documents
        if self._reserved[0] == len(documents):
            return self._reserved[1]
        names: set[str] = set()
        for doc in documents:
            names.update(name for name, _ in schema_sections(doc.node()))
            if "x-ms-enum" in doc.contents.keys:
                names.update(_enum_names(doc.root))
        self._reserved = (len(documents), names)
        return names

    # Drafting models

    def drain(self) -> None:
        """Draft every registered model, then pull in subtypes of polymorphic ones, until done."""
        while True:
            while self._pending:
                name = next(iter(self._pending))
                node = self._pending.pop(name)
                self.drafts[name] = self._draft(name, node)
            if not self._register_subtypes():
                return

    def _draft(self, name: str, schema: Node) -> ModelDraft:
        self._warn_repeated_members(schema)
        self._warn_alternatives(schema)
        parents, inline = self._all_of(schema)
        parent_names = [self.register(p, name) for p in parents]
        discriminator, mapping = self._discriminator(schema)
        extra = schema.get("additionalProperties")
        additional = None
        if extra is not None and extra.value not in (False, None):
            additional = self._additional(extra, name)
        return ModelDraft(
            name=name,
            node=schema,
            client_name=schema.opt_str("x-ms-client-name") or name,
            fields=self._fields(schema, inline, name, (schema.key,)),
            parents=parent_names,
            discriminator=discriminator,
            mapping=mapping,
            explicit_value=schema.opt_str("x-ms-discriminator-value"),
            definition_name=definition_name(schema),
            additional=additional,
            description=schema.str_at("description"),
            source=source(schema),
            xml=xml_info(schema),
        )

    def _warn_alternatives(self, schema: Node) -> None:
        """oneOf/anyOf next to properties or allOf: only constraints (`required` lists) are
        faithful to the model the properties make."""
        for key in ("oneOf", "anyOf"):
            members = schema.list_at(key)
            if members is not None and not all(_constrains_only(m) for m in members.elements()):
                self._warn_once(
                    members,
                    f"'{key}' next to properties or allOf is not typed; "
                    "the model has the properties declared beside it",
                )

    def _all_of(self, schema: Node) -> tuple[list[Node], list[Node]]:
        """allOf members that are models (the parents) and inline members (merged into fields)."""
        parents: list[Node] = []
        inline: list[Node] = []
        members = schema.list_at("allOf")
        for member in members.elements() if members is not None else ():
            resolved = self.spec.resolve(member)
            if not resolved.is_dict():
                raise resolved.error("an allOf member must be an object")
            if resolved.key != member.key and self.is_model(resolved):
                if all(p.key != resolved.plain().key for p in parents):
                    parents.append(resolved.plain())
            else:
                inline.append(resolved)
                more_parents, more_inline = self._all_of(resolved)
                parents.extend(more_parents)
                inline.extend(more_inline)
        return parents, inline

    def _warn_repeated_members(self, schema: Node) -> None:
        members = schema.list_at("allOf")
        seen: set[Key] = set()
        for member in members.elements() if members is not None else ():
            target = self.spec.store.ref_target(member)
            if target is not None and target in seen:
                self.spec.warn(
                    member, "this allOf member repeats an earlier one; it is read once", "allof"
                )
            if target is not None:
                seen.add(target)

    def _discriminator(self, schema: Node) -> tuple[str | None, dict[Key, str]]:
        found = schema.get("discriminator")
        if found is None or found.value is None:
            return None, {}
        if isinstance(found.value, str):
            return found.value, {}
        if not found.is_dict():
            raise found.error("'discriminator' must be a property name or an object")
        name = found.str_at("propertyName")
        if not name:
            raise found.error("missing required field 'propertyName'")
        mapping: dict[Key, str] = {}
        table = found.dict_at("mapping")
        for value, target in table.items() if table is not None else ():
            if not isinstance(target.value, str):
                raise target.error("discriminator mapping values must be strings")
            mapping[self._mapping_target(schema, target.value)] = value
        return name, mapping

    def _mapping_target(self, schema: Node, target: str) -> Key:
        if "#" not in target and "/" not in target and "." not in target:
            target = f"#/components/schemas/{target}"
        ref = Node({"$ref": target}, schema.doc, schema.pointer)
        location = self.spec.store.ref_target(ref)
        assert location is not None
        return location

    def _register_subtypes(self) -> bool:
        children = self._children_index()
        added = False
        for key, name in list(self.models.items()):
            if not self.is_polymorphic(name):
                continue
            for child in children.get(key, []):
                if child.key not in self.models:
                    self.register(child, name)
                    added = True
        return added

    def _children_index(self) -> dict[Key, list[Node]]:
        """Every definition that names another definition in its allOf, by the parent's location."""
        index: dict[Key, list[Node]] = {}
        for doc in self.spec.store.documents:
            for _, definition in schema_sections(doc.node()):
                members = definition.get("allOf") if definition.is_dict() else None
                if members is None or not isinstance(members.value, list):
                    continue
                for member in members.elements():
                    target = self.spec.store.ref_target(member)
                    if target is not None:
                        index.setdefault(target, []).append(definition)
        return index

    def is_polymorphic(self, name: str, seen: frozenset[str] = frozenset()) -> bool:
        draft = self.drafts.get(name)
        if draft is None or name in seen:
            return False
        if draft.discriminator is not None:
            return True
        return any(self.is_polymorphic(p, seen | {name}) for p in draft.parents)

    # Fields

    def _fields(
        self, schema: Node, inline: list[Node], owner: str, stack: tuple[Key, ...]
    ) -> list[RawField]:
        fields: list[RawField] = []
        required = set(schema.str_list_at("required"))
        for member in inline:
            required.update(member.str_list_at("required"))
        for part in [schema, *inline]:
            properties = part.dict_at("properties")
            for wire, prop in properties.items() if properties is not None else ():
                fields.extend(self._property(wire, prop, wire in required, owner, stack))
        return fields

    def _property(
        self, wire: str, prop: Node, required: bool, owner: str, stack: tuple[Key, ...]
    ) -> list[RawField]:
        schema = self.spec.resolve(prop)
        if not schema.is_dict() and not isinstance(schema.value, bool):
            raise schema.error("a property schema must be an object")
        if (
            prop.is_dict()
            and prop.bool_at("x-ms-client-flatten")
            and self.is_model(schema)
            and schema.plain().key not in stack
            and not self._polymorphic_schema(schema, frozenset())
        ):
            return self._flattened(wire, schema, required, owner, stack)
        return [self._field(wire, prop, schema, required, owner)]

    def _field(self, wire: str, prop: Node, schema: Node, required: bool, owner: str) -> RawField:
        client = prop.opt_str("x-ms-client-name") if prop.is_dict() else None
        default, has_default = scalar_default(schema) if schema.is_dict() else (None, False)
        context = f"{owner}{naming.pascal_case(wire)}"
        is_dict = schema.is_dict()
        return RawField(
            wire_path=(wire,),
            base_name=naming.field_name(client or wire),
            container=None,
            type=self.type_of(prop, context, required=required),
            required=required,
            nullable=is_dict and is_nullable(schema),
            read_only=is_dict and is_read_only(schema),
            description=schema.str_at("description") if is_dict else "",
            source=source(prop),
            default=default,
            has_default=has_default,
            constraints=constraints(schema) if is_dict else ir.Constraints(),
            xml=xml_info(schema) if is_dict else None,
        )

    def _flattened(
        self, wire: str, schema: Node, required: bool, owner: str, stack: tuple[Key, ...]
    ) -> list[RawField]:
        """x-ms-client-flatten: the fields of the property's model, lifted into the owner."""
        target = schema.plain()
        inner_owner = definition_name(target) or f"{owner}{naming.pascal_case(wire)}"
        read_only = is_read_only(schema)
        lifted = self._all_fields(target, inner_owner, (*stack, target.key))
        return [
            dataclasses.replace(
                f,
                wire_path=(wire, *f.wire_path),
                container=f.container or wire,
                required=required and f.required,
                read_only=read_only or f.read_only,
            )
            for f in lifted
        ]

    def _all_fields(self, schema: Node, owner: str, stack: tuple[Key, ...]) -> list[RawField]:
        parents, inline = self._all_of(schema)
        fields: list[RawField] = []
        for parent in parents:
            if parent.key not in stack:
                fields.extend(self._all_fields(parent, owner, (*stack, parent.key)))
        fields.extend(self._fields(schema, inline, owner, stack))
        return fields

    def _polymorphic_schema(self, schema: Node, seen: frozenset[Key]) -> bool:
        if schema.key in seen:
            return False
        if schema.get("discriminator") is not None:
            return True
        parents, _ = self._all_of(schema)
        return any(self._polymorphic_schema(p, seen | {schema.key}) for p in parents)


def _is_null_schema(member: Node) -> bool:
    if not member.is_dict():
        return False
    kind = member.get("type")
    return kind is not None and kind.value == "null"


# Keywords that say what a value is without a type the generator can write.
_UNTYPED_KEYWORDS = ("not", "if", "patternProperties")
_CONSTRAINT_KEYS = frozenset(
    {"required", "minProperties", "maxProperties", "not", "title", "description"}
)


def _constrains_only(member: Node) -> bool:
    """A null schema, or one that only constrains the object (`{required: [a]}`)."""
    value = member.value
    return _is_null_schema(member) or (isinstance(value, dict) and set(value) <= _CONSTRAINT_KEYS)


def _enum_names(value: object) -> Iterator[str]:
    """Every x-ms-enum name; an array or object shared by YAML aliases is looked at once."""
    stack = [value]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if isinstance(current, dict | list):
            if id(current) in seen:
                continue
            seen.add(id(current))
        if isinstance(current, dict):
            xms = current.get("x-ms-enum")
            if isinstance(xms, dict) and isinstance(xms.get("name"), str):
                yield xms["name"]
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
