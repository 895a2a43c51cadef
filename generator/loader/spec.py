"""Swagger 2.0 and OpenAPI 3.x brought to one shape: operations, parameters and responses.

The raw records below still point into the spec (`Node`s), but where 2.0 and 3.x differ (request
bodies, response content, parameter serialization, component sections) they have been made alike,
so the IR builders never look at the spec version.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace

from generator import ir, naming
from generator.diagnostics import Diagnostic, Severity
from generator.loader.document import DocumentStore, Node

METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")
_FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
_BODY_LOCATIONS = (ir.ParamLocation.BODY, ir.ParamLocation.FORM)
_SECTION_POINTER = {
    "2.0": re.compile(r"^/parameters/[^/]+$"),
    "3": re.compile(r"^/components/parameters/[^/]+$"),
}


class Flavor(enum.Enum):
    SWAGGER2 = "2.0"
    OPENAPI30 = "3.0"
    OPENAPI31 = "3.1"

    @property
    def is_oas3(self) -> bool:
        return self is not Flavor.SWAGGER2


@dataclass(frozen=True)
class RawParameter:
    node: Node  # the parameter object (or request body, or form property), $ref followed
    name: str
    location: ir.ParamLocation
    required: bool
    schema: Node | None  # for a 2.0 non-body parameter, the parameter object itself
    from_section: bool  # written as a $ref into a `parameters` section
    collection_format: ir.CollectionFormat | None = None
    explode: bool = False
    content_types: tuple[str, ...] = ()
    # the host template's leading placeholder with no scheme before it: the service endpoint
    is_endpoint: bool = False


@dataclass(frozen=True)
class RawResponse:
    node: Node
    key: str  # "200", "default", ...
    schema: Node | None
    content_types: tuple[str, ...]
    headers: tuple[tuple[str, Node], ...]  # header name and the schema describing its value


@dataclass(frozen=True)
class RawOperation:
    node: Node
    path: str
    method: str
    operation_id: str  # as written, or made from method and path (see `named`)
    parameters: tuple[RawParameter, ...]
    responses: tuple[RawResponse, ...]
    consumes: tuple[str, ...]
    produces: tuple[str, ...]
    named: bool = True  # the spec gives the operationId


@dataclass
class Spec:
    """The main document, its version, and the shared reading context."""

    root: Node
    flavor: Flavor
    store: DocumentStore
    warnings: list[Diagnostic] = field(default_factory=list)
    azure: bool = False  # Azure conventions apply (see ir.Api.azure)

    def warn(self, node: Node, message: str, kind: str = "") -> None:
        self.warnings.append(Diagnostic(Severity.WARNING, node.file, node.pointer, message, kind))

    def resolve(self, node: Node) -> Node:
        return self.store.resolve(node)

    def resolve_dict(self, node: Node, what: str) -> Node:
        resolved = self.store.resolve(node)
        if not resolved.is_dict():
            raise resolved.error(f"{what} must be an object")
        return resolved


def detect_flavor(root: Node) -> Flavor:
    if not root.is_dict():
        raise root.error("a spec must be a JSON or YAML object")
    if root.has("swagger"):
        version = _version_text(root, "swagger")
        if version != "2.0":
            raise root.error(f"unsupported Swagger version '{version}' (expected 2.0)", "swagger")
        return Flavor.SWAGGER2
    if root.has("openapi"):
        version = _version_text(root, "openapi")
        if re.fullmatch(r"3\.0(\.\d+)?", version):
            return Flavor.OPENAPI30
        if re.fullmatch(r"3\.1(\.\d+)?", version):
            return Flavor.OPENAPI31
        raise root.error(
            f"unsupported OpenAPI version '{version}' (expected 3.0.x or 3.1.x)", "openapi"
        )
    raise root.error("missing required field 'swagger' or 'openapi' (the spec version)")


def _version_text(root: Node, key: str) -> str:
    found = root.get(key)
    assert found is not None
    if isinstance(found.value, bool) or not isinstance(found.value, str | int | float):
        raise found.error(f"'{key}' must be a version string")
    return str(found.value)


def require_dict(node: Node, key: str) -> Node:
    found = node.dict_at(key)
    if found is None:
        raise node.error(f"missing required field '{key}'")
    return found


def operations(spec: Spec) -> list[RawOperation]:
    """Every operation under `paths` (and `x-ms-paths`), each with a unique operation id: one the
    spec leaves out is made from the method and path, a repeated one gets a numeric suffix."""
    result: list[RawOperation] = []
    for section in ("paths", "x-ms-paths"):
        paths = spec.root.dict_at(section)
        if paths is None:
            continue
        for path, item in paths.items():
            result.extend(_path_operations(spec, path, spec.resolve_dict(item, "a path item")))
    return _unique_ids(spec, result)


def _unique_ids(spec: Spec, found: list[RawOperation]) -> list[RawOperation]:
    """Operation ids as written where they are unique. Operations that repeat one are told apart
    by the words of their paths that differ (`Explode_Array` at /path/label/explode/array and
    /query/query-expansion/explode/array become `Explode_Array_PathLabel` and
    `Explode_Array_QueryQueryExpansion`), so the names do not depend on the order of the paths;
    where the paths do not tell them apart, later ones get a numeric suffix."""
    qualified = _qualified_duplicates(found)
    written = {raw.operation_id for raw in found if raw.named}
    taken: set[str] = set()
    result: list[RawOperation] = []
    for index, raw in enumerate(found):
        wanted = raw.operation_id if raw.named else naming.route_operation_id(raw.method, raw.path)
        wanted = qualified.get(index, wanted)

        def is_taken(name: str, own: str = wanted) -> bool:
            return name in taken or (name != own and name in written)

        unique = naming.free_name(wanted, is_taken)
        if raw.named and unique != raw.operation_id:
            spec.warn(
                raw.node.get("operationId") or raw.node,
                f"duplicate operationId '{raw.operation_id}'; this operation is named '{unique}'",
                "duplicate-operation-id",
            )
        taken.add(unique)
        result.append(replace(raw, operation_id=unique))
    return result


def _qualified_duplicates(found: list[RawOperation]) -> dict[int, str]:
    """Index -> operation id qualified by its path, for every operation whose written id
    another one repeats and whose path tells it apart from theirs."""
    by_id: dict[str, list[int]] = {}
    for index, raw in enumerate(found):
        if raw.named:
            by_id.setdefault(raw.operation_id, []).append(index)
    qualified: dict[int, str] = {}
    for operation_id, indexes in by_id.items():
        if len(indexes) < 2:
            continue
        qualifiers = _distinguishing_words([found[i] for i in indexes])
        if qualifiers is None:
            continue
        for index, qualifier in zip(indexes, qualifiers, strict=True):
            if qualifier:
                qualified[index] = f"{operation_id}_{qualifier}"
    return qualified


def _distinguishing_words(operations: list[RawOperation]) -> list[str] | None:
    """PascalCase words of each operation's path that the others do not share at that place
    (the common beginning and end left out), with the method where only it differs; None when
    that does not tell every operation apart."""
    paths = [_path_words(raw.path) for raw in operations]
    head = _common_length(paths)
    tail = _common_length([words[head:][::-1] for words in paths])
    middles = [words[head : len(words) - tail] for words in paths]
    qualifiers = [naming.pascal_case(" ".join(words)) if words else "" for words in middles]
    if len(set(qualifiers)) < len(qualifiers):
        qualifiers = [
            naming.pascal_case(" ".join([raw.method.lower(), *words]))
            for raw, words in zip(operations, middles, strict=True)
        ]
    return qualifiers if len(set(qualifiers)) == len(qualifiers) else None


def _path_words(path: str) -> list[str]:
    """The literal segments of a path ("/a/{id}/b?x=1" -> ["a", "b"])."""
    segments = (re.sub(r"\{[^}]*\}", "", s) for s in path.split("?", 1)[0].split("/"))
    return [s for s in segments if s]


def _common_length(lists: list[list[str]]) -> int:
    length = 0
    for items in zip(*lists, strict=False):
        if len(set(items)) > 1:
            break
        length += 1
    return length


def _path_operations(spec: Spec, path: str, item: Node) -> list[RawOperation]:
    shared = _parameters(spec, item, ())
    result: list[RawOperation] = []
    for method in METHODS:
        op = item.get(method)
        if op is None:
            continue
        if not op.is_dict():
            raise op.error("an operation must be an object")
        result.append(_operation(spec, path, method, op, shared))
    return result


def _operation(
    spec: Spec, path: str, method: str, op: Node, shared: list[RawParameter]
) -> RawOperation:
    operation_id = op.str_at("operationId")
    responses = op.dict_at("responses")
    if responses is None and spec.flavor is not Flavor.OPENAPI31:
        spec.warn(op, "missing required field 'responses'; no response is known", "no-responses")
    consumes = _media_types(spec, op, "consumes")
    own = _parameters(spec, op, consumes)
    own_keys = {(p.name, p.location) for p in own}
    merged = [p for p in shared if (p.name, p.location) not in own_keys] + own
    body = op.get("requestBody") if spec.flavor.is_oas3 else None
    if body is not None:
        body_params, consumes = _request_body(spec, spec.resolve_dict(body, "a request body"))
        merged.extend(body_params)
    elif not any(p.location in _BODY_LOCATIONS for p in merged):
        consumes = ()  # media types only mean something for an operation that sends a body
    raw_responses = tuple(
        _response(spec, key, spec.resolve_dict(node, "a response"), op)
        for key, node in (responses.items() if responses is not None else ())
        if not key.startswith("x-")
    )
    return RawOperation(
        node=op,
        path=path,
        method=method.upper(),
        operation_id=operation_id,
        named=bool(operation_id),
        parameters=tuple(merged),
        responses=raw_responses,
        consumes=consumes,
        produces=_produces(spec, op, raw_responses),
    )


def _media_types(spec: Spec, op: Node, key: str) -> tuple[str, ...]:
    if spec.flavor.is_oas3:
        return ()
    if op.has(key):
        return tuple(op.str_list_at(key))
    return tuple(spec.root.str_list_at(key))


def _produces(spec: Spec, op: Node, responses: tuple[RawResponse, ...]) -> tuple[str, ...]:
    if not spec.flavor.is_oas3:
        has_body = any(r.schema is not None for r in responses)
        return _media_types(spec, op, "produces") if has_body else ()
    seen: dict[str, None] = {}
    for response in responses:
        seen.update(dict.fromkeys(response.content_types))
    return tuple(seen)


def _parameters(spec: Spec, owner: Node, consumes: tuple[str, ...]) -> list[RawParameter]:
    params = owner.list_at("parameters")
    if params is None:
        return []
    result: list[RawParameter] = []
    for written in params.elements():
        param = _parameter(spec, written, consumes)
        if param is not None:
            result.append(param)
    return result


def _parameter(spec: Spec, written: Node, consumes: tuple[str, ...]) -> RawParameter | None:
    node = spec.resolve_dict(written, "a parameter")
    name = node.str_at("name")
    if not name.strip():
        what = "an empty 'name'" if node.has("name") else "no 'name'"
        spec.warn(node, f"a parameter with {what} cannot be sent; it is left out", "parameter-name")
        return None
    where = node.str_at("in")
    if not where:
        raise node.error("missing required field 'in'")
    pattern = _SECTION_POINTER["3" if spec.flavor.is_oas3 else "2.0"]
    from_section = written.key != node.key and bool(pattern.match(node.pointer))
    if spec.flavor.is_oas3:
        return _parameter3(spec, node, name, where, from_section)
    return _parameter2(node, name, where, from_section, consumes)


_LOCATIONS_2 = {
    "path": ir.ParamLocation.PATH,
    "query": ir.ParamLocation.QUERY,
    "header": ir.ParamLocation.HEADER,
    "body": ir.ParamLocation.BODY,
    "formData": ir.ParamLocation.FORM,
}
_LOCATIONS_3 = {
    "path": ir.ParamLocation.PATH,
    "query": ir.ParamLocation.QUERY,
    "header": ir.ParamLocation.HEADER,
    "cookie": ir.ParamLocation.COOKIE,
}


def _location(node: Node, where: str, table: dict[str, ir.ParamLocation]) -> ir.ParamLocation:
    location = table.get(where)
    if location is None:
        expected = ", ".join(table)
        raise node.error(f"unknown parameter location '{where}' (expected one of {expected})", "in")
    return location


def _parameter2(
    node: Node, name: str, where: str, from_section: bool, consumes: tuple[str, ...]
) -> RawParameter:
    location = _location(node, where, _LOCATIONS_2)
    required = node.bool_at("required") or location is ir.ParamLocation.PATH
    if location is ir.ParamLocation.BODY:
        schema = node.get("schema")
        if schema is None:
            raise node.error("missing required field 'schema' (a body parameter needs one)")
        return RawParameter(
            node,
            name,
            location,
            required,
            schema,
            from_section,
            content_types=consumes or ("application/json",),
        )
    fmt, explode = _collection_format2(node)
    return RawParameter(node, name, location, required, node, from_section, fmt, explode)


def _collection_format2(node: Node) -> tuple[ir.CollectionFormat | None, bool]:
    if node.str_at("type") != "array":
        return None, False
    text = node.str_at("collectionFormat", "csv")
    try:
        fmt = ir.CollectionFormat(text)
    except ValueError:
        raise node.error(f"unknown collectionFormat '{text}'", "collectionFormat") from None
    return fmt, fmt is ir.CollectionFormat.MULTI


def _parameter3(
    spec: Spec, node: Node, name: str, where: str, from_section: bool
) -> RawParameter | None:
    location = _location(node, where, _LOCATIONS_3)
    required = node.bool_at("required") or location is ir.ParamLocation.PATH
    schema = node.get("schema")
    if schema is None:
        content = node.dict_at("content")
        schema = _content_schema(spec, content)[0] if content is not None else None
    fmt, explode = _style3(spec, node, location, schema)
    return RawParameter(node, name, location, required, schema, from_section, fmt, explode)


def _style3(
    spec: Spec, node: Node, location: ir.ParamLocation, schema: Node | None
) -> tuple[ir.CollectionFormat | None, bool]:
    if schema is None or "array" not in _types_of(spec.resolve(schema)):
        return None, False
    is_query = location is ir.ParamLocation.QUERY
    style = node.str_at("style", "form" if is_query else "simple")
    explode = node.bool_at("explode", style == "form")
    if explode and is_query:
        return ir.CollectionFormat.MULTI, True
    formats = {
        "spaceDelimited": ir.CollectionFormat.SSV,
        "pipeDelimited": ir.CollectionFormat.PIPES,
    }
    return formats.get(style, ir.CollectionFormat.CSV), explode


def _types_of(schema: Node) -> list[str]:
    found = schema.get("type")
    if found is None:
        return []
    if isinstance(found.value, list):
        return [t for t in found.value if isinstance(t, str)]
    return [found.value] if isinstance(found.value, str) else []


def _content_schema(spec: Spec, content: Node) -> tuple[Node | None, tuple[str, ...]]:
    """The schema of the preferred media type (JSON first) and all media types offered."""
    media = [(key, spec.resolve_dict(value, "a media type")) for key, value in content.items()]
    if not media:
        return None, ()
    keys = tuple(key for key, _ in media)
    chosen = next((m for k, m in media if _is_json(k)), media[0][1])
    return chosen.get("schema"), keys


def _is_json(media_type: str) -> bool:
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "text/json"


def _request_body(spec: Spec, body: Node) -> tuple[list[RawParameter], tuple[str, ...]]:
    """The body parameter (or form fields) and the media types the request body accepts."""
    content = body.dict_at("content")
    if content is None:
        raise body.error("missing required field 'content'")
    schema, media_types = _content_schema(spec, content)
    required = body.bool_at("required")
    if media_types and all(m.split(";")[0] in _FORM_MEDIA_TYPES for m in media_types):
        form = _form_parameters(spec, schema, required)
        if form is not None:
            return form, media_types
    name = body.str_at("x-ms-requestBody-name", "body")
    parameter = RawParameter(
        body, name, ir.ParamLocation.BODY, required, schema, False, content_types=media_types
    )
    return [parameter], media_types


def _form_parameters(spec: Spec, schema: Node | None, required: bool) -> list[RawParameter] | None:
    if schema is None:
        return None
    resolved = spec.resolve_dict(schema, "a schema")
    properties = resolved.dict_at("properties")
    if properties is None:
        return None
    needed = set(resolved.str_list_at("required"))
    return [
        _form_property(spec, name, prop, required and name in needed)
        for name, prop in properties.items()
    ]


def _form_property(spec: Spec, name: str, prop: Node, required: bool) -> RawParameter:
    """A property of an OpenAPI 3 form body; an array is sent as one field per item (the
    default `form` style, exploded)."""
    resolved = spec.resolve(prop)
    is_array = "array" in _types_of(resolved)
    fmt = ir.CollectionFormat.MULTI if is_array else None
    return RawParameter(
        resolved, name, ir.ParamLocation.FORM, required, prop, False, fmt, explode=is_array
    )


def _response(spec: Spec, key: str, node: Node, op: Node) -> RawResponse:
    headers = node.dict_at("headers")
    header_list: list[tuple[str, Node]] = []
    if headers is not None:
        for name, header in headers.items():
            resolved = spec.resolve_dict(header, "a response header")
            schema = resolved.get("schema") if spec.flavor.is_oas3 else resolved
            header_list.append((name, schema if schema is not None else resolved))
    if spec.flavor.is_oas3:
        content = node.dict_at("content")
        schema, media_types = (None, ()) if content is None else _content_schema(spec, content)
    else:
        schema = node.get("schema")
        media_types = _media_types(spec, op, "produces") if schema is not None else ()
    return RawResponse(node, key, schema, media_types, tuple(header_list))
