"""Request and response bodies: how a payload is encoded and how a response is decoded."""

from __future__ import annotations

from generator import ir
from generator.pytypes import TypeNames, literal

_JSON_TYPES = ("application/json", "text/json")


def source_expr(p: ir.Parameter) -> str:
    """The expression of a parameter's value inside a generated method."""
    if isinstance(p.type, ir.ConstantType):
        return literal(p.type.value)
    return f"self._client.{p.py_name}" if p.client_level else p.py_name


def request_body(names: TypeNames, op: ir.Operation) -> tuple[str, str]:
    """The `json=` and `content=` expressions of the request ("None" when unused)."""
    for p in op.parameters:
        if p.location != ir.ParamLocation.BODY:
            continue
        source = source_expr(p)
        is_json = not p.content_types or any(c in _JSON_TYPES for c in p.content_types)
        if is_json and p.type != ir.PrimitiveType(ir.Primitive.BINARY):
            return names.encode(p.type, source, exclude_readonly="True"), "None"
        return "None", source
    return "None", "None"


def response_body(names: TypeNames, response: ir.Response) -> str:
    """The expression that decodes the body of `response` (a variable of that name)."""
    if response.type is None:
        return "None"
    if response.type == ir.PrimitiveType(ir.Primitive.BINARY):
        return "response.content"
    return names.decode(response.type, "_s.response_json(response)")
