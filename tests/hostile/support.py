"""Small specs and a way to run the command line on them, for the hostile-input tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.cli import main


def swagger(
    definitions: dict[str, Any] | None = None,
    *,
    title: str = "Test",
    paths: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """A Swagger 2.0 spec whose one operation returns every definition it is given."""
    definitions = definitions or {
        "Thing": {"type": "object", "properties": {"a": {"type": "string"}}}
    }
    if paths is None:
        paths = {
            f"/r{index}": {
                "get": {
                    "operationId": f"Things_Get{index}",
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": f"#/definitions/{name}"}}
                    },
                }
            }
            for index, name in enumerate(sorted(definitions))
        }
    return {
        "swagger": "2.0",
        "info": {"title": title, "version": "2024-01-01"},
        "host": "example.invalid",
        "schemes": ["https"],
        "paths": paths,
        "definitions": definitions,
        **extra,
    }


def write_json(path: Path, value: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def fails_cleanly(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> str:
    """Run `sdkforge generate ARGS` in-process: exit 2, one line on stderr, nothing written."""
    out = tmp_path / "out"
    code = main(["generate", *args, "--out", str(out), "--package-name", "pkg"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1, err
    assert not out.exists()
    return err.strip()


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The command line in a child process (for inputs that could hang or exhaust memory)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", "--config", str(cwd / "none.toml"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def import_check(out: Path, package: str, code: str) -> subprocess.CompletedProcess[str]:
    """Import a generated package in a fresh interpreter and run `code` with it."""
    script = (
        f"import importlib, pkgutil\nimport {package}\n"
        f"for info in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        "    importlib.import_module(info.name)\n" + code
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
