"""Plain OpenAPI 3 (no Azure extensions): responses decoded by their Content-Type, shared
parameters as method arguments, enum server variables, no Azure headers."""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.example_server import ExampleServer, Exchange
from tests.support.generated_packages import generate_and_import

PET = {
    "type": "object",
    "xml": {"name": "Pet"},
    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
}

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Pet Shop", "version": "2.0"},
    "servers": [{"url": "http://pets.invalid/v2"}],
    "components": {
        "schemas": {"Pet": PET},
        "parameters": {
            "fields": {"name": "fields", "in": "query", "schema": {"type": "string"}},
            "petId": {
                "name": "petId",
                "in": "path",
                "required": True,
                "schema": {"type": "integer"},
            },
        },
    },
    "paths": {
        "/pets/{petId}": {
            "parameters": [{"$ref": "#/components/parameters/petId"}],
            "get": {
                "operationId": "getPet",
                "parameters": [{"$ref": "#/components/parameters/fields"}],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/xml": {"schema": {"$ref": "#/components/schemas/Pet"}},
                            "application/json": {"schema": {"$ref": "#/components/schemas/Pet"}},
                        },
                    }
                },
            },
        },
        "/prefs": {
            "get": {
                "operationId": "getPrefs",
                "parameters": [
                    {
                        "name": "theme",
                        "in": "cookie",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "count", "in": "cookie", "schema": {"type": "integer"}},
                ],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/v3/upload": {
            "servers": [{"url": "/files"}],
            "post": {
                "operationId": "upload",
                "responses": {"204": {"description": "ok"}},
            },
            "get": {
                "operationId": "uploadStatus",
                "servers": [
                    {"url": "http://127.0.0.1:{port}", "variables": {"port": {"default": "9"}}}
                ],
                "responses": {"204": {"description": "ok"}},
            },
        },
        "/notes": {
            "get": {
                "operationId": "getNote",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "text/plain": {"schema": {"type": "string"}},
                            "application/json": {"schema": {"type": "string"}},
                        },
                    }
                },
            }
        },
    },
}


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("shop")
    spec = out / "shop.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_and_import(spec, "pet_shop", out)


def _exceptions(package: ModuleType) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.exceptions")


def _pet_exchanges() -> list[Exchange]:
    return [
        Exchange("GET", "/pets/1", body={"id": 1, "name": "Rex"}),
        Exchange(
            "GET",
            "/pets/2",
            headers={"Content-Type": "application/xml"},
            body=b"<Pet><id>2</id><name>Tom</name></Pet>",
        ),
        Exchange(
            "GET",
            "/pets/3",
            headers={"Content-Type": "text/html"},
            body=b"<html>maintenance</html>",
        ),
        Exchange(
            "GET",
            "/pets/4",
            headers={"Content-Type": "application/vnd.pet+json"},
            body=b'{"id": 4, "name": "Kit"}',
        ),
    ]


def test_shared_parameters_are_method_arguments(shop: ModuleType) -> None:
    client_params = inspect.signature(shop.PetShop).parameters
    assert "fields" not in client_params
    assert "pet_id" not in client_params
    method = inspect.signature(shop.PetShop.get_pet).parameters
    assert method["pet_id"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert method["fields"].default is None


def test_response_decoded_by_its_content_type(shop: ModuleType) -> None:
    with ExampleServer(_pet_exchanges()) as server, shop.PetShop(endpoint=server.url) as client:
        pet = client.get_pet(1, fields="name")
        assert (pet.id, pet.name) == (1, "Rex")
        assert server.requests[-1].query == {"fields": ["name"]}
        pet = client.get_pet(2)
        assert (pet.id, pet.name) == (2, "Tom")
        with pytest.raises(_exceptions(shop).UnexpectedContentTypeError, match="text/html") as info:
            client.get_pet(3)
        assert info.value.content_type == "text/html"
        assert isinstance(info.value, _exceptions(shop).DeserializationError)
        pet = client.get_pet(4)
        assert (pet.id, pet.name) == (4, "Kit")
    for request in server.requests:
        assert "x-ms-client-request-id" not in request.headers


def test_cookie_parameters_are_sent_as_cookies(shop: ModuleType) -> None:
    exchanges = [Exchange("GET", "/prefs", status=204), Exchange("GET", "/prefs", status=204)]
    with ExampleServer(exchanges) as server, shop.PetShop(endpoint=server.url) as client:
        client.get_prefs("dark; x=1", count=3)
        client.get_prefs("light")
    assert server.requests[0].headers["Cookie"] == "theme=dark%3B%20x=1; count=3"
    assert server.requests[1].headers["Cookie"] == "theme=light"


def test_path_and_operation_servers(shop: ModuleType) -> None:
    # The path's relative server replaces the client's path; the operation's absolute one
    # replaces the whole base URL (here a port where nothing listens).
    no_retries = importlib.import_module("pet_shop._runtime.pipeline").RetryPolicy(total=0)
    with (
        ExampleServer([Exchange("POST", "/files/v3/upload", status=204)]) as server,
        shop.PetShop(endpoint=server.url + "/v2", retry=no_retries) as client,
    ):
        client.upload()
        with pytest.raises(_exceptions(shop).ServiceRequestError, match="127.0.0.1:9/v3"):
            client.upload_status()
    assert [r.path for r in server.requests] == ["/files/v3/upload"]


def test_text_or_json_by_content_type(shop: ModuleType) -> None:
    exchanges = [
        Exchange("GET", "/notes", headers={"Content-Type": "text/plain"}, body=b"plain words"),
        Exchange("GET", "/notes", body="json words"),
    ]
    with ExampleServer(exchanges) as server, shop.PetShop(endpoint=server.url) as client:
        assert client.get_note() == "plain words"
        assert client.get_note() == "json words"


def test_async_response_decoded_by_its_content_type(shop: ModuleType) -> None:
    from pet_shop.aio import PetShop as AsyncPetShop

    async def main(url: str) -> None:
        async with AsyncPetShop(endpoint=url) as client:
            assert (await client.get_pet(1)).name == "Rex"
            assert (await client.get_pet(2)).name == "Tom"
            with pytest.raises(_exceptions(shop).UnexpectedContentTypeError):
                await client.get_pet(3)

    with ExampleServer(_pet_exchanges()) as server:
        asyncio.run(main(server.url))


REGIONAL: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Regional", "version": "1"},
    "servers": [
        {
            "url": "http://{region}.pets.invalid/v2",
            "variables": {"region": {"default": "us-east-1", "enum": ["us-east-1", "eu-west-1"]}},
        }
    ],
    "paths": {
        "/ping": {"get": {"operationId": "ping", "responses": {"204": {"description": "ok"}}}}
    },
}


def _mypy_strict(*package_dirs: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, package_dirs)],
        capture_output=True,
        text=True,
        check=False,
        cwd=package_dirs[0].parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_enum_server_variable_defaults_and_type_checks(tmp_path: Path, shop: ModuleType) -> None:
    spec = tmp_path / "regional.json"
    spec.write_text(json.dumps(REGIONAL), encoding="utf-8")
    regional = generate_and_import(spec, "regional", tmp_path)
    region = inspect.signature(regional.Regional).parameters["region"]
    assert region.default == "us-east-1"
    client = regional.Regional(region=regional.models.Region.EU_WEST_1)
    assert client._pipeline.base_url == "http://eu-west-1.pets.invalid/v2"
    client.close()
    _mypy_strict(Path(regional.__file__).parent, Path(shop.__file__).parent)
