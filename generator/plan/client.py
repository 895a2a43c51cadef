"""What the client template prints: the constructor, the auth policy and the operation groups."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.imports import ImportSet
from generator.plan.operations import group_class_name
from generator.plan.params import ArgView, check_statement
from generator.plan.pytypes import TypeNames, literal
from generator.plan.security import SecurityParam, security_view


@dataclass(frozen=True)
class GroupAttr:
    py_attr: str
    module: str
    class_name: str


@dataclass(frozen=True)
class ClientParamView:
    py_name: str
    annotation: str
    default: str
    description: str


@dataclass(frozen=True)
class ClientView:
    class_name: str
    description: str
    is_async: bool
    def_kw: str
    await_kw: str
    enter_name: str  # __enter__ or __aenter__
    exit_name: str
    imports: tuple[str, ...]
    typing_imports: tuple[str, ...]
    positional: tuple[ClientParamView, ...]  # after `self`, credential first when there is one
    keyword: tuple[ClientParamView, ...]
    assignments: tuple[str, ...]  # client attributes: names of client-level parameters
    checks: tuple[str, ...]  # statements validating the constructor's arguments
    auth_expr: str  # "None" without security
    base_url_expr: str
    pipeline_class: str
    retry_class: str
    transport_annotation: str
    bases: str
    groups: tuple[GroupAttr, ...]
    logger_name: str
    user_agent: str
    redact: tuple[str, ...]  # wire names of x-ms-secret headers and query parameters
    request_id: bool = True  # each call carries x-ms-client-request-id (Azure clients)


def client_views(api: ir.Api, package: str) -> tuple[ClientView, ClientView]:
    return _client_view(api, package, is_async=False), _client_view(api, package, is_async=True)


def _as_param(p: SecurityParam) -> ClientParamView:
    return ClientParamView(p.py_name, p.annotation, p.default, p.description)


def _client_param(names: TypeNames, p: ir.Parameter) -> ClientParamView:
    annotation = names.annotation(p.type)
    if isinstance(p.type, ir.EnumType):
        # As for method arguments: a value the enum does not list yet is accepted as str (and
        # the spec's default, a str, is then well typed).
        annotation = f"{annotation} | str"
    # The loader already gave an ARM-style api-version the spec's version as its default.
    default = p.default if p.has_default else None
    if default is not None:
        return ClientParamView(p.py_name, annotation, f" = {literal(default)}", p.description)
    if p.required:
        return ClientParamView(p.py_name, annotation, "", p.description)
    return ClientParamView(p.py_name, f"{annotation} | None", " = None", p.description)


def _host_value(p: ir.Parameter) -> str:
    # A constant is no client attribute (nobody sets it): its value goes in as it is.
    value = literal(p.type.value) if isinstance(p.type, ir.ConstantType) else f"self.{p.py_name}"
    return (
        f"{p.wire_name!r}: _s.quote_path(_s.to_query_value({value}), "
        f"skip_encoding={p.skip_url_encoding!r})"
    )


def _base_url(api: ir.Api, imports: ImportSet, dot: str) -> tuple[ClientParamView | None, str]:
    """Client-level host parameters are filled in here; method-level ones stay placeholders that
    each operation fills."""
    if api.host.parameters:
        imports.name(f"{dot}_runtime", "codec as _s")
        values = ", ".join(_host_value(p) for p in api.host.parameters if p.client_level)
        return None, f"_s.format_host({api.host.template!r}, {{{values}}})"
    default = f" = {literal(api.default_endpoint)}" if api.default_endpoint else ""
    param = ClientParamView("endpoint", "str", default, "The service URL.")
    return param, "endpoint"


def _base_url_alias(
    api: ir.Api, endpoint: ClientParamView | None, imports: ImportSet, dot: str
) -> tuple[ClientParamView, str] | None:
    """azure-mgmt clients take the service URL as `base_url`, after the required arguments;
    an Azure-compatible client takes it as another name for `endpoint`."""
    if not api.azure_compat or endpoint is None or not endpoint.default:
        return None
    imports.name(f"{dot}_runtime", "codec as _s")
    param = ClientParamView(
        "base_url", "str | None", " = None", "Another name for endpoint, as azure-mgmt has it."
    )
    default = endpoint.default.removeprefix(" = ")
    return param, f"_s.endpoint_or_base_url(endpoint, base_url, {default})"


def _settable(api: ir.Api) -> list[ir.Parameter]:
    """Client parameters the caller gives; a constant is sent as its value, never asked for."""
    return [p for p in api.client_parameters if not isinstance(p.type, ir.ConstantType)]


def _checks(api: ir.Api, imports: ImportSet, dot: str) -> tuple[str, ...]:
    found = [check_statement(p, p.py_name, module="_v") for p in _settable(api)]
    checks = tuple(c for c in found if c is not None)
    if checks:  # not through the codec, which constructing a client does not need
        imports.name(f"{dot}_runtime", "validation as _v")
    return checks


def _secret_names(api: ir.Api) -> tuple[str, ...]:
    """Headers and query parameters marked x-ms-secret, for the pipeline to redact."""
    names = {p.wire_name for p in api.client_parameters if p.secret}
    for group in api.groups:
        for op in group.operations:
            names.update(p.wire_name for p in op.parameters if p.secret)
    return tuple(sorted(names))


def _client_view(api: ir.Api, package: str, *, is_async: bool) -> ClientView:
    imports = ImportSet()
    imports.name("__future__", "annotations")
    imports.name("typing", "Any", "Self")
    imports.name("collections.abc", "Mapping", "Sequence")
    # httpx for annotations: a stand-in that imports httpx when read (the first request does)
    imports.name(f"{'..' if is_async else '.'}_runtime", "httpx_names as httpx")
    dot = ".." if is_async else "."
    pipeline_module = "aio_pipeline" if is_async else "pipeline"
    pipeline_class = "AsyncPipeline" if is_async else "Pipeline"
    imports.name(f"{dot}_runtime.{pipeline_module}", pipeline_class)
    imports.name(f"{dot}_runtime.pipeline", "RetryPolicy")
    names = TypeNames(api, imports, ".." if is_async else ".")
    security = security_view(api, is_async, imports)
    params = [_client_param(names, p) for p in _settable(api)]
    endpoint, base_url_expr = _base_url(api, imports, dot)
    credential = security.positional
    positional = [_as_param(credential)] if credential and not credential.default else []
    positional += [p for p in params if not p.default]
    keyword = [_as_param(credential)] if credential and credential.default else []
    keyword += [p for p in params if p.default]
    keyword += [_as_param(p) for p in security.keyword]
    if endpoint is not None:
        (keyword if endpoint.default else positional).insert(0, endpoint)
    alias = _base_url_alias(api, endpoint, imports, dot)
    if alias is not None:
        positional.append(alias[0])
        base_url_expr = alias[1]
    mixins = [g for g in api.groups if g.name == ""]
    for g in mixins:  # through the package, so that a customized mixin in _patch.py is used
        imports.name(".operations", group_class_name(api, g))
    if any(g.name for g in api.groups):
        # Groups are attributes made on first use. They are named through the operations package,
        # which imports each group module on first use: typing.get_type_hints resolves them, a
        # customized group in _patch.py is the one made, and the client module stays light.
        imports.name(".", "operations as _operations")
        imports.name("functools", "cached_property")
    checks = _checks(api, imports, dot)
    return ClientView(
        class_name=api.client_name,
        description=api.description or api.title,
        is_async=is_async,
        def_kw="async def" if is_async else "def",
        await_kw="await " if is_async else "",
        enter_name="__aenter__" if is_async else "__enter__",
        exit_name="__aexit__" if is_async else "__exit__",
        imports=tuple(imports.runtime_lines()),
        typing_imports=tuple(imports.typing_lines()),
        positional=tuple(positional),
        keyword=tuple(keyword),
        assignments=tuple(p.py_name for p in params),
        checks=checks,
        auth_expr=security.auth_expr,
        base_url_expr=base_url_expr,
        pipeline_class=pipeline_class,
        retry_class="RetryPolicy",
        transport_annotation="httpx.AsyncClient" if is_async else "httpx.Client",
        bases="(" + ", ".join(group_class_name(api, g) for g in mixins) + ")" if mixins else "",
        groups=tuple(
            GroupAttr(g.py_attr, g.module_name, g.class_name) for g in api.groups if g.name
        ),
        logger_name=package,
        redact=_secret_names(api),
        user_agent=f"{package}/{api.api_version} sdkforge",
        request_id=api.azure,
    )


__all__ = ["ArgView", "ClientView", "client_views"]
