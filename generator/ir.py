"""The intermediate model: what the loader understood of a spec, as frozen dataclasses.

Nothing here reads files, renders templates or keeps raw spec dictionaries. Every Python name the
output uses is computed once (by the loader through `generator.naming`) and stored next to the wire
name it stands for. `to_json` dumps the whole model for `python -m generator ir SPEC`.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

JsonScalar = str | int | float | bool | None


@dataclass(frozen=True)
class Source:
    """Where something came from: the file (relative to the main spec) and JSON pointer."""

    file: str
    pointer: str


class Primitive(enum.StrEnum):
    STRING = "string"
    INT = "int"
    FLOAT = "float"
    DECIMAL = "decimal"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    DATETIME_RFC1123 = "datetime-rfc1123"
    UNIXTIME = "unixtime"
    TIME = "time"
    DURATION = "duration"
    BYTES = "bytes"  # format: byte, base64 on the wire
    BASE64URL = "base64url"
    BINARY = "binary"  # a raw stream (format: binary / type: file)
    UUID = "uuid"  # kept as str in Python; the format is informative


@dataclass(frozen=True)
class PrimitiveType:
    primitive: Primitive
    kind: Literal["primitive"] = "primitive"


@dataclass(frozen=True)
class ModelType:
    name: str  # key into Api.models (Model.name)
    kind: Literal["model"] = "model"


@dataclass(frozen=True)
class EnumType:
    name: str  # key into Api.enums (Enum.name)
    kind: Literal["enum"] = "enum"


@dataclass(frozen=True)
class ConstantType:
    """A value fixed by the spec (a single-value enum that is required); never a method argument."""

    value: JsonScalar
    value_type: PrimitiveType
    kind: Literal["constant"] = "constant"


@dataclass(frozen=True)
class ListType:
    item: TypeRef
    kind: Literal["list"] = "list"
    xml: XmlInfo | None = None  # the array schema's `xml` (a root list's element name)
    item_xml: XmlInfo | None = None  # the items schema's `xml` (each item's element name)


@dataclass(frozen=True)
class DictType:
    value: TypeRef
    kind: Literal["dict"] = "dict"


@dataclass(frozen=True)
class AnyType:
    kind: Literal["any"] = "any"


@dataclass(frozen=True)
class UnionMapping:
    """One discriminator value and the member model it names."""

    value: str
    model: str  # Model.name of a member of the union


@dataclass(frozen=True)
class UnionType:
    """oneOf, anyOf or an OpenAPI 3.1 type list: a value is one of `members`.

    Null is never a member: like everywhere else it is the nullability of what holds the value.
    """

    name: str  # what messages call the union: its schema name, or where it is used
    members: tuple[TypeRef, ...]  # two or more, in the spec's order, no repeats
    discriminator: str | None = None  # wire name of the property whose value names the member
    mapping: tuple[UnionMapping, ...] = ()  # explicit entries first, then implicit ones
    # anyOf: a value several members fit alike is the first of them (JSON Schema allows a value
    # to match more than one); oneOf forbids that, so there such a value is an error
    first_match: bool = False
    kind: Literal["union"] = "union"


TypeRef = (
    PrimitiveType | ModelType | EnumType | ConstantType | ListType | DictType | AnyType | UnionType
)


@dataclass(frozen=True)
class Constraints:
    """Validation keywords of a schema; None where the spec says nothing."""

    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False
    exclusive_maximum: bool = False
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    unique_items: bool = False
    multiple_of: float | None = None


@dataclass(frozen=True)
class XmlInfo:
    name: str | None = None
    namespace: str | None = None
    prefix: str | None = None
    attribute: bool = False
    wrapped: bool = False
    text: bool = False  # x-ms-text


@dataclass(frozen=True)
class Field:
    wire_name: str  # the JSON property name (last element of wire_path)
    wire_path: tuple[str, ...]  # more than one element when flattened (x-ms-client-flatten)
    py_name: str
    type: TypeRef
    required: bool
    nullable: bool
    read_only: bool
    description: str
    source: Source
    default: JsonScalar = None
    has_default: bool = False
    constraints: Constraints = field(default_factory=Constraints)
    xml: XmlInfo | None = None


@dataclass(frozen=True)
class Model:
    name: str  # unique key: the definition name (or a name made up for an inline schema)
    py_name: str  # the class name
    module_name: str  # the file the class lives in, without .py
    description: str
    fields: tuple[Field, ...]  # own fields only; inherited ones live on the parents
    source: Source
    parents: tuple[str, ...] = ()  # Model.name of allOf parents, first is the base class
    discriminator: str | None = None  # wire name of the discriminator property (on the root)
    discriminator_value: str | None = None  # this model's value (x-ms-discriminator-value)
    subtypes: tuple[str, ...] = ()  # Model.name of direct children that have a discriminator value
    additional_properties: TypeRef | None = None  # the declared additionalProperties type
    is_error: bool = False  # used as an error response body
    xml: XmlInfo | None = None
    # The field that holds the additional properties: set on the model that declares
    # additionalProperties (not on its subclasses, which inherit the field), unique among fields.
    additional_properties_py_name: str = ""


@dataclass(frozen=True)
class EnumValue:
    value: str | int | float | bool
    py_name: str
    description: str = ""


@dataclass(frozen=True)
class Enum:
    name: str  # unique key (x-ms-enum name, or made up)
    py_name: str
    module_name: str
    value_type: Primitive  # STRING, INT, FLOAT or BOOL
    values: tuple[EnumValue, ...]
    extensible: bool  # x-ms-enum modelAsString: values the spec does not list are expected
    description: str
    source: Source


class ParamLocation(enum.StrEnum):
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    BODY = "body"
    FORM = "formData"
    HOST = "host"  # x-ms-parameterized-host / server variables
    COOKIE = "cookie"


class CollectionFormat(enum.StrEnum):
    CSV = "csv"
    SSV = "ssv"
    TSV = "tsv"
    PIPES = "pipes"
    MULTI = "multi"


@dataclass(frozen=True)
class Parameter:
    wire_name: str
    py_name: str
    location: ParamLocation
    type: TypeRef
    required: bool
    client_level: bool  # a property of the client, not an argument of the method
    description: str
    source: Source
    default: JsonScalar = None
    has_default: bool = False
    nullable: bool = False
    collection_format: CollectionFormat | None = None
    explode: bool = False
    skip_url_encoding: bool = False
    constraints: Constraints = field(default_factory=Constraints)
    flatten: bool = False  # x-ms-client-flatten on a body parameter
    content_types: tuple[str, ...] = ()  # body only: media types the operation accepts
    # x-ms-parameter-grouping: the value is passed as field `group_field` of the method argument
    # of model `group` (a Model.name); see Operation.parameter_groups.
    group: str | None = None
    group_field: str = ""
    secret: bool = False  # x-ms-secret: the value is kept out of logs and error messages


@dataclass(frozen=True)
class ResponseHeader:
    wire_name: str
    py_name: str
    type: TypeRef


@dataclass(frozen=True)
class Response:
    status_codes: tuple[int, ...]  # empty for the `default` response
    type: TypeRef | None
    is_error: bool  # default response, x-ms-error-response, or any 4xx/5xx
    description: str
    source: Source
    headers: tuple[ResponseHeader, ...] = ()
    content_types: tuple[str, ...] = ()


class FinalStateVia(enum.StrEnum):
    AZURE_ASYNC_OPERATION = "azure-async-operation"
    LOCATION = "location"
    ORIGINAL_URI = "original-uri"
    OPERATION_LOCATION = "operation-location"


@dataclass(frozen=True)
class LongRunning:
    final_state_via: FinalStateVia | None


@dataclass(frozen=True)
class Paging:
    item_name: str  # wire name of the array of items in a page ("value")
    next_link_name: str | None  # None: a single page
    next_operation_id: str | None = None  # x-ms-pageable operationName


@dataclass(frozen=True)
class ExampleValue:
    name: str
    json: str  # canonical JSON text of the value


@dataclass(frozen=True)
class ExampleResponse:
    status_code: int
    body_json: str | None  # canonical JSON text, None without a body
    headers: tuple[ExampleValue, ...] = ()


@dataclass(frozen=True)
class Example:
    name: str
    source: Source
    parameters: tuple[ExampleValue, ...]
    responses: tuple[ExampleResponse, ...]


@dataclass(frozen=True)
class ParameterGroup:
    """x-ms-parameter-grouping: values of several parameters passed as one model instance."""

    model: str  # Model.name of the class that holds the values
    py_name: str  # the method argument
    required: bool  # a grouped value is required, so the argument is too
    description: str


@dataclass(frozen=True)
class Operation:
    operation_id: str
    py_name: str  # snake_case, `begin_` prefixed for long-running operations
    method: str  # upper case: GET, PUT, ...
    path: str  # as in the spec, with {placeholders} of wire names
    summary: str
    description: str
    parameters: tuple[Parameter, ...]  # all of them, client-level ones included (client_level=True)
    responses: tuple[Response, ...]
    source: Source
    long_running: LongRunning | None = None
    paging: Paging | None = None
    examples: tuple[Example, ...] = ()
    deprecated: bool = False
    produces: tuple[str, ...] = ()
    consumes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # the spec's `tags`, for selecting operations by tag
    parameter_groups: tuple[ParameterGroup, ...] = ()  # in the order of their first parameter
    # The alternatives, any one of which authenticates the call (the operation's own `security`,
    # else the spec's). Empty: the call is sent without credentials.
    security: tuple[SecurityRequirement, ...] = ()
    # The operation's or its path's own `servers` (the first, variables at their defaults): the
    # base URL of this operation instead of the client's; relative to the client's when it has
    # no scheme. "" for the client's.
    server: str = ""


@dataclass(frozen=True)
class OperationGroup:
    name: str  # the part of operationId before `_`; "" for operations on the client itself
    py_attr: str  # attribute on the client: snake_case
    class_name: str  # PascalCase + "Operations"
    module_name: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class OAuth2Scheme:
    """oauth2 or openIdConnect: a token from a token credential, for the spec's scopes."""

    name: str
    scopes: tuple[str, ...]  # the credential scopes to ask a token for
    kind: Literal["oauth2"] = "oauth2"
    py_name: str = ""  # the client's keyword argument for it (all schemes but the Azure shape)
    openid: bool = False  # an openIdConnect scheme
    description: str = ""


@dataclass(frozen=True)
class ApiKeyScheme:
    name: str
    wire_name: str  # header, query parameter or cookie name
    location: Literal["header", "query", "cookie"]
    kind: Literal["apikey"] = "apikey"
    py_name: str = ""
    description: str = ""
    # written before the key ("Authorization: SharedAccessKey <key>"): an `http` scheme other
    # than basic or bearer is a key sent in the Authorization header after the scheme's name
    prefix: str = ""


@dataclass(frozen=True)
class HttpScheme:
    """`type: http`: basic (user name and password) or bearer (a static token or a credential)."""

    name: str
    scheme: Literal["basic", "bearer"]
    kind: Literal["http"] = "http"
    py_name: str = ""
    bearer_format: str = ""
    description: str = ""


SecurityScheme = OAuth2Scheme | ApiKeyScheme | HttpScheme
# One way to authenticate an operation: the names of the schemes that are all applied together.
SecurityRequirement = tuple[str, ...]


@dataclass(frozen=True)
class Host:
    """The base URL; `template` has {placeholders} named by `parameters` (parameterized hosts)."""

    template: str  # e.g. "https://management.azure.com" or "{endpoint}/v1"
    parameters: tuple[Parameter, ...] = ()
    use_scheme_host: bool = True  # the default endpoint comes from scheme + host


@dataclass(frozen=True)
class Api:
    title: str
    description: str
    api_version: str  # info.version
    client_name: str  # PascalCase class name of the client
    default_endpoint: str  # "" when the spec gives none
    host: Host
    client_parameters: tuple[Parameter, ...]  # client-level parameters, in signature order
    security: tuple[SecurityScheme, ...]
    groups: tuple[OperationGroup, ...]  # sorted by name; the "" group (client methods) first
    models: tuple[Model, ...]  # sorted by name
    enums: tuple[Enum, ...]  # sorted by name
    source_files: tuple[str, ...] = field(default=())  # every file read, relative to the main spec
    # Azure conventions apply (x-ms-* in the spec, Azure AD auth, or a setting): one positional
    # credential, the client request id header, azure.identity in the docs.
    azure: bool = False
    # The surface azure-mgmt callers use (base_url, polling, error_map, positional optional
    # bodies, errors that are azure-core's too): on for Azure specs unless a setting says.
    azure_compat: bool = False
    security_default: tuple[SecurityRequirement, ...] = ()  # the spec's top-level `security`
    # The scheme the Azure shape's one positional `credential` stands for; "" when the client
    # takes a keyword argument per scheme (SecurityScheme.py_name) instead.
    credential_scheme: str = ""

    def model(self, name: str) -> Model:
        return self._models_by_name[name]

    def enum(self, name: str) -> Enum:
        return self._enums_by_name[name]

    # Looked up once per type reference while planning: an index keeps that linear in spec size.
    @cached_property
    def _models_by_name(self) -> dict[str, Model]:
        return {m.name: m for m in self.models}

    @cached_property
    def _enums_by_name(self) -> dict[str, Enum]:
        return {e.name: e for e in self.enums}


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    return value


def to_json(api: Api, *, with_sources: bool = True) -> str:
    """The whole model as indented JSON; `with_sources=False` drops source locations."""
    data = _plain(api)
    if not with_sources:
        data = _drop_sources(data)
    return json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False)


def _drop_sources(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: _drop_sources(v) for k, v in value.items() if k not in ("source", "source_files")
        }
    if isinstance(value, list):
        return [_drop_sources(v) for v in value]
    return value
