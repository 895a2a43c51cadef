"""Multi-API packages from the command line and [tool.sdkforge]: several specs, one per api-version,
give one package with a subpackage per api-version; `check`, the skip cache, the snapshot and the
changelog work across the versions; bad input is one message with exit 2."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.api.snapshot import loads
from generator.config import load_config
from generator.plan.multiapi import subpackage_name, version_key
from generator.runtime.versions import Profile, UnsupportedOperationError, Versions
from tests.buildstep.support import run, write_project


def _spec(version: str, operations: dict[str, str]) -> dict[str, Any]:
    """operationId -> path, each a GET answering a Pet."""
    return {
        "swagger": "2.0",
        "info": {"title": "Pet Store", "version": version},
        "host": "localhost",
        "paths": {
            path: {
                "get": {
                    "operationId": op_id,
                    "parameters": [
                        {"name": "api-version", "in": "query", "required": True, "type": "string"}
                    ],
                    "responses": {
                        "200": {"description": "ok", "schema": {"$ref": "#/definitions/Pet"}}
                    },
                }
            }
            for op_id, path in operations.items()
        },
        "definitions": {"Pet": {"type": "object", "properties": {"name": {"type": "string"}}}},
    }


def _write(folder: Path, name: str, spec: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.fixture
def specs(tmp_path: Path) -> list[Path]:
    # Given newest first, and in two folders: order and place do not matter.
    return [
        _write(
            tmp_path / "new",
            "pets.json",
            _spec("2021-01-01", {"Pets_Get": "/pets", "Pets_List": "/all"}),
        ),
        _write(
            tmp_path / "old",
            "pets.json",
            _spec("2020-01-01", {"Pets_Get": "/pets", "Pets_Old": "/old"}),
        ),
    ]


def _generate(specs: list[Path], out: Path, *extra: str) -> tuple[int, str, str]:
    return run("generate", *map(str, specs), "--out", str(out), "--package-name", "pets", *extra)


@pytest.fixture
def imported(tmp_path: Path) -> Iterator[Any]:
    def load(out: Path) -> ModuleType:
        sys.path.insert(0, str(out))
        return importlib.import_module("pets")

    yield load
    for name in [m for m in sys.modules if m.split(".")[0] == "pets"]:
        del sys.modules[name]
    sys.path[:] = [p for p in sys.path if not p.startswith(str(tmp_path))]


def test_several_specs_give_one_package_with_a_subpackage_per_api_version(
    specs: list[Path], tmp_path: Path, imported: Any
) -> None:
    out = tmp_path / "out"
    code, printed, errors = _generate(specs, out)
    assert code == 0, errors
    assert "generated" in printed and "4 operations" in printed
    package = out / "pets"
    for sub in ("v2020_01_01", "v2021_01_01"):
        assert (package / sub / "_client.py").is_file()
        assert (package / sub / "_runtime" / "pipeline.py").is_file()
    assert (package / "_versions.py").read_bytes() == (
        Path(importlib.import_module("generator.runtime.versions").__file__ or "").read_bytes()
    )
    assert not (package / "v2021_01_01" / "_runtime" / "versions.py").exists()
    pets = imported(out)
    assert pets.API_VERSIONS == ("2020-01-01", "2021-01-01")
    client = pets.PetStore(endpoint="http://127.0.0.1:9")
    assert client.api_version == "2021-01-01"
    assert client._versions.profile.operations["pets"] == {
        "get": ("2021-01-01", "2020-01-01"),
        "list": ("2021-01-01",),
        "old": ("2020-01-01",),
    }
    models = importlib.import_module("pets.models")
    assert models.Pet.__module__.startswith("pets.v2021_01_01.")
    # Nothing changed: `check` is quiet and `generate` skips the package.
    assert run("check", *map(str, specs), "--out", str(out), "--package-name", "pets")[0] == 0
    code, printed, _ = _generate(specs, out)
    assert (code, printed.strip()) == (0, f"unchanged {package}")


def test_config_lists_the_specs_of_one_multi_api_client(specs: list[Path], tmp_path: Path) -> None:
    config = write_project(
        tmp_path, [{"spec": [str(s.relative_to(tmp_path)) for s in specs], "package": "pets"}]
    )
    (client,) = load_config(config)
    assert client.specs == tuple(specs)
    code, _, errors = run("generate", "--config", str(config))
    assert code == 0, errors
    manifest = json.loads((tmp_path / "generated" / "pets" / "_sdkforge.json").read_text())
    assert manifest["options"]["spec"] == ["pets.json", "pets.json"]
    assert sorted(manifest["sources"]) == ["../old/pets.json", "pets.json"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ([], "is required and must be a string or an array of strings"),
        (["a.json", "a.json"], "names a spec twice"),
    ],
)
def test_config_refuses_bad_spec_lists(tmp_path: Path, value: list[str], message: str) -> None:
    config = write_project(tmp_path, [{"spec": value, "package": "pets"}])
    code, _, errors = run("generate", "--config", str(config))
    assert code == 2
    assert f"pyproject.toml#/tool/sdkforge/clients/0/spec: error: {message}" in errors


def test_two_specs_of_one_api_version_are_refused(tmp_path: Path) -> None:
    first = _write(tmp_path / "a", "pets.json", _spec("2020-01-01", {"Pets_Get": "/pets"}))
    second = _write(tmp_path / "b", "pets.json", _spec("2020-01-01", {"Pets_Get": "/pets"}))
    code, _, errors = _generate([first, second], tmp_path / "out")
    assert code == 2
    assert "pets.json#/info/version: error: api-version '2020-01-01' is also that of" in errors
    assert "Traceback" not in errors
    assert not (tmp_path / "out").exists()


def test_snapshot_and_changelog_span_the_api_versions(specs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _generate(specs[1:], out)[0] == 0  # a plain package of the old api-version first
    assert _generate(specs, out)[0] == 0
    snapshot = loads((out / "pets" / "_api_snapshot.json").read_bytes(), "snapshot")
    assert snapshot["api_version"] == "2020-01-01, 2021-01-01"
    assert sorted(snapshot["versions"]) == ["2020-01-01", "2021-01-01"]
    operations = snapshot["groups"]["pets"]["operations"]
    assert operations["Pets_Get"]["api_versions"] == ["2021-01-01", "2020-01-01"]
    assert operations["Pets_Old"]["api_versions"] == ["2020-01-01"]
    changelog = (out / "pets" / "CHANGELOG.md").read_text()
    assert changelog.startswith("# Changelog\n\n## 2020-01-01, 2021-01-01\n\n")
    assert "Compared with api-versions 2020-01-01: 1 change, 0 breaking." in changelog
    assert "`client.pets.list`: operation added" in changelog
    assert "### api-version 2021-01-01 compared with 2020-01-01" in changelog
    assert "`client.pets.old`: operation removed" in changelog
    assert "## 2020-01-01\n\nFirst generated for api-version 2020-01-01" in changelog
    # `diff` reads the multi-API snapshot like any other.
    code, report, _ = run("diff", str(specs[1]), str(out / "pets" / "_api_snapshot.json"))
    assert code == 0 and "`client.pets.list`: operation added" in report


def test_api_versions_are_ordered_newest_stable_last() -> None:
    found = ["2021-01-01-preview", "2020-06-01", "1.10.0", "2019-01-01", "1.9.0"]
    assert sorted(found, key=version_key) == [
        "2021-01-01-preview",
        "1.9.0",
        "1.10.0",
        "2019-01-01",
        "2020-06-01",
    ]
    assert subpackage_name("2021-01-01-preview") == "v2021_01_01_preview"
    assert subpackage_name("1.0.0") == "v1_0_0"


PROFILE = Profile(
    package="pets",
    client_name="PetStore",
    packages={"1": "v1", "2": "v2"},
    latest="2",
    operations={"": {"get": ("2", "1"), "old": ("1",)}, "group": {"new": ("2",)}},
)


def test_each_operation_is_served_by_the_given_or_the_newest_api_version() -> None:
    assert PROFILE.serving("", "get", None) == "2"
    assert PROFILE.serving("", "old", None) == "1"
    assert PROFILE.serving("", "get", "1") == "1"
    with pytest.raises(
        UnsupportedOperationError,
        match=r"api-version 1 has no operation group\.new; it is in api-version 2",
    ):
        PROFILE.serving("group", "new", "1")
    with pytest.raises(AttributeError, match="'PetStore' object has no attribute 'nothing'"):
        PROFILE.serving("", "nothing", None)
    with pytest.raises(ValueError, match="api_version '3' is not one of this client's: 1, 2"):
        Versions(PROFILE, "3", {})
    assert Versions(PROFILE, None, {}).api_version == "2"


def test_package_mode_writes_one_distribution_of_every_api_version(
    specs: list[Path], tmp_path: Path
) -> None:
    code, _, errors = _generate(specs, tmp_path / "out", "--package-mode", "--azure")
    assert code == 0, errors
    dist = tmp_path / "out" / "pets"
    assert 'version = "2021.1.1"' in (dist / "pyproject.toml").read_text()  # the newest
    for sub in ("v2020_01_01", "v2021_01_01"):
        assert (dist / "pets" / sub / "__init__.py").is_file()
    assert (dist / "pets" / "_versions.py").is_file()


PATCH = """\
from ._client import PetStore as _Generated

__all__ = ["PetStore"]


class PetStore(_Generated):
    def versions_in_use(self) -> list[str]:
        return [client.api_version for client in self._versions.made()]
"""


def test_top_level_customization_survives_and_dir_lists_the_operations(
    specs: list[Path], tmp_path: Path, imported: Any
) -> None:
    out = tmp_path / "out"
    assert _generate(specs, out)[0] == 0
    (out / "pets" / "_patch.py").write_text(PATCH, encoding="utf-8")
    code, printed, _ = _generate(specs, out, "--force")
    assert code == 0 and "kept customizations: _patch.py" in printed
    pets = imported(out)
    client = pets.PetStore(endpoint="http://127.0.0.1:9", api_version="2020-01-01")
    assert client.versions_in_use() == []
    assert "pets" in dir(client) and "list" not in dir(client.pets)
    assert {"get", "old"} <= set(dir(client.pets))
    newest = pets.PetStore(endpoint="http://127.0.0.1:9")
    assert {"get", "list", "old"} <= set(dir(newest.pets))


def test_operation_selection_spans_the_api_versions(specs: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, printed, errors = _generate(specs, out, "--include-operations", "Pets_Old,Pets_Get")
    assert code == 0, errors
    assert (out / "pets" / "v2020_01_01").is_dir() and (out / "pets" / "v2021_01_01").is_dir()
    code, printed, errors = _generate(specs, out, "--include-operations", "Pets_List", "--verbose")
    assert code == 0, errors
    assert "api-version 2020-01-01 has none of the selected operations: left out" in errors
    assert not (out / "pets" / "v2020_01_01").exists()
    code, _, errors = _generate(specs, out, "--include-operations", "Pets_Nope")
    assert code == 2
    assert "--include-operations 'Pets_Nope' matches no operationId" in errors
