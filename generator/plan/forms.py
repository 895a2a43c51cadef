"""Form bodies: `formData` parameters sent as urlencoded fields or as multipart parts.

Each parameter adds its pairs to a `_form` list the method builds before sending; the pipeline
encodes the list (`form=` or `multipart=`). Files (`type: file`) make the body multipart.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.body import source_expr
from generator.plan.params import string_expr
from generator.plan.pytypes import TypeNames

FORM_FILE = "_s.FormFile"
_BINARY = ir.PrimitiveType(ir.Primitive.BINARY)
_MULTIPART = "multipart/form-data"
_URLENCODED = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class FormField:
    py_name: str  # the argument tested against None for an optional value
    required: bool
    statement: str  # adds the value's pairs to `_form`


@dataclass(frozen=True)
class FormView:
    keyword: str  # the pipeline's argument: "form" (urlencoded) or "multipart"
    annotation: str  # of the `_form` list
    fields: tuple[FormField, ...]


def form_parameters(op: ir.Operation) -> list[ir.Parameter]:
    return [p for p in op.parameters if p.location is ir.ParamLocation.FORM]


def is_file(p: ir.Parameter) -> bool:
    t = p.type
    return t == _BINARY or (isinstance(t, ir.ListType) and t.item == _BINARY)


def file_annotation(p: ir.Parameter) -> str | None:
    """The annotation of a file argument (None for other parameters)."""
    if not is_file(p):
        return None
    return f"list[{FORM_FILE}]" if isinstance(p.type, ir.ListType) else FORM_FILE


def _is_multipart(op: ir.Operation, params: list[ir.Parameter]) -> bool:
    """Files need multipart; otherwise the first form media type the operation consumes wins,
    and urlencoded when it names none (Swagger's default for formData)."""
    if any(is_file(p) for p in params):
        return True
    bases = [t.split(";", 1)[0].strip().lower() for t in op.consumes]
    form_types = [t for t in bases if t in (_MULTIPART, _URLENCODED)]
    return bool(form_types) and form_types[0] == _MULTIPART


def _is_structured(t: ir.TypeRef) -> bool:
    """An object, or an array of objects: a multipart body carries it as one JSON part."""
    if isinstance(t, ir.ListType):
        return _is_structured(t.item)
    return isinstance(t, ir.ModelType | ir.DictType)


def _statement(names: TypeNames, p: ir.Parameter, multipart: bool) -> str:
    wire = repr(p.wire_name)
    if multipart and _is_structured(p.type):
        encoded = names.encode(p.type, source_expr(p), exclude_readonly="True")
        return f"_form.append(({wire}, _s.json_part({encoded})))"
    if is_file(p):
        value = source_expr(p)
        if isinstance(p.type, ir.ListType):
            return f"_form.extend(({wire}, _s.form_file(item, {wire})) for item in {value})"
        return f"_form.append(({wire}, _s.form_file({value}, {wire})))"
    expr = string_expr(names, p)
    if isinstance(p.type, ir.ListType) and p.collection_format is ir.CollectionFormat.MULTI:
        return f"_form.extend(({wire}, item) for item in {expr})"
    return f"_form.append(({wire}, {expr}))"


def form_view(names: TypeNames, op: ir.Operation) -> FormView | None:
    params = form_parameters(op)
    if not params:
        return None
    multipart = _is_multipart(op, params)
    fields = tuple(
        FormField(
            source_expr(p),
            p.required or isinstance(p.type, ir.ConstantType),
            _statement(names, p, multipart),
        )
        for p in params
    )
    if multipart:
        return FormView("multipart", "list[tuple[str, str | _s.FilePart]]", fields)
    return FormView("form", "list[tuple[str, str]]", fields)
