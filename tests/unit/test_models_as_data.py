"""Generated models compare and print like the data they hold, take plain strings for enum
fields, keep read-only defaults for decoded responses, and answer to the Azure SDK model names."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.generated_packages import generate_and_import

PACKAGE = "models_as_data"

DEFINITIONS: dict[str, Any] = {
    "Pet": {
        "type": "object",
        "required": ["name"],
        "properties": {
            "id": {"type": "integer", "readOnly": True, "default": 40},
            "state": {
                "type": "string",
                "readOnly": True,
                "enum": ["ready", "gone"],
                "x-ms-enum": {"name": "State", "modelAsString": True},
                "default": "ready",
            },
            "name": {"type": "string"},
            "status": {
                "type": "string",
                "enum": ["available", "sold"],
                "x-ms-enum": {"name": "PetStatus", "modelAsString": False},
            },
            "owner": {"$ref": "#/definitions/Owner"},
            "nicknames": {"type": "array", "items": {"type": "string"}},
            "properties": {
                "type": "object",
                "x-ms-client-flatten": True,
                "properties": {"weight": {"type": "number"}},
            },
        },
    },
    "Owner": {
        "type": "object",
        "properties": {"name": {"type": "string"}, "property": {"type": "string"}},
    },
    "Animal": {
        "type": "object",
        "discriminator": "kind",
        "required": ["kind"],
        "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
    },
    "Dog": {
        "allOf": [{"$ref": "#/definitions/Animal"}],
        "properties": {"barks": {"type": "boolean"}},
    },
}


def _spec() -> dict[str, Any]:
    paths = {
        f"/{name.lower()}": {
            "put": {
                "operationId": f"{name}_Put",
                "parameters": [
                    {"name": "body", "in": "body", "schema": {"$ref": f"#/definitions/{name}"}}
                ],
                "responses": {
                    "200": {"description": "ok", "schema": {"$ref": f"#/definitions/{name}"}}
                },
            }
        }
        for name in ("Pet", "Animal")
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Pets", "version": "1.0"},
        "host": "localhost",
        "paths": paths,
        "definitions": DEFINITIONS,
    }


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = tmp_path_factory.mktemp("spec") / "pets.json"
    spec.write_text(json.dumps(_spec()), encoding="utf-8")
    target = tmp_path_factory.mktemp("out")
    generate_and_import(spec, PACKAGE, target)
    return target


@pytest.fixture(scope="module")
def models(out: Path) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.models")


WIRE = {
    "id": 7,
    "name": "rex",
    "status": "sold",
    "owner": {"name": "ann"},
    "properties": {"weight": 3.5},
}


# --- equality and unknown properties -------------------------------------------------------------


def test_unknown_properties_take_no_part_in_equality_but_are_kept(models: ModuleType) -> None:
    received = models.Pet.from_dict(
        {**WIRE, "color": "brown", "properties": {"weight": 3.5, "age": 2}}
    )
    built = models.Pet(name="rex", status="sold", owner=models.Owner(name="ann"), weight=3.5)
    built_from_wire = models.Pet.from_dict(WIRE)
    assert received == built_from_wire
    assert received.unknown_properties == {"color": "brown", "properties": {"age": 2}}
    assert received.to_dict()["color"] == "brown"
    assert received.to_dict()["properties"] == {"weight": 3.5, "age": 2}
    # A declared field still counts: the read-only id the service sent differs from None.
    assert built != received
    built_with_id = models.Pet.from_dict({**WIRE, "color": "other"})
    assert built_with_id == received
    assert models.Pet.from_dict({**WIRE, "name": "max"}) != received


def test_nested_models_compare_by_declared_fields(models: ModuleType) -> None:
    first = models.Pet.from_dict({**WIRE, "owner": {"name": "ann", "since": 2020}})
    second = models.Pet.from_dict(WIRE)
    assert first == second
    assert first.owner.unknown_properties == {"since": 2020}


# --- repr ---------------------------------------------------------------------------------------


def test_repr_shows_only_the_fields_that_are_set(models: ModuleType) -> None:
    pet = models.Pet(name="rex", owner=models.Owner(name="ann"))
    assert repr(pet) == "Pet(name='rex', owner=Owner(name='ann'))"
    assert repr(models.Owner()) == "Owner()"
    decoded = models.Pet.from_dict({"name": "rex", "extra": "x" * 50})
    assert "extra" not in repr(decoded)
    assert repr(decoded) == "Pet(id=40, state=<State.READY: 'ready'>, name='rex')"


def test_repr_of_a_subclass_and_of_a_cycle(models: ModuleType) -> None:
    assert repr(models.Dog(name="rex")) == "Dog(kind='Dog', name='rex')"
    pet = models.Pet(name="rex")
    pet.nicknames = [pet]  # not what the annotation says, but repr must not recurse for ever
    assert repr(pet) == "Pet(name='rex', nicknames=[...])"


# --- read-only defaults -------------------------------------------------------------------------


def test_read_only_defaults_fill_decoded_responses_only(models: ModuleType) -> None:
    built = models.Pet(name="rex")
    assert (built.id, built.state) == (None, None)
    assert built.to_dict() == {"name": "rex"}
    decoded = models.Pet.from_dict({"name": "rex"})
    assert decoded.id == 40
    assert decoded.state is models.State.READY
    assert models.Pet.from_dict({"name": "rex", "id": 3}).id == 3
    assert models.Pet.from_dict({"name": "rex", "id": None}).id is None


# --- enum fields take plain strings -------------------------------------------------------------


def test_enum_field_annotations_accept_plain_strings(models: ModuleType) -> None:
    hints = typing.get_type_hints(models.Pet)
    assert hints["status"] == models.PetStatus | str | None
    pet = models.Pet(name="rex", status="sold")
    assert pet.to_dict() == {"name": "rex", "status": "sold"}
    assert pet == models.Pet(name="rex", status=models.PetStatus.SOLD)


def test_mypy_strict_accepts_plain_strings_for_enum_fields(out: Path, tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        f"from {PACKAGE}.models import Pet, PetStatus\n"
        "pet = Pet(name='rex', status='available')\n"
        "pet.status = PetStatus.SOLD\n"
        "pet.status = 'sold'\n"
        "wire: dict[str, object] = Pet.deserialize(pet.serialize()).as_dict()\n"
        "pet.status = 3\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--follow-imports=silent",
            str(user),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={"MYPYPATH": str(out), "PATH": ""},
        cwd=tmp_path,
    )
    # The one deliberate mistake (an int) is the only error.
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout + result.stderr
    assert "user.py:6:" in errors[0]


# --- the names Azure SDK users reach for --------------------------------------------------------


def test_azure_model_names_are_aliases(models: ModuleType) -> None:
    decoded = models.Pet.from_dict({**WIRE, "state": "gone"})
    assert decoded.as_dict() == decoded.to_dict()
    assert decoded.as_dict(exclude_readonly=True) == decoded.to_dict(exclude_readonly=True)
    assert decoded.serialize() == {
        "name": "rex",
        "status": "sold",
        "owner": {"name": "ann"},
        "properties": {"weight": 3.5},
    }
    assert decoded.serialize(keep_readonly=True) == decoded.to_dict()
    assert models.Pet.deserialize(WIRE) == models.Pet.from_dict(WIRE)
    dog = models.Animal.deserialize({"kind": "Dog", "barks": True})
    assert type(dog) is models.Dog
    assert dog.barks is True


def test_a_property_named_property_does_not_hide_the_builtin(models: ModuleType) -> None:
    owner = models.Owner.from_dict({"property": "x", "other": 1})
    assert owner.property_ == "x"
    assert owner.unknown_properties == {"other": 1}
    assert owner.to_dict() == {"property": "x", "other": 1}
