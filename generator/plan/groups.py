"""Methods with parameter groups (x-ms-parameter-grouping): one argument per group.

The grouped parameters stop being arguments; the method takes the group's model instead and
reads each value from it at the start of its body, under the parameter's own name, so the rest of
the method is written as if the value had been an argument.
"""

from __future__ import annotations

import dataclasses

from generator import ir
from generator.plan.method import OperationView
from generator.plan.params import ArgView, split_arguments
from generator.plan.pytypes import TypeNames


def group_value(op: ir.Operation, p: ir.Parameter) -> str:
    """The expression of a grouped parameter's value, read from its group argument."""
    group = next(g for g in op.parameter_groups if g.model == p.group)
    if group.required:
        return f"{group.py_name}.{p.group_field}"
    return f"{group.py_name}.{p.group_field} if {group.py_name} is not None else None"


def _group_args(names: TypeNames, op: ir.Operation) -> list[ArgView]:
    args = []
    for g in op.parameter_groups:
        annotation = names.model(g.model)
        if g.required:
            args.append(ArgView(g.py_name, annotation, "", g.description))
        else:
            args.append(ArgView(g.py_name, f"{annotation} | None", " = None", g.description))
    return args


def grouped_view(names: TypeNames, op: ir.Operation, view: OperationView) -> OperationView:
    if not op.parameter_groups:
        return view
    grouped = [p for p in op.parameters if p.group is not None]
    hidden = {p.py_name for p in grouped}
    args = [a for a in (*view.positional, *view.keyword) if a.py_name not in hidden]
    args += _group_args(names, op)
    reads = tuple(f"{p.py_name} = {group_value(op, p)}" for p in grouped)
    positional, keyword = split_arguments(args)
    return dataclasses.replace(
        view,
        positional=positional,
        keyword=keyword,
        checks=(*reads, *view.checks),
    )
