"""XML methods of generated models: only for APIs with XML bodies, following the xml hints."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.generated_packages import generate_and_import

DEFINITIONS: dict[str, Any] = {
    "Shelf": {
        "type": "object",
        "xml": {"name": "shelf", "namespace": "urn:books", "prefix": "s"},
        "properties": {
            "id": {"type": "integer", "xml": {"attribute": True}},
            "books": {
                "type": "array",
                "xml": {"wrapped": True, "name": "Books"},
                "items": {"$ref": "#/definitions/Book"},
            },
            "labels": {"type": "array", "items": {"type": "string", "xml": {"name": "label"}}},
            "added": {"type": "string", "format": "date"},
        },
    },
    "Book": {
        "type": "object",
        "xml": {"name": "book"},
        "properties": {
            "lang": {"type": "string", "xml": {"attribute": True}},
            "title": {"type": "string", "xml": {"x-ms-text": True}},
        },
    },
}


def _spec(media: str) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Library", "version": "1"},
        "host": "localhost",
        "consumes": [media],
        "produces": [media],
        "paths": {
            "/shelf": {
                "put": {
                    "operationId": "Shelf_Put",
                    "parameters": [
                        {"name": "shelf", "in": "body", "schema": {"$ref": "#/definitions/Shelf"}}
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "definitions": DEFINITIONS,
    }


def _models(tmp_path: Path, media: str, package: str) -> ModuleType:
    spec = tmp_path / f"{package}.json"
    spec.write_text(json.dumps(_spec(media)), encoding="utf-8")
    generate_and_import(spec, package, tmp_path / "out")
    return importlib.import_module(f"{package}.models")


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _models(tmp_path_factory.mktemp("xml"), "application/xml", "library_xml")


def _shelf(models: ModuleType) -> Any:
    return models.Shelf(
        id=7,
        books=[models.Book(lang="en", title="Emma"), models.Book(title="")],
        labels=["old", "rare"],
        added=dt.date(2020, 5, 17),
    )


def test_to_xml_follows_the_hints(models: ModuleType) -> None:
    root = ET.fromstring(_shelf(models).to_xml())
    assert root.tag == "{urn:books}shelf"
    assert root.get("id") == "7"
    books = root.findall("Books/book")
    assert [(b.get("lang"), b.text) for b in books] == [("en", "Emma"), (None, None)]
    assert [label.text for label in root.findall("label")] == ["old", "rare"]
    assert root.find("added").text == "2020-05-17"  # type: ignore[union-attr]


def test_from_xml_round_trips(models: ModuleType) -> None:
    shelf = _shelf(models)
    assert models.Shelf.from_xml(shelf.to_xml()) == shelf
    assert models.Shelf.from_xml("<shelf/>") == models.Shelf(labels=[])


def test_json_only_apis_have_no_xml_methods(tmp_path: Path) -> None:
    json_models = _models(tmp_path, "application/json", "library_json")
    assert not hasattr(json_models.Shelf, "to_xml")
    assert not hasattr(json_models.Shelf, "_xml_layout")
