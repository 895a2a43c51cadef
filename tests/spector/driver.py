"""Drive a generated client through one Spector scenario and check what it returns.

A scenario is the mock server's own definition (dumped by compile.mjs into scenarios.json): for
each request it expects, the URI, method, query, headers and body, and the answer it gives. The
driver finds the operation of the generated client with that method and path (through the
client's intermediate model, which carries every Python name next to its wire name), turns the
expected request back into Python arguments (wire values decoded to the types the spec gives),
calls the method, and then checks the value the client returned: re-encoded to the wire with the
package's own encoders, it must equal the body the mock sent (date-times compared as instants).
A status the scenario expects as an error must raise HttpResponseError with that status.

The server checks the request; this module checks the answer. Neither alone is a pass.
"""

from __future__ import annotations

import base64
import inspect
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from tests.support.instants import with_instants

Json = Any
TypeRef = Mapping[str, Any]
DELIMITERS = {"csv": ",", "ssv": " ", "tsv": "\t", "pipes": "|"}
# The mock writes its own address into links as "{baseUrl}" (localhost or 127.0.0.1 with its port).
BASE_URL = "{baseUrl}"
_SERVER_URL = re.compile(r"http://(?:localhost|127\.0\.0\.1):\d+")


class ScenarioMismatchError(AssertionError):
    """The generated client cannot express a request of the scenario."""


@dataclass
class Document:
    """One generated package and the intermediate model it was generated from."""

    package: ModuleType
    ir: dict[str, Any]

    @property
    def serialization(self) -> ModuleType:
        return _submodule(self.package, "_runtime.codec")

    @property
    def models(self) -> ModuleType:
        return _submodule(self.package, "models")

    @property
    def exceptions(self) -> ModuleType:
        return _submodule(self.package, "exceptions")

    @contextmanager
    def client(self, url: str, call: Call | None = None, **options: Any) -> Iterator[Any]:
        """The client on `url`; server template values (other than the endpoint) come from the
        path the scenario requests, unless `options` names them."""
        cls = getattr(self.package, self.ir["client_name"])
        values = {}
        parameters = [
            *(self.ir.get("host") or {}).get("parameters", []),
            *self.ir.get("client_parameters", []),
        ]
        for parameter in parameters:
            name = parameter["py_name"]
            if parameter["wire_name"] == "endpoint" or name in options or call is None:
                continue
            if not parameter["client_level"]:
                continue  # a host value of each method (AutoRest's rule for inline ones)
            if parameter["type"]["kind"] == "constant":
                continue  # sent as its value; the client takes no argument for it
            found, value = call.value_of(parameter)
            if found:
                values[name] = value
        with cls(endpoint=url, **values, **options) as client:
            yield client

    def operations(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        for group in self.ir["groups"]:
            for operation in group["operations"]:
                yield group, operation

    def host_path(self) -> str:
        """The path part of the server template after its endpoint ("/server/{version}")."""
        host = self.ir.get("host") or {}
        template = str(host.get("template") or "")
        if template.startswith("{endpoint}"):
            return template[len("{endpoint}") :].rstrip("/")
        return ""

    def find(self, method: str, uri: str, headers: Mapping[str, Any] | None = None) -> Call:
        """The operation answering `method uri`; where several do, the one whose body media
        type or accepted media type matches the request's headers."""
        path = uri.split("?", 1)[0].replace("\\:", ":")
        candidates = []
        # A value is one path segment, unless no operation matches so (a value may hold "/").
        for segment in ("[^/]+", ".+?"):
            for group, operation in self.operations():
                if operation["method"].upper() != method.upper():
                    continue
                # An x-ms-paths key may carry a query string ("/a?fixed=true").
                template = operation["path"].split("?", 1)[0]
                if template == "/" and self.host_path():
                    template = ""  # the server URL's own path is the operation's
                values = match_path(self.host_path() + template, path, segment)
                if values is not None:
                    candidates.append(Call(self, group, operation, values))
            if candidates:
                break
        if not candidates:
            raise ScenarioMismatchError(f"no operation answers {method.upper()} {uri}")
        return _best(candidates, headers or {})

    def find_request(self, api: Mapping[str, Any]) -> Call:
        request = api["request"]
        uri = with_path_params(api["uri"], request.get("pathParams") or {})
        call = self.find(api["method"], uri, request.get("headers"))
        call.request = request
        return call

    def model_class(self, name: str) -> Any:
        model = next(m for m in self.ir["models"] if m["name"] == name)
        return getattr(self.models, model["py_name"])

    def enum_class(self, name: str) -> Any:
        enum = next(e for e in self.ir["enums"] if e["name"] == name)
        return getattr(self.models, enum["py_name"])


def with_path_params(uri: str, values: Mapping[str, Any]) -> str:
    """The mock's URI with its ":name" placeholders filled from the scenario's path values (its
    names need not be the document's: ":resourceGroup" for "{resourceGroupName}")."""

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        return urllib.parse.quote(str(values[name]), safe="") if name in values else match.group(0)

    return re.sub(r"(?<!\\):([A-Za-z_][A-Za-z0-9_]*)", value, uri)


def _best(candidates: list[Call], headers: Mapping[str, Any]) -> Call:
    wanted = {
        str(_header(headers, name) or "").split(";")[0].strip().lower()
        for name in ("content-type", "accept")
    } - {""}
    for call in candidates:
        media = {c.lower() for c in call.operation.get("consumes", [])}
        media |= {c.lower() for c in call.operation.get("produces", [])}
        if wanted & media:
            return call
    return candidates[0]


def _submodule(package: ModuleType, name: str) -> ModuleType:
    import importlib

    return importlib.import_module(f"{package.__name__}.{name}")


def match_path(template: str, path: str, segment: str = "[^/]+") -> dict[str, str] | None:
    """Path parameter values when `path` is an instance of `template` ("/a/{id}"), else None;
    `segment` is what one value may span (one path segment unless told otherwise)."""
    names: list[str] = []

    def group(match: re.Match[str]) -> str:
        names.append(match.group(1))
        return f"(?P<p{len(names) - 1}>{segment})"

    pattern = re.sub(r"\\\{([^}]+)\\\}", group, re.escape(template))
    found = re.fullmatch(pattern, path)
    if found is None:
        return None
    return {
        name: urllib.parse.unquote(found.group(f"p{index}")) for index, name in enumerate(names)
    }


def _header(headers: Mapping[str, Any], name: str) -> Any:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


@dataclass
class Call:
    document: Document
    group: dict[str, Any]
    operation: dict[str, Any]
    path_values: dict[str, str]
    request: Mapping[str, Any] | None = None

    def value_of(self, parameter: Mapping[str, Any]) -> tuple[bool, Any]:
        """A client parameter's value in the request (host and path values, query, headers)."""
        if parameter["location"] == "host":
            raw = self.path_values.get(parameter["wire_name"])
            if raw is None:
                return False, None
            return True, Decoder(self.document).text(parameter["type"], raw, None)
        return self._value(parameter, self.request or {})

    def method(self, client: Any) -> Callable[..., Any]:
        owner = getattr(client, self.group["py_attr"]) if self.group["py_attr"] else client
        return getattr(owner, self.operation["py_name"])  # type: ignore[no-any-return]

    def arguments(self, request: Mapping[str, Any], method: Callable[..., Any]) -> dict[str, Any]:
        accepted = inspect.signature(method).parameters
        arguments: dict[str, Any] = {}
        for parameter in self.operation["parameters"]:
            if parameter["client_level"] or parameter["py_name"] not in accepted:
                continue
            found, value = self._value(parameter, request)
            if found:
                arguments[parameter["py_name"]] = value
            elif (
                parameter["required"]
                and not parameter["has_default"]
                and parameter["type"]["kind"] != "constant"
            ):
                raise ScenarioMismatchError(
                    f"{self.operation['operation_id']}: the scenario gives no value for "
                    f"{parameter['location']} parameter {parameter['wire_name']!r}"
                )
        return arguments

    def _value(self, parameter: Mapping[str, Any], request: Mapping[str, Any]) -> tuple[bool, Any]:
        """(found, value) of one parameter in the request the scenario expects."""
        location, kind = parameter["location"], parameter["type"]
        decode = Decoder(self.document)
        if location == "host":
            return self.value_of(parameter)
        if location == "body":
            body = request.get("body")
            return (False, None) if body is None else (True, decode.body(kind, body))
        if location == "formData":
            return decode.form_field(parameter, request.get("body"))
        raw = self._raw(location, parameter["wire_name"], request)
        if raw is None:
            return False, None
        return True, decode.text(kind, raw, parameter["collection_format"])

    def _raw(self, location: str, wire: str, request: Mapping[str, Any]) -> Any:
        """The wire text of a path, query or header parameter; None when the scenario has none."""
        if location == "path":
            raw = request.get("pathParams", {}).get(wire, self.path_values.get(wire))
            return None if raw is None or str(raw).startswith(":") else str(raw)
        if location == "query":
            return request.get("query", {}).get(wire)
        if location == "header":
            return _header(request.get("headers", {}), wire)
        return None


class Decoder:
    """Wire values (JSON, or text from a URL or header) to the Python values the client takes."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.s = document.serialization

    def json(self, kind: TypeRef, value: Json) -> Any:
        if value is None:
            return None
        tag = kind["kind"]
        if tag == "model":
            return self.document.model_class(kind["name"]).from_dict(value)
        if tag == "enum":
            return self.s.deserialize_enum(self.document.enum_class(kind["name"]), value)
        if tag == "list":
            return [self.json(kind["item"], item) for item in value]
        if tag == "dict":
            return {key: self.json(kind["value"], item) for key, item in value.items()}
        if tag == "primitive":
            return self.primitive(kind["primitive"], value)
        if tag == "union":
            return self.union(kind, value)
        return value

    def union(self, kind: TypeRef, value: Json) -> Any:
        """A discriminated union's value as the member model its discriminator names (what a
        user builds to call the method); other union values go as they are."""
        discriminator = kind.get("discriminator")
        if discriminator and isinstance(value, dict):
            for entry in kind.get("mapping", []):
                if entry["value"] == value.get(discriminator):
                    return self.json({"kind": "model", "name": entry["model"]}, value)
        return value

    def primitive(self, primitive: str, value: Json) -> Any:
        decoders: dict[str, Callable[[Any], Any]] = {
            "datetime": self.s.deserialize_datetime,
            "datetime-rfc1123": self.s.deserialize_rfc1123,
            "unixtime": self.s.deserialize_unixtime,
            "date": self.s.deserialize_date,
            "time": self.s.deserialize_time,
            "duration": self.s.deserialize_duration,
            "bytes": self.s.deserialize_bytes,
            "base64url": self.s.deserialize_base64url,
            "decimal": self.s.deserialize_decimal,
        }
        decoder = decoders.get(primitive)
        return decoder(value) if decoder is not None else value

    def text(self, kind: TypeRef, raw: Any, collection_format: str | None) -> Any:
        if kind["kind"] == "list":
            if isinstance(raw, list):
                items = raw
            else:
                items = str(raw).split(DELIMITERS.get(collection_format or "csv", ","))
            return [self.text(kind["item"], item, None) for item in items]
        if isinstance(raw, list):
            raw = raw[0]
        text = str(raw)
        tag = kind["kind"]
        if tag == "enum":
            return self.json(kind, _typed_enum_value(self.document, kind["name"], text))
        if tag != "primitive":
            return text
        primitive = kind["primitive"]
        if primitive in ("int", "unixtime"):
            return self.primitive(primitive, int(text))
        if primitive in ("float", "decimal"):
            return self.primitive(primitive, float(text) if primitive == "float" else text)
        if primitive == "bool":
            return text.lower() == "true"
        return self.primitive(primitive, text)

    def body(self, kind: TypeRef, body: Mapping[str, Any]) -> Any:
        if body.get("kind") != "raw":
            raise ScenarioMismatchError("multipart request bodies are not driven generically")
        if "base64" in body:
            return base64.b64decode(body["base64"])
        text = body.get("text")
        if text is None:
            return None
        if kind["kind"] == "primitive" and kind["primitive"] == "binary":
            return text.encode()
        content_type = str(body.get("contentType") or "")
        if "xml" in content_type and kind["kind"] == "model":
            return self.document.model_class(kind["name"]).from_xml(text)
        if "json" in content_type or text[:1] in '{["' or text in ("true", "false"):
            return self.json(kind, json.loads(text))
        return self.text(kind, text, None)

    def form_field(
        self, parameter: Mapping[str, Any], body: Mapping[str, Any] | None
    ) -> tuple[bool, Any]:
        """A multipart field: a file part (bytes, with file name and media type when the
        scenario names them) or a plain part (decoded from its JSON or text form)."""
        if body is None or body.get("kind") != "multipart":
            return False, None
        wire, kind = parameter["wire_name"], parameter["type"]
        files = [f for f in body.get("files", []) if f["fieldname"] == wire]
        if files:
            parts = [
                (f["originalname"], base64.b64decode(f["base64"]), f["mimetype"]) for f in files
            ]
            return True, parts if kind["kind"] == "list" else parts[0]
        plain = body.get("parts", {})
        if wire not in plain:
            return False, None
        value = plain[wire]
        if isinstance(value, str) and kind["kind"] != "primitive":
            value = json.loads(value)
        return True, self.json(kind, value) if not isinstance(value, str) else value


def _typed_enum_value(document: Document, name: str, text: str) -> Any:
    enum = next(e for e in document.ir["enums"] if e["name"] == name)
    converters = {"int": int, "float": float, "bool": lambda t: t.lower() == "true"}
    convert = converters.get(enum["value_type"], str)
    return convert(text)


class Encoder:
    """Python values back to JSON with the package's own encoders."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.s = document.serialization

    def json(self, kind: TypeRef | None, value: Any) -> Json:
        if value is None or kind is None:
            return value
        tag = kind["kind"]
        if tag == "model":
            return value.to_dict()
        if tag == "enum":
            return self.s.serialize_enum(value)
        if tag == "list":
            return [self.json(kind["item"], item) for item in value]
        if tag == "dict":
            return {key: self.json(kind["value"], item) for key, item in value.items()}
        if tag == "primitive":
            return self.primitive(kind["primitive"], value)
        return self.s.serialize_any(value) if hasattr(self.s, "serialize_any") else value

    def primitive(self, primitive: str, value: Any) -> Json:
        encoders: dict[str, Callable[[Any], Any]] = {
            "datetime": self.s.serialize_datetime,
            "datetime-rfc1123": self.s.serialize_rfc1123,
            "unixtime": self.s.serialize_unixtime,
            "date": self.s.serialize_date,
            "time": self.s.serialize_time,
            "duration": self.s.serialize_duration,
            "bytes": self.s.serialize_bytes,
            "base64url": self.s.serialize_base64url,
            "decimal": self.s.serialize_decimal,
        }
        encoder = encoders.get(primitive)
        return encoder(value) if encoder is not None else value


def comparable(value: Json) -> Json:
    """JSON with date-times as instants, integral floats as ints (1.0 == 1 on the wire) and the
    mock server's address as "{baseUrl}"."""
    value = with_instants(value)
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return _SERVER_URL.sub(BASE_URL, value)
    return value


def xml_tree(document: bytes | str) -> Any:
    """An XML document as nested (tag, attributes, text, children), whitespace between
    elements left out, so two spellings of one document compare equal."""
    data = document.encode() if isinstance(document, str) else document

    def node(element: ET.Element) -> Any:
        text = comparable((element.text or "").strip())
        return (element.tag, dict(element.attrib), text, [node(child) for child in element])

    return node(ET.fromstring(data))


def _response_for(operation: Mapping[str, Any], status: int) -> Mapping[str, Any] | None:
    for response in operation["responses"]:
        if status in response["status_codes"]:
            return response
    for response in operation["responses"]:
        if not response["status_codes"]:
            return response
    return None


def _expected_body(body: Mapping[str, Any] | None) -> tuple[bool, Any]:
    """(is JSON, value) of a mock response body."""
    if body is None or body.get("kind") != "raw":
        return False, None
    if "base64" in body:
        return False, base64.b64decode(body["base64"])
    text = body.get("text")
    content_type = str(body.get("contentType") or "")
    if text is not None and "json" in content_type:
        return True, json.loads(text)
    return False, text


def check_result(call: Call, response: Mapping[str, Any], result: Any) -> None:
    """Assert that `result` is what the client should make of the mock's `response`."""
    status = response["status"]
    declared = _response_for(call.operation, status)
    is_json, expected = _expected_body(response.get("body"))
    kind = declared["type"] if declared is not None else None
    where = f"{call.operation['operation_id']} ({status})"
    if expected is None:
        assert result is None, f"{where}: expected no value, the client returned {result!r}"
        return
    if is_json:
        actual = Encoder(call.document).json(kind, result)
        assert comparable(actual) == comparable(expected), (
            f"{where}: the client returned {result!r}, which encodes to {actual!r}; "
            f"the service sent {expected!r}"
        )
        return
    if hasattr(result, "to_xml"):
        actual_xml = result.to_xml()
        assert xml_tree(actual_xml) == xml_tree(expected), (
            f"{where}: the client returned {result!r}, which writes as {actual_xml!r}; "
            f"the service sent {expected!r}"
        )
        return
    if isinstance(result, bytes):
        expected_bytes = expected if isinstance(expected, bytes) else str(expected).encode()
        assert result == expected_bytes, f"{where}: returned {result!r}, sent {expected_bytes!r}"
        return
    if hasattr(result, "read"):
        data = result.read()
        expected_bytes = expected if isinstance(expected, bytes) else str(expected).encode()
        assert data == expected_bytes, f"{where}: streamed {data!r}, sent {expected_bytes!r}"
        return
    assert result == expected, f"{where}: returned {result!r}, the service sent {expected!r}"


def expected_response(api: Mapping[str, Any]) -> Mapping[str, Any]:
    """The mock's answer. A handler that answers 2xx without a declared body echoes the
    request body (the encode/* and property scenarios), so that body is what comes back."""
    response = api["response"]
    request_body = api["request"].get("body")
    if api["handler"] and response.get("body") is None and request_body is not None:
        return {**response, "body": request_body, "echo": True}
    return response


def run_api(
    document: Document,
    url: str,
    apis: list[Mapping[str, Any]],
    expect_code: int | None,
    options: Mapping[str, Any],
) -> int:
    """Send the first request of `apis` through the client and check the answer; the number
    of requests of `apis` that call covered (a pager follows next links by itself)."""
    api = apis[0]
    request = api["request"]
    call = document.find_request(api)
    with document.client(url, call, **options) as client:
        method = call.method(client)
        arguments = call.arguments(request, method)
        status = expect_code or api["response"]["status"] or 200
        if status >= 400:
            expect_error(document, call, method, arguments, status)
            return 1
        if call.operation.get("long_running"):
            return check_long_running(call, method, arguments, apis)
        result = method(**arguments)
        if call.operation.get("paging"):
            return check_pages(call, apis, result)
        response = expected_response(api)
        if api["method"].lower() == "head" and result is True:
            return 1
        if response.get("echo") and result is None:
            return 1  # the operation declares no response body: nothing comes back
        check_result(call, response, result)
        return 1


def expect_error(
    document: Document,
    call: Call,
    method: Callable[..., Any],
    arguments: Mapping[str, Any],
    status: int,
) -> None:
    error_type = document.exceptions.HttpResponseError
    try:
        method(**arguments)
    except error_type as error:
        assert error.status_code == status, f"expected status {status}, got {error.status_code}"
        return
    raise AssertionError(f"{call.operation['operation_id']}: expected an error {status}")


def check_long_running(
    call: Call, method: Callable[..., Any], arguments: dict[str, Any], apis: list[Mapping[str, Any]]
) -> int:
    """A long-running operation covers every request of its scenario: the first, the status
    requests and the final GET. Its result is the last answer, read as the type the operation
    declares (for final-state-via operation-location OpenAPI declares the status monitor)."""
    if "polling_interval" in inspect.signature(method).parameters:
        arguments = {**arguments, "polling_interval": 0}
    poller = method(**arguments)
    result = poller.result(timeout=60)
    assert poller.status().lower() == "succeeded", f"ended as {poller.status()}"
    _, expected = _expected_body(apis[-1]["response"].get("body"))
    if _final_kind(call) is None:
        assert result is None, f"{call.operation['operation_id']}: returned {result!r}"
        return len(apis)
    kind = _final_kind(call)
    actual = Encoder(call.document).json(kind, result)
    assert comparable(actual) == comparable(expected), (
        f"{call.operation['operation_id']}: the operation ended with {expected!r}, "
        f"the poller returned {result!r}"
    )
    return len(apis)


def _final_kind(call: Call) -> TypeRef | None:
    for response in call.operation["responses"]:
        if not response["is_error"] and response["type"] is not None:
            kind: TypeRef = response["type"]
            return kind
    return None


def check_pages(call: Call, apis: list[Mapping[str, Any]], pager: Any) -> int:
    """Every item of every page, in order, against the items the mock's pages hold."""
    paging = call.operation["paging"]
    items_name, next_name = paging["item_name"], paging["next_link_name"]
    item_kind = _page_item_kind(call)
    encoder = Encoder(call.document)
    actual = [encoder.json(item_kind, item) for item in pager]
    expected: list[Any] = []
    used = 0
    for api in apis:
        is_json, page = _expected_body(api["response"].get("body"))
        if not is_json or not isinstance(page, dict):
            break
        expected.extend(page.get(items_name) or [])
        used += 1
        if not next_name or not page.get(next_name):
            break
    assert comparable(actual) == comparable(
        expected
    ), f"{call.operation['operation_id']}: pages held {expected!r}, the pager gave {actual!r}"
    return used


def _page_item_kind(call: Call) -> TypeRef | None:
    response = _response_for(call.operation, 200)
    page = response["type"] if response else None
    if page is None or page["kind"] != "model":
        return None
    items_name = call.operation["paging"]["item_name"]
    models = {m["name"]: m for m in call.document.ir["models"]}
    model: Mapping[str, Any] | None = models[page["name"]]
    while model is not None:
        for field_ in model["fields"]:
            if field_["wire_name"] == items_name and field_["type"]["kind"] == "list":
                item: TypeRef = field_["type"]["item"]
                return item
        parents = model.get("parents") or []
        model = models.get(parents[0]) if parents else None
    return None


def run_scenario(document: Document, url: str, scenario: Mapping[str, Any], **options: Any) -> None:
    expect_code = scenario.get("code") if scenario.get("passCondition") == "status-code" else None
    apis = list(scenario["apis"])
    while apis:
        used = run_api(document, url, apis, expect_code, options)
        apis = apis[used:]
