"""generated/ is exactly what the generator produces now, byte for byte."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_package
from generator.config import load_config
from generator.render.write import diff_tree, read_tree, write_tree
from tests.support.paths import GENERATED, ROLLING_SPEC, ROOT

CLIENTS = load_config(ROOT / "pyproject.toml")


@pytest.mark.parametrize("client", CLIENTS, ids=[c.package for c in CLIENTS])
def test_committed_tree_matches_the_generator(client, update_golden: bool) -> None:
    built = build_package(client.spec, client.package, client.client_name)
    if update_golden:
        write_tree(client.package_dir, built.files)
    assert diff_tree(client.package_dir, built.files) == ""


def test_cli_regenerates_generated_byte_for_byte(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(ROLLING_SPEC),
            "--out",
            str(tmp_path),
            "--package-name",
            "compute_rolling_upgrades",
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    fresh = read_tree(tmp_path / "compute_rolling_upgrades")
    assert fresh, "nothing was generated"
    assert fresh == read_tree(GENERATED / "compute_rolling_upgrades")


def test_generation_is_deterministic() -> None:
    first = build_package(ROLLING_SPEC, "pkg").files
    second = build_package(ROLLING_SPEC, "pkg").files
    assert first == second
