"""The view of a long-running operation (x-ms-long-running-operation).

`begin_<name>` sends the first request and returns a poller (`runtime/polling.py`) whose result is
the decoded final response: the first success response of the operation that has a body type
(200, then 201, 202, 204), or None. A long-running pageable operation's result is the pager of
the final response. Two keywords join the method's arguments: `polling_interval` and
`continuation_token`. Status requests carry the x-ms-client-request-id the first request was
given (by the operation's own parameter or the per-call `headers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.body import source_expr
from generator.plan.compat import polling_arguments
from generator.plan.method import Context, OperationView, copy_fields, runtime_package
from generator.plan.paging import PagesView, pages_view
from generator.plan.params import ArgView
from generator.plan.pytypes import TypeNames

REQUEST_ID = "x-ms-client-request-id"
DEFAULT_POLLING_INTERVAL = 30.0
_RESULT_ORDER = (200, 201, 202, 204)


@dataclass(frozen=True, kw_only=True)
class LroView(OperationView):
    poller_class: str
    operation_id: str  # a string literal
    final_state_via: str  # a string literal or "None"
    polling_headers: str  # a dict expression
    polling: str  # the `polling` argument saying whether to poll, "" for none
    result_annotation: str
    result_expr: str  # decodes the final `response`
    # The function the poller decodes the final response with: `_decode`, or `_result` that
    # hands its value to `cls` (Azure-compatible clients).
    decode_name: str = "_decode"
    decoded: str = "_decode(response)"  # the result in `_result` ("None" for operations without)
    pages: PagesView | None = None


def _result_response(op: ir.Operation) -> ir.Response | None:
    successes = [r for r in op.responses if not r.is_error and r.status_codes]

    def rank(r: ir.Response) -> int:
        code = r.status_codes[0]
        return _RESULT_ORDER.index(code) if code in _RESULT_ORDER else len(_RESULT_ORDER)

    typed = sorted((r for r in successes if r.type is not None), key=rank)
    return typed[0] if typed else None


def _result(names: TypeNames, op: ir.Operation) -> tuple[str, str]:
    """The annotation of the result and the expression decoding it from `response`."""
    response = _result_response(op)
    if response is None or response.type is None:
        return "None", "None"
    annotation = names.annotation(response.type)
    expr = names.decode(response.type, "_s.response_json(response)")
    return annotation, f"_cast({annotation!r}, {expr})"


def _polling_headers(op: ir.Operation, view: OperationView) -> str:
    """The headers every status request carries: the x-ms-client-request-id of the first
    request, from the operation's own parameter or from the per-call `headers`."""
    own = next(
        (
            p
            for p in op.parameters
            if p.location is ir.ParamLocation.HEADER and p.wire_name.lower() == REQUEST_ID
        ),
        None,
    )
    if own is not None:
        value = source_expr(own)
        return f"_polling.request_id_headers({{{REQUEST_ID!r}: {value}}})"
    if any(a.py_name == "headers" for a in view.keyword):
        return "_polling.request_id_headers(headers)"
    return "{}"


def _polling_args() -> list[ArgView]:
    return [
        ArgView(
            "polling_interval",
            "float",
            f" = {DEFAULT_POLLING_INTERVAL!r}",
            "Seconds between two status requests when the service does not say (Retry-After).",
        ),
        ArgView(
            "continuation_token",
            "str | None",
            " = None",
            "Resume the operation a poller's continuation_token() describes, instead of "
            "starting it: nothing is sent to start it again.",
        ),
    ]


def lro_view(
    names: TypeNames, op: ir.Operation, basic: OperationView, context: Context
) -> OperationView:
    assert op.long_running is not None
    module = "aio_polling" if context.is_async else "polling"
    names.imports.name(f"{runtime_package(context.is_async)}_runtime", f"{module} as _polling")
    names.httpx()
    pages = None
    if op.paging is not None:
        pages = pages_view(names, op, basic, context, "(200,)")
        result_annotation = f"_paging.{pages.pager_class}[{pages.item_annotation}]"
        result_expr = f"_paging.{pages.pager_class}(response, _next_page, _extract)"
    else:
        result_annotation, result_expr = _result(names, op)
    poller = "AsyncLROPoller" if context.is_async else "LROPoller"
    via = op.long_running.final_state_via
    with_cls = names.api.azure_compat
    fields = copy_fields(basic)
    fields.update(
        template="operation_lro.py.jinja",
        keyword=(*basic.keyword, *polling_arguments(names.api), *_polling_args()),
        return_annotation=f"_polling.{poller}[{result_annotation}]",
        return_description="a poller; its result() waits for the operation to end and returns "
        + ("its result." if result_annotation != "None" else "None."),
        cls_annotation=(
            f"Callable[[httpx.Response, {result_annotation}, dict[str, Any]], _R]"
            if with_cls
            else ""
        ),
        cls_description="Called with the final response, the result and the typed response "
        "headers; its value is the poller's result.",
        cls_return=f"_polling.{poller}[_R]",
    )
    return LroView(
        **fields,  # type: ignore[arg-type]
        poller_class=poller,
        operation_id=repr(op.operation_id),
        final_state_via=repr(via.value) if via is not None else "None",
        polling_headers=_polling_headers(op, basic),
        polling="polling" if names.api.azure_compat else "",
        result_annotation=result_annotation,
        result_expr=result_expr,
        pages=pages,
        decode_name="_result" if with_cls else "_decode",
        decoded="None" if result_annotation == "None" else "_decode(response)",
    )
