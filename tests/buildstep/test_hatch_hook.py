"""Building a project's wheel runs the generation: the hatchling hook on a sample project."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.support.paths import ROOT

pytest.importorskip("hatchling", reason="hatchling is part of the `test` extra")

SPEC = {
    "swagger": "2.0",
    "info": {"title": "Greeter", "version": "2024-05-01"},
    "host": "greeter.example.com",
    "schemes": ["https"],
    "paths": {
        "/greetings/{name}": {
            "get": {
                "operationId": "Greetings_Get",
                "parameters": [{"name": "name", "in": "path", "required": True, "type": "string"}],
                "responses": {
                    "200": {"description": "ok", "schema": {"$ref": "#/definitions/Greeting"}}
                },
            }
        }
    },
    "definitions": {"Greeting": {"type": "object", "properties": {"text": {"type": "string"}}}},
}

PYPROJECT = """\
[build-system]
requires = ["hatchling", "sdkforge"]
build-backend = "hatchling.build"

[project]
name = "greeter-app"
version = "0.1.0"
dependencies = ["httpx"]

[tool.hatch.build.hooks.sdkforge]

[tool.hatch.build.targets.wheel]
packages = ["src/greeter_client"]

[[tool.sdkforge.clients]]
spec = "api/greeter.json"
package = "greeter_client"
output = "src"
"""


def build_wheel(project: Path, dist: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "-q",
            "-w",
            str(dist),
            str(project),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=project,
    )
    (wheel,) = dist.glob("*.whl")
    return wheel


def test_wheel_holds_the_generated_package(tmp_path: Path) -> None:
    project = tmp_path / "greeter"
    (project / "api").mkdir(parents=True)
    (project / "api" / "greeter.json").write_text(json.dumps(SPEC), encoding="utf-8")
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    # Generated code is usually not committed; the hook still packs it.
    (project / ".gitignore").write_text("src/\n", encoding="utf-8")

    wheel = build_wheel(project, tmp_path / "dist1")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "__init__.py",
        "_client.py",
        "models/_greeting.py",
        "operations/_greetings.py",
        "_runtime/pipeline.py",
        "_api_snapshot.json",
        "py.typed",
    ):
        assert f"greeter_client/{name}" in names
    assert (project / "src" / "greeter_client" / "_client.py").is_file()

    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import greeter_client, greeter_client.models as m\n"
        "assert greeter_client.__file__.startswith(sys.argv[1])\n"
        "print(greeter_client.Greeter.__name__, m.Greeting.from_dict({'text': 'hi'}).text)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(wheel)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout
    assert out.split() == ["Greeter", "hi"]

    # A second build finds nothing changed and leaves the generated folder alone.
    folder = project / "src" / "greeter_client"
    inode = folder.stat().st_ino
    again = build_wheel(project, tmp_path / "dist2")
    assert folder.stat().st_ino == inode
    assert set(zipfile.ZipFile(again).namelist()) == names


def test_a_bad_spec_fails_the_build(tmp_path: Path) -> None:
    project = tmp_path / "greeter"
    (project / "api").mkdir(parents=True)
    (project / "api" / "greeter.json").write_text("{", encoding="utf-8")
    (project / "pyproject.toml").write_text(PYPROJECT, encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError) as failed:
        build_wheel(project, tmp_path / "dist")
    assert "greeter.json" in failed.value.stderr + failed.value.stdout


def test_the_hook_is_registered_for_hatchling() -> None:
    from importlib.metadata import entry_points

    (entry,) = [e for e in entry_points(group="hatch") if e.name == "sdkforge"]
    module = entry.load()
    hook = module.hatch_register_build_hook()
    assert hook.PLUGIN_NAME == "sdkforge"
    assert (ROOT / "generator" / "hatch_hook.py").samefile(module.__file__)
