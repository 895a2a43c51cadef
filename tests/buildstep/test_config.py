"""[tool.sdkforge] settings: every key read, mistakes reported with their pointer (exit 2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Selection, load_config
from tests.buildstep.support import run, write_project
from tests.support.paths import ROLLING_SPEC, ROOT


def test_every_setting_is_read(tmp_path: Path) -> None:
    config = write_project(
        tmp_path,
        [
            {
                "spec": "a/spec.json",
                "package": "pkg_a",
                "output": "out",
                "client-name": "AClient",
                "include-operations": ["X_*", "Y_Get,Y_List"],
                "exclude-operations": "X_Delete",
                "tags": ["Things"],
                "package-mode": True,
                "package-version": "1.2.3",
                "azure": True,
            },
            {"spec": "b.yaml", "package": "pkg_b"},
        ],
    )
    first, second = load_config(config)
    assert first.spec == tmp_path / "a" / "spec.json"
    assert first.package_dir == tmp_path / "out" / "pkg_a"
    assert first.client_name == "AClient"
    assert first.selection == Selection(("X_*", "Y_Get", "Y_List"), ("X_Delete",), ("Things",))
    assert first.package_mode is True and first.package_version == "1.2.3"
    assert second.package_dir == tmp_path / "generated" / "pkg_b"
    assert second.selection == Selection() and not second.selection
    assert second.package_mode is False and second.package_version is None
    assert first.azure is True and first.options.azure is True
    assert second.azure is False
    # Only a set flag enters the manifest, so manifests written before it existed stay valid.
    assert first.options.as_json(first.spec)["azure"] is True
    assert "azure" not in second.options.as_json(second.spec)


def test_repository_configuration_lists_the_committed_client() -> None:
    (client,) = load_config(ROOT / "pyproject.toml")
    assert client.spec == ROLLING_SPEC
    assert client.package == "compute_rolling_upgrades"


@pytest.mark.parametrize(
    ("entry", "pointer", "message"),
    [
        (
            {"spec": "s.json", "package": "p", "include-operation": ["x"]},
            "/include-operation",
            "not a known setting",
        ),
        ({"spec": "s.json", "package": "p", "tags": [1]}, "/tags", "array of strings"),
        (
            {"spec": "s.json", "package": "p", "package-mode": "yes"},
            "/package-mode",
            "true or false",
        ),
        ({"spec": "s.json", "package": "p-q"}, "/package", "Python identifier"),
        ({"package": "p"}, "/spec", "is required"),
    ],
)
def test_mistakes_exit_2_with_the_pointer(
    tmp_path: Path, entry: dict[str, object], pointer: str, message: str
) -> None:
    config = write_project(tmp_path, [entry])
    code, out, err = run("--config", str(config), "generate")
    assert code == 2 and out == ""
    assert f"/tool/sdkforge/clients/0{pointer}" in err and message in err
    assert "Traceback" not in err


def test_generate_spec_needs_a_package_name(tmp_path: Path) -> None:
    code, _, err = run("generate", str(ROLLING_SPEC), "--out", str(tmp_path))
    assert code == 2 and "--package-name" in err
    assert not any(tmp_path.iterdir())
