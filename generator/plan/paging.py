"""The view of a pageable operation (x-ms-pageable).

The method returns an `ItemPaged` of the page model's items. Its first page comes from the
operation's own request; each next page from a GET on the next link (with the client's
api-version), or, when `operationName` names a next-page operation, from that operation's request
with the next link as its `nextLink` argument and the other arguments taken from this method's.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator import ir
from generator.diagnostics import SpecError
from generator.plan.body import source_expr
from generator.plan.groups import group_value, grouped_view
from generator.plan.method import (
    Context,
    OperationView,
    copy_fields,
    operation_view,
    runtime_package,
)
from generator.plan.params import ArgView, string_expr
from generator.plan.pytypes import TypeNames


@dataclass(frozen=True)
class Binding:
    """An argument of the next-page request, bound to this method's value for it."""

    py_name: str
    annotation: str
    expr: str


@dataclass(frozen=True)
class NextRequestView:
    op: OperationView  # the next-page operation's plain view: its request part is reused
    link_param: str  # the argument that receives the next link
    bindings: tuple[Binding, ...]


@dataclass(frozen=True)
class PagesView:
    pager_class: str
    item_name: str  # a string literal
    next_link_name: str  # a string literal, or "None" for a single page
    item_annotation: str
    page_annotation: str  # what a page is extracted as: its next link and its items
    item_decoder: str
    page_url: str  # what a relative next link is resolved against: the page's URL, or "None"
    success_codes: str  # a tuple literal: the statuses of a page
    accept: str  # a string literal
    api_version: str  # the api-version a next link is read with, or "None"
    call_headers: str  # the argument of extra request headers, sent for every page ("" for none)
    next_request: NextRequestView | None = None


@dataclass(frozen=True, kw_only=True)
class PageableView(OperationView):
    pages: PagesView


def _page_model(api: ir.Api, op: ir.Operation) -> ir.Model | None:
    for response in op.responses:
        if not response.is_error and isinstance(response.type, ir.ModelType):
            return api.model(response.type.name)
    return None


def _item_type(api: ir.Api, op: ir.Operation, paging: ir.Paging) -> ir.TypeRef | None:
    """The type of the items: the item property of the page model (or of a parent)."""
    model = _page_model(api, op)
    while model is not None:
        field = next((f for f in model.fields if f.wire_name == paging.item_name), None)
        if field is not None:
            return field.type.item if isinstance(field.type, ir.ListType) else None
        model = api.model(model.parents[0]) if model.parents else None
    return None


def pages_view(
    names: TypeNames,
    op: ir.Operation,
    view: OperationView,
    context: Context,
    codes: str,
) -> PagesView:
    paging = op.paging
    assert paging is not None
    module = "aio_paging" if context.is_async else "paging"
    names.imports.name(f"{runtime_package(context.is_async)}_runtime", f"{module} as _paging")
    names.httpx()
    item = _item_type(context.api, op, paging)
    if item is None:
        names.imports.name("typing", "Any")
    item_annotation = "Any" if item is None else names.annotation(item)
    # A next-page operation takes the link as it came (often as a path parameter).
    next_request = _next_request(names, op, view, context)
    return PagesView(
        pager_class="AsyncItemPaged" if context.is_async else "ItemPaged",
        item_name=repr(paging.item_name),
        next_link_name=repr(paging.next_link_name),
        item_annotation=item_annotation,
        page_annotation=f"tuple[str | None, list[{item_annotation}]]",
        item_decoder=(names.decoder(item) if item is not None else None) or "_s.identity",
        success_codes=codes,
        accept=view.accept,
        api_version=_api_version(names, view),
        call_headers=call_headers(view),
        page_url="None" if next_request is not None else "str(response.request.url)",
        next_request=next_request,
    )


def call_headers(view: OperationView) -> str:
    """The per-call `headers` argument of the method, "" when it has none."""
    return "headers" if any(a.py_name == "headers" for a in view.keyword) else ""


def _api_version(names: TypeNames, view: OperationView) -> str:
    """The api-version next links are read with: the operation's, or else the client's (as Azure
    SDKs do; a service may send next links without one and expect it back)."""
    value = next((v for v in view.query if v.wire.lower() == "'api-version'"), None)
    if value is not None:
        return value.expr
    client = next(
        (
            p
            for p in names.api.client_parameters
            if p.location is ir.ParamLocation.QUERY and p.wire_name.lower() == "api-version"
        ),
        None,
    )
    return "None" if client is None else string_expr(names, client)


def _next_request(
    names: TypeNames, op: ir.Operation, main: OperationView, context: Context
) -> NextRequestView | None:
    assert op.paging is not None
    wanted = op.paging.next_operation_id
    if wanted is None:
        return None
    next_op = next((o for o in context.group.operations if o.operation_id == wanted), None)
    if next_op is None:
        raise SpecError(
            op.source.file,
            op.source.pointer + "/x-ms-pageable/operationName",
            f"the next-page operation '{wanted}' is not in the operation group",
        )
    plain = operation_view(names, next_op, is_async=context.is_async)
    view = grouped_view(names, next_op, plain)
    link = next((p for p in next_op.parameters if _is_link(p)), None)
    link_param = link.py_name if link is not None else "_next_link"
    args = [a for a in (*view.positional, *view.keyword) if a.py_name != link_param]
    own_args = {a.py_name for a in (*main.positional, *main.keyword)}
    return NextRequestView(
        op=dataclasses.replace(view, cls_annotation=""),
        link_param=link_param,
        bindings=tuple(_binding(op, next_op, a, own_args) for a in args),
    )


def _is_link(p: ir.Parameter) -> bool:
    return not p.client_level and p.wire_name.lower() == "nextlink"


def _binding(op: ir.Operation, next_op: ir.Operation, arg: ArgView, own_args: set[str]) -> Binding:
    """The next-page argument `arg` bound to this method's value of the same parameter."""
    target = next((p for p in next_op.parameters if p.py_name == arg.py_name), None)
    for p in op.parameters:
        if p.client_level or isinstance(p.type, ir.ConstantType):
            continue
        if target is not None and (p.wire_name, p.location) == (target.wire_name, target.location):
            return Binding(arg.py_name, arg.annotation, _value(op, p))
    # A parameter group, or an argument every method has (the per-call headers).
    if target is None and arg.py_name in own_args:
        return Binding(arg.py_name, arg.annotation, arg.py_name)
    default = arg.default.removeprefix(" = ") if arg.default else "None"
    if not arg.default:
        raise SpecError(
            op.source.file,
            op.source.pointer + "/x-ms-pageable/operationName",
            f"the next-page operation '{next_op.operation_id}' needs '{arg.py_name}', "
            "which this operation does not have",
        )
    return Binding(arg.py_name, arg.annotation, default)


def _value(op: ir.Operation, p: ir.Parameter) -> str:
    if p.group is not None:
        return f"({group_value(op, p)})"
    return source_expr(p)


def paging_view(
    names: TypeNames, op: ir.Operation, basic: OperationView, context: Context
) -> OperationView:
    pages = pages_view(names, op, basic, context, basic.success_codes)
    fields = copy_fields(basic)
    fields.update(
        template="operation_pageable.py.jinja",
        return_annotation=f"_paging.{pages.pager_class}[{pages.item_annotation}]",
        return_description="an iterator of the items of every page, fetched as they are "
        "needed; by_page() iterates over the pages instead.",
        cls_annotation="",
    )
    return PageableView(**fields, pages=pages)  # type: ignore[arg-type]
