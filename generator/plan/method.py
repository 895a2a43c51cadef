"""The view of one plain operation method: its arguments, request and result.

Every plain method takes a `cls` keyword: a callable given the raw response, the deserialized
value and the typed response headers, whose result the method returns instead (typed through
overloads). Long-running, pageable and grouped-parameter methods build on this view
(`plan/lro.py`, `plan/paging.py`, `plan/groups.py`); `plan/operations.py` picks which.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator import ir
from generator.plan.body import flatten_body_arguments, flattened_body_setup
from generator.plan.compat import (
    azure_mgmt_aliases,
    call_arguments,
    optional_body_by_position,
)
from generator.plan.forms import FormField, file_annotation, form_view
from generator.plan.media import body_parameter, request_body_view
from generator.plan.params import (
    ArgView,
    WireValue,
    arg_view,
    by_location,
    checks,
    method_parameters,
    split_arguments,
)
from generator.plan.pytypes import TypeNames
from generator.plan.responses import BranchView, result_view
from generator.plan.security import requirements_literal

__all__ = [
    "ArgView",
    "BranchView",
    "Context",
    "OperationView",
    "WireValue",
    "copy_fields",
    "operation_view",
    "runtime_package",
]

_CLS_DOC = (
    "Called with the response, the result and the typed response headers; its value is returned."
)


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
    checks: tuple[str, ...] = ()  # statements validating the arguments before anything is sent
    body_setup: str = ""  # a statement preparing the body ("" for none)
    stream: bool = False  # the response body is handed to the caller unread
    response_headers: str = "{}"  # a dict literal of the typed response headers
    call_headers: str = ""  # the argument holding extra request headers ("" for none)
    call_params: str = ""  # the argument holding extra query parameters ("" for none)
    # The argument mapping status codes to exception classes, as the last argument of
    # `_s.raise_error` (", error_map"), "" for none.
    error_classes: str = ""
    # The annotation of the `cls` keyword's callable, "" for a method without `cls`.
    cls_annotation: str = ""
    cls_description: str = _CLS_DOC
    cls_return: str = "_R"  # what the method returns when given `cls`
    # A form body: the pipeline's argument ("form" or "multipart", "" for none), the annotation of
    # the `_form` list and the statements filling it.
    form_keyword: str = ""
    form_annotation: str = ""
    form: tuple[FormField, ...] = ()
    security: str = ""  # the `security=` argument of the request, "" for none
    cookies: tuple[WireValue, ...] = ()  # sent in one Cookie header
    base_url: str = "self._client._pipeline.base_url"  # the expression the path is joined to


@dataclass(frozen=True)
class Context:
    """Where an operation's method is written."""

    api: ir.Api
    group: ir.OperationGroup
    is_async: bool


def copy_fields(view: OperationView) -> dict[str, object]:
    """The fields of a view, to build a view of a subclass from it."""
    return {f.name: getattr(view, f.name) for f in dataclasses.fields(OperationView)}


def runtime_package(is_async: bool) -> str:
    """The relative import of the package root from an operations module."""
    return "..." if is_async else ".."


def _arguments(names: TypeNames, op: ir.Operation, body_annotation: str | None) -> list[ArgView]:
    body = body_parameter(op)
    args = [
        arg_view(names, p, body_annotation if p is body else file_annotation(p))
        for p in method_parameters(op)
    ]
    return flatten_body_arguments(names, op, args)


_HEADERS_ARG = ArgView(
    "headers",
    "Mapping[str, str | None] | None",
    " = None",
    "Extra request headers; they replace headers of the same name the method sets. A header "
    "given as None is left out (for example, no x-ms-client-request-id).",
)
_PLAIN_HEADERS_ARG = dataclasses.replace(
    _HEADERS_ARG,
    description="Extra request headers; they replace headers of the same name the method sets. "
    "A header given as None is left out (for example, no User-Agent).",
)


def _content_type_header(expr: str | None) -> tuple[WireValue, ...]:
    if expr is None:
        return ()
    return (WireValue(repr("Content-Type"), expr, expr, required=True),)


def _base_url(op: ir.Operation) -> str:
    client = "self._client._pipeline.base_url"
    if not op.server:
        return client
    if "://" in op.server:
        return repr(op.server)
    return f"_s.server_url({client}, {op.server!r})"


def operation_view(names: TypeNames, op: ir.Operation, *, is_async: bool) -> OperationView:
    taken = {p.py_name for p in method_parameters(op)}
    body = request_body_view(names, op, taken)
    args = _arguments(names, op, body.annotation)
    if body.content_type_arg is not None:
        args.append(body.content_type_arg)
    args.append(_HEADERS_ARG if names.api.azure else _PLAIN_HEADERS_ARG)
    args = optional_body_by_position(names.api, op, args)
    args, alias_reads = azure_mgmt_aliases(names.api, op, [*args, *call_arguments(names.api)])
    positional, keyword = split_arguments(args)
    compat = names.api.azure_compat
    result = result_view(names, op, is_async=is_async)
    form = form_view(names, op)
    return OperationView(
        template="operation_basic.py.jinja",
        py_name=op.py_name,
        summary=op.summary or op.description or op.operation_id,
        description=op.description if op.summary and op.description != op.summary else "",
        positional=positional,
        keyword=keyword,
        return_annotation=result.return_annotation,
        return_description=result.return_description,
        method=op.method.upper(),
        path=repr(op.path),
        path_values=by_location(names, op, ir.ParamLocation.PATH, ir.ParamLocation.HOST),
        query=by_location(names, op, ir.ParamLocation.QUERY),
        headers=by_location(names, op, ir.ParamLocation.HEADER)
        + _content_type_header(body.content_type),
        accept=repr(", ".join(op.produces) or "application/json"),
        json_expr=body.json_expr,
        content_expr=body.content_expr,
        success_codes=result.success_codes,
        error_map=result.error_map,
        default_error=result.default_error,
        branches=result.branches,
        fallback_expr=result.fallback_expr,
        checks=(*alias_reads, *flattened_body_setup(names, op), *checks(op)),
        body_setup=body.setup,
        call_headers=_HEADERS_ARG.py_name,
        call_params="params" if compat else "",
        error_classes=", error_map" if compat else "",
        stream=result.stream,
        response_headers=result.response_headers,
        cls_annotation=(
            f"Callable[[httpx.Response, {result.return_annotation}, dict[str, Any]], _R]"
        ),
        form_keyword=form.keyword if form else "",
        form_annotation=form.annotation if form else "",
        form=form.fields if form else (),
        security=requirements_literal(names.api, op),
        cookies=by_location(names, op, ir.ParamLocation.COOKIE),
        base_url=_base_url(op),
    )
