"""The pydantic model style (`--models pydantic`): what the dataclass style guarantees, offline.

One small spec with every case: flattened properties, polymorphism by discriminator, extensible
enums, unknown properties, absent/null/value, read-only properties, date/time/duration/bytes, and a
pageable operation and an error model going through the same client code.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from generator.build import build_package
from generator.cli import main
from generator.loader import load_api
from generator.plan.pydantic import models_input
from generator.render.write import write_tree

PACKAGE = "pydantic_style_models"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


DEFINITIONS: dict[str, Any] = {
    "Animal": {
        "type": "object",
        "discriminator": "kind",
        "required": ["kind", "name"],
        "properties": {"kind": {"type": "string"}, "name": {"type": "string"}},
    },
    "Dog": {
        "allOf": [_ref("Animal")],
        "x-ms-discriminator-value": "dog",
        "properties": {"barks": {"type": "boolean"}},
    },
    "Puppy": {
        "allOf": [_ref("Dog")],
        "x-ms-discriminator-value": "puppy",
        "properties": {"born": {"type": "string", "format": "date"}},
    },
    "Resource": {
        "type": "object",
        "properties": {
            "id": {"type": "string", "readOnly": True},
            "class": {"type": "string"},
            "color": {
                "type": "string",
                "enum": ["red", "green"],
                "x-ms-enum": {"name": "Color", "modelAsString": True},
            },
            "note": {"type": "string", "x-nullable": True},
            "properties": {"x-ms-client-flatten": True, **_ref("ResourceProperties")},
            "pets": {"type": "array", "items": _ref("Animal")},
        },
    },
    "ResourceProperties": {
        "type": "object",
        "properties": {
            "created": {"type": "string", "format": "date-time"},
            "changed": {"type": "string", "format": "date-time-rfc1123"},
            "ttl": {"type": "string", "format": "duration"},
            "blob": {"type": "string", "format": "byte"},
            "state": {"type": "string", "readOnly": True},
        },
    },
    "Bag": {
        "type": "object",
        "properties": {"size": {"type": "integer"}},
        "additionalProperties": {"type": "integer"},
    },
    "AnimalList": {
        "type": "object",
        "properties": {
            "value": {"type": "array", "items": _ref("Animal")},
            "nextLink": {"type": "string"},
        },
    },
    "Problem": {"type": "object", "properties": {"code": {"type": "string"}}},
}


def _spec() -> dict[str, Any]:
    paths: dict[str, Any] = {
        "/resource": {
            "put": {
                "operationId": "Resource_Put",
                "parameters": [
                    {"name": "body", "in": "body", "required": True, "schema": _ref("Resource")}
                ],
                "responses": {
                    "200": {"description": "ok", "schema": _ref("Resource")},
                    "default": {"description": "error", "schema": _ref("Problem")},
                },
            }
        },
        "/animals": {
            "get": {
                "operationId": "Animals_List",
                "x-ms-pageable": {"nextLinkName": "nextLink"},
                "responses": {"200": {"description": "ok", "schema": _ref("AnimalList")}},
            }
        },
        "/bag": {
            "put": {
                "operationId": "Bag_Put",
                "parameters": [{"name": "body", "in": "body", "schema": _ref("Bag")}],
                "responses": {"200": {"description": "ok", "schema": _ref("Bag")}},
            }
        },
    }
    return {
        "swagger": "2.0",
        "info": {"title": "Pydantic Style", "version": "1.0"},
        "host": "localhost",
        "schemes": ["http"],
        "paths": paths,
        "definitions": DEFINITIONS,
    }


@pytest.fixture(scope="module")
def spec_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("spec") / "pets.json"
    path.write_text(json.dumps(_spec()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def out(spec_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pydantic-style")
    write_tree(out / PACKAGE, build_package(spec_file, PACKAGE, models="pydantic").files)
    return out


@pytest.fixture(scope="module")
def package(out: Path) -> ModuleType:
    sys.path.insert(0, str(out))
    try:
        return importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out))


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return importlib.import_module(f"{PACKAGE}.models")


# --- the generator side ------------------------------------------------------------------------


def test_schema_names_every_field_by_its_python_name_and_marks_the_wire_facts(
    spec_file: Path,
) -> None:
    given = models_input(load_api(spec_file), "pkg")
    assert given.aliases["Resource.class"] == "class_"
    assert given.aliases["Resource.properties/created"] == "created"
    resource = given.schema["$defs"]["Resource"]["properties"]
    assert resource["properties/created"]["x-sdkforge-path"] == ["properties", "created"]
    assert (
        resource["properties/created"]["customTypePath"] == "pkg._runtime.pydantic_models.DateTime"
    )
    assert resource["id"]["readOnly"] is True
    assert resource["color"] == {"customTypePath": "pkg.models._enums.Color"}
    dog = given.schema["$defs"]["Dog"]["allOf"]
    assert dog[0] == {"$ref": "#/$defs/Animal"}
    assert dog[1]["properties"]["kind"]["x-sdkforge-default"] == "dog"
    assert dog[1]["properties"]["kind"]["x-sdkforge-always"] is True
    assert given.base_class == "pkg._runtime.pydantic_models.WireModel"


def test_output_is_byte_deterministic(spec_file: Path) -> None:
    first = build_package(spec_file, PACKAGE, models="pydantic").files
    second = build_package(spec_file, PACKAGE, models="pydantic").files
    assert first["models/_models.py"] == second["models/_models.py"]
    assert first == second


def test_only_the_pydantic_style_carries_the_pydantic_adapter(spec_file: Path) -> None:
    dataclass_files = build_package(spec_file, PACKAGE).files
    pydantic_files = build_package(spec_file, PACKAGE, models="pydantic").files
    assert "_runtime/pydantic_models.py" not in dataclass_files
    assert "_runtime/pydantic_models.py" in pydantic_files
    assert "models/_models.py" in pydantic_files
    assert not any(p.startswith("models/_resource") for p in pydantic_files)


USER_CODE = f"""
import datetime as dt

from {PACKAGE} import models as m

resource = m.Resource(class_="gold", created=dt.datetime.now(dt.UTC), color=m.Color.RED)
puppy = m.Puppy(name="rex", born=dt.date(2024, 1, 1))
name: str | None = puppy.name
when: dt.datetime | None = resource.created
wire: dict[str, object] = resource.to_dict(exclude_readonly=True)
again: m.Resource = m.Resource.from_dict(wire)
"""


def test_generated_package_passes_ruff_and_mypy_strict(out: Path) -> None:
    # Code using the models by their Python names type-checks too (no mypy plugin needed).
    (out / "use_models.py").write_text(USER_CODE, encoding="utf-8")
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", PACKAGE],
        cwd=out,
        capture_output=True,
        text=True,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            PACKAGE,
            "use_models.py",
        ],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout


def test_missing_extra_is_one_line_and_exit_2(
    spec_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setitem(sys.modules, "datamodel_code_generator", None)  # import fails
    code = main(
        [
            "generate",
            str(spec_file),
            "--package-name",
            "p",
            "--out",
            str(tmp_path),
            "--models",
            "pydantic",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "sdkforge[pydantic]" in err
    assert not any(tmp_path.iterdir())


def test_models_setting_in_pyproject(tmp_path: Path, spec_file: Path) -> None:
    from generator.config import load_config
    from generator.diagnostics import SpecError

    config = tmp_path / "pyproject.toml"
    config.write_text(
        f'[[tool.sdkforge.clients]]\nspec = "{spec_file}"\npackage = "p"\nmodels = "pydantic"\n',
        encoding="utf-8",
    )
    assert load_config(config)[0].models == "pydantic"
    config.write_text(
        f'[[tool.sdkforge.clients]]\nspec = "{spec_file}"\npackage = "p"\nmodels = "attrs"\n',
        encoding="utf-8",
    )
    with pytest.raises(SpecError, match='must be one of "dataclass", "pydantic"'):
        load_config(config)


# --- the guarantees ------------------------------------------------------------------------------

WIRE: dict[str, Any] = {
    "id": "r1",
    "class": "gold",
    "color": "Purple",
    "note": None,
    "properties": {
        "created": "2024-02-29T12:30:00Z",
        "changed": "Thu, 29 Feb 2024 12:30:00 GMT",
        "ttl": "P1DT2H",
        "blob": "AAEC",
        "state": "Succeeded",
        "future": {"x": 1},
    },
    "pets": [
        {"kind": "puppy", "name": "rex", "born": "2024-01-01", "barks": True},
        {"kind": "dog", "name": "max"},
        {"kind": "lizard", "name": "liz", "scales": 12},
    ],
    "unknownTop": [1, 2],
}


def test_flattened_properties_formats_and_unknowns_round_trip(m: ModuleType) -> None:
    resource = m.Resource.from_dict(WIRE)
    assert resource.created == dt.datetime(2024, 2, 29, 12, 30, tzinfo=dt.UTC)
    assert resource.changed == dt.datetime(2024, 2, 29, 12, 30, tzinfo=dt.UTC)
    assert resource.ttl == dt.timedelta(days=1, hours=2)
    assert resource.blob == b"\x00\x01\x02"
    assert resource.state == "Succeeded"
    assert resource.class_ == "gold"
    assert resource.model_extra == {"unknownTop": [1, 2], "properties": {"future": {"x": 1}}}
    assert resource.to_dict() == WIRE


def test_polymorphic_decoding_by_discriminator(m: ModuleType) -> None:
    pets = m.Resource.from_dict(WIRE).pets
    assert [type(p) for p in pets] == [m.Puppy, m.Dog, m.Animal]
    assert pets[0].born == dt.date(2024, 1, 1)
    assert pets[2].kind == "lizard"
    assert pets[2].model_extra == {"scales": 12}
    assert type(m.Animal.from_dict({"kind": "PUPPY", "name": "x"})) is m.Puppy
    assert m.Puppy(name="p").to_dict() == {"kind": "puppy", "name": "p"}
    with pytest.raises(TypeError):
        m.Dog(kind="cat", name="x")
    with pytest.raises(TypeError, match="name"):
        m.Dog()


def test_extensible_enum_keeps_unknown_values(m: ModuleType) -> None:
    resource = m.Resource.from_dict({"color": "Purple"})
    assert isinstance(resource.color, m.Color)
    assert resource.color.value == "Purple"
    assert m.Resource.from_dict({"color": "RED"}).color is m.Color.RED


def test_absent_null_and_value(m: ModuleType) -> None:
    assert m.Resource.from_dict({}).to_dict() == {}
    assert m.Resource.from_dict({"note": None}).to_dict() == {"note": None}
    assert m.Resource.from_dict({"note": "n"}).to_dict() == {"note": "n"}
    built = m.Resource(note=None, class_="c")
    assert built.to_dict() == {"class": "c"}  # None in the constructor: not given
    built.note = None
    assert built.to_dict() == {"class": "c", "note": None}  # set afterwards: null


def test_read_only_properties_are_not_sent(m: ModuleType) -> None:
    resource = m.Resource.from_dict(WIRE)
    sent = resource.to_dict(exclude_readonly=True)
    assert "id" not in sent
    assert "state" not in sent["properties"]
    assert sent["properties"]["created"] == "2024-02-29T12:30:00Z"


def test_additional_properties_field(m: ModuleType) -> None:
    bag = m.Bag.from_dict({"size": 1, "a": 2, "b": 3})
    assert bag.additional_properties == {"a": 2, "b": 3}
    assert bag.to_dict() == {"size": 1, "a": 2, "b": 3}
    assert m.Bag(size=1, additional_properties={"c": 4}).to_dict() == {"size": 1, "c": 4}


def test_bad_wire_value_is_a_deserialization_error(package: ModuleType, m: ModuleType) -> None:
    errors = importlib.import_module(f"{PACKAGE}.exceptions")
    with pytest.raises(errors.DeserializationError, match="created"):
        m.Resource.from_dict({"properties": {"created": "not a date"}})


# --- the same client code ------------------------------------------------------------------------


def _client(package: ModuleType, handler: Any) -> Any:
    transport = httpx.Client(transport=httpx.MockTransport(handler))
    return package.PydanticStyle(endpoint="http://localhost", transport=transport)


def test_operation_sends_and_reads_models(package: ModuleType, m: ModuleType) -> None:
    seen: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        return httpx.Response(200, json=WIRE)

    with _client(package, handler) as client:
        answer = client.resource.put(m.Resource.from_dict(WIRE))
    assert seen[0]["properties"] == {
        "created": "2024-02-29T12:30:00Z",
        "changed": "Thu, 29 Feb 2024 12:30:00 GMT",
        "ttl": "P1DT2H",
        "blob": "AAEC",
        "future": {"x": 1},
    }
    assert "id" not in seen[0]
    assert answer.to_dict() == WIRE


def test_pager_and_error_model(package: ModuleType, m: ModuleType) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/resource":
            return httpx.Response(400, json={"code": "Nope", "extra": True})
        if request.url.params.get("page") == "2":
            return httpx.Response(200, json={"value": [{"kind": "dog", "name": "b"}]})
        return httpx.Response(
            200,
            json={
                "value": [{"kind": "puppy", "name": "a"}],
                "nextLink": "http://localhost/animals?page=2",
            },
        )

    with _client(package, handler) as client:
        animals = list(client.animals.list())
        assert [(type(a), a.name) for a in animals] == [(m.Puppy, "a"), (m.Dog, "b")]
        errors = importlib.import_module(f"{PACKAGE}.exceptions")
        with pytest.raises(errors.HttpResponseError) as caught:
            client.resource.put(m.Resource())
    assert isinstance(caught.value.model, m.Problem)
    assert caught.value.model.code == "Nope"


HOSTILE_PROPERTIES = {
    "a\"b\nc'd\\e": {"type": "string", "default": 'x"""y\\n\'z'},
    "__import__('os').system('exit 3')": {"type": "integer"},
    "model_config": {"type": "string"},
    "model_dump": {"type": "string"},
    "json": {"type": "string"},
    "Field": {"type": "string"},
}


def test_hostile_property_names_stay_data(tmp_path: Path) -> None:
    spec = {
        "swagger": "2.0",
        "info": {"title": 'T"""', "version": "1"},
        "host": "localhost",
        "paths": {
            "/evil": {
                "get": {
                    "operationId": "Evil_Get",
                    "responses": {"200": {"description": "ok", "schema": _ref("Evil")}},
                }
            }
        },
        "definitions": {"Evil": {"type": "object", "properties": HOSTILE_PROPERTIES}},
    }
    path = tmp_path / "evil.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    write_tree(tmp_path / "evil_pkg", build_package(path, "evil_pkg", models="pydantic").files)
    wire = {name: "v" for name in HOSTILE_PROPERTIES if "import" not in name}
    code = (
        "import json, sys, warnings\n"
        "warnings.simplefilter('error')\n"
        "from evil_pkg.models import Evil\n"
        "wire = json.loads(sys.argv[1])\n"
        "evil = Evil.from_dict(wire)\n"
        "assert evil.to_dict() == wire, evil.to_dict()\n"
        "assert (evil.model_config_, evil.json_) == ('v', 'v')\n"
        "print(sorted(Evil().to_dict().items()))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(wire)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == repr([("a\"b\nc'd\\e", 'x"""y\\n\'z')])
