"""Garbage in, SpecError out: no input may end in a Python traceback.

Every node of two rich, valid specs (Swagger 2.0 and OpenAPI 3.1) is replaced, one at a time, by
each of a set of malformed values; every result must either load or raise SpecError.
"""

from __future__ import annotations

import copy
import json
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.diagnostics import SpecError
from generator.loader import load_api
from generator.loader.document import parse_text

GARBAGE: list[Any] = [
    None,
    0,
    -1.5,
    "",
    "x",
    True,
    [],
    [None],
    [1, "a"],
    {},
    {"$ref": 5},
    {"$ref": "#/nope"},
    {"$ref": "missing.json#/a"},
    {"type": 7},
    {"enum": "red"},
    {"properties": "name"},
]

SWAGGER2: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Fuzz", "version": "1"},
    "host": "fuzz.example.com",
    "schemes": ["https"],
    "consumes": ["application/json"],
    "security": [{"aad": ["scope"]}],
    "securityDefinitions": {
        "aad": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://login.microsoftonline.com/x",
            "scopes": {"scope": ""},
        },
    },
    "x-ms-parameterized-host": {
        "hostTemplate": "{account}.fuzz.example.com",
        "parameters": [{"name": "account", "in": "path", "required": True, "type": "string"}],
    },
    "paths": {
        "/things/{name}": {
            "parameters": [{"$ref": "#/parameters/Name"}],
            "put": {
                "operationId": "Things_Put",
                "x-ms-long-running-operation": True,
                "x-ms-long-running-operation-options": {"final-state-via": "location"},
                "x-ms-pageable": {"nextLinkName": "next", "itemName": "items"},
                "x-ms-examples": {"ex": {"$ref": "./nowhere.json"}},
                "parameters": [
                    {
                        "name": "body",
                        "in": "body",
                        "required": True,
                        "schema": {"$ref": "#/definitions/Thing"},
                    },
                    {
                        "name": "ids",
                        "in": "query",
                        "type": "array",
                        "items": {"type": "integer"},
                        "collectionFormat": "csv",
                    },
                    {
                        "name": "mode",
                        "in": "header",
                        "required": True,
                        "type": "string",
                        "enum": ["one"],
                    },
                ],
                "responses": {
                    "200": {
                        "description": "OK",
                        "schema": {"$ref": "#/definitions/Thing"},
                        "headers": {"ETag": {"type": "string"}},
                    },
                    "default": {"description": "err", "schema": {"$ref": "#/definitions/Err"}},
                },
            },
        }
    },
    "parameters": {"Name": {"name": "name", "in": "path", "required": True, "type": "string"}},
    "definitions": {
        "Thing": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind"],
            "allOf": [{"$ref": "#/definitions/Base"}],
            "properties": {
                "kind": {"type": "string"},
                "props": {"$ref": "#/definitions/Props", "x-ms-client-flatten": True},
                "color": {
                    "type": "string",
                    "enum": ["red", "blue"],
                    "x-ms-enum": {
                        "name": "Color",
                        "modelAsString": True,
                        "values": [{"value": "red", "name": "Red"}],
                    },
                },
                "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                "xml": {"type": "string", "xml": {"name": "x", "attribute": True}},
                "size": {"type": "integer", "minimum": 1, "maximum": 5, "default": 2},
            },
        },
        "Sub": {"x-ms-discriminator-value": "sub", "allOf": [{"$ref": "#/definitions/Thing"}]},
        "Base": {"properties": {"id": {"type": "string", "readOnly": True}}},
        "Props": {"properties": {"a": {"type": "string", "format": "date-time"}}},
        "Err": {"properties": {"code": {"type": "string"}}},
    },
}

OPENAPI31: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Fuzz", "version": "1"},
    "servers": [{"url": "https://{region}.fuzz.io", "variables": {"region": {"default": "eu"}}}],
    "paths": {
        "/w": {
            "post": {
                "operationId": "W_Post",
                "parameters": [
                    {"$ref": "#/components/parameters/Version"},
                    {
                        "name": "tags",
                        "in": "query",
                        "style": "form",
                        "explode": False,
                        "schema": {"type": "array", "items": {"type": "string"}},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/W"}}},
                },
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/W"}}
                        },
                        "headers": {"h": {"schema": {"type": "integer"}}},
                    },
                },
            }
        }
    },
    "components": {
        "parameters": {"Version": {"name": "v", "in": "query", "schema": {"type": "string"}}},
        "securitySchemes": {"k": {"type": "apiKey", "in": "header", "name": "k"}},
        "schemas": {
            "W": {
                "type": "object",
                "discriminator": {"propertyName": "kind", "mapping": {"v": "V"}},
                "properties": {
                    "kind": {"type": "string"},
                    "n": {"type": ["string", "null"]},
                    "c": {"const": 3},
                    "o": {"anyOf": [{"$ref": "#/components/schemas/V"}, {"type": "null"}]},
                },
            },
            "V": {"allOf": [{"$ref": "#/components/schemas/W"}]},
        },
    },
    "security": [{"k": []}],
}


def _locations(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _locations(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _locations(child, (*path, index))


_DELETE = object()


def _replaced(spec: Any, path: tuple[Any, ...], new: Any) -> Any:
    """A copy of `spec` with the node at `path` replaced by `new` (or removed, for _DELETE)."""
    if not path:
        return None if new is _DELETE else copy.deepcopy(new)
    result = copy.deepcopy(spec)
    holder = result
    for key in path[:-1]:
        holder = holder[key]
    if new is _DELETE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = copy.deepcopy(new)
    return result


def _failures(base: dict[str, Any], tmp_path: Path) -> list[str]:
    target = tmp_path / "spec.json"
    failures: list[str] = []
    for path in _locations(base):
        for garbage in [*GARBAGE, _DELETE]:
            target.write_text(json.dumps(_replaced(base, path, garbage)), encoding="utf-8")
            try:
                load_api(target, warnings=[])
            except SpecError:
                pass
            except Exception:
                failures.append(f"{path} <- {garbage!r}:\n{traceback.format_exc()}")
    return failures


@pytest.mark.parametrize("base", [SWAGGER2, OPENAPI31], ids=["swagger2", "openapi31"])
def test_base_specs_are_valid(base: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "spec.json"
    target.write_text(json.dumps(base), encoding="utf-8")
    api = load_api(target, warnings=[])
    assert api.groups


OPENAPI30 = parse_text(
    (Path(__file__).parent / "fixtures" / "oas3" / "widgets-3.0.yaml").read_text(encoding="utf-8"),
    ".yaml",
    "widgets-3.0.yaml",
)


@pytest.mark.parametrize(
    "base", [SWAGGER2, OPENAPI31, OPENAPI30], ids=["swagger2", "openapi31", "openapi30-fixture"]
)
def test_every_node_replaced_by_garbage(base: dict[str, Any], tmp_path: Path) -> None:
    failures = _failures(base, tmp_path)
    assert not failures, "\n".join(failures[:5])


@pytest.mark.parametrize(
    "text",
    [
        "[]",
        "42",
        "null",
        '"spec"',
        "true",
        "{",
        '{"swagger": "2.0", "info": {}, "paths": []}',
        "\x00\x01",
        "{]",
        '{"openapi": []}',
        '{"swagger": 2.0}',
    ],
)
def test_non_spec_documents(text: str, tmp_path: Path) -> None:
    target = tmp_path / "spec.json"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError):
        load_api(target)


@pytest.mark.parametrize(
    "text",
    [
        "- a\n- b\n",
        "a: [b\n",
        "!!binary aGk=\n",
        "a: &x [*x]\n",
        "? [a, b]\n: 1\n",
        "swagger: '2.0'\ninfo: !!set {a}\npaths: {}\n",
        "!!python/object:os.system {}\n",
    ],
)
def test_malformed_yaml(text: str, tmp_path: Path) -> None:
    target = tmp_path / "spec.yaml"
    target.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError):
        load_api(target)


def test_not_utf8(tmp_path: Path) -> None:
    target = tmp_path / "spec.json"
    target.write_bytes(b'{"swagger": "2.0", "info": {"title": "\xff"}}')
    with pytest.raises(SpecError, match="not UTF-8"):
        load_api(target)


def test_deep_nesting(tmp_path: Path) -> None:
    depth = 5000
    deep = '{"type": "array", "items": ' * depth + '{"type": "string"}' + "}" * depth
    spec = copy.deepcopy(SWAGGER2)
    spec["definitions"]["Props"]["properties"]["deep"] = "DEEP"
    target = tmp_path / "spec.json"
    target.write_text(json.dumps(spec).replace('"DEEP"', deep), encoding="utf-8")
    with pytest.raises(SpecError, match="nested too deeply"):
        load_api(target)
