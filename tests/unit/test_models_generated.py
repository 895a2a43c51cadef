"""Generated model classes for a small spec: polymorphism, additional properties, constants,
nullable properties, explicit null, defaults and name collisions, decoded and encoded offline."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator import ir
from generator.loader import load_api
from generator.plan.models import model_view
from tests.support.generated_packages import generate_and_import


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


DEFINITIONS: dict[str, Any] = {
    "Animal": {
        "type": "object",
        "discriminator": "kind",
        "required": ["kind"],
        "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
    },
    "Dog": {"allOf": [_ref("Animal")], "properties": {"barks": {"type": "boolean"}}},
    "Puppy": {
        "allOf": [_ref("Dog")],
        "x-ms-discriminator-value": "young-dog",
        "properties": {"born": {"type": "string", "format": "date"}},
    },
    "Cat": {
        "allOf": [_ref("Animal")],
        "additionalProperties": {"type": "string", "format": "date-time"},
        "properties": {"lives": {"type": "integer", "default": 9}},
    },
    "Patch": {
        "type": "object",
        "required": ["note", "version"],
        "properties": {
            "note": {"type": "string", "x-nullable": True},
            "version": {"type": "integer"},
            "color": {
                "type": "string",
                "enum": ["red", "green"],
                "x-ms-enum": {"name": "Color", "modelAsString": True},
                "default": "green",
            },
            "mode": {"type": "string", "enum": ["fixed"]},
            "flag": {"type": "boolean", "enum": [True, False]},
            "id": {"type": "string", "readOnly": True},
            "tags": {"type": "object", "additionalProperties": {"type": "array", "items": {}}},
            "additionalProperties": {"type": "string"},
        },
        "additionalProperties": True,
    },
    "Fixed": {
        "type": "object",
        "required": ["level", "amount"],
        "properties": {
            "level": {"type": "string", "enum": ["high"]},
            "amount": {"type": "number", "format": "decimal", "enum": [1.5]},
            "from": {"type": "string", "x-ms-client-name": "sender"},
            "to_dict": {"type": "string"},
        },
    },
}


def _spec() -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for name in DEFINITIONS:
        paths[f"/{name.lower()}"] = {
            "put": {
                "operationId": f"{name}_Put",
                "parameters": [{"name": "body", "in": "body", "schema": _ref(name)}],
                "responses": {"200": {"description": "ok", "schema": _ref(name)}},
            }
        }
    paths["/flat/{kind}"] = {
        "post": {
            "operationId": "Flat_Post",
            "parameters": [
                {"name": "kind", "in": "path", "required": True, "type": "string"},
                {
                    "name": "body",
                    "in": "body",
                    "required": True,
                    "x-ms-client-flatten": True,
                    "schema": _ref("Fixed"),
                },
            ],
            "responses": {"200": {"description": "ok", "schema": _ref("Fixed")}},
        }
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Models", "version": "1.0"},
        "host": "localhost",
        "paths": paths,
        "definitions": DEFINITIONS,
    }


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spec") / "models.json"
    path.write_text(json.dumps(_spec()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def models(spec_file: Path, tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    package = generate_and_import(spec_file, "models_shapes", tmp_path_factory.mktemp("out"))
    return importlib.import_module(f"{package.__name__}.models")


@pytest.fixture(scope="module")
def package(models: ModuleType) -> ModuleType:
    return importlib.import_module("models_shapes")


@pytest.fixture(scope="module")
def api(spec_file: Path) -> ir.Api:
    return load_api(spec_file)


# --- polymorphism --------------------------------------------------------------------------------


def test_a_base_decodes_each_subclass_by_its_value(models: ModuleType) -> None:
    assert type(models.Animal.from_dict({"kind": "Dog"})) is models.Dog
    puppy = models.Animal.from_dict({"kind": "young-dog", "born": "2020-01-02", "barks": True})
    assert type(puppy) is models.Puppy
    assert (puppy.born, puppy.barks) == (dt.date(2020, 1, 2), True)
    # A nested subtype is reached through its parent too.
    assert type(models.Dog.from_dict({"kind": "young-dog"})) is models.Puppy


def test_an_unknown_value_decodes_the_class_asked_for_and_keeps_the_value(
    models: ModuleType,
) -> None:
    animal = models.Animal.from_dict({"kind": "Bird", "name": "Tweety", "wings": 2})
    assert type(animal) is models.Animal
    assert animal.kind == "Bird"
    assert animal.to_dict() == {"kind": "Bird", "name": "Tweety", "wings": 2}
    dog = models.Dog.from_dict({"kind": "Wolf"})
    assert type(dog) is models.Dog
    assert dog.kind == "Wolf"


def test_subclasses_set_their_value_and_do_not_take_it_as_an_argument(
    models: ModuleType,
) -> None:
    assert models.Puppy(name="Rex").to_dict() == {"kind": "young-dog", "name": "Rex"}
    assert models.Dog().kind == "Dog"
    with pytest.raises(TypeError):
        models.Dog(kind="Cat")
    # The base needs the value: it cannot know it.
    assert models.Animal(kind="Bird").to_dict() == {"kind": "Bird"}


def test_the_dispatch_table_lists_every_subtype_with_its_value(api: ir.Api) -> None:
    view = model_view(api, api.model("Animal"))
    assert "'Dog': _models.Dog" in view.subtypes.replace('"', "'")
    assert "'young-dog': _models.Puppy" in view.subtypes.replace('"', "'")
    assert view.discriminator_path == "('kind',)"
    assert model_view(api, api.model("Puppy")).subtypes == ""


# --- additional properties -----------------------------------------------------------------------


def test_typed_additional_properties_are_decoded_and_encoded(models: ModuleType) -> None:
    data = {"kind": "Cat", "lives": 7, "born": "2020-01-02T03:04:05Z"}
    cat = models.Animal.from_dict(data)
    assert type(cat) is models.Cat
    assert cat.additional_properties == {"born": dt.datetime(2020, 1, 2, 3, 4, 5, tzinfo=dt.UTC)}
    assert cat.to_dict() == data


def test_a_declared_property_named_additional_properties_keeps_its_name(
    models: ModuleType, api: ir.Api
) -> None:
    assert api.model("Patch").additional_properties_py_name == "additional_properties_2"
    patch = models.Patch.from_dict(
        {"note": "n", "version": 1, "additionalProperties": "declared", "extra": [1]}
    )
    assert patch.additional_properties == "declared"
    assert patch.additional_properties_2 == {"extra": [1]}


# --- absent, null and set ------------------------------------------------------------------------


def test_none_is_left_out_and_null_is_sent(models: ModuleType) -> None:
    from models_shapes._runtime.codec import NULL

    patch = models.Patch(note="n", version=2)
    # An optional single-value enum is an enum, not a constant: absent until set.
    assert patch.to_dict() == {"note": "n", "version": 2, "color": "green"}
    patch = models.Patch(note=None, version=2, color=None)
    patch.flag = NULL
    wire = patch.to_dict()
    # `note` is required and nullable: None can only mean null. `color` is optional: left out.
    assert wire == {"note": None, "version": 2, "flag": None}


def test_required_nullable_is_optional_in_the_annotation_only(models: ModuleType) -> None:
    fields = {f.name: f for f in dataclasses.fields(models.Patch)}
    assert fields["note"].default is dataclasses.MISSING
    assert "None" in str(fields["note"].type)
    with pytest.raises(TypeError, match="note"):
        models.Patch(version=1)


def test_read_only_properties_are_dropped_on_request(models: ModuleType) -> None:
    patch = models.Patch.from_dict({"note": "n", "version": 1, "id": "abc"})
    assert patch.id == "abc"
    assert "id" in patch.to_dict()
    assert "id" not in patch.to_dict(exclude_readonly=True)


# --- constants, enums, defaults, names -----------------------------------------------------------


def test_constants_are_fixed_and_always_sent(models: ModuleType) -> None:
    fixed = models.Fixed(sender="me")
    assert fixed.level == "high"
    assert str(fixed.amount) == "1.5"
    assert fixed.to_dict() == {"level": "high", "amount": 1.5, "from": "me"}
    with pytest.raises(TypeError):
        models.Fixed(level="low")


def test_boolean_enum_is_a_boolean(models: ModuleType, api: ir.Api) -> None:
    flag = next(f for f in api.model("Patch").fields if f.py_name == "flag")
    assert flag.type == ir.PrimitiveType(ir.Primitive.BOOL)
    assert models.Patch.from_dict({"flag": True}).flag is True


def test_enum_default_and_unknown_values(models: ModuleType) -> None:
    assert models.Patch(note=None, version=1).color is models.Color.GREEN
    patch = models.Patch.from_dict({"color": "purple"})
    assert patch.color == "purple"
    assert isinstance(patch.color, models.Color)


def test_names_that_would_collide_get_other_names(models: ModuleType) -> None:
    names = {f.name for f in dataclasses.fields(models.Fixed)}
    assert {"sender", "to_dict_"} <= names
    fixed = models.Fixed.from_dict({"to_dict": "x", "from": "y"})
    assert (fixed.to_dict_, fixed.sender) == ("x", "y")
    assert callable(fixed.to_dict)


# --- a flattened body parameter ------------------------------------------------------------------


def test_a_flattened_body_takes_the_model_properties(package: ModuleType) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=json.loads(request.content))

    transport = httpx.Client(transport=httpx.MockTransport(answer))
    with package.Models(endpoint="http://test", transport=transport) as client:
        method = client.flat.post
        arguments = list(inspect.signature(method).parameters)
        # The constants are not arguments; the colliding names stay apart.
        assert arguments[:3] == ["kind", "sender", "to_dict_"]
        result = method("a", sender="me", to_dict_="x")
    assert json.loads(sent[0].content) == {
        "level": "high",
        "amount": 1.5,
        "from": "me",
        "to_dict": "x",
    }
    assert (result.sender, result.to_dict_) == ("me", "x")
