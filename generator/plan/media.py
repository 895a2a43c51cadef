"""Media types: how a request body is sent and how a response body is read.

This module decides by media type (`consumes`/`produces`, OpenAPI 3 `content`): raw bytes, text,
files and streams are handled here; JSON and XML payloads are encoded and decoded by `plan/body.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.body import request_body, response_body, source_expr
from generator.plan.params import RAW_BODY, ArgView
from generator.plan.pytypes import TypeNames

_BINARY = ir.PrimitiveType(ir.Primitive.BINARY)
_STRING = ir.PrimitiveType(ir.Primitive.STRING)
JSON_DEFAULT = "application/json"
CONTENT_TYPE_ARG = "content_type"


@dataclass(frozen=True)
class RequestBodyView:
    json_expr: str  # "None" without a JSON body
    content_expr: str  # "None" without a raw body
    setup: str  # a statement run before sending ("" for none)
    content_type: str | None  # the Content-Type header expression; None: left to the transport
    content_type_arg: ArgView | None  # the keyword argument choosing among media types
    annotation: str | None  # replaces the annotation of the body argument


NO_BODY = RequestBodyView("None", "None", "", None, None, None)


def media_kind(media_type: str) -> str:
    """ "json", "xml", "text", "form" or "binary"."""
    base = media_type.split(";", 1)[0].strip().lower()
    if base in ("application/json", "text/json") or base.endswith("+json"):
        return "json"
    if base.endswith(("/xml", "+xml")):
        return "xml"
    if base.startswith("text/"):
        return "text"
    if base in ("multipart/form-data", "application/x-www-form-urlencoded"):
        return "form"
    return "binary"


def body_parameter(op: ir.Operation) -> ir.Parameter | None:
    return next((p for p in op.parameters if p.location is ir.ParamLocation.BODY), None)


def _takes_raw(p: ir.Parameter) -> bool:
    """Bytes, text and files go out as they are (a binary schema, or one that allows anything)."""
    return p.type == _BINARY or isinstance(p.type, ir.AnyType)


def request_body_view(names: TypeNames, op: ir.Operation, taken: set[str]) -> RequestBodyView:
    """`taken` holds the method's argument names, which the media type argument must avoid."""
    p = body_parameter(op)
    if p is None:
        return NO_BODY
    types = p.content_types or op.consumes or (JSON_DEFAULT,)
    if len(types) > 1:
        return _chosen_media(names, p, types, taken)
    return _single_media(names, op, p, types[0])


def _single_media(
    names: TypeNames, op: ir.Operation, p: ir.Parameter, media_type: str
) -> RequestBodyView:
    kind = media_kind(media_type)
    header = None if media_type == JSON_DEFAULT else repr(media_type)
    if kind in ("json", "xml", "form") and p.type != _BINARY:
        json_expr, content_expr = request_body(names, op)
        return RequestBodyView(json_expr, content_expr, "", header, None, None)
    annotation = RAW_BODY if _takes_raw(p) else None
    content = f"_s.raw_content({source_expr(p)})"
    return RequestBodyView("None", content, "", repr(media_type), None, annotation)


def _default_media(p: ir.Parameter, types: tuple[str, ...]) -> str:
    """A binary body defaults to the first non-JSON media type, anything else to JSON."""
    binary = p.type == _BINARY
    return next((t for t in types if (media_kind(t) == "json") != binary), types[0])


def _chosen_media(
    names: TypeNames, p: ir.Parameter, types: tuple[str, ...], taken: set[str]
) -> RequestBodyView:
    arg_name = CONTENT_TYPE_ARG if CONTENT_TYPE_ARG not in taken else f"body_{CONTENT_TYPE_ARG}"
    choices = ", ".join(types)
    arg = ArgView(
        arg_name,
        "str",
        f" = {_default_media(p, types)!r}",
        f"The media type of the request body, one of: {choices}.",
    )
    encoder = names.encoder(p.type, "True") or "_s.identity"
    setup = (
        f"_json_body, _raw_body = _s.encode_body({arg_name}, {source_expr(p)}, {encoder}, "
        f"text_is_raw={_takes_raw(p)!r})"
    )
    annotation = names.annotation(p.type)
    if p.type == _BINARY:
        annotation = RAW_BODY
    elif not isinstance(p.type, ir.AnyType):
        annotation = f"{annotation} | {RAW_BODY}"
    return RequestBodyView("_json_body", "_raw_body", setup, arg_name, arg, annotation)


@dataclass(frozen=True)
class ResponseRead:
    expr: str  # the value returned for the response (a variable named `response`)
    annotation: str
    stream: bool  # the body is streamed to the caller, not read by the transport


def response_read(
    names: TypeNames, op: ir.Operation, response: ir.Response, *, is_async: bool
) -> ResponseRead:
    if response.type is None:
        return ResponseRead("None", "None", False)
    if response.type == _BINARY:
        cls = "_s.AsyncResponseStream" if is_async else "_s.ResponseStream"
        return ResponseRead(f"{cls}(response)", cls, True)
    annotation = names.annotation(response.type)
    kinds = {media_kind(t) for t in response.content_types or op.produces}
    if response.type == _STRING and "text" in kinds and "json" not in kinds:
        return ResponseRead("_s.response_text(response)", annotation, False)
    return ResponseRead(response_body(names, response), annotation, False)
