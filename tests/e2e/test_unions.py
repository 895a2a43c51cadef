"""A client generated from an OpenAPI 3.1 spec with unions, against a local server: responses decode
to the right member, request bodies carry each member's JSON form, and the package (with code using
its unions) passes mypy --strict."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.build import build_package
from generator.render.write import write_tree
from tests.support.example_server import ExampleServer, Exchange

PACKAGE = "union_pets"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _pet(extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["petType", "name"],
        "properties": {"petType": {"type": "string"}, "name": {"type": "string"}, **extra},
    }


SPEC: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Union Pets", "version": "1"},
    "paths": {
        "/pets/{id}": {
            "get": {
                "operationId": "Pets_Get",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": ["integer", "string"]},
                    }
                ],
                "responses": {"200": {"description": "ok", **_json(_ref("Pet"))}},
            },
        },
        "/pets": {
            "get": {
                "operationId": "Pets_List",
                "responses": {
                    "200": {
                        "description": "ok",
                        **_json({"type": "array", "items": _ref("Pet")}),
                    }
                },
            },
        },
        "/holders": {
            "put": {
                "operationId": "Holders_Put",
                "requestBody": {"required": True, **_json(_ref("Holder"))},
                "responses": {"200": {"description": "ok", **_json(_ref("Holder"))}},
            },
        },
        "/shapes": {
            "post": {
                "operationId": "Shapes_Post",
                "requestBody": {"required": True, **_json(_ref("Shape"))},
                "responses": {"200": {"description": "ok", **_json(_ref("Shape"))}},
            },
        },
    },
    "components": {
        "schemas": {
            "Pet": {
                "oneOf": [_ref("Cat"), _ref("Dog")],
                "discriminator": {
                    "propertyName": "petType",
                    "mapping": {"cat": "#/components/schemas/Cat"},
                },
            },
            "Cat": _pet({"lives": {"type": "integer"}}),
            "Dog": _pet({"barks": {"type": "boolean"}}),
            "Square": {
                "type": "object",
                "required": ["kind", "side"],
                "properties": {"kind": {"const": "square"}, "side": {"type": "number"}},
            },
            "Circle": {
                "type": "object",
                "required": ["kind", "radius"],
                "properties": {"kind": {"const": "circle"}, "radius": {"type": "number"}},
            },
            "Shape": {"anyOf": [_ref("Square"), _ref("Circle")]},
            "Holder": {
                "type": "object",
                "properties": {
                    "pets": {"anyOf": [{"type": "array", "items": _ref("Pet")}, {"type": "null"}]},
                    "when": {
                        "oneOf": [
                            {"type": "string", "format": "date"},
                            {"type": "string", "format": "date-time"},
                            {"type": "integer"},
                        ]
                    },
                    "mode": {"oneOf": [{"const": "auto"}, {"type": "integer", "minimum": 1}]},
                    "label": {"type": ["string", "null"]},
                },
            },
        }
    },
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    spec = tmp_path_factory.mktemp("spec") / "unions.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    write_tree(out / PACKAGE, build_package(spec, PACKAGE, "PetsClient").files)
    sys.path.insert(0, str(out))
    return importlib.import_module(PACKAGE)


@pytest.fixture(scope="module")
def models(package: ModuleType) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.models")


def _client(package: ModuleType, server: ExampleServer) -> Any:
    return package.PetsClient(endpoint=server.url)


def test_a_discriminated_response_decodes_to_the_mapped_member(
    package: ModuleType, models: ModuleType
) -> None:
    cat = {"petType": "cat", "name": "Tom", "lives": 9}
    dog = {"petType": "Dog", "name": "Rex", "barks": True}  # implicit mapping: the schema name
    with (
        ExampleServer(
            [Exchange("GET", "/pets/7", body=cat), Exchange("GET", "/pets/rex", body=dog)]
        ) as server,
        _client(package, server) as client,
    ):
        tom = client.pets.get(7)
        rex = client.pets.get("rex")
    assert tom == models.Cat(pet_type="cat", name="Tom", lives=9)
    assert type(rex) is models.Dog
    assert rex.barks is True
    assert server.unmatched == []


def test_a_list_of_unions_decodes_item_by_item_and_fails_on_an_unknown_member(
    package: ModuleType, models: ModuleType
) -> None:
    errors = importlib.import_module(f"{PACKAGE}.exceptions")
    pets = [{"petType": "cat", "name": "Tom"}, {"petType": "Dog", "name": "Rex"}]
    bad = [{"petType": "bird", "name": "Tweety"}]
    with (
        ExampleServer(
            [Exchange("GET", "/pets", body=pets), Exchange("GET", "/pets", body=bad)]
        ) as server,
        _client(package, server) as client,
    ):
        assert [type(p).__name__ for p in client.pets.list()] == ["Cat", "Dog"]
        with pytest.raises(errors.DeserializationError) as caught:
            client.pets.list()
    assert "Pet: petType 'bird' names none of its alternatives" in str(caught.value)


def test_request_bodies_carry_each_members_json_form(
    package: ModuleType, models: ModuleType
) -> None:
    holder = models.Holder(
        pets=[models.Dog(pet_type="Dog", name="Rex")],
        when=dt.datetime(2024, 2, 29, 10, 30, tzinfo=dt.UTC),
        mode="auto",
        label=None,
    )
    answer = {"pets": None, "when": "2024-02-29", "mode": 3, "label": "x"}
    with (
        ExampleServer([Exchange("PUT", "/holders", body=answer)]) as server,
        _client(package, server) as client,
    ):
        result = client.holders.put(holder)
    assert server.requests[0].json() == {
        "pets": [{"petType": "Dog", "name": "Rex"}],
        "when": "2024-02-29T10:30:00Z",
        "mode": "auto",
    }
    assert result.when == dt.date(2024, 2, 29)
    assert type(result.when) is dt.date
    assert result.mode == 3
    assert result.pets is None


def test_decoding_again_builds_no_new_codecs(package: ModuleType, models: ModuleType) -> None:
    codec = importlib.import_module(f"{PACKAGE}._runtime.codec")
    data = {"pets": [{"petType": "cat", "name": "Tom"}], "when": 3, "mode": "auto"}
    first = models.Holder.from_dict(data)
    first.to_dict()
    cached = (codec.list_of.cache_info().currsize, codec.union_of.cache_info().currsize)
    for _ in range(3):
        assert models.Holder.from_dict(data).to_dict() == first.to_dict()
    assert (codec.list_of.cache_info().currsize, codec.union_of.cache_info().currsize) == cached


def test_members_told_apart_by_their_constants_round_trip(
    package: ModuleType, models: ModuleType
) -> None:
    circle = {"kind": "circle", "radius": 2.5}
    with (
        ExampleServer([Exchange("POST", "/shapes", body=circle)]) as server,
        _client(package, server) as client,
    ):
        result = client.shapes.post(models.Square(side=2))
    assert server.requests[0].json() == {"kind": "square", "side": 2}
    assert result == models.Circle(radius=2.5)


def test_a_value_fitting_no_member_is_an_error_naming_the_union(
    package: ModuleType, models: ModuleType
) -> None:
    errors = importlib.import_module(f"{PACKAGE}.exceptions")
    with (
        ExampleServer([Exchange("POST", "/shapes", body={"kind": "hexagon", "side": 1})]) as server,
        _client(package, server) as client,
        pytest.raises(errors.DeserializationError) as caught,
    ):
        client.shapes.post(models.Square(side=1))
    assert "Expected one of Shape (Square, Circle)" in str(caught.value)


USER_CODE = """
import datetime as dt

from union_pets import PetsClient
from union_pets.models import Cat, Dog, Holder, Square


def describe(client: PetsClient) -> str:
    pet = client.pets.get(1)
    if isinstance(pet, Cat):
        lives: int | None = pet.lives
        return f"cat with {lives} lives"
    barks: bool | None = pet.barks
    return f"dog that barks: {barks}"


def build() -> Holder:
    when: dt.date | dt.datetime | int | None = dt.date(2024, 1, 1)
    return Holder(pets=[Cat(pet_type="cat", name="Tom"), Dog(pet_type="Dog", name="R")],
                  when=when, mode="auto", label=None)


def shape(client: PetsClient) -> float:
    result = client.shapes.post(Square(side=1))
    return result.side if isinstance(result, Square) else result.radius
"""


def test_the_package_and_code_using_its_unions_pass_mypy_strict(
    package: ModuleType, tmp_path: Path
) -> None:
    root = Path(package.__file__).parent.parent
    (root / "user_code.py").write_text(textwrap.dedent(USER_CODE), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            PACKAGE,
            "user_code.py",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", PACKAGE],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
