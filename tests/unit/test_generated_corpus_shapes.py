"""Shapes found in public specs that once gave packages that did not import or lint: a long-running
operation without a result (an unused `cast` import), enum defaults of another JSON type than the
enum's or outside it."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.paths import ROOT

_LRO_WITHOUT_RESULT = {
    "swagger": "2.0",
    "info": {"title": "Lro", "version": "1"},
    "host": "example.com",
    "paths": {
        "/things/{name}": {
            "delete": {
                "operationId": "Things_Delete",
                "x-ms-long-running-operation": True,
                "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
                "responses": {"202": {"description": "accepted"}, "204": {"description": "gone"}},
            }
        }
    },
}


def _generate(tmp_path: Path, spec: dict[str, Any], package: str) -> Path:
    path = tmp_path / f"{package}.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "out"
    generated = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(path),
            "--package-name",
            package,
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert generated.returncode == 0, generated.stderr
    return out


def test_long_running_operation_without_result_imports_no_cast(tmp_path: Path) -> None:
    out = _generate(tmp_path, _LRO_WITHOUT_RESULT, "lro_none")
    operations = (out / "lro_none" / "operations" / "_things.py").read_text(encoding="utf-8")
    assert "def begin_delete(" in operations and "_cast" not in operations
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "lro_none"],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout


def _release_spec(**make_latest: Any) -> dict[str, Any]:
    release = {
        "type": "object",
        "properties": {
            "make_latest": {"type": "string", "enum": ["true", "false", "legacy"], **make_latest},
            "state": {"type": "string", "enum": ["open", "closed"], "default": "merged"},
        },
    }
    body = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Release"}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Releases", "version": "1"},
        "paths": {
            "/releases": {
                "post": {
                    "operationId": "createRelease",
                    "requestBody": body,
                    "responses": {"204": {"description": "created"}},
                }
            }
        },
        "components": {"schemas": {"Release": release}},
    }


def test_enum_defaults_of_another_type_or_outside_the_enum(
    tmp_path: Path, monkeypatch: Any
) -> None:
    out = _generate(tmp_path, _release_spec(default=True), "releases_client")
    monkeypatch.syspath_prepend(str(out))
    models = importlib.import_module("releases_client.models")
    release = models.Release()
    # `default: true` of a string enum is its member "true"; "merged" is no member: no default.
    assert release.make_latest == models.ReleaseMakeLatest("true")
    assert release.state is None
