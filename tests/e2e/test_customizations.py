"""Customizations in `_patch.py` files survive regeneration and are what users import and get back:
a model subclass with an added method, an operation group with an added method, a client subclass,
the same for `aio`, and `patch_sdk()` run once at import.
"""

from __future__ import annotations

import asyncio
import dataclasses
import importlib
import json
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator.render.write import read_tree
from tests.buildstep.support import run
from tests.e2e.conftest import TOKEN, FakeCredential
from tests.support.example_server import ExampleServer, exchanges_from_example
from tests.support.paths import ROLLING_SPEC

PACKAGE = "customized_rolling"
GET_LATEST = (
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
    "Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}/rollingUpgrades/latest"
)
EXAMPLE = next(
    (ROLLING_SPEC.parent / "examples").glob("VirtualMachineScaleSetRollingUpgrade_GetLatest_Max*")
)

PATCHES = {
    "models/_patch.py": """
        from __future__ import annotations

        from ._rolling_upgrade_policy import RollingUpgradePolicy as _GeneratedPolicy
        from ._rolling_upgrade_status_info import (
            RollingUpgradeStatusInfo as _GeneratedStatus,
        )

        __all__ = ["RollingUpgradePolicy", "RollingUpgradeStatusInfo", "describe"]
        PATCHED: list[str] = []


        class RollingUpgradePolicy(_GeneratedPolicy):
            def batch(self) -> str:
                return f"{self.max_batch_instance_percent}%"


        class RollingUpgradeStatusInfo(_GeneratedStatus):
            def summary(self) -> str:
                assert self.running_status is not None and self.policy is not None
                return f"{self.running_status.code} in batches of {self.policy.batch()}"


        def describe(status: RollingUpgradeStatusInfo) -> str:
            return "status: " + status.summary()


        def patch_sdk() -> None:
            PATCHED.append("models")
    """,
    "operations/_patch.py": """
        from __future__ import annotations

        from ._virtual_machine_scale_set_rolling_upgrades import (
            VirtualMachineScaleSetRollingUpgradesOperations as _Generated,
        )

        __all__ = ["VirtualMachineScaleSetRollingUpgradesOperations"]


        class VirtualMachineScaleSetRollingUpgradesOperations(_Generated):
            def latest_summary(self, resource_group_name: str, vm_scale_set_name: str) -> str:
                return self.get_latest(resource_group_name, vm_scale_set_name).summary()
    """,
    "_patch.py": """
        from __future__ import annotations

        from ._client import ComputeManagementClient as _Generated

        __all__ = ["ComputeManagementClient"]
        PATCHED: list[str] = []


        class ComputeManagementClient(_Generated):
            def latest_summary(self, resource_group_name: str, vm_scale_set_name: str) -> str:
                group = self.virtual_machine_scale_set_rolling_upgrades
                return group.latest_summary(resource_group_name, vm_scale_set_name)


        def patch_sdk() -> None:
            PATCHED.append("package")
    """,
    "aio/operations/_patch.py": """
        from __future__ import annotations

        from ._virtual_machine_scale_set_rolling_upgrades import (
            VirtualMachineScaleSetRollingUpgradesOperations as _Generated,
        )

        __all__ = ["VirtualMachineScaleSetRollingUpgradesOperations"]


        class VirtualMachineScaleSetRollingUpgradesOperations(_Generated):
            async def latest_summary(self, resource_group_name: str, vm_scale_set_name: str) -> str:
                status = await self.get_latest(resource_group_name, vm_scale_set_name)
                return status.summary()
    """,
    "aio/_patch.py": """
        from __future__ import annotations

        from ._client import ComputeManagementClient as _Generated

        __all__ = ["ComputeManagementClient"]


        class ComputeManagementClient(_Generated):
            greeting = "customized aio client"
    """,
}


def _generate(spec: Path, out: Path, *extra: str) -> str:
    code, stdout, stderr = run(
        "generate", str(spec), "--out", str(out), "--package-name", PACKAGE, *extra
    )
    assert code == 0, stderr
    return stdout


def _forget_package() -> None:
    for name in [m for m in sys.modules if m == PACKAGE or m.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]


@pytest.fixture
def customized(tmp_path: Path) -> Iterator[ModuleType]:
    """Generated, customized, then generated again from a changed spec; imported."""
    spec_dir = tmp_path / "spec"
    shutil.copytree(ROLLING_SPEC.parent, spec_dir)
    spec = spec_dir / ROLLING_SPEC.name
    out = tmp_path / "out"
    _generate(spec, out)
    package_dir = out / PACKAGE
    for path, text in PATCHES.items():
        (package_dir / path).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    patches = {path: (package_dir / path).read_bytes() for path in PATCHES}

    data = json.loads(spec.read_text(encoding="utf-8"))
    data["info"]["version"] = "2099-01-01"  # a new api-version: every module is rewritten
    spec.write_text(json.dumps(data), encoding="utf-8")
    printed = _generate(spec, out)

    assert printed.splitlines()[1] == (
        "  kept customizations: _patch.py, aio/_patch.py, aio/operations/_patch.py, "
        "models/_patch.py, operations/_patch.py"
    )
    assert b"2099-01-01" in (package_dir / "_version.py").read_bytes()
    tree = read_tree(package_dir)
    assert {path: tree[path] for path in PATCHES} == patches
    assert run("check", str(spec), "--out", str(out), "--package-name", PACKAGE)[:2] == (0, "")

    sys.path.insert(0, str(out))
    _forget_package()
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        _forget_package()
        sys.path.remove(str(out))


def _server() -> ExampleServer:
    exchanges = exchanges_from_example(EXAMPLE, "GET", GET_LATEST, bearer=TOKEN)
    return ExampleServer([dataclasses.replace(e, repeat=True) for e in exchanges])


PARAMS = json.loads(EXAMPLE.read_text(encoding="utf-8"))["parameters"]
API_VERSION = PARAMS["api-version"]  # the example's, not the regenerated client's default


def _arguments() -> tuple[str, str, str]:
    return PARAMS["subscriptionId"], PARAMS["resourceGroupName"], PARAMS["vmScaleSetName"]


def test_users_import_the_customized_classes(customized: ModuleType) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    operations = importlib.import_module(f"{PACKAGE}.operations")
    patched_models = sys.modules[f"{PACKAGE}.models._patch"]
    generated_status = importlib.import_module(f"{PACKAGE}.models._rolling_upgrade_status_info")

    assert models.RollingUpgradeStatusInfo is patched_models.RollingUpgradeStatusInfo
    assert models.RollingUpgradeStatusInfo is not generated_status.RollingUpgradeStatusInfo
    assert issubclass(models.RollingUpgradeStatusInfo, generated_status.RollingUpgradeStatusInfo)
    assert "describe" in models.__all__ and "describe" in dir(models)
    assert hasattr(operations.VirtualMachineScaleSetRollingUpgradesOperations, "latest_summary")
    assert customized.ComputeManagementClient.__module__ == f"{PACKAGE}._patch"
    assert customized.__all__ == ["VERSION", "ComputeManagementClient"]
    # patch_sdk ran once per patch module, at import
    assert patched_models.PATCHED == ["models"]
    assert sys.modules[f"{PACKAGE}._patch"].PATCHED == ["package"]


def test_the_client_returns_customized_models_and_has_the_added_methods(
    customized: ModuleType, credential: FakeCredential
) -> None:
    models = importlib.import_module(f"{PACKAGE}.models")
    subscription, group, name = _arguments()
    with _server() as server:
        client = customized.ComputeManagementClient(
            credential, subscription, endpoint=server.url, api_version=API_VERSION
        )
        with client:
            summary = client.latest_summary(group, name)
            status = client.virtual_machine_scale_set_rolling_upgrades.get_latest(group, name)
    assert server.unmatched == [] and len(server.requests) == 2
    assert summary == "RollingForward in batches of 49%"
    assert type(status) is models.RollingUpgradeStatusInfo
    assert type(status.policy) is models.RollingUpgradePolicy  # nested models too
    assert status.policy.batch() == "49%"
    assert models.describe(status) == "status: RollingForward in batches of 49%"


def test_the_async_client_is_customized_too(
    customized: ModuleType, credential: FakeCredential
) -> None:
    aio = importlib.import_module(f"{PACKAGE}.aio")
    models = importlib.import_module(f"{PACKAGE}.models")
    subscription, group, name = _arguments()

    async def call() -> tuple[str, Any]:
        async with aio.ComputeManagementClient(
            _AsyncCredential(credential), subscription, endpoint=server.url, api_version=API_VERSION
        ) as client:
            assert client.greeting == "customized aio client"
            operations = client.virtual_machine_scale_set_rolling_upgrades
            return await operations.latest_summary(group, name), await operations.get_latest(
                group, name
            )

    with _server() as server:
        summary, status = asyncio.run(call())
    assert summary == "RollingForward in batches of 49%"
    assert type(status) is models.RollingUpgradeStatusInfo


class _AsyncCredential:
    def __init__(self, credential: FakeCredential) -> None:
        self._credential = credential

    async def get_token(self, *scopes: str, **kwargs: object) -> Any:
        return self._credential.get_token(*scopes, **kwargs)


def test_a_patch_that_fails_to_import_is_not_hidden(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _generate(ROLLING_SPEC, out)
    (out / PACKAGE / "models" / "_patch.py").write_text("import not_a_module_anywhere\n")
    sys.path.insert(0, str(out))
    _forget_package()
    try:
        importlib.import_module(PACKAGE)
        with pytest.raises(ModuleNotFoundError, match="not_a_module_anywhere"):
            importlib.import_module(f"{PACKAGE}.models")
    finally:
        _forget_package()
        sys.path.remove(str(out))
