"""What the model and enum templates print: dataclasses with straight-line from_dict/to_dict."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator import ir
from generator.imports import ImportSet
from generator.pytypes import TypeNames, literal


@dataclass(frozen=True)
class FieldView:
    py_name: str
    annotation: str
    default: str  # "" for a required argument, else " = <expr>"
    description: str


@dataclass(frozen=True)
class DecodeArg:
    py_name: str
    expr: str


@dataclass(frozen=True)
class EncodeStmt:
    path: str  # a tuple literal of wire names
    expr: str


@dataclass(frozen=True)
class ModelView:
    class_name: str
    bases: str  # "" or "(Parent, ...)"
    description: str
    imports: tuple[str, ...]
    fields: tuple[FieldView, ...]
    is_root: bool  # declares the store of unknown wire properties
    known: str  # a literal of the wire names this model reads
    decode_args: tuple[DecodeArg, ...]
    encode_stmts: tuple[EncodeStmt, ...]


@dataclass(frozen=True)
class EnumMemberView:
    py_name: str
    value: str
    description: str


@dataclass(frozen=True)
class EnumView:
    class_name: str
    base: str
    description: str
    members: tuple[EnumMemberView, ...]


@dataclass(frozen=True)
class EnumModuleView:
    enums: tuple[EnumView, ...]


@dataclass(frozen=True)
class ExportView:
    name: str
    module: str


@dataclass(frozen=True)
class ModelsInitView:
    exports: tuple[ExportView, ...]


def all_fields(api: ir.Api, model: ir.Model) -> list[ir.Field]:
    """Inherited fields first (parents in declaration order), then the model's own; no repeats."""
    seen: set[str] = set()
    result: list[ir.Field] = []
    for f in _fields_with_parents(api, model, set()):
        if f.py_name not in seen:
            seen.add(f.py_name)
            result.append(f)
    return result


def _fields_with_parents(api: ir.Api, model: ir.Model, visiting: set[str]) -> Iterator[ir.Field]:
    visiting = visiting | {model.name}
    for parent in model.parents:
        if parent not in visiting:
            yield from _fields_with_parents(api, api.model(parent), visiting)
    yield from model.fields


def _field_view(names: TypeNames, f: ir.Field) -> FieldView:
    annotation = names.annotation(f.type)
    if isinstance(f.type, ir.ConstantType):
        return FieldView(f.py_name, annotation, f" = {literal(f.type.value)}", f.description)
    if f.required and not f.read_only:
        return FieldView(f.py_name, annotation, "", f.description)
    return FieldView(f.py_name, f"{annotation} | None", " = None", f.description)


def _known_tree(fields: list[ir.Field]) -> str:
    tree: dict[str, dict[str, object] | None] = {}
    for f in fields:
        node: dict[str, object] = tree  # type: ignore[assignment]
        for part in f.wire_path[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        node.setdefault(f.wire_path[-1], None)
    return repr(tree)


def _decode_expr(names: TypeNames, f: ir.Field) -> str:
    value = names.decode(f.type, f"_s.get_path(data, {f.wire_path!r})")
    if f.required and not f.read_only and not isinstance(f.type, ir.ConstantType):
        return f"_s.as_required({value})"
    return value


def _encode_expr(names: TypeNames, f: ir.Field) -> str:
    value = names.encode(f.type, f"self.{f.py_name}")
    if f.read_only:
        return f"None if exclude_readonly else {value}"
    return value


def model_view(api: ir.Api, model: ir.Model) -> ModelView:
    imports = ImportSet()
    imports.name("__future__", "annotations")
    imports.module("dataclasses", "_dc")
    imports.name("collections.abc", "Mapping")
    imports.name("typing", "Any", "ClassVar", "Self")
    imports.name(".._runtime", "codec as _s")
    names = TypeNames(api, imports, "..")
    parents = [api.model(p) for p in model.parents]
    for parent in parents:
        imports.name(f".{parent.module_name}", parent.py_name)
    fields = all_fields(api, model)
    own_fields = tuple(_field_view(names, f) for f in model.fields)
    decode_args = tuple(DecodeArg(f.py_name, _decode_expr(names, f)) for f in fields)
    encode_stmts = tuple(EncodeStmt(repr(f.wire_path), _encode_expr(names, f)) for f in fields)
    return ModelView(
        class_name=model.py_name,
        bases=f"({', '.join(p.py_name for p in parents)})" if parents else "",
        description=model.description,
        imports=tuple(imports.runtime_lines()),
        fields=own_fields,
        is_root=not parents,
        known=_known_tree(fields),
        decode_args=decode_args,
        encode_stmts=encode_stmts,
    )


_ENUM_BASES = {
    ir.Primitive.STRING: "_s.ExtensibleStrEnum",
    ir.Primitive.INT: "_s.ExtensibleIntEnum",
    ir.Primitive.FLOAT: "_s.ExtensibleFloatEnum",
    ir.Primitive.BOOL: "_s.ExtensibleStrEnum",
}


def enum_module_view(api: ir.Api) -> EnumModuleView:
    return EnumModuleView(
        tuple(
            EnumView(
                class_name=e.py_name,
                base=_ENUM_BASES.get(e.value_type, "_s.ExtensibleStrEnum"),
                description=e.description,
                members=tuple(
                    EnumMemberView(v.py_name, literal(_enum_value(e, v)), v.description)
                    for v in e.values
                ),
            )
            for e in api.enums
        )
    )


def _enum_value(e: ir.Enum, v: ir.EnumValue) -> ir.JsonScalar:
    # A boolean enum is written as its JSON text so that one str-based enum class can hold it.
    if e.value_type == ir.Primitive.BOOL:
        return "true" if v.value is True else "false" if v.value is False else str(v.value)
    return v.value


def models_init_view(api: ir.Api) -> ModelsInitView:
    exports = [ExportView(m.py_name, m.module_name) for m in api.models]
    exports += [ExportView(e.py_name, "_enums") for e in api.enums]
    return ModelsInitView(tuple(sorted(exports, key=lambda e: e.name)))
