"""sdkforge's own wheel carries everything the generator needs, templates included."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.support.paths import ROLLING_SPEC, ROOT


def test_wheel_holds_every_module_and_template_and_generates(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheel = next((tmp_path / "dist").glob("sdkforge-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py")}
    expected |= {f"generator/templates/{p.name}" for p in (ROOT / "templates").glob("*.jinja")}
    assert expected - names == set()
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-c", "import generator.render.jinja as r; print(r.TEMPLATE_DIR)"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(result.stdout.strip()) == unpacked / "generator" / "templates"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(ROLLING_SPEC),
            "--out",
            str(out),
            "--package-name",
            "from_wheel",
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "PATH": str(Path(sys.executable).parent)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert (out / "from_wheel" / "_client.py").is_file()
