"""typing.get_type_hints resolves every annotation of the generated packages, as introspection
tools (cattrs, pydantic's TypeAdapter, dataclass-to-schema tools, IDE plugins) need: models,
clients, operation groups and their asyncio twins.

This covers the committed packages; the packages the conformance suites generate (AutoRest test
server, Spector) are checked the same way as each is imported (tests/testserver/clients.py).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.paths import GENERATED, ROOT

PACKAGES = sorted(p.name for p in GENERATED.iterdir() if (p / "__init__.py").exists())


def _unresolved(package: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.support.type_hints", package],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    *problems, last = result.stdout.splitlines()
    return int(last.split()[1]), problems


@pytest.mark.parametrize("package", PACKAGES)
def test_every_annotation_resolves(package: str) -> None:
    checked, problems = _unresolved(package)
    assert problems == []
    # Models, both clients, every operation group of both: far more than the models alone.
    assert checked > 1000


def test_making_a_client_stays_lazy_and_hints_import_what_they_name() -> None:
    """Annotations resolve through lazily importing modules: making a client imports no model and
    no operation group; resolving a group attribute's hints imports that group's module."""
    script = """
import sys, typing
from compute_rolling_upgrades import ComputeManagementClient
client = ComputeManagementClient(object(), subscription_id="s")
assert not [m for m in sys.modules if ".operations._" in m or ".models._" in m], sorted(sys.modules)
hints = typing.get_type_hints(ComputeManagementClient.virtual_machine_scale_sets.func)
assert hints["return"].__name__ == "VirtualMachineScaleSetsOperations"
assert "compute_rolling_upgrades.operations._virtual_machine_scale_sets" in sys.modules
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={"PATH": ""},
    )
    assert result.returncode == 0, result.stderr
