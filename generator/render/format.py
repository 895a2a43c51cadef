"""Format generated sources with ruff, in one batch, with settings that do not depend on where."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

RUFF_SETTINGS = ("--isolated", "--line-length", "100", "--target-version", "py311")


def format_sources(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return `files` (relative path -> content) with every .py file formatted by `ruff format`."""
    with tempfile.TemporaryDirectory(prefix="sdkforge-format-") as tmp:
        root = Path(tmp)
        python_files = [path for path in files if path.endswith(".py")]
        for path in python_files:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[path])
        if python_files:
            # Sorting imports first, then formatting, gives one canonical text for any template.
            _ruff("check", "--fix", "--select", "I", "--exit-zero", str(root))
            _ruff("format", str(root))
        return {
            path: (root / path).read_bytes() if path.endswith(".py") else content
            for path, content in files.items()
        }


def _ruff(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args[:1], "--quiet", *RUFF_SETTINGS, *args[1:]],
        check=True,
        capture_output=True,
    )
