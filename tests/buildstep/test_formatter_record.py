"""The formatter that wrote a package is recorded; `check` says when another one may explain
a diff."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import __version__
from generator.cache import MANIFEST
from generator.render.format import formatter_version
from tests.buildstep.support import copy_rolling_spec, run, write_project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    spec = copy_rolling_spec(tmp_path)
    return write_project(
        tmp_path, [{"spec": str(spec.relative_to(tmp_path)), "package": "rolling", "output": "out"}]
    )


def test_manifest_records_the_formatter(project: Path) -> None:
    assert run("--config", str(project), "generate")[0] == 0
    manifest = json.loads((project.parent / "out" / "rolling" / MANIFEST).read_text())
    assert manifest["formatter"] == formatter_version()
    assert manifest["formatter"].startswith("ruff 0.")


def test_another_formatter_regenerates_and_check_says_why(project: Path) -> None:
    assert run("--config", str(project), "generate")[0] == 0
    package = project.parent / "out" / "rolling"
    path = package / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["formatter"] = "ruff 0.0.1"
    path.write_text(json.dumps(manifest))
    module = package / "_version.py"
    module.write_text(module.read_text() + "# formatted otherwise\n")
    code, _, err = run("--config", str(project), "check")
    assert code == 1
    assert f"was formatted with ruff 0.0.1, this run with {formatter_version()}" in err
    code, out, _ = run("--config", str(project), "generate")
    assert code == 0 and "(formatter changed)" in out


def test_version_flag() -> None:
    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"sdkforge {__version__}")
