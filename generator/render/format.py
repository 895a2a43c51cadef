"""Format generated sources with ruff, in one batch, with settings that do not depend on where."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

RUFF_SETTINGS = ("--isolated", "--line-length", "100", "--target-version", "py311")


def formatter_version() -> str:
    """The formatter that shapes the output, as recorded in `_sdkforge.json` ("ruff 0.8.6").

    Read from the installed distribution, so asking costs no subprocess (a no-op `generate` asks).
    """
    from importlib import metadata

    try:
        return f"ruff {metadata.version('ruff')}"
    except metadata.PackageNotFoundError:
        return "ruff (version unknown)"


def format_sources(files: dict[str, bytes]) -> dict[str, bytes]:
    """Return `files` (relative path -> content) with every .py file formatted by `ruff format`."""
    with tempfile.TemporaryDirectory(prefix="sdkforge-format-", dir=_scratch_dir()) as tmp:
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


def _scratch_dir() -> str | None:
    """A memory-backed directory when the system has one: ruff only needs the files for a moment,
    and writing and deleting a thousand small files on a slow disk costs seconds."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def _ruff(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args[:1], "--quiet", *RUFF_SETTINGS, *args[1:]],
        check=True,
        capture_output=True,
    )
