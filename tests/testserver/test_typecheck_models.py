"""The clients generated for the data-type suites pass mypy --strict and ruff.

Typing gaps show up in generated code long before they show up at run time: this checks the
suites with the most varied models (polymorphism, flattening, XML, additional properties, every
primitive format) in one mypy run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.testserver.clients import GeneratedClients

SWAGGERS = (
    "body-complex.json",
    "model-flattening.json",
    "xml-service.json",
    "additionalProperties.json",
    "body-array.json",
    "body-dictionary.json",
    "constants.json",
)


# The pydantic style's packages of the data-type suites that have models.
PYDANTIC_SWAGGERS = (
    "body-complex.json",
    "model-flattening.json",
    "additionalProperties.json",
    "extensible-enums-swagger.json",
)


def test_generated_models_pass_mypy_strict_and_ruff(
    generated_clients: GeneratedClients, tmp_path: Path
) -> None:
    packages = [Path(generated_clients(name).__file__).parent for name in SWAGGERS]
    _check(packages, tmp_path)


def test_generated_pydantic_models_pass_mypy_strict_and_ruff(
    generated_clients: GeneratedClients, tmp_path: Path
) -> None:
    packages = [
        Path(generated_clients(name, "pydantic").__file__).parent for name in PYDANTIC_SWAGGERS
    ]
    _check(packages, tmp_path)


def _check(packages: list[Path], tmp_path: Path) -> None:
    mypy = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            *(str(p) for p in packages),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", *(str(p) for p in packages)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout
