"""Body models checked against the spec's constraints before a request is sent: each model's
generated `_validate(path)`, nested models in lists and dicts, inherited and subtype fields, and
the error naming the property path. The transport records requests, so "nothing sent" is seen."""

from __future__ import annotations

import asyncio
import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from tests.support.generated_packages import generate_and_import


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


SPEC: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Shelves", "version": "1.0"},
    "host": "shelves.invalid",
    "schemes": ["https"],
    "paths": {
        "/shelves/{name}": {
            "put": {
                "operationId": "Shelves_Put",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "type": "string"},
                    {"name": "shelf", "in": "body", "required": True, "schema": _ref("Shelf")},
                ],
                "responses": {"200": {"description": "stored"}},
            },
            "patch": {
                "operationId": "Shelves_Label",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "type": "string"},
                    {
                        "name": "label",
                        "in": "body",
                        "required": True,
                        "x-ms-client-flatten": True,
                        "schema": _ref("Label"),
                    },
                ],
                "responses": {"200": {"description": "labelled"}},
            },
        },
        "/books": {
            "post": {
                "operationId": "Books_Add",
                "parameters": [
                    {
                        "name": "books",
                        "in": "body",
                        "required": True,
                        "schema": {"type": "array", "items": _ref("Book")},
                    }
                ],
                "responses": {"200": {"description": "added"}},
            }
        },
    },
    "definitions": {
        "Tag": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Label": {
            "type": "object",
            "required": ["text"],
            "properties": {"text": {"type": "string", "maxLength": 5}},
        },
        "Item": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind", "title"],
            "properties": {
                "kind": {"type": "string"},
                "title": {"type": "string", "minLength": 1},
            },
        },
        "Book": {
            "allOf": [_ref("Item")],
            "x-ms-discriminator-value": "book",
            "properties": {
                "pages": {"type": "integer", "minimum": 1},
                "isbn": {"type": "string", "pattern": "^[0-9-]+$"},
                "serial": {"type": "string", "readOnly": True, "maxLength": 2},
            },
        },
        "Shelf": {
            "type": "object",
            "required": ["label"],
            "properties": {
                "label": _ref("Label"),
                "tag": _ref("Tag"),
                "shelved": {"type": "array", "items": _ref("Item"), "maxItems": 3},
                "by_room": {"type": "object", "additionalProperties": _ref("Label")},
                "note": {"type": "string", "x-nullable": True, "maxLength": 3},
                "score": {
                    "type": "number",
                    "multipleOf": 0.5,
                    "exclusiveMaximum": True,
                    "maximum": 10,
                },
            },
        },
    },
}


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    tmp = tmp_path_factory.mktemp("shelves")
    path = tmp / "shelves.json"
    path.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_and_import(path, "shelves_validation", tmp / "out")


class Recorder:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(200)


def _client(shelves: ModuleType, recorder: Recorder) -> Any:
    transport = httpx.Client(transport=httpx.MockTransport(recorder))
    return shelves.Shelves(endpoint="https://shelves.invalid", transport=transport)


def _errors(shelves: ModuleType) -> ModuleType:
    return importlib.import_module(f"{shelves.__name__}.exceptions")


def _shelf(models: Any, **changes: Any) -> Any:
    values: dict[str, Any] = {
        "label": models.Label(text="ok"),
        "shelved": [models.Book(title="Dune", pages=412, isbn="978-0")],
        "by_room": {"hall": models.Label(text="h")},
        "note": None,
        "score": 9.5,
    }
    values.update(changes)
    return models.Shelf(**values)


def test_a_valid_body_is_sent(shelves: ModuleType) -> None:
    recorder = Recorder()
    with _client(shelves, recorder) as client:
        client.shelves.put("s1", _shelf(shelves.models))
    body = json.loads(recorder.requests[0].content)
    assert body["shelved"] == [{"kind": "book", "title": "Dune", "pages": 412, "isbn": "978-0"}]
    assert body["score"] == 9.5


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"label": None}, "shelf.label must not be None"),
        ({"label": "<Label>"}, r"shelf.label.text must have at most 5 characters, not 6"),
        ({"shelved": "<4 books>"}, r"shelf.shelved must have at most 3 items, not 4"),
        (
            {"shelved": "<no title>"},
            r"shelf.shelved\[1\].title must have at least 1 character, not 0",
        ),
        ({"shelved": "<0 pages>"}, r"shelf.shelved\[0\].pages must be at least 1, not 0"),
        ({"shelved": "<isbn>"}, r"shelf.shelved\[0\].isbn must match the pattern"),
        ({"by_room": "<room>"}, r"shelf.by_room\['attic'\].text must have at most 5"),
        ({"note": "long"}, r"shelf.note must have at most 3 characters, not 4"),
        ({"score": 10}, r"shelf.score must be less than 10, not 10"),
        ({"score": 1.25}, r"shelf.score must be a multiple of 0.5, not 1.25"),
    ],
)
def test_an_invalid_body_is_refused_before_sending(
    shelves: ModuleType, changes: dict[str, Any], message: str
) -> None:
    models = shelves.models
    book = models.Book(title="Dune", pages=412, isbn="978-0")
    stand_ins = {
        "<Label>": models.Label(text="sixsix"),
        "<4 books>": [book] * 4,
        "<no title>": [book, models.Book(title="")],
        "<0 pages>": [models.Book(title="T", pages=0)],
        "<isbn>": [models.Book(title="T", isbn="ISBN 1")],
        "<room>": {"hall": models.Label(text="h"), "attic": models.Label(text="attic!")},
    }
    values = {k: stand_ins.get(v, v) if isinstance(v, str) else v for k, v in changes.items()}
    recorder = Recorder()
    errors = _errors(shelves)
    with _client(shelves, recorder) as client, pytest.raises(errors.ValidationError, match=message):
        client.shelves.put("s1", _shelf(models, **values))
    assert recorder.requests == []


def test_nullable_and_read_only_fields_are_not_checked(shelves: ModuleType) -> None:
    models = shelves.models
    recorder = Recorder()
    book = models.Book(title="T")
    book.serial = "longer than two"  # read-only: never sent, so never checked
    with _client(shelves, recorder) as client:
        client.shelves.put("s1", _shelf(models, shelved=[book], note=None))
    assert "serial" not in json.loads(recorder.requests[0].content)["shelved"][0]


def test_a_list_body_and_a_flattened_body(shelves: ModuleType) -> None:
    models = shelves.models
    recorder = Recorder()
    errors = _errors(shelves)
    with _client(shelves, recorder) as client:
        with pytest.raises(errors.ValidationError, match=r"^books\[1\].pages must be at least 1"):
            client.books.add([models.Book(title="A"), models.Book(title="B", pages=-1)])
        # A flattened body's properties are arguments: the path starts at the property.
        with pytest.raises(errors.ValidationError, match=r"^text must have at most 5 characters"):
            client.shelves.label("s1", text="toolong")
        assert recorder.requests == []
        client.shelves.label("s1", text="fine")
    assert json.loads(recorder.requests[0].content) == {"text": "fine"}


def test_the_async_client_checks_too(shelves: ModuleType) -> None:
    aio = importlib.import_module(f"{shelves.__name__}.aio")
    errors = _errors(shelves)
    recorder = Recorder()

    async def main() -> None:
        transport = httpx.AsyncClient(transport=httpx.MockTransport(recorder))
        async with aio.Shelves(endpoint="https://shelves.invalid", transport=transport) as client:
            shelf = _shelf(shelves.models, label=shelves.models.Label(text="sixsix"))
            with pytest.raises(errors.ValidationError, match="shelf.label.text"):
                await client.shelves.put("s1", shelf)
        await transport.aclose()

    asyncio.run(main())
    assert recorder.requests == []


def test_models_without_constraints_have_no_validate_method(shelves: ModuleType) -> None:
    models = shelves.models
    assert not hasattr(models.Tag, "_validate")
    assert hasattr(models.Book, "_validate")  # `title` (minLength) comes from Item
    recorder = Recorder()
    with _client(shelves, recorder) as client:
        client.shelves.put("s1", _shelf(models, tag=models.Tag(name="x" * 100)))
    assert json.loads(recorder.requests[0].content)["tag"] == {"name": "x" * 100}


def test_generated_validate_is_straight_line(tmp_path: Path, shelves: ModuleType) -> None:
    source = Path(importlib.import_module(f"{shelves.__name__}.models._shelf").__file__ or "")
    text = source.read_text(encoding="utf-8")
    body = text[text.index("def _validate") :]
    assert "for " not in body and "while " not in body
    assert '_s.validate_nested(at + "shelved", self.shelved)' in body
