"""ruff and mypy --strict pass on the generator and on generated packages."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_package
from generator.render.write import write_tree
from tests.support.paths import GENERATED, ROOT, VMSS_SPEC


def _tool(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_ruff_on_generator() -> None:
    result = _tool("ruff", "check", "generator")
    assert result.returncode == 0, result.stdout


def test_mypy_strict_on_generator() -> None:
    result = _tool("mypy")
    assert result.returncode == 0, result.stdout


def test_ruff_and_mypy_strict_on_committed_clients() -> None:
    packages = sorted(p.name for p in GENERATED.iterdir() if (p / "__init__.py").exists())
    assert packages
    ruff = _tool("ruff", "check", "--isolated", *packages, cwd=GENERATED)
    assert ruff.returncode == 0, ruff.stdout
    mypy = _tool(
        "mypy", "--strict", "--no-incremental", *[f"--package={p}" for p in packages], cwd=GENERATED
    )
    assert mypy.returncode == 0, mypy.stdout


@pytest.fixture(scope="module")
def vmss_client(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vmss-full")
    write_tree(out / "vmss_full", build_package(VMSS_SPEC["2024-07-01"], "vmss_full").files)
    return out


def test_real_vmss_client_imports_every_module(vmss_client: Path) -> None:
    code = (
        "import vmss_full, vmss_full.models as m, vmss_full.operations as o\n"
        "import vmss_full.aio.operations as ao\n"
        "from vmss_full import ComputeManagementClient\n"
        "for mod in (m, o, ao):\n"
        "    [getattr(mod, n) for n in mod.__all__]\n"
        "print(len(m.__all__), len(o.__all__))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=vmss_client, capture_output=True, text=True, check=True
    )
    models, groups = map(int, result.stdout.split())
    assert models > 150 and groups == 5


def test_real_vmss_client_passes_ruff_and_mypy_strict(vmss_client: Path) -> None:
    ruff = _tool("ruff", "check", "--isolated", "vmss_full", cwd=vmss_client)
    assert ruff.returncode == 0, ruff.stdout
    mypy = _tool("mypy", "--strict", "--no-incremental", "--package=vmss_full", cwd=vmss_client)
    assert mypy.returncode == 0, mypy.stdout


def test_real_vmss_operations_are_there(vmss_client: Path) -> None:
    sys.path.insert(0, str(vmss_client))
    try:
        client_module = importlib.import_module("vmss_full")
        client = client_module.ComputeManagementClient(object(), "sub")
        ops = client.virtual_machine_scale_set_rolling_upgrades
        for name in (
            "get_latest",
            "begin_cancel",
            "begin_start_os_upgrade",
            "begin_start_extension_upgrade",
        ):
            assert callable(getattr(ops, name))
        assert callable(client.virtual_machine_scale_sets.list)
    finally:
        sys.path.remove(str(vmss_client))
