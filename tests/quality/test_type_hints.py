"""typing.get_type_hints resolves the annotations of generated models, as introspection tools need."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support.paths import GENERATED, ROOT

PACKAGES = sorted(p.name for p in GENERATED.iterdir() if (p / "__init__.py").exists())


def _unresolved(package: str) -> tuple[int, list[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "tests.support.type_hints", package],
        cwd=GENERATED, capture_output=True, text=True, check=True, timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    *problems, last = result.stdout.splitlines()
    return int(last.split()[1]), problems


@pytest.mark.parametrize("package", PACKAGES)
def test_every_model_annotation_resolves(package: str) -> None:
    checked, problems = _unresolved(package)
    assert checked > 100
    assert [p for p in problems if f"{package}.models" in p.split(":")[0]] == []
