"""Helpers for build-step tests: a project folder with a [tool.sdkforge] table, and the CLI."""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

from generator.cli import main
from tests.support.paths import ROLLING_SPEC


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return json.dumps(str(value))


def write_project(root: Path, clients: list[dict[str, Any]], head: str = "") -> Path:
    lines = [head] if head else []
    for client in clients:
        lines.append("[[tool.sdkforge.clients]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in client.items()]
        lines.append("")
    config = root / "pyproject.toml"
    config.write_text("\n".join(lines), encoding="utf-8")
    return config


def copy_rolling_spec(root: Path) -> Path:
    """The repository's small spec and its examples, copied so that a test may edit them."""
    target = root / "spec"
    shutil.copytree(ROLLING_SPEC.parent, target)
    return target / ROLLING_SPEC.name


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse errors
            code = int(exc.code or 0)
    return code, out.getvalue(), err.getvalue()


_SUMMARY = re.compile(r": \d+ operations \(\d+ skipped\), .*$", re.M)


def without_summaries(out: str) -> str:
    """`generate`'s output less the per-package summary that ends each `generated ...` line."""
    return _SUMMARY.sub("", out)
