"""Model drafts to `ir.Model`: field names unique with inherited ones, discriminators, subtypes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator import ir, naming
from generator.loader.document import Node


@dataclass(frozen=True)
class RawField:
    """A field before it has a Python name."""

    wire_path: tuple[str, ...]
    base_name: str  # naming.field_name of x-ms-client-name or the wire name
    container: str | None  # wire name of the flattened property it was lifted from
    type: ir.TypeRef
    required: bool
    nullable: bool
    read_only: bool
    description: str
    source: ir.Source
    default: ir.JsonScalar
    has_default: bool
    constraints: ir.Constraints
    xml: ir.XmlInfo | None


@dataclass
class ModelDraft:
    name: str
    node: Node
    client_name: str  # x-ms-client-name, else the name: the class name comes from it
    fields: list[RawField]
    parents: list[str]
    discriminator: str | None
    mapping: dict[tuple[Path, str], str]  # OpenAPI 3 discriminator mapping: location -> value
    explicit_value: str | None  # x-ms-discriminator-value
    definition_name: str | None
    additional: ir.TypeRef | None
    description: str
    source: ir.Source
    xml: ir.XmlInfo | None


class ModelFinisher:
    def __init__(
        self,
        drafts: dict[str, ModelDraft],
        is_polymorphic: Callable[[str], bool],
        error_models: set[str],
        py_names: dict[str, str],
    ) -> None:
        self._drafts = drafts
        self._is_polymorphic = is_polymorphic
        self._error_models = error_models
        self._py_names = py_names
        self._done: dict[str, ir.Model] = {}
        # Per model: the allOf parents it subclasses, and the fields it holds itself (its own plus
        # those of parents it cannot subclass, see `_split_parents`).
        self._parents: dict[str, list[str]] = {}
        self._raw: dict[str, list[RawField]] = {}
        for name, draft in drafts.items():
            self._parents[name], self._raw[name] = self._split_parents(draft)
        self._inherited: dict[str, dict[str, tuple[str, ...]]] = {}
        self._building: set[str] = set()
        self._children: dict[str, list[str]] = {}
        for child, parents in self._parents.items():
            for parent in parents:
                self._children.setdefault(parent, []).append(child)

    def _has_additional(self, parents: list[str]) -> bool:
        return any(
            self._drafts[p].additional is not None or self._has_additional(self._parents[p])
            for p in parents
        )

    def build(self) -> list[ir.Model]:
        values = {name: self._value(draft) for name, draft in self._drafts.items()}
        for name in sorted(self._drafts):
            self._model(name, values)
        return [self._done[name] for name in sorted(self._done)]

    def _model(self, name: str, values: dict[str, str | None]) -> ir.Model:
        done = self._done.get(name)
        if done is not None:
            return done
        draft = self._drafts[name]
        if name in self._building:
            raise draft.node.error(f"inheritance cycle: '{name}' is its own ancestor", "allOf")
        self._building.add(name)
        inherited: dict[str, tuple[str, ...]] = {}
        parents = self._parents[name]
        for parent in parents:
            self._model(parent, values)
            inherited.update(self._inherited[parent])
        fields = _named_fields(self._raw[name], inherited)
        self._inherited[name] = {**inherited, **{f.py_name: f.wire_path for f in fields}}
        bag = ""
        additional = self._additional(name)
        if additional is not None and not self._has_additional(parents):
            bag = naming.unique_names(["additional_properties"], self._inherited[name])[0]
            # Subclasses must not name a field like the inherited bag; no wire path is empty.
            self._inherited[name][bag] = ()
        py_name = self._py_names[name]
        subtypes = sorted(
            {child for child in self._children.get(name, ()) if values[child] is not None}
        )
        model = ir.Model(
            name=name,
            py_name=py_name,
            module_name=naming.module_name(py_name),
            description=draft.description,
            fields=tuple(fields),
            source=draft.source,
            parents=tuple(parents),
            discriminator=draft.discriminator,
            discriminator_value=values[name],
            subtypes=tuple(subtypes),
            additional_properties=additional,
            is_error=name in self._error_models,
            xml=draft.xml,
            additional_properties_py_name=bag,
        )
        self._building.discard(name)
        self._done[name] = model
        return model

    def _split_parents(self, draft: ModelDraft) -> tuple[list[str], list[RawField]]:
        """The parents the class can subclass, and its fields with those of the others.

        A model that gives an inherited property another type (`data: list[Trip]` where the parent
        says `list[object]`) cannot be a subclass of that parent in Python's type system; unless the
        parent is part of a discriminated hierarchy, the model holds the parent's fields instead."""
        kept: list[str] = []
        copied: list[RawField] = []
        for parent in draft.parents:
            if self._is_polymorphic(parent) or not self._narrows(draft.fields, parent):
                kept.append(parent)
            else:
                copied.extend(self._all_raw(parent, frozenset({draft.name})))
        if not copied:
            return kept, draft.fields
        return kept, _merged(copied, draft.fields)

    def _all_raw(self, name: str, seen: frozenset[str]) -> list[RawField]:
        """A model's fields with every inherited one, parents first; a redeclaration wins."""
        if name in seen:
            return []
        inherited: list[RawField] = []
        draft = self._drafts[name]
        for parent in draft.parents:
            inherited.extend(self._all_raw(parent, seen | {name}))
        return _merged(inherited, draft.fields)

    def _narrows(self, fields: list[RawField], parent: str) -> bool:
        mine = {f.wire_path: f for f in fields}
        return any(
            not _overrides_cleanly(theirs, mine[theirs.wire_path])
            for theirs in self._all_raw(parent, frozenset())
            if theirs.wire_path in mine
        )

    def _additional(self, name: str) -> ir.TypeRef | None:
        """additionalProperties of the model, or of a parent it holds the fields of."""
        draft = self._drafts[name]
        if draft.additional is not None or self._has_additional(self._parents[name]):
            return draft.additional
        held = [p for p in draft.parents if p not in self._parents[name]]
        return next((t for p in held if (t := self._declared_bag(p, {name})) is not None), None)

    def _declared_bag(self, name: str, seen: set[str]) -> ir.TypeRef | None:
        """The additionalProperties type of the model or its nearest ancestor that has one."""
        if name in seen:
            return None
        seen.add(name)
        draft = self._drafts[name]
        if draft.additional is not None:
            return draft.additional
        found = (self._declared_bag(p, seen) for p in draft.parents)
        return next((t for t in found if t is not None), None)

    def _value(self, draft: ModelDraft) -> str | None:
        """The discriminator value; a root has one only if the spec gives it explicitly."""
        if not self._is_polymorphic(draft.name):
            return None
        if draft.explicit_value:
            return draft.explicit_value
        mapped = self._mapped_value(draft, draft.node.key, set())
        if mapped is not None:
            return mapped
        is_root = not any(self._is_polymorphic(p) for p in draft.parents)
        return None if is_root else draft.definition_name

    def _mapped_value(self, draft: ModelDraft, key: tuple[Path, str], seen: set[str]) -> str | None:
        if draft.name in seen:
            return None
        seen.add(draft.name)
        if key in draft.mapping:
            return draft.mapping[key]
        for parent in draft.parents:
            found = self._mapped_value(self._drafts[parent], key, seen)
            if found is not None:
                return found
        return None


def _merged(first: list[RawField], then: list[RawField]) -> list[RawField]:
    """`first` then `then`, one field per wire path: a later one replaces an earlier in place."""
    by_path: dict[tuple[str, ...], RawField] = {}
    for field in [*first, *then]:
        earlier = by_path.get(field.wire_path)
        # allOf: both schemas apply, so what the earlier one says still holds.
        by_path[field.wire_path] = (
            field
            if earlier is None
            else replace(
                field,
                description=field.description or earlier.description,
                read_only=field.read_only or earlier.read_only,
                required=field.required or earlier.required,
            )
        )
    return list(by_path.values())


def _overrides_cleanly(parent: RawField, child: RawField) -> bool:
    """Whether the child's redeclaration is a type the parent's attribute may narrow to."""
    if isinstance(parent.type, ir.AnyType):
        return True
    if parent.type != child.type:
        return False
    widens = (parent.required and not child.required) or (child.nullable and not parent.nullable)
    return not widens


def _named_fields(raw: list[RawField], inherited: dict[str, tuple[str, ...]]) -> list[ir.Field]:
    """Names unique with the inherited ones; a redeclared property keeps its parent's name."""
    plain = {f.base_name for f in raw if f.container is None}
    used = set(inherited)
    fields: list[ir.Field] = []
    for f in raw:
        name = f.base_name
        if inherited.get(name) != f.wire_path:
            if f.container is not None and (name in used or name in plain):
                name = naming.field_name(f"{f.container}_{f.base_name}")
            name = naming.unique_names([name], used)[0]
        used.add(name)
        fields.append(_field(f, name))
    return fields


def _field(raw: RawField, py_name: str) -> ir.Field:
    return ir.Field(
        wire_name=raw.wire_path[-1],
        wire_path=raw.wire_path,
        py_name=py_name,
        type=raw.type,
        required=raw.required,
        nullable=raw.nullable,
        read_only=raw.read_only,
        description=raw.description,
        source=raw.source,
        default=raw.default,
        has_default=raw.has_default,
        constraints=raw.constraints,
        xml=raw.xml,
    )
