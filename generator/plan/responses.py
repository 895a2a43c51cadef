"""What a generated method does with the response: the value per status code, the typed response
headers, and the exception for an error status."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.media import response_read
from generator.plan.pytypes import TypeNames

_NOT_FOUND = 404
_TEXT_PRIMITIVES = (ir.Primitive.STRING, ir.Primitive.UUID)


@dataclass(frozen=True)
class BranchView:
    codes: str  # a tuple literal of status codes
    expr: str


@dataclass(frozen=True)
class ResultView:
    return_annotation: str
    return_description: str
    success_codes: str  # a tuple literal
    error_map: str  # a dict literal: status code -> decoder of the error model
    default_error: str  # decoder of the default error model, or "None"
    branches: tuple[BranchView, ...]
    fallback_expr: str
    stream: bool
    response_headers: str  # a dict literal: wire name -> typed value


def _is_head(op: ir.Operation) -> bool:
    return op.method.upper() == "HEAD"


def _declares_not_found(op: ir.Operation) -> bool:
    return any(_NOT_FOUND in r.status_codes for r in op.responses)


def successes(op: ir.Operation) -> list[ir.Response]:
    """Responses the method returns normally; a HEAD operation's declared 404 answers False."""
    found = [r for r in op.responses if not r.is_error and r.status_codes]
    if _is_head(op):
        found += [r for r in op.responses if r.is_error and _NOT_FOUND in r.status_codes]
    return found


def _union(annotations: list[str]) -> str:
    unique = list(dict.fromkeys(annotations))
    if "None" in unique:
        unique = [a for a in unique if a != "None"] + ["None"]
    return " | ".join(unique) or "None"


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


def header_decoder(names: TypeNames, t: ir.TypeRef) -> str | None:
    """A callable turning a header's text into `t`; None keeps the text."""
    match t:
        case ir.PrimitiveType(primitive=ir.Primitive.BOOL):
            return "_s.deserialize_bool"
        case ir.PrimitiveType(primitive=p) if p in _TEXT_PRIMITIVES:
            return None
        case ir.ConstantType() | ir.ListType() | ir.DictType() | ir.AnyType():
            return None
        case _:
            return names.decoder(t)


def _headers_literal(names: TypeNames, responses: list[ir.Response]) -> str:
    entries: dict[str, str] = {}
    for r in responses:
        for h in r.headers:
            decoder = header_decoder(names, h.type)
            extra = f", {decoder}" if decoder else ""
            entries.setdefault(h.wire_name, f"_s.header_value(response, {h.wire_name!r}{extra})")
    return "{" + ", ".join(f"{wire!r}: {expr}" for wire, expr in entries.items()) + "}"


def result_view(names: TypeNames, op: ir.Operation, *, is_async: bool) -> ResultView:
    found = successes(op)
    error_map, default_error = _error_decoders(names, op)
    codes = sorted({c for r in found for c in r.status_codes}) or [200]
    headers = _headers_literal(names, found)
    description = next((r.description for r in found if r.type), "")
    if _is_head(op):
        fallback = "response.status_code != 404" if _declares_not_found(op) else "True"
        return ResultView(
            return_annotation="bool",
            return_description=description,
            success_codes=repr(tuple(codes)),
            error_map=error_map,
            default_error=default_error,
            branches=(),
            fallback_expr=fallback,
            stream=False,
            response_headers=headers,
        )
    reads: dict[str, list[int]] = {}
    annotations: list[str] = []
    stream = False
    for r in found:
        read = response_read(names, op, r, is_async=is_async)
        # A stream is already of its type; decoded values are cast to the declared one.
        typed = r.type is None or read.stream
        expr = read.expr if typed else f"_cast({read.annotation!r}, {read.expr})"
        reads.setdefault(expr, []).extend(r.status_codes)
        annotations.append(read.annotation)
        stream = stream or read.stream
    items = list(reads.items())
    fallback = items.pop()[0] if items else "None"
    branches = tuple(BranchView(repr(tuple(c)), expr) for expr, c in items)
    return ResultView(
        return_annotation=_union(annotations),
        return_description=description,
        success_codes=repr(tuple(codes)),
        error_map=error_map,
        default_error=default_error,
        branches=branches,
        fallback_expr=fallback,
        stream=stream,
        response_headers=headers,
    )
