"""Parameters: client-level or method-level, their types, defaults and serialization."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from generator import ir, naming
from generator.diagnostics import printable
from generator.loader.document import Node
from generator.loader.keywords import (
    constraints,
    is_nullable,
    scalar_default,
    source,
    spelled_scalar,
)
from generator.loader.schemas import SchemaReader
from generator.loader.spec import RawParameter

_JSON_SUFFIXES = ("/json", "+json")


@dataclass(frozen=True)
class ParamContext:
    operation: str  # PascalCase operation id: the base of made-up type names
    api_version: str  # info.version: the default of an `api-version` query parameter


# The parameters Azure's guidelines make client properties; every other one is the method's.
_AZURE_CLIENT_PARAMETERS = frozenset({"subscriptionid", "api-version"})


def is_client_level(raw: RawParameter, azure: bool = True, oas3: bool = False) -> bool:
    """A parameter marked `x-ms-parameter-location` is where it says. Otherwise, in an Azure spec,
    AutoRest's rule: one from a `parameters` section belongs to the client (subscriptionId,
    api-version, the endpoint), one written inline to the method. Elsewhere a shared parameter is
    just shared text: every parameter is the method's. A body never is the client's; OpenAPI 3
    server variables (host parameters without `in`) always are, and so is the endpoint a host
    template starts with as a whole authority ("{endpoint}/widgets", no scheme before it: TypeSpec
    writes it inline; "{account}{host}" is two values, whose first stays AutoRest's method one).

    OpenAPI 3 documents (TypeSpec's among them) put every named parameter in
    `components/parameters` and mark none with `x-ms-parameter-location`, so there a shared
    parameter goes to the client only when Azure makes it a client property: subscriptionId and
    api-version. A resource group or resource URI stays an argument of each method."""
    if raw.location in (ir.ParamLocation.BODY, ir.ParamLocation.FORM):
        return False
    where = raw.node.str_at("x-ms-parameter-location")
    if where:
        return where == "client"
    if _is_server_variable(raw) or raw.is_endpoint:
        return True
    if not (raw.from_section and azure):
        return False
    return not oas3 or raw.name.lower() in _AZURE_CLIENT_PARAMETERS


def wire_py_name(raw: RawParameter) -> str:
    return naming.parameter_name(raw.node.str_at("x-ms-client-name") or raw.name)


def build_parameter(
    schemas: SchemaReader, raw: RawParameter, context: ParamContext, *, client_level: bool
) -> ir.Parameter:
    """The parameter with a provisional py_name; the caller makes names unique in their scope."""
    node = raw.node
    resolved = schemas.spec.resolve(raw.schema) if raw.schema is not None else None
    schema = resolved if resolved is not None and resolved.is_dict() else node
    value_type = _type(schemas, raw, context)
    default, has_default = scalar_default(node)
    if not has_default:
        default, has_default = scalar_default(schema)
    if has_default:
        default, has_default = _fitting_default(schemas, (node, schema), value_type, default)
    if _is_api_version(raw, value_type, has_default):
        default, has_default = context.api_version, True
    description = node.str_at("description") or schema.str_at("description")
    return ir.Parameter(
        wire_name=raw.name,
        py_name=wire_py_name(raw),
        location=raw.location,
        type=value_type,
        required=raw.required,
        client_level=client_level,
        description=description,
        source=source(node),
        default=default,
        has_default=has_default,
        nullable=is_nullable(node) or is_nullable(schema),
        collection_format=raw.collection_format,
        explode=raw.explode,
        skip_url_encoding=node.bool_at("x-ms-skip-url-encoding") or _is_server_variable(raw),
        constraints=constraints(schema),
        flatten=raw.location is ir.ParamLocation.BODY and node.bool_at("x-ms-client-flatten"),
        content_types=raw.content_types,
        secret=node.bool_at("x-ms-secret") or schema.bool_at("x-ms-secret"),
    )


# Primitives whose Python value is not a JSON scalar: a default for them cannot be written as a
# literal of the argument's type.
_NOT_LITERAL = frozenset(
    {
        ir.Primitive.DECIMAL,
        ir.Primitive.DATE,
        ir.Primitive.DATETIME,
        ir.Primitive.DATETIME_RFC1123,
        ir.Primitive.UNIXTIME,
        ir.Primitive.TIME,
        ir.Primitive.DURATION,
        ir.Primitive.BYTES,
        ir.Primitive.BASE64URL,
        ir.Primitive.BINARY,
    }
)


def _fitting_default(
    schemas: SchemaReader,
    nodes: tuple[Node, Node],
    value_type: ir.TypeRef,
    default: ir.JsonScalar,
) -> tuple[ir.JsonScalar, bool]:
    """The default as a value of the argument's type. Published specs write numbers and booleans
    as strings (`type: integer, default: "3000000000"`): those are read as what they spell. A
    default that is not a literal of the Python type (a date, bytes) or does not fit it is left
    to the service, which applies its own default when the argument is not sent; a warning
    says so."""
    if not isinstance(value_type, ir.PrimitiveType):
        return default, True
    primitive = value_type.primitive
    converted = _converted(primitive, default)
    if converted is not None and primitive not in _NOT_LITERAL:
        return converted, True
    written = (n.get(key) for n in nodes for key in ("default", "x-ms-client-default"))
    at = next((found for found in written if found is not None), nodes[0])
    schemas.spec.warn(
        at,
        f"default {printable(repr(default))} is not written as a {primitive.value} argument's "
        "default; the argument is not sent unless given, and the service applies its default",
        "default-type",
    )
    return None, False


def _converted(primitive: ir.Primitive, value: ir.JsonScalar) -> ir.JsonScalar:
    """`value` as the JSON scalar the primitive's Python type holds; None when it is not one."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(value, str) and primitive in (
        ir.Primitive.BOOL,
        ir.Primitive.INT,
        ir.Primitive.FLOAT,
    ):
        return spelled_scalar(value.strip(), primitive)
    if primitive is ir.Primitive.BOOL:
        return value if isinstance(value, bool) else None
    if primitive is ir.Primitive.INT:
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value if number and isinstance(value, int) else None
    if primitive is ir.Primitive.FLOAT:
        return value if number else None
    if primitive in (ir.Primitive.STRING, ir.Primitive.UUID):
        return value if isinstance(value, str) else json.dumps(value)
    return value


def _is_server_variable(raw: RawParameter) -> bool:
    """OpenAPI 3 server variables are substituted as they are, like any part of a URL template."""
    return raw.location is ir.ParamLocation.HOST and not raw.node.str_at("in")


def _type(schemas: SchemaReader, raw: RawParameter, context: ParamContext) -> ir.TypeRef:
    if raw.schema is None:
        if any(m.split(";")[0].strip().endswith(_JSON_SUFFIXES) for m in raw.content_types):
            return ir.AnyType()
        return ir.PrimitiveType(ir.Primitive.BINARY)
    if raw.location is ir.ParamLocation.BODY:
        name = f"{context.operation}Request"
    else:
        name = naming.pascal_case(raw.name)
    return schemas.type_of(raw.schema, name, required=raw.required)


def _is_api_version(raw: RawParameter, value_type: ir.TypeRef, has_default: bool) -> bool:
    """An ARM-style api-version takes the spec's version unless the spec fixes another value."""
    return (
        raw.name == "api-version"
        and raw.location is ir.ParamLocation.QUERY
        and not has_default
        and value_type.kind != "constant"
        and raw.node.bool_at("x-ms-api-version", default=True)
    )


class ClientParameters:
    """Client-level parameters, one per wire name, named once for every operation that uses them."""

    def __init__(self) -> None:
        self._by_wire: dict[str, ir.Parameter] = {}

    def add(self, parameter: ir.Parameter) -> None:
        self._by_wire.setdefault(parameter.wire_name, parameter)

    def get(self, wire_name: str) -> ir.Parameter:
        return self._by_wire[wire_name]

    def __contains__(self, wire_name: str) -> bool:
        return wire_name in self._by_wire

    def finish(self) -> tuple[ir.Parameter, ...]:
        """Required parameters without a default first (they come first in a signature)."""
        ordered = sorted(self._by_wire.values(), key=lambda p: not _needs_value(p))
        # A host parameter may be the endpoint itself; nothing else the client takes.
        host_reserved = naming.CLIENT_RESERVED - {"endpoint"}
        reserved = [
            naming.safe_identifier(
                p.py_name,
                host_reserved if p.location is ir.ParamLocation.HOST else naming.CLIENT_RESERVED,
            )
            for p in ordered
        ]
        names = naming.unique_names(reserved)
        final = tuple(replace(p, py_name=n) for p, n in zip(ordered, names, strict=True))
        self._by_wire = {p.wire_name: p for p in final}
        return final

    def py_names(self) -> set[str]:
        return {p.py_name for p in self._by_wire.values()}


def _needs_value(parameter: ir.Parameter) -> bool:
    return parameter.required and not parameter.has_default and parameter.type.kind != "constant"


def unique_method_names(parameters: list[ir.Parameter], taken: set[str]) -> list[ir.Parameter]:
    names = naming.unique_names([p.py_name for p in parameters], taken)
    return [replace(p, py_name=n) for p, n in zip(parameters, names, strict=True)]
