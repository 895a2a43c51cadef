"""Validate JSON against a Swagger 2.0 definition with jsonschema, across files.

Independent of the loader: the spec files are read as plain JSON, registered under their file URIs,
and `$ref`s resolve the way JSON Schema resolves them. Swagger's `x-nullable` is turned into
JSON Schema's way of allowing null.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from generator import ir
from generator.api.schema import json_schema


def _nullable(node: Any) -> Any:
    if isinstance(node, dict):
        converted = {k: _nullable(v) for k, v in node.items()}
        if converted.get("x-nullable") is True:
            return {
                "anyOf": [
                    {"type": "null"},
                    {k: v for k, v in converted.items() if k != "x-nullable"},
                ]
            }
        return converted
    if isinstance(node, list):
        return [_nullable(v) for v in node]
    return node


def _files(main: Path) -> dict[Path, Any]:
    """The main file and every file its `$ref`s reach (examples left out)."""
    found: dict[Path, Any] = {}
    pending = [main.resolve()]
    while pending:
        path = pending.pop()
        if path in found:
            continue
        found[path] = json.loads(path.read_text(encoding="utf-8-sig"))
        pending += [
            (path.parent / ref.split("#", 1)[0]).resolve()
            for ref in _refs(found[path])
            if not ref.startswith("#") and "/examples/" not in ref
        ]
    return found


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for k, v in node.items() if k != "x-ms-examples" for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def definition_validator(main: Path, schema_ref: str) -> jsonschema.Draft4Validator:
    """A validator for the schema `schema_ref`: "#/definitions/X" or "other.json#/definitions/X"."""
    files = _files(main)
    registry: Registry[Any] = Registry().with_resources(
        (path.as_uri(), Resource.from_contents(_nullable(doc), default_specification=DRAFT4))
        for path, doc in files.items()
    )
    target = (
        main.resolve().as_uri() + schema_ref
        if schema_ref.startswith("#")
        else (
            (main.resolve().parent / schema_ref.split("#")[0]).resolve().as_uri()
            + "#"
            + schema_ref.split("#")[1]
        )
    )
    return jsonschema.Draft4Validator({"$ref": target}, registry=registry)


def exported_validator(api: ir.Api, name: str) -> jsonschema.Draft202012Validator:
    """A validator of one model or enum against the JSON Schema sdkforge exports for `api`."""
    document = json_schema(api)
    document["$ref"] = "#/$defs/" + name.replace("~", "~0").replace("/", "~1")
    return jsonschema.Draft202012Validator(document)
