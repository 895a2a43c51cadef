"""Which clients get the Azure compatibility surface (docs/azure-compat.md): Azure specs unless a
setting turns it off, other specs only when a setting turns it on; the others keep their clean
signatures and errors that never look for azure-core."""

from __future__ import annotations

import importlib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_package
from generator.config import load_config
from generator.diagnostics import SpecError
from generator.locations import RUNTIME_DIR
from generator.naming import azure_mgmt_name
from generator.render.write import write_tree

COMPAT_KEYWORDS = ("params", "error_map", "logging_enable")


def _spec(*, azure: bool) -> dict[str, Any]:
    start: dict[str, Any] = {
        "operationId": "Things_Start",
        "parameters": [
            {"name": "name", "in": "path", "required": True, "type": "string"},
            {"name": "vmInstanceIDs", "in": "body", "schema": {"$ref": "#/definitions/Ids"}},
        ],
        "responses": {"200": {"description": "ok"}, "202": {"description": "accepted"}},
    }
    if azure:
        start["x-ms-long-running-operation"] = True
    return {
        "swagger": "2.0",
        "info": {"title": "Things", "version": "2024-01-01"},
        "host": "things.example",
        "paths": {
            "/things/{name}/start": {"post": start},
            "/things/{name}": {
                "get": {
                    "operationId": "Things_Get",
                    "parameters": [
                        {"name": "name", "in": "path", "required": True, "type": "string"}
                    ],
                    "responses": {"200": {"description": "ok", "schema": {"type": "string"}}},
                }
            },
        },
        "definitions": {
            "Ids": {
                "type": "object",
                "properties": {"instanceIds": {"type": "array", "items": {"type": "string"}}},
            }
        },
    }


def _build(tmp_path: Path, package: str, *, azure: bool, compat: bool | None) -> dict[str, bytes]:
    spec = tmp_path / f"{package}.json"
    spec.write_text(json.dumps(_spec(azure=azure)), encoding="utf-8")
    return build_package(spec, package, azure_compat=compat).files


def _import(tmp_path: Path, package: str, files: dict[str, bytes]) -> Any:
    write_tree(tmp_path / "out" / package, files)
    sys.path.insert(0, str(tmp_path / "out"))
    try:
        return importlib.import_module(package)
    finally:
        sys.path.remove(str(tmp_path / "out"))


def _error_bases(files: dict[str, bytes]) -> bytes:
    return files["_runtime/error_bases.py"]


def test_an_azure_spec_gets_the_surface(tmp_path: Path) -> None:
    files = _build(tmp_path, "compat_azure", azure=True, compat=None)
    pkg = _import(tmp_path, "compat_azure", files)
    ops = importlib.import_module("compat_azure.operations").ThingsOperations
    start = inspect.signature(ops.begin_start).parameters
    assert start["vm_instance_ids"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert start["vm_instance_ids"].default is None
    assert all(start[k].kind is inspect.Parameter.KEYWORD_ONLY for k in COMPAT_KEYWORDS)
    assert start["polling"].default is True
    # azure-mgmt's name for it, as a keyword too
    assert start["vm_instance_i_ds"].kind is inspect.Parameter.KEYWORD_ONLY
    ids = importlib.import_module("compat_azure.models").Ids(instance_ids=["0"])
    both = "vm_instance_ids or vm_instance_i_ds, not both"
    with pkg.Things(base_url="http://127.0.0.1:9") as client, pytest.raises(TypeError, match=both):
        client.things.begin_start("n", ids, vm_instance_i_ds=ids)
    get = inspect.signature(ops.get).parameters
    assert set(COMPAT_KEYWORDS) <= set(get)
    client = inspect.signature(pkg.Things).parameters
    assert client["base_url"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert _error_bases(files) == (RUNTIME_DIR / "azure" / "error_bases.py").read_bytes()


def test_a_plain_spec_keeps_clean_signatures_and_never_meets_azure_core(tmp_path: Path) -> None:
    files = _build(tmp_path, "compat_plain", azure=False, compat=None)
    pkg = _import(tmp_path, "compat_plain", files)
    ops = importlib.import_module("compat_plain.operations").ThingsOperations
    start = inspect.signature(ops.start).parameters
    assert start["vm_instance_ids"].kind is inspect.Parameter.KEYWORD_ONLY
    assert not set(COMPAT_KEYWORDS) & set(start)
    assert "base_url" not in inspect.signature(pkg.Things).parameters
    assert _error_bases(files) == (RUNTIME_DIR / "error_bases.py").read_bytes()
    # azure-core is installed here: the package never imports it, raising an error included
    probe = (
        "import sys, httpx, compat_plain\n"
        "from compat_plain._runtime import errors\n"
        "response = httpx.Response(404, request=httpx.Request('GET', 'https://t.test/'))\n"
        "try:\n"
        "    errors.raise_for_response(response, None)\n"
        "except errors.ResourceNotFoundError as err:\n"
        "    print(type(err).__mro__[2].__name__, hasattr(err, 'error'))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'azure'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "out")},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out == ["SdkError False", "[]"]


def test_the_setting_turns_the_surface_off_and_on(tmp_path: Path) -> None:
    off = _build(tmp_path, "compat_off", azure=True, compat=False)
    text = off["operations/_things.py"].decode()
    assert "def begin_start(" in text  # still an Azure client: a long-running operation
    assert "error_map: Mapping[int, type[Exception]]" not in text and "polling: bool" not in text
    assert _error_bases(off) == (RUNTIME_DIR / "error_bases.py").read_bytes()
    on = _build(tmp_path, "compat_on", azure=False, compat=True)
    assert "error_map: Mapping[int, type[Exception]]" in on["operations/_things.py"].decode()
    assert "base_url: str | None = None" in on["_client.py"].decode()
    assert _error_bases(on) == (RUNTIME_DIR / "azure" / "error_bases.py").read_bytes()
    # the choice is recorded, so that `check` regenerates with it
    assert json.loads(off["_sdkforge.json"])["options"]["azure-compat"] is False


@pytest.mark.parametrize(
    ("line", "expected"),
    [("", None), ("azure-compat = false", False), ("azure-compat = true", True)],
)
def test_config_reads_azure_compat(tmp_path: Path, line: str, expected: bool | None) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        f'[[tool.sdkforge.clients]]\nspec = "s.json"\npackage = "p"\n{line}\n', encoding="utf-8"
    )
    assert load_config(pyproject)[0].azure_compat is expected


def test_config_refuses_a_non_boolean_azure_compat(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[[tool.sdkforge.clients]]\nspec = "s.json"\npackage = "p"\nazure-compat = "yes"\n',
        encoding="utf-8",
    )
    with pytest.raises(SpecError, match="must be true or false"):
        load_config(pyproject)


@pytest.mark.parametrize(
    ("wire", "expected"),
    [
        ("vmInstanceIDs", "vm_instance_i_ds"),
        ("hostIPs", "host_i_ps"),
        ("instanceIds", None),  # no plural acronym: both name it instance_ids
        ("publicIPAddress", None),
        ("resourceGroupName", None),
    ],
)
def test_azure_mgmt_names_differ_only_for_plural_acronyms(wire: str, expected: str | None) -> None:
    assert azure_mgmt_name(wire) == expected
