"""Package mode: the files that make a generated package an installable distribution.

pyproject.toml (hatchling, httpx as the only dependency) and README.md with one usage example per
operation, taken from the spec's examples. Paths are relative to the distribution's root; the
Python package sits next to them in `<package>/`.
"""

from __future__ import annotations

import json
import pprint
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator import ir
from generator.api.snapshot import method_parameters
from generator.plan import OutputFile
from generator.plan.security import per_scheme

HTTPX_REQUIREMENT = "httpx>=0.27,<1"
_DATE_VERSION = re.compile(r"(\d{4})-(\d{2})-(\d{2})(-[A-Za-z0-9.]+)?")
_NUMERIC_VERSION = re.compile(r"v?(\d+(?:\.\d+)*)")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class ArgumentView:
    name: str
    value: str  # Python source of the value, continuation lines already indented


@dataclass(frozen=True)
class UsageView:
    title: str  # markdown text of the heading: the method's path
    summary: str
    example: str  # the example's name, "" when the spec has none for this operation
    call: str  # `client.group.method`
    arguments: tuple[ArgumentView, ...]
    lead: str  # what stands before the call: an assignment or a `for` header
    tail: str  # what closes the call's line
    follow: tuple[str, ...]  # the lines that use the result
    fence: str  # a code fence longer than any run of backticks inside the example


@dataclass(frozen=True)
class ReadmeView:
    dist_name: str
    package: str
    title: str
    description: str
    api_version: str
    client_class: str
    credential_import: str  # a line for the usage example, "" when none is needed
    constructor: tuple[ArgumentView, ...]
    operations: tuple[UsageView, ...]


def dist_name(package: str) -> str:
    return package.replace("_", "-")


def dist_version(api_version: str, explicit: str | None = None) -> str:
    """A PEP 440 version: the explicit one, else one read from a date-like api-version."""
    if explicit:
        return explicit
    date = _DATE_VERSION.fullmatch(api_version)
    if date:
        year, month, day, suffix = date.groups()
        return f"{int(year)}.{int(month)}.{int(day)}" + ("b1" if suffix else "")
    numeric = _NUMERIC_VERSION.fullmatch(api_version)
    return numeric.group(1) if numeric else "0.1.0"


def plan_distribution(
    api: ir.Api, package: str, version: str | None, generator_version: str
) -> list[OutputFile]:
    common = {"generator_version": generator_version, "api_version": api.api_version}
    project = {
        "name": toml_string(dist_name(package)),
        "version": toml_string(dist_version(api.api_version, version)),
        "description": toml_string(_one_line(api.title) or package),
        "package": toml_string(package),
        "httpx": toml_string(HTTPX_REQUIREMENT),
    }
    readme = {**common, "readme": _readme(api, package)}
    return [
        OutputFile("pyproject.toml", "dist_pyproject.toml.jinja", {**common, "project": project}),
        OutputFile("README.md", "dist_readme.md.jinja", readme),
    ]


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in _CONTROL.sub(" ", text) if unicodedata.category(c) != "Cs")


def _one_line(text: str) -> str:
    return " ".join(_clean(text).split())


def toml_string(text: str) -> str:
    """A TOML basic string: JSON escapes are valid TOML once lone surrogates are gone."""
    return json.dumps(_one_line(text), ensure_ascii=False)


def _python_value(value: object, indent: int) -> str:
    text = pprint.pformat(value, width=88 - indent, sort_dicts=False)
    return text.replace("\n", "\n" + " " * indent)


def _fence(*texts: str) -> str:
    longest = max((len(run) for t in texts for run in re.findall(r"`+", t)), default=0)
    return "`" * max(3, longest + 1)


def _example_values(example: ir.Example | None) -> dict[str, object]:
    if example is None:
        return {}
    return {v.name: json.loads(v.json) for v in example.parameters}


def _argument(api: ir.Api, p: ir.Parameter, values: Mapping[str, object]) -> ArgumentView | None:
    if p.wire_name not in values:
        return ArgumentView(p.py_name, "...") if p.required and not p.has_default else None
    value = values[p.wire_name]
    if isinstance(p.type, ir.ModelType) and isinstance(value, dict):
        cls = api.model(p.type.name).py_name
        return ArgumentView(p.py_name, f"models.{cls}.from_dict({_python_value(value, 4)})")
    return ArgumentView(p.py_name, _python_value(value, 4))


def _usage(api: ir.Api, group: ir.OperationGroup, op: ir.Operation) -> UsageView:
    example = op.examples[0] if op.examples else None
    values = _example_values(example)
    found = (_argument(api, p, values) for p in method_parameters(op))
    arguments = tuple(a for a in found if a is not None)
    call = f"client.{group.py_attr}.{op.py_name}" if group.py_attr else f"client.{op.py_name}"
    lead, tail, follow = _use_of_result(op)
    return UsageView(
        title=f"`{call}`",
        summary=_one_line(op.summary or op.description),
        example=_one_line(example.name) if example else "",
        call=call,
        arguments=arguments,
        lead=lead,
        tail=tail,
        follow=follow,
        fence=_fence(*(a.value for a in arguments)),
    )


def _use_of_result(op: ir.Operation) -> tuple[str, str, tuple[str, ...]]:
    """How the example uses what the method returns: a pager is iterated, a poller waited on.

    The parts are what stands before the call, what closes its line, and the lines after it.
    """
    if op.paging is not None:
        return "for item in ", ":", ("    print(item)",)
    returns_value = any(r.type is not None for r in op.responses if not r.is_error)
    if op.long_running is not None:
        if returns_value:
            return "poller = ", "", ("result = poller.result()", "print(result)")
        return "poller = ", "", ("poller.result()",)
    if returns_value:
        return "result = ", "", ("print(result)",)
    return "", "", ()


def _first_values(api: ir.Api) -> dict[str, object]:
    """The first example value of each parameter name, across all operations."""
    found: dict[str, object] = {}
    for group in api.groups:
        for op in group.operations:
            for example in op.examples:
                for name, value in _example_values(example).items():
                    found.setdefault(name, value)
    return found


def _credential_example(scheme: ir.SecurityScheme, azure: bool) -> str:
    if isinstance(scheme, ir.ApiKeyScheme):
        return repr("<api key>")
    if isinstance(scheme, ir.HttpScheme) and scheme.scheme == "basic":
        return repr(("<user name>", "<password>"))
    return "DefaultAzureCredential()" if azure else repr("<access token>")


def _constructor(api: ir.Api) -> Iterator[ArgumentView]:
    for scheme in api.security:
        name = scheme.py_name if per_scheme(api) else "credential"
        yield ArgumentView(name, _credential_example(scheme, api.azure))
        break
    values = _first_values(api)
    for p in api.client_parameters:
        if p.required and not p.has_default:
            value = values.get(p.wire_name)
            text = "..." if value is None else _python_value(value, 4)
            yield ArgumentView(p.py_name, text)


def _readme(api: ir.Api, package: str) -> ReadmeView:
    # Azure AD tokens come from azure.identity; elsewhere the example passes a token string.
    oauth = (
        api.azure
        and bool(api.security)
        and not per_scheme(api)
        and isinstance(api.security[0], ir.OAuth2Scheme)
    )
    credential_import = (
        "from azure.identity import DefaultAzureCredential  # or any object with get_token(*scopes)"
        if oauth
        else ""
    )
    return ReadmeView(
        dist_name=dist_name(package),
        package=package,
        title=_one_line(api.title) or package,
        description=_clean(api.description).strip(),
        api_version=_one_line(api.api_version),
        client_class=api.client_name,
        credential_import=credential_import,
        constructor=tuple(_constructor(api)),
        operations=tuple(_usage(api, g, op) for g in api.groups for op in g.operations),
    )
