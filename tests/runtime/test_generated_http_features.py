"""HTTP features of a client generated from a small inline spec, against a scripted local
server: x-ms-secret values kept out of logs and errors, x-ms-skip-url-encoding query values,
OpenAPI 3 server variables as client values, and per-call headers."""

from __future__ import annotations

import importlib
import json
import logging
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.support.generated_packages import generate_and_import

from .scripted_server import Received, Reply, ScriptedServer

SWAGGER: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Secret Things", "version": "2024-01-01"},
    "host": "example.invalid",
    "schemes": ["https"],
    "paths": {
        "/things/{name}": {
            "get": {
                "operationId": "Things_Get",
                "parameters": [
                    {"name": "name", "in": "path", "required": True, "type": "string"},
                    {
                        "name": "passcode",
                        "in": "query",
                        "required": True,
                        "type": "string",
                        "x-ms-secret": True,
                    },
                    {
                        "name": "x-ms-ticket",
                        "in": "header",
                        "required": True,
                        "type": "string",
                        "x-ms-secret": True,
                    },
                    {
                        "name": "filter",
                        "in": "query",
                        "type": "string",
                        "x-ms-skip-url-encoding": True,
                    },
                ],
                "responses": {
                    "200": {"description": "OK", "schema": {"type": "object"}},
                    "default": {"description": "Error"},
                },
            }
        }
    },
}

OPENAPI3: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Regional", "version": "1.0"},
    "servers": [
        {
            "url": "{scheme}://{host}/api/{version}",
            "variables": {
                "scheme": {"default": "http"},
                "host": {"default": "example.invalid"},
                "version": {"default": "v2", "enum": ["v1", "v2"]},
            },
        }
    ],
    "paths": {
        "/ping": {
            "get": {
                "operationId": "ping",
                "responses": {"204": {"description": "pong"}},
            }
        }
    },
}


def _generate(tmp_path: Path, spec: dict[str, Any], package: str) -> ModuleType:
    path = tmp_path / f"{package}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return generate_and_import(path, package, tmp_path / "out")


@pytest.fixture(scope="module")
def secrets_pkg(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    return _generate(tmp_path_factory.mktemp("secrets"), SWAGGER, "secret_things_http")


def test_x_ms_secret_values_stay_out_of_logs_and_errors(
    secrets_pkg: ModuleType, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="secret_things_http")

    def echo(received: Received) -> Reply:
        return Reply(400, json.dumps({"youSent": received.path, "ticket": "t"}).encode())

    server.reply(echo)
    errors = importlib.import_module("secret_things_http.exceptions")
    client = secrets_pkg.SecretThings(endpoint=server.url)
    with client, pytest.raises(errors.HttpResponseError) as info:
        client.things.get("a b", "passcode-value-1", "ticket-value-2")
    received = server.received[0]
    assert received.path == "/things/a%20b?passcode=passcode-value-1"
    assert received.headers["x-ms-ticket"] == "ticket-value-2"
    text = "\n".join(r.getMessage() for r in caplog.records if r.name == "secret_things_http")
    assert "passcode=REDACTED" in text
    for secret in ("passcode-value-1", "ticket-value-2"):
        assert secret not in text
        assert secret not in str(info.value)
    assert "passcode-value-1" in info.value.response.text, "the server did echo it"


def test_skip_url_encoding_query_and_per_call_headers(
    secrets_pkg: ModuleType, server: ScriptedServer
) -> None:
    server.reply(Reply(200, b'{"ok": true}'))
    with secrets_pkg.SecretThings(endpoint=server.url) as client:
        result = client.things.get(
            "n",
            "p-1234",
            "t-1234",
            filter="a eq 'b'&c=d",
            headers={"X-MS-TICKET": "override-1234", "x-extra": "1"},
        )
    assert result == {"ok": True}
    received = server.received[0]
    # The filter went out unencoded (its "&c=d" reads as a second parameter) but for the spaces,
    # which no HTTP request line may hold.
    assert received.path == "/things/n?filter=a%20eq%20'b'&c=d&passcode=p-1234"
    assert received.headers["x-ms-ticket"] == "override-1234"
    assert received.headers["x-extra"] == "1"


def test_server_variables_are_client_values(tmp_path: Path, server: ScriptedServer) -> None:
    package = _generate(tmp_path, OPENAPI3, "regional_http")
    server.reply(Reply(204))
    host = server.url.removeprefix("http://")
    with package.Regional(host=host, version="v1") as client:
        assert client.ping() is None
    assert server.received[0].path == "/api/v1/ping"


FORMS3: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Uploads", "version": "1.0"},
    "servers": [{"url": "http://example.invalid"}],
    "paths": {
        "/docs/{id}": {
            "post": {
                "operationId": "Docs_Upload",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {
                                    "file": {"type": "string", "format": "binary"},
                                    "tags": {"type": "array", "items": {"type": "string"}},
                                    "pages": {"type": "integer"},
                                },
                            }
                        }
                    },
                },
                "responses": {"204": {"description": "stored"}},
            }
        }
    },
}


def test_openapi3_multipart_form_body(tmp_path: Path, server: ScriptedServer) -> None:
    package = _generate(tmp_path, FORMS3, "uploads_http")
    server.reply(Reply(204), Reply(204))
    with package.Uploads(endpoint=server.url) as client:
        assert (
            client.docs.upload(7, ("a.pdf", b"%PDF-1", "application/pdf"), tags=["x", "y"]) is None
        )
        client.docs.upload(8, b"raw")
    first, second = server.received
    assert first.path == "/docs/7"
    boundary = first.headers["content-type"].removeprefix("multipart/form-data; boundary=")
    assert (
        first.body
        == (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n'
            f"Content-Type: application/pdf\r\n\r\n%PDF-1\r\n"
            f'--{boundary}\r\nContent-Disposition: form-data; name="tags"\r\n\r\nx\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="tags"\r\n\r\ny\r\n'
            f"--{boundary}--\r\n"
        ).encode()
    )
    assert b'name="pages"' not in second.body
    assert b'name="file"; filename="file"' in second.body
