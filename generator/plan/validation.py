"""Client-side validation: the spec's constraints as `_s.check(...)` calls.

Method arguments are checked by the operation (see `plan/params.py::checks`); a model sent as a body
is checked by its own straight-line `_validate(path)`, which descends into the models it holds,
so an error names the property's path from the argument (`body.child.count`).
"""

from __future__ import annotations

from generator import ir
from generator.plan.pytypes import literal

_NUMBERS = ("minimum", "maximum", "min_length", "max_length", "min_items", "max_items")
_FLAGS = ("exclusive_minimum", "exclusive_maximum", "unique_items")


def constraint_args(c: ir.Constraints) -> list[str]:
    """The keyword arguments of `_s.check` for the constraints `c` holds."""
    args: list[str] = []
    for name in _NUMBERS:
        value = getattr(c, name)
        if value is not None:
            args.append(f"{name}={literal(value)}")
    for name in _FLAGS:
        if getattr(c, name):
            args.append(f"{name}=True")
    if c.pattern is not None:
        args.append(f"pattern={literal(c.pattern)}")
    if c.multiple_of is not None:
        args.append(f"multiple_of={literal(c.multiple_of)}")
    return args


def holds_model(t: ir.TypeRef | None) -> bool:
    """Whether values of type `t` are or contain model instances (lists, dicts of models)."""
    match t:
        case ir.ModelType():
            return True
        case ir.ListType(item=item):
            return holds_model(item)
        case ir.DictType(value=value):
            return holds_model(value)
    return False


def _field_checks(f: ir.Field) -> list[str]:
    if isinstance(f.type, ir.ConstantType) or f.read_only:
        return []
    where = f"at + {f.py_name!r}"
    value = f"self.{f.py_name}"
    lines: list[str] = []
    args = constraint_args(f.constraints)
    if f.required and not f.nullable:
        args.insert(0, "required=True")
    if args:
        lines.append(f"_s.check({where}, {value}, {', '.join(args)})")
    if holds_model(f.type):
        lines.append(f"_s.validate_nested({where}, {value})")
    return lines


def model_checks(fields: list[ir.Field], bag: tuple[str, ir.TypeRef] | None) -> tuple[str, ...]:
    """The statements of a model's `_validate(path)`; none when nothing is constrained.

    `fields` are all the model's fields (inherited ones too); `bag` is the additional-properties
    field and its value type, if any.
    """
    lines = [line for f in fields for line in _field_checks(f)]
    if bag is not None and holds_model(bag[1]):
        lines.append(f"_s.validate_nested(at + {bag[0]!r}, self.{bag[0]})")
    if not lines:
        return ()
    return ('at = f"{path}." if path else ""', *lines)


def body_check(p: ir.Parameter, value: str, path: str) -> str | None:
    """The statement validating the models of a body argument before it is sent."""
    if not holds_model(p.type):
        return None
    return f"_s.validate_nested({path!r}, {value})"
