"""The shape of generated clients for small specs: names, constructor, security, client methods."""

from __future__ import annotations

import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.example_server import ExampleServer, Exchange
from tests.support.generated_packages import generate_and_import
from tests.support.paths import ROLLING_SPEC, ROOT


def _spec(**extra: Any) -> dict[str, Any]:
    spec: dict[str, Any] = {
        "swagger": "2.0",
        "info": {"title": "AutoRest Complex Test Service", "version": "1.0"},
        "host": "localhost:3000",
        "schemes": ["http"],
        "paths": {
            "/ping": {
                "get": {
                    "operationId": "Ping",
                    "responses": {"200": {"description": "ok", "schema": {"type": "string"}}},
                }
            },
            "/items/{name}": {
                "get": {
                    "operationId": "Items_Get",
                    "parameters": [
                        {"name": "name", "in": "path", "required": True, "type": "string"}
                    ],
                    "responses": {"200": {"description": "ok", "schema": {"type": "integer"}}},
                }
            },
        },
    }
    spec.update(extra)
    return spec


def _generate(tmp_path: Path, spec: dict[str, Any], package: str) -> Any:
    path = tmp_path / f"{package}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return generate_and_import(path, package, tmp_path / "out")


def test_title_names_the_client_and_no_security_means_no_credential(tmp_path: Path) -> None:
    pkg = _generate(tmp_path, _spec(), "shape_plain")
    client_cls = pkg.AutoRestComplexTestService
    params = inspect.signature(client_cls).parameters
    assert "credential" not in params
    assert params["endpoint"].default == "http://localhost:3000"
    assert params["endpoint"].kind is inspect.Parameter.KEYWORD_ONLY


def test_operation_without_group_is_a_client_method(tmp_path: Path) -> None:
    pkg = _generate(tmp_path, _spec(), "shape_mixin")
    with (
        ExampleServer(
            [Exchange("GET", "/ping", body="pong"), Exchange("GET", "/items/a%2Fb", body=7)]
        ) as server,
        pkg.AutoRestComplexTestService(endpoint=server.url) as client,
    ):
        assert client.ping() == "pong"
        assert client.items.get("a/b") == 7
    assert server.unmatched == []


_KEY_SECURITY: dict[str, Any] = {
    "securityDefinitions": {"key": {"type": "apiKey", "name": "x-api-key", "in": "header"}},
    "security": [{"key": []}],
}


def test_api_key_security_takes_the_key_as_a_keyword_named_after_the_scheme(
    tmp_path: Path,
) -> None:
    pkg = _generate(tmp_path, _spec(**_KEY_SECURITY), "shape_key")
    with (
        ExampleServer([Exchange("GET", "/ping", body="pong")]) as server,
        pkg.AutoRestComplexTestService(key="s3cret", endpoint=server.url) as client,
    ):
        assert client.ping() == "pong"
    assert server.requests[0].headers["x-api-key"] == "s3cret"
    # Not an Azure spec: no client request id either.
    assert "x-ms-client-request-id" not in server.requests[0].headers


def test_azure_spec_takes_the_key_as_credential(tmp_path: Path) -> None:
    spec = _spec(**_KEY_SECURITY)
    spec["paths"]["/ping"]["get"]["x-ms-examples"] = {}  # any x-ms-* makes the spec Azure's
    pkg = _generate(tmp_path, spec, "shape_azure_key")
    with (
        ExampleServer([Exchange("GET", "/ping", body="pong")]) as server,
        pkg.AutoRestComplexTestService("s3cret", endpoint=server.url) as client,
    ):
        assert client.ping() == "pong"
    assert server.requests[0].headers["x-api-key"] == "s3cret"
    assert "x-ms-client-request-id" in server.requests[0].headers


def test_client_name_option_overrides_the_title(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(ROLLING_SPEC),
            "--out",
            str(out),
            "--package-name",
            "renamed",
            "--client-name",
            "RollingClient",
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    sys.path.insert(0, str(out))
    try:
        assert hasattr(importlib.import_module("renamed"), "RollingClient")
    finally:
        sys.path.remove(str(out))


def test_console_script_is_the_same_command() -> None:
    script = Path(sys.executable).parent / "sdkforge"
    if not script.exists():
        pytest.fail(f"the sdkforge console script is not installed next to {sys.executable}")
    result = subprocess.run(
        [str(script), "ir", str(ROLLING_SPEC), "--no-sources"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["client_name"] == "ComputeManagementClient"


class _Token:
    def get_token(self, *scopes: str, **kwargs: Any) -> Any:
        return type("T", (), {"token": " ".join(scopes), "expires_on": 2**40})()


def test_azure_credential_may_be_a_key_or_a_token_and_may_be_left_out(tmp_path: Path) -> None:
    spec = _spec(
        securityDefinitions={
            "key": {"type": "apiKey", "in": "header", "name": "x-ms-api-key"},
            "aad": {
                "type": "oauth2",
                "flow": "implicit",
                "authorizationUrl": "https://login.microsoftonline.com/common/oauth2/authorize",
                "scopes": {"https://s.example/.default": ""},
            },
        },
        security=[{"key": []}, {"aad": ["https://s.example/.default"]}, {}],
    )
    pkg = _generate(tmp_path, spec, "shape_key_or_token")
    client_cls = pkg.AutoRestComplexTestService
    credential = inspect.signature(client_cls).parameters["credential"]
    assert (credential.kind, credential.default) == (inspect.Parameter.KEYWORD_ONLY, None)
    answers = [Exchange("GET", "/ping", body="pong", repeat=True)]
    with ExampleServer(answers) as server:
        for given in ("k1", _Token(), None):
            with client_cls(credential=given, endpoint=server.url) as client:
                assert client.ping() == "pong"
        sent = [
            (r.headers.get("x-ms-api-key"), r.headers.get("Authorization")) for r in server.requests
        ]
    assert sent == [("k1", None), (None, "Bearer https://s.example/.default"), (None, None)]


def test_a_custom_http_scheme_sends_its_name_before_the_key(tmp_path: Path) -> None:
    spec = _spec(
        swagger=None,
        openapi="3.0.0",
        servers=[{"url": "http://localhost:3000"}],
        paths={
            "/ping": {"get": {"operationId": "Ping", "responses": {"204": {"description": "ok"}}}}
        },
        components={"securitySchemes": {"sak": {"type": "http", "scheme": "SharedAccessKey"}}},
        security=[{"sak": []}],
    )
    del spec["swagger"], spec["host"], spec["schemes"]
    pkg = _generate(tmp_path, spec, "shape_custom_http")
    with ExampleServer([Exchange("GET", "/ping", status=204)]) as server:
        with pkg.AutoRestComplexTestService(sak="secret", endpoint=server.url) as client:
            client.ping()
        (request,) = server.requests
    assert request.headers["Authorization"] == "SharedAccessKey secret"


def test_a_server_variable_with_one_value_is_sent_as_it_is(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.0.0",
        "info": {"title": "Versioned Server", "version": "v1.0"},
        "servers": [
            {
                "url": "{endpoint}/api/{apiVersion}",
                "variables": {
                    "endpoint": {"default": "http://localhost:3000"},
                    "apiVersion": {"default": "v1.0", "enum": ["v1.0"]},
                },
            }
        ],
        "paths": {
            "/ping": {"get": {"operationId": "Ping", "responses": {"204": {"description": "ok"}}}}
        },
    }
    pkg = _generate(tmp_path, spec, "shape_constant_server_variable")
    assert "api_version" not in inspect.signature(pkg.VersionedServer).parameters
    with ExampleServer([Exchange("GET", "/api/v1.0/ping", status=204)]) as server:
        with pkg.VersionedServer(endpoint=server.url) as client:
            client.ping()
        (request,) = server.requests
    assert request.path == "/api/v1.0/ping"
