"""A large, seeded OpenAPI 3.0 description for measuring how generation scales.

`make_spec(models=2000)` gives about 50 MB of JSON: models with 10 to 40 properties of every common
kind (scalars, formats, enums, nested models, arrays, maps), long descriptions as real specs have,
and one get / put / list operation set per four models. The same seed always gives the same bytes.

    python benchmarks/synthetic.py OUT.json [--models N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

_WORDS = (
    "the service returns value resource property configuration when request update create list "
    "instance network storage policy identity region account state status time limit version "
    "default optional required client server message error retry operation profile setting key "
    "secret certificate endpoint address protocol encryption tag label owner group quota usage"
).split()

_SCALARS: tuple[dict[str, Any], ...] = (
    {"type": "string"},
    {"type": "string"},
    {"type": "integer", "format": "int32"},
    {"type": "integer", "format": "int64"},
    {"type": "number", "format": "double"},
    {"type": "boolean"},
    {"type": "string", "format": "date-time"},
    {"type": "string", "format": "date"},
    {"type": "string", "format": "uuid"},
)


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _camel(rng: random.Random, parts: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(parts)]
    return chosen[0] + "".join(w.capitalize() for w in chosen[1:])


def _property(rng: random.Random, index: int, model: int, enums: int) -> dict[str, Any]:
    roll = rng.random()
    schema: dict[str, Any]
    if roll < 0.55:
        schema = dict(rng.choice(_SCALARS))
    elif roll < 0.65:
        schema = {"$ref": f"#/components/schemas/Enum{rng.randrange(enums)}"}
    elif roll < 0.80 and model > 0:
        schema = {"$ref": f"#/components/schemas/Model{rng.randrange(model)}"}
    elif roll < 0.90 and model > 0:
        schema = {
            "type": "array",
            "items": {"$ref": f"#/components/schemas/Model{rng.randrange(model)}"},
        }
    elif roll < 0.95:
        schema = {"type": "array", "items": dict(rng.choice(_SCALARS))}
    else:
        schema = {"type": "object", "additionalProperties": {"type": "string"}}
    if "$ref" not in schema:
        schema["description"] = _sentence(rng, rng.randint(70, 230))
    if rng.random() < 0.1 and "$ref" not in schema:
        schema["readOnly"] = True
    return schema


def _model(rng: random.Random, index: int, enums: int) -> dict[str, Any]:
    count = rng.randint(10, 40)
    names: list[str] = []
    while len(names) < count:
        name = _camel(rng, rng.randint(1, 3)) + str(len(names))
        names.append(name)
    properties = {name: _property(rng, i, index, enums) for i, name in enumerate(names)}
    schema: dict[str, Any] = {
        "type": "object",
        "description": _sentence(rng, rng.randint(30, 120)),
        "properties": properties,
    }
    required = [n for n in names if rng.random() < 0.15]
    if required:
        schema["required"] = required
    return schema


def _operations(index: int, tag: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/Model{index}"}
    body = {"content": {"application/json": {"schema": ref}}}
    ok = {"description": "OK", "content": {"application/json": {"schema": ref}}}
    listed = {
        "description": "OK",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "value": {"type": "array", "items": ref},
                        "nextLink": {"type": "string"},
                    },
                }
            }
        },
    }
    item_param = {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
    return {
        f"/things{index}": {
            "get": {
                "operationId": f"{tag}_List{index}",
                "tags": [tag],
                "responses": {"200": listed},
            },
        },
        f"/things{index}/{{name}}": {
            "parameters": [item_param],
            "get": {"operationId": f"{tag}_Get{index}", "tags": [tag], "responses": {"200": ok}},
            "put": {
                "operationId": f"{tag}_Put{index}",
                "tags": [tag],
                "requestBody": body,
                "responses": {"200": ok},
            },
        },
    }


def make_spec(models: int = 2000, seed: int = 20261203) -> dict[str, Any]:
    rng = random.Random(seed)
    enums = max(1, models // 10)
    schemas: dict[str, Any] = {}
    for e in range(enums):
        values = sorted({_camel(rng, 2) for _ in range(rng.randint(2, 8))})
        schemas[f"Enum{e}"] = {"type": "string", "enum": values, "description": _sentence(rng, 12)}
    for m in range(models):
        schemas[f"Model{m}"] = _model(rng, m, enums)
    paths: dict[str, Any] = {}
    for m in range(0, models, 4):
        paths.update(_operations(m, f"Group{m // 40}"))
    return {
        "openapi": "3.0.3",
        "info": {"title": "Synthetic", "version": "1.0.0", "description": "A seeded, large spec."},
        "servers": [{"url": "https://synthetic.example"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--models", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261203)
    args = parser.parse_args()
    args.out.write_text(json.dumps(make_spec(args.models, args.seed), indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
