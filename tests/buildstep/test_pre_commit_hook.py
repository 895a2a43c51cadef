"""The pre-commit hook this repository offers runs `sdkforge check`."""

from __future__ import annotations

import shlex
import tomllib

import yaml

from tests.buildstep.support import run
from tests.support.paths import ROOT


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    (hook,) = hooks
    assert hook["id"] == "sdkforge-check"
    assert hook["language"] == "python"
    assert hook["entry"] == "sdkforge check"
    assert hook["pass_filenames"] is False
    assert isinstance(hook["name"], str) and hook["name"]
    # Keys pre-commit knows; a typo would be ignored by it silently.
    known = {
        "id",
        "name",
        "entry",
        "language",
        "pass_filenames",
        "description",
        "always_run",
        "files",
        "exclude",
        "types",
        "stages",
        "args",
        "require_serial",
    }
    assert set(hook) <= known


def test_entry_is_the_console_script_and_check_exists() -> None:
    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    program, *arguments = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "scripts"
    ]
    assert scripts[program] == "generator.cli:main"
    code, out, _ = run(*arguments, "--help")
    assert code == 0 and "usage: sdkforge check" in out
