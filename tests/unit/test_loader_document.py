"""The document layer: file formats, $refs across files, locations, caching."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import ir
from generator.diagnostics import SpecError
from generator.loader import load_api
from generator.loader.document import DocumentStore

FIXTURES = Path(__file__).parent / "fixtures"


def _write(path: Path, spec: object, *, bom: bool = False) -> Path:
    text = json.dumps(spec)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def _minimal(**extra: object) -> dict[str, object]:
    spec: dict[str, object] = {
        "swagger": "2.0",
        "info": {"title": "Tiny", "version": "1.0"},
        "paths": {
            "/ping": {"get": {"operationId": "Ping", "responses": {"204": {"description": "ok"}}}}
        },
    }
    spec.update(extra)
    return spec


def test_multifile_refs_resolve_relative_to_the_referring_file() -> None:
    api = load_api(FIXTURES / "multifile" / "api" / "main.json", ref_roots=[FIXTURES / "multifile"])
    widget = api.model("Widget")
    assert widget.parents == ("Resource",)
    assert widget.source == ir.Source("models.json", "/definitions/Widget")
    assert api.model("Resource").source.file == "../common/common.json"
    assert api.model("Error").is_error
    assert api.source_files == ("../common/common.json", "main.json", "models.json")


def test_multifile_sibling_keys_next_to_ref_are_honoured() -> None:
    api = load_api(FIXTURES / "multifile" / "api" / "main.json", ref_roots=[FIXTURES / "multifile"])
    color = next(f for f in api.model("Widget").fields if f.wire_name == "color")
    assert color.type == ir.EnumType("WidgetColor")
    assert color.description == "The widget color."
    widget_field = next(f for f in api.model("Part").fields if f.wire_name == "widget")
    assert widget_field.read_only
    assert widget_field.type == ir.ModelType("Widget")


def test_recursive_models_are_referenced_by_name() -> None:
    api = load_api(FIXTURES / "multifile" / "api" / "main.json", ref_roots=[FIXTURES / "multifile"])
    part = api.model("Part")
    children = next(f for f in part.fields if f.wire_name == "children")
    assert children.type == ir.ListType(ir.ModelType("Part"))


def test_only_reachable_definitions_become_models() -> None:
    api = load_api(FIXTURES / "multifile" / "api" / "main.json", ref_roots=[FIXTURES / "multifile"])
    assert [m.name for m in api.models] == ["Error", "Part", "Resource", "Widget"]
    assert [e.name for e in api.enums] == ["WidgetColor"]


def test_refd_parameter_with_method_location_stays_on_the_method() -> None:
    api = load_api(FIXTURES / "multifile" / "api" / "main.json", ref_roots=[FIXTURES / "multifile"])
    (op,) = api.groups[0].operations
    by_wire = {p.wire_name: p for p in op.parameters}
    assert not by_wire["name"].client_level
    assert by_wire["api-version"].client_level
    assert by_wire["api-version"].source == ir.Source(
        "../common/common.json", "/parameters/ApiVersion"
    )
    assert [p.wire_name for p in api.client_parameters] == ["api-version"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    api = load_api(_write(tmp_path / "bom.json", _minimal(), bom=True))
    assert api.title == "Tiny"


def test_yaml_spec_with_unquoted_dates_and_int_status_codes(tmp_path: Path) -> None:
    text = """\ufeffswagger: "2.0"
info:
  title: Yaml Api
  version: 2024-07-01
paths:
  /things:
    get:
      operationId: Things_List
      responses:
        200:
          description: OK
          schema:
            type: array
            items: {type: string, format: date}
"""
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    api = load_api(path)
    assert api.api_version == "2024-07-01"
    (response,) = api.groups[0].operations[0].responses
    assert response.status_codes == (200,)
    assert response.type == ir.ListType(ir.PrimitiveType(ir.Primitive.DATE))


def test_yml_suffix_is_yaml(tmp_path: Path) -> None:
    path = tmp_path / "spec.yml"
    path.write_text("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n", encoding="utf-8")
    assert load_api(path).title == "T"


def test_broken_ref_to_missing_file_names_the_referring_location(tmp_path: Path) -> None:
    spec = _minimal()
    spec["paths"] = {
        "/x": {
            "get": {
                "operationId": "X",
                "responses": {"200": {"description": "", "schema": {"$ref": "nope.json#/A"}}},
            }
        }
    }
    with pytest.raises(SpecError) as info:
        load_api(_write(tmp_path / "main.json", spec))
    found = info.value.diagnostic
    assert found.file == "main.json"
    assert found.pointer == "/paths/~1x/get/responses/200/schema/$ref"
    assert found.message == (
        "$ref 'nope.json#/A': nope.json: cannot read file: No such file or directory"
    )


def test_broken_ref_to_missing_pointer(tmp_path: Path) -> None:
    spec = _minimal(definitions={})
    spec["paths"] = {
        "/x": {
            "get": {
                "operationId": "X",
                "parameters": [{"$ref": "#/parameters/Missing"}],
                "responses": {"200": {"description": ""}},
            }
        }
    }
    with pytest.raises(SpecError) as info:
        load_api(_write(tmp_path / "main.json", spec))
    assert str(info.value) == (
        "main.json#/paths/~1x/get/parameters/0/$ref: error: "
        "$ref '#/parameters/Missing': main.json has nothing at '/parameters/Missing'"
    )


def test_circular_ref_chain_is_an_error(tmp_path: Path) -> None:
    spec = _minimal(
        definitions={"A": {"$ref": "#/definitions/B"}, "B": {"$ref": "#/definitions/A"}}
    )
    spec["paths"] = {
        "/x": {
            "get": {
                "operationId": "X",
                "responses": {"200": {"description": "", "schema": {"$ref": "#/definitions/A"}}},
            }
        }
    }
    with pytest.raises(SpecError, match="circular \\$ref"):
        load_api(_write(tmp_path / "main.json", spec))


def test_ref_with_escaped_pointer_tokens(tmp_path: Path) -> None:
    spec = _minimal(
        definitions={"a/b~c": {"type": "object", "properties": {"x": {"type": "integer"}}}}
    )
    spec["paths"] = {
        "/x": {
            "get": {
                "operationId": "X",
                "responses": {
                    "200": {"description": "", "schema": {"$ref": "#/definitions/a~1b~0c"}}
                },
            }
        }
    }
    api = load_api(_write(tmp_path / "main.json", spec))
    assert [m.name for m in api.models] == ["a/b~c"]
    assert api.models[0].py_name == "ABC"


def test_each_file_is_read_once(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path)
    path = _write(tmp_path / "a.json", {"x": 1})
    first = store.load(path)
    path.write_text("not json", encoding="utf-8")
    assert store.load(path) is first
    assert len(store.documents) == 1


def test_ref_target_keeps_overlay_and_target_location(tmp_path: Path) -> None:
    store = DocumentStore(tmp_path)
    _write(tmp_path / "other.json", {"definitions": {"T": {"type": "string", "description": "d"}}})
    doc = store.load(
        _write(
            tmp_path / "main.json",
            {"p": {"$ref": "other.json#/definitions/T", "description": "mine"}},
        )
    )
    prop = doc.node().get("p")
    assert prop is not None
    resolved = store.resolve(prop)
    assert resolved.file == "other.json"
    assert resolved.pointer == "/definitions/T"
    assert resolved.str_at("description") == "mine"
    assert resolved.plain().str_at("description") == "d"


def test_yaml_scalars_follow_yaml_1_2(tmp_path: Path) -> None:
    text = """swagger: "2.0"
info: {title: T, version: 1.0}
paths:
  /things:
    get:
      operationId: Things_Get
      responses:
        200:
          description: OK
          schema: {$ref: '#/definitions/Thing'}
definitions:
  Thing:
    type: object
    properties:
      on: {type: boolean, default: yes}
      no: {type: string, default: 1:30}
      size: {type: integer, default: 0755, maximum: 1e3}
"""
    path = tmp_path / "spec.yaml"
    path.write_text(text, encoding="utf-8")
    api = load_api(path)
    assert api.api_version == "1.0"
    fields = {f.wire_name: f for f in api.model("Thing").fields}
    assert list(fields) == ["on", "no", "size"]
    assert fields["on"].default == "yes"
    assert fields["no"].default == "1:30"
    assert fields["size"].default == "0755"
    assert fields["size"].constraints.maximum == 1000.0
