"""`sdkforge schema`: the JSON Schema of a spec's models and enums, checked by jsonschema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator import ir
from generator.api.schema import json_schema
from generator.loader import load_api
from tests.support.paths import ROLLING_SPEC, ROOT
from tests.support.swagger_schema import exported_validator

DEFINITIONS: dict[str, Any] = {
    "Pet": {
        "type": "object",
        "discriminator": "kind",
        "required": ["kind", "name"],
        "properties": {
            "kind": {"type": "string"},
            "name": {"type": "string", "maxLength": 8},
            "id": {"type": "integer", "readOnly": True},
            "nickname": {"type": "string", "x-nullable": True},
            "properties": {"$ref": "#/definitions/PetProperties", "x-ms-client-flatten": True},
        },
    },
    "PetProperties": {
        "type": "object",
        "required": ["owner"],
        "properties": {"owner": {"type": "string"}, "born": {"type": "string", "format": "date"}},
    },
    "Dog": {
        "x-ms-discriminator-value": "dog",
        "allOf": [{"$ref": "#/definitions/Pet"}],
        "properties": {"barks": {"type": "boolean"}},
    },
    "Cat": {
        "x-ms-discriminator-value": "cat",
        "allOf": [{"$ref": "#/definitions/Pet"}],
        "properties": {
            "color": {
                "type": "string",
                "enum": ["black", "white"],
                "x-ms-enum": {"name": "Color", "modelAsString": True},
            },
            "size": {
                "type": "string",
                "enum": ["S", "M"],
                "x-ms-enum": {"name": "Size", "modelAsString": False},
            },
        },
    },
    "Shelter": {
        "type": "object",
        "properties": {"pets": {"type": "array", "items": {"$ref": "#/definitions/Pet"}}},
        "additionalProperties": {"type": "integer"},
    },
}


def _spec(tmp_path: Path) -> Path:
    spec = {
        "swagger": "2.0",
        "info": {"title": "Pets", "version": "1"},
        "paths": {
            "/shelter": {
                "get": {
                    "operationId": "Shelter_Get",
                    "responses": {
                        "200": {"description": "OK", "schema": {"$ref": "#/definitions/Shelter"}}
                    },
                }
            }
        },
        "definitions": DEFINITIONS,
    }
    path = tmp_path / "pets.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.fixture
def api(tmp_path: Path) -> ir.Api:
    return load_api(_spec(tmp_path))


def _errors(api: ir.Api, name: str, value: Any) -> list[str]:
    return [e.message for e in exported_validator(api, name).iter_errors(value)]


def test_the_document_is_a_valid_2020_12_schema(api: ir.Api) -> None:
    document = json_schema(api)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(document)
    assert set(document["$defs"]) == {m.name for m in api.models} | {e.name for e in api.enums}


def test_wire_names_flattening_read_only_and_null(api: ir.Api) -> None:
    fields = json_schema(api)["$defs"]["Pet"]["$defs"]["fields"]
    props = fields["properties"]
    # The flattened properties travel nested under "properties", as on the wire.
    assert props["properties"]["properties"]["owner"] == {"type": "string"}
    assert props["properties"]["properties"]["born"] == {"type": "string", "format": "date"}
    assert props["id"] == {"type": "integer", "readOnly": True}
    assert props["nickname"] == {"anyOf": [{"type": "string"}, {"type": "null"}]}
    assert props["name"] == {"type": "string", "maxLength": 8}
    assert fields["required"] == ["kind", "name"]


def test_a_subtype_payload_is_checked_against_the_subtype(api: ir.Api) -> None:
    dog = {"kind": "dog", "name": "rex", "barks": True, "properties": {"owner": "ann"}}
    assert _errors(api, "Pet", dog) == []
    assert _errors(api, "Pet", {**dog, "barks": "loud"}) != []
    assert _errors(api, "Dog", {**dog, "kind": "cat"}) != []
    # A value no subtype claims is the base model's.
    assert _errors(api, "Pet", {"kind": "fish", "name": "nemo"}) == []
    assert _errors(api, "Pet", {"kind": "fish"}) != []  # name is required


def test_enums_closed_and_extensible(api: ir.Api) -> None:
    cat = {"kind": "cat", "name": "tom", "color": "orange", "size": "M"}
    assert _errors(api, "Pet", cat) == []  # Color is extensible
    assert _errors(api, "Pet", {**cat, "size": "XL"}) != []  # Size is closed
    assert _errors(api, "Size", "S") == []


def test_constraints_and_additional_properties(api: ir.Api) -> None:
    assert _errors(api, "Pet", {"kind": "dog", "name": "far-too-long"}) != []
    assert _errors(api, "Shelter", {"pets": [], "extra": 3}) == []
    assert _errors(api, "Shelter", {"pets": [], "extra": "three"}) != []


def test_command_prints_and_writes_the_schema(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "schema", str(ROLLING_SPEC), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(out.read_text(encoding="utf-8"))
    assert "RollingUpgradeStatusInfo" in document["$defs"]
    jsonschema.Draft202012Validator.check_schema(document)


def test_command_on_a_bad_spec_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "schema", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr
