"""The Azure compatibility surface of a method (`ir.Api.azure_compat`): the keyword arguments
azure-mgmt callers pass, and optional bodies they give by position. docs/azure-compat.md says
what each one does. Every argument is declared, so a misspelt keyword still raises TypeError.
"""

from __future__ import annotations

import dataclasses

from generator import ir, naming
from generator.plan.media import body_parameter
from generator.plan.params import ArgView, method_parameters

PARAMS = ArgView(
    "params",
    "Mapping[str, str] | None",
    " = None",
    "Extra query parameters; they replace parameters of the same name the method sets.",
)
ERROR_MAP = ArgView(
    "error_map",
    "Mapping[int, type[Exception]] | None",
    " = None",
    "Exception classes by status code, raised instead of the one this client picks; a class "
    "that is not one of this package's is raised as a subclass of both.",
)
LOGGING_ENABLE = ArgView(
    "logging_enable",
    "bool | None",
    " = None",
    "Accepted as azure-mgmt accepts it; requests and responses are logged at DEBUG on this "
    "package's logger, secrets redacted, whatever its value.",
)
POLLING = ArgView(
    "polling",
    "bool",
    " = True",
    "False: no status requests; the poller is done at once and its result is decoded from the "
    "first response.",
)


def call_arguments(api: ir.Api) -> list[ArgView]:
    """The per-call keywords every method of an Azure-compatible client takes."""
    return [PARAMS, ERROR_MAP, LOGGING_ENABLE] if api.azure_compat else []


def polling_arguments(api: ir.Api) -> list[ArgView]:
    return [POLLING] if api.azure_compat else []


def optional_body_by_position(api: ir.Api, op: ir.Operation, args: list[ArgView]) -> list[ArgView]:
    """azure-mgmt takes an optional body right after the required arguments, by position too
    (`begin_start(rg, name, instance_ids)`)."""
    body = body_parameter(op)
    if not api.azure_compat or body is None or body.required:
        return args
    return [
        dataclasses.replace(a, positional=True) if a.py_name == body.py_name and a.default else a
        for a in args
    ]


def azure_mgmt_aliases(
    api: ir.Api, op: ir.Operation, args: list[ArgView]
) -> tuple[list[ArgView], tuple[str, ...]]:
    """Optional arguments azure-mgmt names otherwise (`vm_instance_i_ds`) also answer to that
    name, as a keyword; the statements that take the value given under it."""
    if not api.azure_compat:
        return args, ()
    taken = {a.py_name for a in args}
    by_name = {a.py_name: a for a in args}
    aliases: list[ArgView] = []
    reads: list[str] = []
    for p in method_parameters(op):
        alias = naming.azure_mgmt_name(p.wire_name)
        arg = by_name.get(p.py_name)
        if alias is None or arg is None or not arg.default or alias in taken:
            continue
        taken.add(alias)
        annotation = arg.annotation if arg.default == " = None" else f"{arg.annotation} | None"
        description = f"{p.py_name} under the name azure-mgmt gives it."
        aliases.append(ArgView(alias, annotation, " = None", description))
        # The alias is cleared once read: a next-page request given both sees one value.
        value = f"_s.either({p.py_name!r}, {p.py_name}, {alias!r}, {alias})"
        reads.append(f"{p.py_name}, {alias} = {value}, None")
    return [*args, *aliases], tuple(reads)
