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
            "/ping": {"get": {"operationId": "Ping", "responses": {"200": {"description": "ok",
                                                                         "schema": {"type": "string"}}}}},
            "/items/{name}": {"get": {
                "operationId": "Items_Get",
                "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
                "responses": {"200": {"description": "ok", "schema": {"type": "integer"}}},
            }},
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
    with ExampleServer([Exchange("GET", "/ping", body="pong"),
                        Exchange("GET", "/items/a%2Fb", body=7)]) as server:
        with pkg.AutoRestComplexTestService(endpoint=server.url) as client:
            assert client.ping() == "pong"
            assert client.items.get("a/b") == 7
    assert server.unmatched == []


def test_api_key_security_takes_the_key_as_credential(tmp_path: Path) -> None:
    spec = _spec(securityDefinitions={"key": {"type": "apiKey", "name": "x-api-key", "in": "header"}},
                 security=[{"key": []}])
    pkg = _generate(tmp_path, spec, "shape_key")
    with ExampleServer([Exchange("GET", "/ping", body="pong")]) as server:
        with pkg.AutoRestComplexTestService("s3cret", endpoint=server.url) as client:
            assert client.ping() == "pong"
    assert server.requests[0].headers["x-api-key"] == "s3cret"


def test_client_name_option_overrides_the_title(tmp_path: Path) -> None:
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "generator", "generate", str(ROLLING_SPEC), "--out", str(out),
         "--package-name", "renamed", "--client-name", "RollingClient"],
        check=True, capture_output=True, cwd=ROOT,
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
    result = subprocess.run([str(script), "ir", str(ROLLING_SPEC), "--no-sources"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout)["client_name"] == "ComputeManagementClient"
