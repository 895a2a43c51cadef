"""Request and response bodies: how a payload is encoded and how a response is decoded.

A body parameter marked `x-ms-client-flatten` is not an argument itself: the method takes the
properties of its model as arguments and builds the model from them first thing.
"""

from __future__ import annotations

import dataclasses
from typing import Protocol, TypeVar

from generator import ir, naming
from generator.plan.models import init_fields, is_xml_media, model_default
from generator.plan.pytypes import TypeNames, literal


class _Argument(Protocol):
    @property
    def py_name(self) -> str: ...


_A = TypeVar("_A", bound=_Argument)


def source_expr(p: ir.Parameter) -> str:
    """The expression of a parameter's value inside a generated method."""
    if isinstance(p.type, ir.ConstantType):
        return literal(p.type.value)
    return f"self._client.{p.py_name}" if p.client_level else p.py_name


def _body_parameter(op: ir.Operation) -> ir.Parameter | None:
    return next((p for p in op.parameters if p.location is ir.ParamLocation.BODY), None)


def flattened_body(op: ir.Operation) -> ir.Parameter | None:
    """The body parameter whose model's properties are the method's arguments, if any.

    In a parameter group the group carries the model, so the body is not flattened there.
    """
    p = _body_parameter(op)
    if p is None or not p.flatten or getattr(p, "group", None) is not None:
        return None
    return p if isinstance(p.type, ir.ModelType) else None


def _flattened_fields(
    names: TypeNames, op: ir.Operation, p: ir.Parameter
) -> list[tuple[ir.Field, str]]:
    """Each settable field of the body model with the argument name it gets."""
    assert isinstance(p.type, ir.ModelType)
    others = {q.py_name for q in op.parameters if q is not p}
    fields = init_fields(names.api, names.api.model(p.type.name))
    wanted = [naming.safe_identifier(f.py_name, naming.METHOD_RESERVED | others) for f in fields]
    return list(zip(fields, naming.unique_names(wanted, others), strict=True))


def flatten_body_arguments(names: TypeNames, op: ir.Operation, args: list[_A]) -> list[_A]:
    """`args` with the flattened body's argument replaced by one argument per model property."""
    p = flattened_body(op)
    if p is None:
        return args
    index = next((i for i, a in enumerate(args) if a.py_name == p.py_name), None)
    if index is None:
        return args
    template = args[index]
    replacement = [
        dataclasses.replace(template, **_argument(names, f, arg))  # type: ignore[type-var]
        for f, arg in _flattened_fields(names, op, p)
    ]
    return [*args[:index], *replacement, *args[index + 1 :]]


def _argument(names: TypeNames, f: ir.Field, arg: str) -> dict[str, str]:
    annotation = names.annotation(f.type)
    if isinstance(f.type, ir.EnumType):
        annotation = f"{annotation} | str"
    default = ""
    if not f.required or f.nullable:
        annotation = f"{annotation} | None"
        default = f" = {model_default(names, f)}"
    return dict(py_name=arg, annotation=annotation, default=default, description=f.description)


def flattened_body_setup(names: TypeNames, op: ir.Operation) -> tuple[str, ...]:
    """The statement that builds a flattened body from the method's arguments, under the body
    parameter's own name, so the rest of the method reads it like any argument."""
    p = flattened_body(op)
    if p is None:
        return ()
    assert isinstance(p.type, ir.ModelType)
    keywords = ", ".join(f"{f.py_name}={arg}" for f, arg in _flattened_fields(names, op, p))
    return (f"{p.py_name} = {names.model(p.type.name)}({keywords})",)


def _xml_root(names: TypeNames, t: ir.TypeRef) -> tuple[str, str]:
    """The node and root element name of an XML body (a model names its own root)."""
    if isinstance(t, ir.ListType):
        local = t.xml.name if t.xml is not None and t.xml.name else "List"
        return names.xml_node(t, wrapped=True, fallback="item"), names.xml_name(local, t.xml)
    return names.xml_node(t), ""


def request_body(names: TypeNames, op: ir.Operation) -> tuple[str, str]:
    """The `json=` and `content=` expressions of the request ("None" when unused)."""
    p = _body_parameter(op)
    if p is None:
        return "None", "None"
    source = source_expr(p)
    if p.type == ir.PrimitiveType(ir.Primitive.BINARY):
        return "None", source
    encoded = names.encode(p.type, source, exclude_readonly="True")
    if any(is_xml_media(t) for t in p.content_types or op.consumes):
        node, root = _xml_root(names, p.type)
        return "None", f"_x.dumps({encoded}, {node}{', ' + root if root else ''})"
    return encoded, "None"


def response_body(names: TypeNames, response: ir.Response) -> str:
    """The expression that decodes the body of `response` (a variable of that name)."""
    if response.type is None:
        return "None"
    if response.type == ir.PrimitiveType(ir.Primitive.BINARY):
        return "response.content"
    if any(is_xml_media(t) for t in response.content_types):
        node, _ = _xml_root(names, response.type)
        return names.decode(response.type, f"_x.loads(response.content, {node})")
    return names.decode(response.type, "_s.response_json(response)")
