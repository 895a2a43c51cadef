"""What the operations template prints: one class per operation group, one method per operation."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir, plan_lro, plan_paging
from generator.imports import ImportSet
from generator.plan_body import request_body, response_body, source_expr
from generator.pytypes import TypeNames, literal


@dataclass(frozen=True)
class ArgView:
    py_name: str
    annotation: str
    default: str  # "" when the argument is required
    description: str


@dataclass(frozen=True)
class WireValue:
    wire: str  # a string literal of the wire name
    expr: str  # the string sent on the wire
    py_name: str  # the argument tested against None for an optional value
    required: bool
    multi: bool = False  # a query parameter repeated once per item


@dataclass(frozen=True)
class BranchView:
    codes: str  # a tuple literal of status codes
    expr: str


@dataclass(frozen=True)
class OperationView:
    template: str  # the template of the method: plain, long-running or pageable
    py_name: str
    summary: str
    description: str
    positional: tuple[ArgView, ...]
    keyword: tuple[ArgView, ...]
    return_annotation: str
    return_description: str
    method: str
    path: str  # a string literal of the path template
    path_values: tuple[WireValue, ...]
    query: tuple[WireValue, ...]
    headers: tuple[WireValue, ...]
    accept: str  # a string literal for the Accept header
    json_expr: str  # "None" without a JSON body
    content_expr: str  # "None" without a raw body
    success_codes: str  # a tuple literal
    error_map: str  # a dict literal: status code -> decoder of the error model
    default_error: str  # decoder of the default error model, or "None"
    branches: tuple[BranchView, ...]
    fallback_expr: str


@dataclass(frozen=True)
class GroupView:
    class_name: str
    client_class: str
    is_mixin: bool
    def_kw: str  # "def" or "async def"
    await_kw: str  # "" or "await "
    imports: tuple[str, ...]
    typing_imports: tuple[str, ...]
    operations: tuple[OperationView, ...]


@dataclass(frozen=True)
class GroupExport:
    class_name: str
    module: str


@dataclass(frozen=True)
class OperationsInitView:
    exports: tuple[GroupExport, ...]


def group_class_name(api: ir.Api, group: ir.OperationGroup) -> str:
    return f"{api.client_name}OperationsMixin" if group.name == "" else group.class_name


def operations_init_view(api: ir.Api) -> OperationsInitView:
    return OperationsInitView(
        tuple(GroupExport(group_class_name(api, g), g.module_name) for g in api.groups)
    )


def group_view(api: ir.Api, group: ir.OperationGroup, *, is_async: bool) -> GroupView:
    up = "..." if is_async else ".."
    imports = ImportSet()
    imports.name("__future__", "annotations")
    imports.name("typing", "TYPE_CHECKING", "cast as _cast")
    imports.name(f"{up}_runtime", "codec as _s")
    imports.typing_only(".._client", api.client_name)
    names = TypeNames(api, imports, up)
    operations = tuple(_view(names, op) for op in group.operations)
    return GroupView(
        class_name=group_class_name(api, group),
        client_class=api.client_name,
        is_mixin=group.name == "",
        def_kw="async def" if is_async else "def",
        await_kw="await " if is_async else "",
        imports=tuple(imports.runtime_lines()),
        typing_imports=tuple(imports.typing_lines()),
        operations=operations,
    )


def _view(names: TypeNames, op: ir.Operation) -> OperationView:
    """Long-running and pageable operations build on the view of a plain call."""
    basic = _operation_view(names, op)
    if op.long_running is not None:
        return plan_lro.lro_view(names, op, basic)
    if op.paging is not None:
        return plan_paging.paging_view(names, op, basic)
    return basic


def _method_parameters(op: ir.Operation) -> list[ir.Parameter]:
    return [
        p
        for p in op.parameters
        if not p.client_level
        and not isinstance(p.type, ir.ConstantType)
        and p.location != ir.ParamLocation.HOST
    ]


def _arg_view(names: TypeNames, p: ir.Parameter) -> ArgView:
    annotation = names.annotation(p.type)
    if isinstance(p.type, ir.EnumType):
        annotation = f"{annotation} | str"
    if p.required and not p.has_default:
        return ArgView(p.py_name, annotation, "", p.description)
    if p.required:
        return ArgView(p.py_name, annotation, f" = {literal(p.default)}", p.description)
    return ArgView(p.py_name, f"{annotation} | None", " = None", p.description)


def _string_expr(names: TypeNames, p: ir.Parameter) -> str:
    """The text sent for a path, query or header value."""
    value = source_expr(p)
    if isinstance(p.type, ir.ListType):
        items = names.encode(p.type, value, exclude_readonly="True")
        fmt = (p.collection_format or ir.CollectionFormat.CSV).value
        if fmt == ir.CollectionFormat.MULTI.value:
            return f"[_s.to_query_value(v) for v in {items}]"
        return f"_s.format_collection({items}, {fmt!r})"
    return f"_s.to_query_value({names.encode(p.type, value, exclude_readonly='True')})"


def _wire_value(names: TypeNames, p: ir.Parameter) -> WireValue:
    expr = _string_expr(names, p)
    if p.location == ir.ParamLocation.PATH:
        expr = f"_s.quote_path({expr}, skip_encoding={p.skip_url_encoding!r})"
    required = p.required or p.client_level or isinstance(p.type, ir.ConstantType)
    multi = p.collection_format == ir.CollectionFormat.MULTI and isinstance(p.type, ir.ListType)
    return WireValue(repr(p.wire_name), expr, source_expr(p), required, multi)


def _by_location(
    names: TypeNames, op: ir.Operation, where: ir.ParamLocation
) -> tuple[WireValue, ...]:
    return tuple(_wire_value(names, p) for p in op.parameters if p.location == where)


def _return_annotation(names: TypeNames, successes: list[ir.Response]) -> str:
    annotations: list[str] = []
    for r in successes:
        text = "None" if r.type is None else names.annotation(r.type)
        if text not in annotations:
            annotations.append(text)
    if "None" in annotations:
        annotations = [a for a in annotations if a != "None"] + ["None"]
    return " | ".join(annotations) or "None"


def _typed_response_expr(names: TypeNames, response: ir.Response) -> str:
    expr = response_body(names, response)
    if response.type is None:
        return expr
    return f"_cast({names.annotation(response.type)!r}, {expr})"


def _branches(names: TypeNames, successes: list[ir.Response]) -> tuple[tuple[BranchView, ...], str]:
    exprs: dict[str, list[int]] = {}
    for r in successes:
        exprs.setdefault(_typed_response_expr(names, r), []).extend(r.status_codes)
    items = list(exprs.items())
    if not items:
        return (), "None"
    fallback = items.pop()[0]
    return tuple(BranchView(repr(tuple(codes)), expr) for expr, codes in items), fallback


def _error_decoders(names: TypeNames, op: ir.Operation) -> tuple[str, str]:
    mapped: list[str] = []
    default = "None"
    for r in op.responses:
        if not r.is_error or r.type is None:
            continue
        decoder = names.decoder(r.type) or "_s.identity"
        if not r.status_codes:
            default = decoder
        mapped += [f"{code}: {decoder}" for code in r.status_codes]
    return "{" + ", ".join(mapped) + "}", default


def _operation_view(names: TypeNames, op: ir.Operation) -> OperationView:
    args = [_arg_view(names, p) for p in _method_parameters(op)]
    successes = [r for r in op.responses if not r.is_error and r.status_codes]
    branches, fallback = _branches(names, successes)
    error_map, default_error = _error_decoders(names, op)
    json_expr, content_expr = request_body(names, op)
    codes = sorted({c for r in successes for c in r.status_codes}) or [200]
    return OperationView(
        template="operation_basic.py.jinja",
        py_name=op.py_name,
        summary=op.summary or op.description or op.operation_id,
        description=op.description if op.summary and op.description != op.summary else "",
        positional=tuple(a for a in args if not a.default),
        keyword=tuple(a for a in args if a.default),
        return_annotation=_return_annotation(names, successes),
        return_description=next((r.description for r in successes if r.type), ""),
        method=op.method.upper(),
        path=repr(op.path),
        path_values=_by_location(names, op, ir.ParamLocation.PATH),
        query=_by_location(names, op, ir.ParamLocation.QUERY),
        headers=_by_location(names, op, ir.ParamLocation.HEADER),
        accept=repr(", ".join(op.produces) or "application/json"),
        json_expr=json_expr,
        content_expr=content_expr,
        success_codes=repr(tuple(codes)),
        error_map=error_map,
        default_error=default_error,
        branches=branches,
        fallback_expr=fallback,
    )
