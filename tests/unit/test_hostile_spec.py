"""Strings from a spec can never escape the literal, comment or docstring they are written into.

The spec below puts code-looking text in every place a string from a spec reaches the output. Each
payload would create a marker file if it ever ran; the generated package must import, keep every
value exactly, and leave no marker behind.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.generated_packages import generate_and_import


def _payload(marker: Path) -> str:
    return f"__import__('pathlib').Path({str(marker)!r}).touch()"


def _hostile_spec(marker: Path) -> dict[str, Any]:
    run = _payload(marker)
    breakers = [
        f'"""\n{run}\n"""',
        f"'''\n{run}\n'''",
        f'"); {run}; ("',
        f'\\"""; {run} #',
        f"\n# -*- coding: latin-1 -*-\n{run}\n",
        f"\r{run}\x00\x1b[31m",
        f"}}}}{{{{ {run} }}}}{{% raw %}}",
        'ends with a quote"',
        "ends with a backslash\\",
    ]
    description = " / ".join(breakers)
    return {
        "swagger": "2.0",
        "info": {"title": f'Evil"""{run}', "version": f'1"; {run}; "', "description": description},
        "host": f'example.invalid"; {run}; "',
        "schemes": ["https"],
        "paths": {
            "/things/{id}": {
                "get": {
                    "operationId": f"Things_Get{run}",
                    "summary": description,
                    "description": description,
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "type": "string",
                            "description": description,
                        },
                        {
                            "name": f"q'{run}'",
                            "in": "query",
                            "required": False,
                            "type": "string",
                            "default": breakers[0],
                            "description": description,
                        },
                        {
                            "name": "mode",
                            "in": "header",
                            "required": False,
                            "type": "string",
                            "enum": breakers[:3],
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": description,
                            "schema": {"$ref": "#/definitions/Thing"},
                        }
                    },
                }
            }
        },
        "definitions": {
            "Thing": {
                "type": "object",
                "description": description,
                "properties": {
                    "class": {"type": "string", "description": description},
                    "from_dict": {"type": "string"},
                    "_unknown": {"type": "string"},
                    f"weird'{run}'": {"type": "string", "x-ms-client-name": f"print({run})"},
                    "kind": {
                        "type": "string",
                        "enum": breakers,
                        "x-ms-enum": {"name": f'Kind"""{run}', "modelAsString": True},
                        "description": description,
                    },
                    "count": {"type": "integer", "default": 3, "description": breakers[1]},
                },
            }
        },
    }


@pytest.fixture(scope="module")
def evil(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, dict[str, Any], Path]:
    root = tmp_path_factory.mktemp("hostile")
    marker = root / "MARKER"
    spec = _hostile_spec(marker)
    path = root / "evil.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    package = generate_and_import(path, "evil_client", root / "out")
    for sub in ("models", "operations", "aio", "aio.operations", "exceptions"):
        module = importlib.import_module(f"evil_client.{sub}")
        for name in getattr(module, "__all__", []):
            getattr(module, name)
    return package, spec, marker


def test_nothing_from_the_spec_ran(evil: tuple[Any, dict[str, Any], Path]) -> None:
    _, _, marker = evil
    assert not marker.exists()


def test_the_package_imports_in_a_fresh_interpreter(evil: tuple[Any, dict[str, Any], Path]) -> None:
    package, _, marker = evil
    root = Path(package.__file__).parent.parent
    code = (
        "import evil_client, evil_client.models as m, evil_client.operations as o\n"
        "[getattr(m, n) for n in m.__all__]; [getattr(o, n) for n in o.__all__]\n"
        "import evil_client.aio"
    )
    subprocess.run([sys.executable, "-c", code], cwd=root, check=True, capture_output=True)
    assert not marker.exists()


def test_enum_values_and_wire_names_are_kept_exactly(
    evil: tuple[Any, dict[str, Any], Path],
) -> None:
    _, spec, _ = evil
    models = importlib.import_module("evil_client.models")
    props = spec["definitions"]["Thing"]["properties"]
    kind_values = props["kind"]["enum"]
    enum_cls = next(getattr(models, n) for n in models.__all__ if n.startswith("Kind"))
    assert [member.value for member in enum_cls] == kind_values
    body = {name: "v" for name in props if name not in ("kind", "count")}
    body["kind"] = kind_values[0]
    body["count"] = 3
    thing = models.Thing.from_dict(body)
    assert thing.to_dict() == body
    assert thing.kind == kind_values[0]


def test_docstrings_hold_the_description_text(evil: tuple[Any, dict[str, Any], Path]) -> None:
    _, spec, _ = evil
    models = importlib.import_module("evil_client.models")
    doc = models.Thing.__doc__ or ""
    assert "ends with a quote" in doc and '"""' in doc
