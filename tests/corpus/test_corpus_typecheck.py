"""Packages generated from corpus specs pass `mypy --strict` and `ruff check`: an AWS spec (server
variables with an enum and a default), the Petstore (operations grouped by tags) and Train Travel
(OpenAPI 3.1; allOf children that narrow a parent's property type)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.corpus import corpus

SPECS = {
    "aws_mobileanalytics": corpus.DIRECTORY / "amazonaws.com" / "mobileanalytics.json",
    "readme_petstore": corpus.EXAMPLES / "3.0" / "json" / "petstore.json",
    "readme_train_travel": corpus.EXAMPLES / "3.1" / "json" / "train-travel.json",
}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


def test_corpus_packages_pass_mypy_strict_and_ruff(tmp_path: Path) -> None:
    for package, spec in SPECS.items():
        generated = _run(
            "generator",
            "generate",
            str(spec),
            "--package-name",
            package,
            "--out",
            str(tmp_path),
            cwd=corpus.ROOT,
        )
        assert generated.returncode == 0, generated.stderr
    mypy = _run("mypy", "--strict", "--no-incremental", *SPECS, cwd=tmp_path)
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = _run("ruff", "check", "--isolated", *SPECS, cwd=tmp_path)
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
