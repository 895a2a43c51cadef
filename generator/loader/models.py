"""Model drafts to `ir.Model`: field names unique with inherited ones, discriminators, subtypes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
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
        self._inherited: dict[str, dict[str, tuple[str, ...]]] = {}
        self._building: set[str] = set()
        self._children: dict[str, list[str]] = {}
        for draft in drafts.values():
            for parent in draft.parents:
                self._children.setdefault(parent, []).append(draft.name)

    def _has_additional(self, parents: list[str]) -> bool:
        return any(
            self._drafts[p].additional is not None or self._has_additional(self._drafts[p].parents)
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
        for parent in draft.parents:
            self._model(parent, values)
            inherited.update(self._inherited[parent])
        fields = _named_fields(draft.fields, inherited)
        self._inherited[name] = {**inherited, **{f.py_name: f.wire_path for f in fields}}
        bag = ""
        if draft.additional is not None and not self._has_additional(draft.parents):
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
            parents=tuple(draft.parents),
            discriminator=draft.discriminator,
            discriminator_value=values[name],
            subtypes=tuple(subtypes),
            additional_properties=draft.additional,
            is_error=name in self._error_models,
            xml=draft.xml,
            additional_properties_py_name=bag,
        )
        self._building.discard(name)
        self._done[name] = model
        return model

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
