"""Where the service lives (host, base path, server variables) and how clients authenticate."""

from __future__ import annotations

import dataclasses
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from generator import ir, naming
from generator.loader.document import AZURE_AD_HOSTS, Node
from generator.loader.spec import METHODS, RawParameter, Spec

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


@dataclass(frozen=True)
class Endpoint:
    template: str  # the base URL, with {placeholders} for host parameters
    default: str  # the base URL when every placeholder has a default; "" otherwise
    parameters: tuple[RawParameter, ...]
    from_scheme_host: bool
    host_name: str  # the host name, for Azure AD scopes; "" when unknown


def read_endpoint(spec: Spec) -> Endpoint:
    parameterized = spec.root.dict_at("x-ms-parameterized-host")
    if parameterized is not None:
        return _parameterized(spec, parameterized)
    if spec.flavor.is_oas3:
        return _servers(spec)
    host = spec.root.str_at("host")
    base_path = _base_path(spec.root)
    if not host:
        return Endpoint(base_path, "", (), True, "")
    url = f"{_scheme(spec.root)}://{host}{base_path}"
    return Endpoint(url, url, (), True, host)


def _base_path(root: Node) -> str:
    base = root.str_at("basePath")
    return "" if base in ("", "/") else base.rstrip("/")


def _scheme(root: Node) -> str:
    """https when offered; with no `schemes` at all, http (what AutoRest assumes)."""
    schemes = root.str_list_at("schemes")
    if "https" in schemes:
        return "https"
    return schemes[0] if schemes else "http"


def _parameterized(spec: Spec, node: Node) -> Endpoint:
    template = node.str_at("hostTemplate")
    if not template:
        raise node.error("missing required field 'hostTemplate'")
    if node.bool_at("useSchemePrefix", default=True):
        template = f"{_scheme(spec.root)}://{template}"
    template += _base_path(spec.root)
    params = node.list_at("parameters")
    raw = tuple(_host_parameter(spec, p) for p in params.elements()) if params else ()
    leading = re.match(r"\{([^{}]+)\}(?:/|$)", template)
    endpoint = leading.group(1) if leading is not None else None
    raw = tuple(dataclasses.replace(p, is_endpoint=p.name == endpoint) for p in raw)
    defaults = {p.name: _default_text(p) for p in raw}
    return Endpoint(template, _substitute(template, defaults), raw, False, "")


def _host_parameter(spec: Spec, written: Node) -> RawParameter:
    node = spec.resolve_dict(written, "a host parameter")
    name = node.str_at("name")
    if not name:
        raise node.error("missing required field 'name'")
    schema = node.get("schema") if spec.flavor.is_oas3 and node.has("schema") else node
    return RawParameter(
        node,
        name,
        ir.ParamLocation.HOST,
        node.bool_at("required", default=True),
        schema,
        from_section=written.key != node.key,
    )


def _default_text(raw: RawParameter) -> str | None:
    for holder in (raw.node, raw.schema):
        found = holder.get("default") if holder is not None and holder.is_dict() else None
        if found is not None and isinstance(found.value, str | int | float):
            return str(found.value)
    return None


def _substitute(template: str, values: dict[str, str | None]) -> str:
    """The template with every placeholder filled, or "" if one has no value."""
    missing = [n for n in _PLACEHOLDER.findall(template) if values.get(n) is None]
    if missing:
        return ""
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)] or "", template)


def _servers(spec: Spec) -> Endpoint:
    servers = spec.root.list_at("servers")
    first = next(servers.elements(), None) if servers is not None else None
    if first is None:
        return Endpoint("", "", (), True, "")
    if not first.is_dict():
        raise first.error("a server must be an object")
    url = first.str_at("url")
    variables = first.dict_at("variables")
    raw = tuple(_server_variable(n, v) for n, v in variables.items()) if variables else ()
    defaults = {p.name: _default_text(p) for p in raw}
    default = _substitute(url, defaults)
    if "://" not in default:
        default = ""  # a relative server URL: the caller must give the endpoint
    return Endpoint(url, default.rstrip("/"), raw, not raw, _host_of(default))


def _server_variable(name: str, node: Node) -> RawParameter:
    if not node.is_dict():
        raise node.error("a server variable must be an object")
    return RawParameter(node, name, ir.ParamLocation.HOST, True, node, from_section=False)


def _host_of(url: str) -> str:
    try:
        return urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""


@dataclass(frozen=True)
class SecurityInfo:
    schemes: tuple[ir.SecurityScheme, ...]  # in order of first use
    default: tuple[ir.SecurityRequirement, ...]  # the spec's top-level `security`
    # (file, pointer) of an operation -> its requirements, for operations with their own `security`
    by_operation: dict[tuple[str, str], tuple[ir.SecurityRequirement, ...]]

    def of(self, source: ir.Source) -> tuple[ir.SecurityRequirement, ...]:
        return self.by_operation.get((source.file, source.pointer), self.default)


# Constructor arguments a scheme's keyword must not take.
_CLIENT_ARGUMENTS = frozenset({"endpoint", "retry", "timeout", "transport", "credential", "self"})


def read_security(
    spec: Spec, endpoint: Endpoint, taken: frozenset[str] = frozenset()
) -> SecurityInfo:
    """The schemes the spec's requirements use (in order of first use) and the requirements of
    the spec and of each operation; `taken` holds client argument names the keywords must avoid.

    A requirement naming an undefined scheme, or one of a type no client can send (mutualTLS, an
    HTTP scheme other than basic and bearer), is left out with a warning; the other alternatives
    of the same `security` stay.
    """
    definitions = _definitions(spec)
    schemes: dict[str, ir.SecurityScheme | None] = {}
    scopes: dict[str, list[str]] = {}
    for name, wanted, _where in _requirements(spec):
        if name not in definitions:
            continue
        known = scopes.setdefault(name, [])
        known.extend(s for s in wanted if s not in known)
    for name, wanted in scopes.items():
        definition = spec.resolve_dict(definitions[name], "a security scheme")
        schemes[name] = _scheme_of(spec, name, definition, wanted, endpoint)
    usable = {n for n, s in schemes.items() if s is not None}
    default = _alternatives(spec, spec.root, definitions, usable)
    by_operation = {
        (op.file, op.pointer): _alternatives(spec, op, definitions, usable)
        for op in _operation_nodes(spec)
        if op.has("security")
    }
    found = [s for s in schemes.values() if s is not None]
    reserved = _CLIENT_ARGUMENTS | taken
    wanted_names = [naming.safe_identifier(naming.parameter_name(s.name), reserved) for s in found]
    py_names = naming.unique_names(wanted_names, reserved)
    named = tuple(dataclasses.replace(s, py_name=py) for s, py in zip(found, py_names, strict=True))
    return SecurityInfo(named, default, by_operation)


def _alternatives(
    spec: Spec, holder: Node, definitions: dict[str, Node], usable: set[str]
) -> tuple[ir.SecurityRequirement, ...]:
    listed = holder.list_at("security")
    result: list[ir.SecurityRequirement] = []
    for requirement in listed.elements() if listed is not None else ():
        names = tuple(name for name, _ in requirement.items()) if requirement.is_dict() else ()
        undefined = [n for n in names if n not in definitions]
        for name in undefined:
            spec.warn(
                requirement,
                f"security scheme '{name}' is not defined; requirement left out",
                "security",
            )
        if undefined or any(n not in usable for n in names):
            continue
        if names not in result:
            result.append(names)
    return tuple(result)


def _definitions(spec: Spec) -> dict[str, Node]:
    if spec.flavor.is_oas3:
        components = spec.root.dict_at("components")
        section = components.dict_at("securitySchemes") if components is not None else None
    else:
        section = spec.root.dict_at("securityDefinitions")
    return dict(section.items()) if section is not None else {}


def _operation_nodes(spec: Spec) -> Iterator[Node]:
    for section in ("paths", "x-ms-paths"):
        paths = spec.root.dict_at(section)
        for _, item in paths.items() if paths is not None else ():
            resolved = spec.resolve(item)
            for method in METHODS if resolved.is_dict() else ():
                op = resolved.get(method)
                if op is not None and op.is_dict():
                    yield op


def _requirements(spec: Spec) -> list[tuple[str, list[str], Node]]:
    """(scheme name, scopes, where it is written) of every security requirement."""
    result: list[tuple[str, list[str], Node]] = []
    for holder in [spec.root, *_operation_nodes(spec)]:
        listed = holder.list_at("security")
        for requirement in listed.elements() if listed is not None else ():
            if not requirement.is_dict():
                raise requirement.error("a security requirement must be an object")
            for name, where in requirement.items():
                result.append((name, requirement.str_list_at(name), where))
    return result


def _scheme_of(
    spec: Spec, name: str, node: Node, scopes: list[str], endpoint: Endpoint
) -> ir.SecurityScheme | None:
    kind = node.str_at("type")
    description = node.str_at("description")
    if kind == "oauth2":
        return ir.OAuth2Scheme(
            name, _oauth2_scopes(node, scopes, endpoint), description=description
        )
    if kind == "openIdConnect":
        return ir.OAuth2Scheme(name, tuple(scopes), openid=True, description=description)
    if kind == "apiKey":
        return _api_key(spec, name, node)
    if kind == "basic":  # Swagger 2.0
        return ir.HttpScheme(name, "basic", description=description)
    if kind == "http":
        scheme = node.str_at("scheme").lower()
        if scheme in ("basic", "bearer"):
            return ir.HttpScheme(
                name,
                "basic" if scheme == "basic" else "bearer",
                bearer_format=node.str_at("bearerFormat"),
                description=description,
            )
        written = node.str_at("scheme").strip()
        if written and " " not in written:
            return ir.ApiKeyScheme(
                name, "Authorization", "header", description=description, prefix=written
            )
        spec.warn(
            node, f"HTTP authentication '{scheme}' is not supported; scheme '{name}' left out"
        )
        return None
    spec.warn(node, f"security scheme type '{kind}' is not supported; scheme '{name}' left out")
    return None


def _api_key(spec: Spec, name: str, node: Node) -> ir.ApiKeyScheme | None:
    location = node.str_at("in")
    if location not in ("header", "query", "cookie"):
        spec.warn(node, f"apiKey in '{location}' is not supported; scheme '{name}' left out")
        return None
    wire = node.str_at("name")
    if not wire:
        raise node.error("missing required field 'name'")
    where: Literal["header", "query", "cookie"] = (
        "header" if location == "header" else "query" if location == "query" else "cookie"
    )
    return ir.ApiKeyScheme(name, wire, where, description=node.str_at("description"))


def _oauth2_scopes(node: Node, scopes: list[str], endpoint: Endpoint) -> tuple[str, ...]:
    urls = [node.str_at("authorizationUrl"), node.str_at("tokenUrl")]
    flows = node.dict_at("flows")
    declared = list(_scope_names(node))
    for _, flow in flows.items() if flows is not None else ():
        if flow.is_dict():
            urls += [flow.str_at("authorizationUrl"), flow.str_at("tokenUrl")]
            declared += [s for s in _scope_names(flow) if s not in declared]
    if any("://" in s for s in scopes):
        # The requirement names resource scopes itself ("https://vault.azure.net/.default").
        return tuple(scopes)
    if endpoint.host_name and any(_host_of(u) in AZURE_AD_HOSTS for u in urls):
        return (f"https://{endpoint.host_name}/.default",)
    return tuple(scopes or declared)


def _scope_names(node: Node) -> list[str]:
    scopes = node.dict_at("scopes")
    return [name for name, _ in scopes.items()] if scopes is not None else []


def operation_servers(spec: Spec) -> dict[tuple[str, str], str]:
    """(file, pointer) of an operation -> the base URL its own or its path's `servers` give."""
    found: dict[tuple[str, str], str] = {}
    if not spec.flavor.is_oas3:
        return found
    paths = spec.root.dict_at("paths")
    for _, item in paths.items() if paths is not None else ():
        resolved = spec.resolve(item)
        if not resolved.is_dict():
            continue
        shared = _first_server_url(spec, resolved)
        for method in METHODS:
            op = resolved.get(method)
            if op is None or not op.is_dict():
                continue
            url = _first_server_url(spec, op) or shared
            if url:
                found[(op.file, op.pointer)] = url
    return found


def _first_server_url(spec: Spec, holder: Node) -> str:
    servers = holder.list_at("servers")
    first = next(servers.elements(), None) if servers is not None else None
    if first is None or not first.is_dict():
        return ""
    url = first.str_at("url")
    variables = first.dict_at("variables")
    raw = tuple(_server_variable(n, v) for n, v in variables.items()) if variables else ()
    filled = _substitute(url, {p.name: _default_text(p) for p in raw})
    if not filled:
        spec.warn(first, "a server variable has no default; the client's endpoint is used instead")
    return filled.rstrip("/")
