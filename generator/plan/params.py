"""Parameters of a generated method: its arguments, their checks, and their text on the wire."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.body import flattened_body, source_expr
from generator.plan.pytypes import TypeNames, literal
from generator.plan.validation import body_check, constraint_args

RAW_BODY = "_s.RawBody"


@dataclass(frozen=True)
class ArgView:
    py_name: str
    annotation: str
    default: str  # "" when the argument is required
    description: str
    # An optional argument that may still be given by position (after the required ones), as
    # azure-mgmt takes optional bodies.
    positional: bool = False

    @property
    def by_position(self) -> bool:
        return self.positional or not self.default


def split_arguments(args: list[ArgView]) -> tuple[tuple[ArgView, ...], tuple[ArgView, ...]]:
    """The positional arguments (required ones first) and the keyword-only ones."""
    required = [a for a in args if not a.default]
    positional = required + [a for a in args if a.default and a.positional]
    return tuple(positional), tuple(a for a in args if not a.by_position)


@dataclass(frozen=True)
class WireValue:
    wire: str  # a string literal of the wire name
    expr: str  # the string sent on the wire
    py_name: str  # the argument tested against None for an optional value
    required: bool
    multi: bool = False  # a query parameter repeated once per item
    query_statement: str = ""  # for a query value: the statement that adds it to the request


def method_parameters(op: ir.Operation) -> list[ir.Parameter]:
    """The parameters that are arguments of the method (not client properties, not constants)."""
    return [
        p for p in op.parameters if not p.client_level and not isinstance(p.type, ir.ConstantType)
    ]


def arg_view(names: TypeNames, p: ir.Parameter, annotation: str | None = None) -> ArgView:
    """`annotation` replaces the one of the parameter's type (raw request bodies)."""
    if annotation is None:
        annotation = names.annotation(p.type)
        if isinstance(p.type, ir.EnumType):
            annotation = f"{annotation} | str"
    if p.has_default and p.default is not None:
        optional = "" if p.required else " | None"
        return ArgView(p.py_name, annotation + optional, f" = {literal(p.default)}", p.description)
    if p.required:
        return ArgView(p.py_name, annotation, "", p.description)
    return ArgView(p.py_name, f"{annotation} | None", " = None", p.description)


def check_statement(p: ir.Parameter, value: str, module: str = "_s") -> str | None:
    """The `check(...)` call (of the runtime module imported as `module`) validating `value` (an
    expression), or None when nothing is checked."""
    args = constraint_args(p.constraints)
    if p.required and not p.nullable:
        args.insert(0, "required=True")
    if not args:
        return None
    return f"{module}.check({p.py_name!r}, {value}, {', '.join(args)})"


def checks(op: ir.Operation) -> tuple[str, ...]:
    """Each argument's constraints, then the models of the body (a flattened body's properties
    are arguments themselves, so their paths start at the property)."""
    statements = [check_statement(p, p.py_name) for p in method_parameters(op)]
    flattened = flattened_body(op)
    for p in method_parameters(op):
        if p.location is ir.ParamLocation.BODY:
            statements.append(body_check(p, p.py_name, "" if p is flattened else p.py_name))
    return tuple(s for s in statements if s is not None)


def string_expr(names: TypeNames, p: ir.Parameter) -> str:
    """The text sent for a path, query or header value."""
    value = source_expr(p)
    if isinstance(p.type, ir.ListType):
        items = names.encode(p.type, value, exclude_readonly="True")
        fmt = (p.collection_format or ir.CollectionFormat.CSV).value
        if fmt == ir.CollectionFormat.MULTI.value:
            return f"[_s.to_query_value(v) for v in {items}]"
        return f"_s.format_collection({items}, {fmt!r})"
    return f"_s.to_query_value({names.encode(p.type, value, exclude_readonly='True')})"


def url_expr(names: TypeNames, p: ir.Parameter) -> str:
    """The percent-encoded text of a path or host value; a collection keeps its commas."""
    skip = f"skip_encoding={p.skip_url_encoding!r}"
    fmt = (p.collection_format or ir.CollectionFormat.CSV).value
    if isinstance(p.type, ir.ListType) and fmt != ir.CollectionFormat.MULTI.value:
        items = names.encode(p.type, source_expr(p), exclude_readonly="True")
        return f"_s.quote_path_collection({items}, {fmt!r}, {skip})"
    return f"_s.quote_path({string_expr(names, p)}, {skip})"


def wire_value(names: TypeNames, p: ir.Parameter) -> WireValue:
    expr = string_expr(names, p)
    if p.location in (ir.ParamLocation.PATH, ir.ParamLocation.HOST):
        expr = url_expr(names, p)
    required = p.required or isinstance(p.type, ir.ConstantType)
    multi = p.collection_format == ir.CollectionFormat.MULTI and isinstance(p.type, ir.ListType)
    wire = repr(p.wire_name)
    statement = _query_statement(wire, expr, multi=multi, raw=p.skip_url_encoding)
    return WireValue(wire, expr, source_expr(p), required, multi, statement)


def _query_statement(wire: str, expr: str, *, multi: bool, raw: bool) -> str:
    """x-ms-skip-url-encoding values go into the URL as they are; others are encoded on sending."""
    if raw and multi:
        return f"_url = _s.append_raw_query(_url, {wire}, *{expr})"
    if raw:
        return f"_url = _s.append_raw_query(_url, {wire}, {expr})"
    if multi:
        return f"_params.extend(({wire}, item) for item in {expr})"
    return f"_params.append(({wire}, {expr}))"


def by_location(
    names: TypeNames, op: ir.Operation, *where: ir.ParamLocation
) -> tuple[WireValue, ...]:
    """Client-level host values are left out: the client fills them into its base URL once."""
    return tuple(
        wire_value(names, p)
        for p in op.parameters
        if p.location in where and not (p.location is ir.ParamLocation.HOST and p.client_level)
    )
