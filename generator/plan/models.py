"""What the model and enum templates print: dataclasses with straight-line from_dict/to_dict."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator import ir
from generator.plan.imports import ImportSet
from generator.plan.pytypes import TypeNames, literal
from generator.plan.validation import model_checks


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
    body: str  # the statement that writes the property
    guard: str = ""  # the condition for writing the property at all; "" for always


@dataclass(frozen=True)
class ModelView:
    class_name: str
    bases: str  # "" or "(Parent, ...)"
    description: str
    imports: tuple[str, ...]
    fields: tuple[FieldView, ...]
    # Imports only the annotations of inherited fields name: the dataclass __init__ of this class
    # repeats them, and typing.get_type_hints resolves them in this module.
    inherited_imports: tuple[str, ...]
    is_root: bool  # declares the store of unknown wire properties
    # Several parents: the class itself says which deserialize() is its own (each parent's
    # returns its own type, which type checkers see as a clash).
    many_parents: bool
    known: str  # a literal of the wire names this model reads
    subtypes: str  # "" or a dict literal: discriminator value -> subclass
    discriminator_path: str  # a tuple literal: where the discriminator value is
    containers: tuple[DecodeArg, ...]  # locals holding flattened containers, read before decoding
    decode_args: tuple[DecodeArg, ...]
    after_decode: tuple[str, ...]  # statements run on `result` after it is built
    unknown_expr: str
    encode_stmts: tuple[EncodeStmt, ...]
    encode_binds: bool  # whether the statements bind `v` (declared `Any` first: types differ)
    additional: str  # "" or the arguments of `_s.merge_additional(result, ...)`
    xml_layout: str = ""  # the `_x.Layout(...)` expression; "" when the API has no XML bodies
    shape: str = ""  # the `_s.Shape(...)` unions check objects against; "" when in no union
    validate: tuple[str, ...] = ()  # the statements of `_validate(path)`; () for no method


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


def all_fields(api: ir.Api, model: ir.Model) -> list[ir.Field]:
    """Inherited fields first (parents in declaration order), then the model's own; no repeats:
    a redeclared field keeps its place and takes the subclass's definition (its type decodes)."""
    by_name: dict[str, ir.Field] = {}
    for f in _fields_with_parents(api, model, set()):
        by_name[f.py_name] = f
    return list(by_name.values())


def init_fields(api: ir.Api, model: ir.Model) -> list[ir.Field]:
    """The fields a caller sets: no constants, no discriminator the class fixes, nothing
    read-only."""
    root = _discriminator_root(api, model)
    fixed: tuple[str, ...] = ()
    if root is not None and root.discriminator and _fixes_discriminator(api, model, root):
        fixed = (root.discriminator,)
    return [
        f
        for f in all_fields(api, model)
        if not isinstance(f.type, ir.ConstantType) and not f.read_only and f.wire_path != fixed
    ]


def _fields_with_parents(api: ir.Api, model: ir.Model, visiting: set[str]) -> Iterator[ir.Field]:
    visiting = visiting | {model.name}
    for parent in model.parents:
        if parent not in visiting:
            yield from _fields_with_parents(api, api.model(parent), visiting)
    yield from model.fields


def _walk(
    api: ir.Api, model: ir.Model, edges: Callable[[ir.Model], tuple[str, ...]]
) -> list[ir.Model]:
    """The models reached from `model` along `edges`, breadth first (nearest first), each once."""
    seen = {model.name}
    result: list[ir.Model] = []
    queue = list(edges(model))
    while queue:
        name = queue.pop(0)
        if name in seen:
            continue
        seen.add(name)
        found = api.model(name)
        result.append(found)
        queue.extend(edges(found))
    return result


def _ancestors(api: ir.Api, model: ir.Model) -> list[ir.Model]:
    """Every ancestor, nearest first, each once."""
    return _walk(api, model, lambda m: m.parents)


def _discriminator_root(api: ir.Api, model: ir.Model) -> ir.Model | None:
    """The nearest model (itself or an ancestor) that declares a discriminator."""
    return next((m for m in [model, *_ancestors(api, model)] if m.discriminator), None)


def _fixes_discriminator(api: ir.Api, model: ir.Model, root: ir.Model) -> bool:
    """Whether the class sets the discriminator value itself (it or a parent below the root)."""
    chain = [model, *_ancestors(api, model)]
    return any(m.discriminator_value is not None for m in chain if m.name != root.name)


def _descendants(api: ir.Api, model: ir.Model) -> list[ir.Model]:
    """Subtypes with a discriminator value, nearest first."""
    return _walk(api, model, lambda m: m.subtypes)


def _bag(api: ir.Api, model: ir.Model) -> ir.Model | None:
    """The model (itself or an ancestor) whose field holds the additional properties."""
    chain = [model, *_ancestors(api, model)]
    return next((m for m in chain if m.additional_properties_py_name), None)


def model_default(names: TypeNames, f: ir.Field) -> str:
    """The spec's default as a Python expression; None where it has no simple literal."""
    value = f.default
    if not f.has_default or value is None:
        return "None"
    match f.type:
        case ir.EnumType(name=name) if _is_member(names.api.enum(name), value):
            return f"{names.enum(name)}({literal(value)})"
        case ir.PrimitiveType(primitive=p) if _fits(p, value):
            return literal(value)
    return "None"


def _is_member(enum: ir.Enum, value: ir.JsonScalar) -> bool:
    """A default the enum class accepts: a listed member (True is not the member 1, nor "true"),
    or, for an extensible enum, any value of its type."""
    if enum.extensible and not isinstance(value, bool) and value is not None:
        return _fits(enum.value_type, value)
    return any(type(v.value) is type(value) and v.value == value for v in enum.values)


def _fits(primitive: ir.Primitive, value: ir.JsonScalar) -> bool:
    if isinstance(value, bool):
        return primitive is ir.Primitive.BOOL
    if isinstance(value, int):
        return primitive in (ir.Primitive.INT, ir.Primitive.FLOAT)
    if isinstance(value, float):
        return primitive is ir.Primitive.FLOAT
    return isinstance(value, str) and primitive is ir.Primitive.STRING


def _field_view(names: TypeNames, f: ir.Field) -> FieldView:
    annotation = names.annotation(f.type)
    if isinstance(f.type, ir.ConstantType):
        default = f" = _dc.field(default={names.constant(f.type)}, init=False)"
        return FieldView(f.py_name, annotation, default, f.description)
    if isinstance(f.type, ir.EnumType):
        # As method parameters do: the plain value is accepted where the member is.
        annotation = f"{annotation} | str"
    if f.required and not f.read_only:
        optional = " | None" if f.nullable else ""
        return FieldView(f.py_name, annotation + optional, "", f.description)
    # Only the service sets a read-only property: its default is applied when a response leaves
    # it out (see _path_expr), never to an object the caller builds.
    default = " = None" if f.read_only else f" = {model_default(names, f)}"
    return FieldView(f.py_name, f"{annotation} | None", default, f.description)


def _value_expr(names: TypeNames, t: ir.TypeRef, value: str) -> str:
    if isinstance(t, ir.EnumType):
        return f"{names.enum(t.name)}({literal(value)})"
    return literal(value)


def _discriminator_views(
    api: ir.Api, names: TypeNames, model: ir.Model
) -> tuple[list[FieldView], set[str]]:
    """The discriminator field as this class declares it, and the fields its __init__ lacks."""
    root = _discriminator_root(api, model)
    if root is None:
        return [], set()
    field = next((f for f in all_fields(api, root) if f.wire_path == (root.discriminator,)), None)
    if field is None:
        return [], set()
    annotation = names.annotation(field.type)
    if root.name == model.name:
        if model.discriminator_value is None:
            return [], set()
        value = _value_expr(names, field.type, model.discriminator_value)
        return [FieldView(field.py_name, annotation, f" = {value}", field.description)], set()
    if not _fixes_discriminator(api, model, root):
        return [], set()
    if model.discriminator_value is None:
        return [], {field.py_name}
    value = _value_expr(names, field.type, model.discriminator_value)
    default = f" = _dc.field(default={value}, init=False)"
    return [FieldView(field.py_name, annotation, default, field.description)], {field.py_name}


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


def _decode_expr(names: TypeNames, f: ir.Field, containers: dict[tuple[str, ...], str]) -> str:
    required = f.required and not f.read_only and not f.nullable
    return names.decode_inline(f.type, _path_expr(f, containers, names), required=required)


def _containers(fields: list[ir.Field]) -> dict[tuple[str, ...], str]:
    """A local name for each flattened container (`properties`, ...), parents before children."""
    found: dict[tuple[str, ...], str] = {}
    for f in fields:
        for depth in range(1, len(f.wire_path)):
            found.setdefault(f.wire_path[:depth], f"_c{len(found)}")
    return found


def _container_lines(containers: dict[tuple[str, ...], str]) -> tuple[DecodeArg, ...]:
    return tuple(
        DecodeArg(name, f"_s.container({containers.get(path[:-1], 'data')}, {path[-1]!r})")
        for path, name in containers.items()
    )


def _encode_stmt(names: TypeNames, f: ir.Field) -> EncodeStmt:
    target = "result"
    for part in f.wire_path[:-1]:
        target = f"_s.level({target}, {part!r})"
    key = f"{target}[{f.wire_path[-1]!r}]"
    if isinstance(f.type, ir.ConstantType):
        return EncodeStmt(f"{key} = {literal(f.type.value)}")
    value = f"self.{f.py_name}"
    if f.required and f.nullable:
        # None can only mean null here, so the property is always written (unless read-only).
        args = [value]
        encoder = names.encoder(f.type, "exclude_readonly")
        if encoder is not None:
            args.append(encoder)
        args.append("null=True")
        guard = "not exclude_readonly" if f.read_only else ""
        return EncodeStmt(f"_s.put(result, {f.wire_path!r}, {', '.join(args)})", guard)
    # Most properties of a large model are absent: skipping them here is the hot path of encoding.
    guard = f"(v := {value}) is not None"
    if f.read_only:
        guard = f"not exclude_readonly and {guard}"
    encoded = names.encode_inline(f.type, "v")
    return EncodeStmt(f"{key} = None if v is _s.NULL else {encoded}", guard)


def _subtypes(api: ir.Api, names: TypeNames, model: ir.Model) -> tuple[str, str]:
    """The dispatch table (value -> subclass) and the discriminator's path, or ("", "")."""
    root = _discriminator_root(api, model)
    if root is None or root.discriminator is None:
        return "", ""
    table: dict[str, str] = {}
    for child in _descendants(api, model):
        child_root = _discriminator_root(api, child)
        if child.discriminator_value is not None and child_root == root:
            table.setdefault(child.discriminator_value, names.model(child.name))
    if not table:
        return "", repr((root.discriminator,))
    items = ", ".join(f"{literal(value)}: {cls}" for value, cls in table.items())
    return "{" + items + "}", repr((root.discriminator,))


def _after_decode(
    names: TypeNames,
    fields: list[ir.Field],
    fixed: set[str],
    containers: dict[tuple[str, ...], str],
) -> tuple[str, ...]:
    """Keep a discriminator value no subclass claimed (the class fixes its own otherwise)."""
    return tuple(
        f"_s.keep_value(result, {f.py_name!r}, "
        f"{names.decode(f.type, _path_expr(f, containers))})"
        for f in fields
        if f.py_name in fixed
    )


def _path_expr(
    f: ir.Field, containers: dict[tuple[str, ...], str], names: TypeNames | None = None
) -> str:
    # Read straight from the mapping, or from the flattened container read once before.
    parent = containers.get(f.wire_path[:-1], "data")
    if names is not None and f.read_only and model_default(names, f) != "None":
        # A read-only property the response leaves out has the spec's default.
        return f"{parent}.get({f.wire_path[-1]!r}, {literal(f.default)})"
    return f"{parent}.get({f.wire_path[-1]!r})"


def _additional_views(
    api: ir.Api, names: TypeNames, model: ir.Model
) -> tuple[FieldView | None, DecodeArg | None, str]:
    bag = _bag(api, model)
    if bag is None or bag.additional_properties is None:
        return None, None, ""
    value_type = bag.additional_properties
    name = bag.additional_properties_py_name
    decoder = names.decoder(value_type)
    decode = DecodeArg(
        name, f"_s.additional_fields(data, cls._KNOWN{', ' + decoder if decoder else ''})"
    )
    encoder = names.encoder(value_type, "exclude_readonly")
    encode = f"self.{name}" + (f", {encoder}" if encoder else "")
    if bag.name != model.name:
        return None, decode, encode
    annotation = f"dict[str, {names.annotation(value_type)}]"
    field = FieldView(
        name,
        annotation,
        " = _dc.field(default_factory=dict)",
        "Properties the spec does not declare, sent and received next to the declared ones.",
    )
    return field, decode, encode


def is_xml_media(media_type: str) -> bool:
    base = media_type.split(";", 1)[0].strip().lower()
    return base.endswith(("/xml", "+xml"))


def uses_xml(api: ir.Api) -> bool:
    """Whether any operation sends or receives XML: only then do models get XML methods."""
    for group in api.groups:
        for op in group.operations:
            if any(is_xml_media(t) for t in (*op.consumes, *op.produces)):
                return True
    return False


def _xml_prop(api: ir.Api, names: TypeNames, f: ir.Field) -> str:
    info = f.xml or ir.XmlInfo()
    target = api.model(f.type.name).xml if isinstance(f.type, ir.ModelType) else None
    local = info.name or (target.name if target is not None and target.name else f.wire_name)
    name_info = info if info.namespace else target
    node = names.xml_node(f.type, wrapped=info.wrapped, fallback=local)
    flags = ", attribute=True" if info.attribute else ", text=True" if info.text else ""
    return f"_x.Prop({f.wire_name!r}, {names.xml_name(local, name_info)}, {node}{flags})"


def xml_layout(api: ir.Api, names: TypeNames, model: ir.Model) -> str:
    """The model's XML layout; properties lifted from a flattened container are left out."""
    props = [_xml_prop(api, names, f) for f in all_fields(api, model) if len(f.wire_path) == 1]
    local = model.xml.name if model.xml is not None and model.xml.name else model.name
    items = "".join(f"{p}, " for p in props)
    return f"_x.Layout({names.xml_name(local, model.xml)}, ({items}))"


def _api_types(api: ir.Api) -> Iterator[ir.TypeRef]:
    yield from (p.type for p in (*api.client_parameters, *api.host.parameters))
    for model in api.models:
        yield from (f.type for f in model.fields)
        if model.additional_properties is not None:
            yield model.additional_properties
    for group in api.groups:
        for op in group.operations:
            yield from (p.type for p in op.parameters)
            for r in op.responses:
                yield from (h.type for h in r.headers)
                if r.type is not None:
                    yield r.type


def union_models(api: ir.Api) -> frozenset[str]:
    """The models that are members of a union somewhere: their classes say what they require."""
    found: set[str] = set()
    pending = list(_api_types(api))
    while pending:
        match pending.pop():
            case ir.UnionType(members=members):
                found.update(m.name for m in members if isinstance(m, ir.ModelType))
                pending.extend(members)
            case ir.ListType(item=item):
                pending.append(item)
            case ir.DictType(value=value):
                pending.append(value)
    return frozenset(found)


def _shape(fields: list[ir.Field]) -> str:
    required = tuple(dict.fromkeys(f.wire_path[0] for f in fields if f.required))
    constants = [
        f"({f.wire_name!r}, {literal(f.type.value)})"
        for f in fields
        if isinstance(f.type, ir.ConstantType) and len(f.wire_path) == 1
    ]
    args = [f"required={required!r}"] if required else []
    if constants:
        args.append(f"constants=({''.join(c + ', ' for c in constants)})")
    return f"_s.Shape({', '.join(args)})"


def model_view(
    api: ir.Api,
    model: ir.Model,
    in_unions: frozenset[str] = frozenset(),
    *,
    xml: bool | None = None,
) -> ModelView:
    """`in_unions` names the models that are members of unions (`union_models`); `xml`: whether
    the API uses XML at all (`uses_xml`), asked once per spec by the caller."""
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
    discriminator_fields, fixed = _discriminator_views(api, names, model)
    overridden = {v.py_name for v in discriminator_fields}
    own = [_field_view(names, f) for f in model.fields if f.py_name not in overridden]
    bag_field, bag_decode, bag_encode = _additional_views(api, names, model)
    init_fields = [
        f for f in fields if f.py_name not in fixed and not isinstance(f.type, ir.ConstantType)
    ]
    containers = _containers(fields)
    decode_args = [DecodeArg(f.py_name, _decode_expr(names, f, containers)) for f in init_fields]
    subtypes, discriminator_path = _subtypes(api, names, model)
    encode_stmts = tuple(_encode_stmt(names, f) for f in fields)
    after_decode = _after_decode(names, fields, fixed, containers)
    if xml is None:
        xml = uses_xml(api)
    layout = xml_layout(api, names, model) if xml else ""
    keep_top = ", top_level=False" if bag_decode else ""
    if containers or bag_decode:
        unknown_expr = f"_s.unknown_fields(data, cls._KNOWN{keep_top})"
    else:
        # Every key known (the usual case) is one set comparison, inline.
        unknown_expr = (
            "{} if data.keys() <= cls._KNOWN.keys() else _s.unknown_fields(data, cls._KNOWN)"
        )
    return ModelView(
        inherited_imports=_inherited_imports(api, imports, fields, model),
        class_name=model.py_name,
        bases=f"({', '.join(p.py_name for p in parents)})" if parents else "",
        description=model.description,
        imports=tuple(imports.runtime_lines()),
        fields=tuple(discriminator_fields + own + ([bag_field] if bag_field else [])),
        is_root=not parents,
        many_parents=len(parents) > 1,
        known=_known_tree(fields),
        subtypes=subtypes,
        discriminator_path=discriminator_path,
        containers=_container_lines(containers),
        decode_args=tuple(decode_args + ([bag_decode] if bag_decode else [])),
        after_decode=after_decode,
        unknown_expr=unknown_expr,
        encode_stmts=encode_stmts,
        encode_binds=any("(v := " in stmt.guard for stmt in encode_stmts),
        additional=bag_encode,
        xml_layout=layout,
        validate=model_checks(fields, _bag_field(api, model)),
        shape=_shape(fields) if model.name in in_unions else "",
    )


def _inherited_imports(
    api: ir.Api, imports: ImportSet, fields: list[ir.Field], model: ir.Model
) -> tuple[str, ...]:
    inherited = ImportSet()
    names = TypeNames(api, inherited, "..")
    own = {f.py_name for f in model.fields}
    for f in fields:
        if f.py_name not in own:
            names.annotation(f.type)
    bag = _bag(api, model)
    if bag is not None and bag.name != model.name and bag.additional_properties is not None:
        names.annotation(bag.additional_properties)
    return tuple(inherited.without(imports).runtime_lines())


def _bag_field(api: ir.Api, model: ir.Model) -> tuple[str, ir.TypeRef] | None:
    bag = _bag(api, model)
    if bag is None or bag.additional_properties is None:
        return None
    return bag.additional_properties_py_name, bag.additional_properties


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
