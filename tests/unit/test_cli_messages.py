"""The command line says what is wrong and what to do next, in one line, wherever options are
put."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import _parser, main
from tests.buildstep.support import copy_rolling_spec, run, write_project


def test_no_configuration_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run("generate")
    assert code == 2
    (line,) = err.strip().splitlines()
    assert line.startswith("pyproject.toml: error: not found: ")  # one "error", no pointer
    assert "sdkforge generate SPEC --package-name NAME" in line and "--config" in line


def test_a_project_without_clients_is_told_how_to_add_one(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    code, _, err = run("--config", str(config), "generate")
    assert code == 2
    assert "[[tool.sdkforge.clients]]" in err and err.count("error") == 1


def test_invalid_toml_is_named_as_such(tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text("[tool.sdkforge\n", encoding="utf-8")
    code, _, err = run("--config", str(config), "check")
    assert code == 2 and f"{config}: error: invalid TOML" in err


def test_config_is_accepted_after_the_command(tmp_path: Path) -> None:
    spec = copy_rolling_spec(tmp_path)
    config = write_project(
        tmp_path, [{"spec": str(spec.relative_to(tmp_path)), "package": "rolling", "output": "out"}]
    )
    code, out, err = run("generate", "--config", str(config))
    assert code == 0, err
    assert out.startswith(f"generated {tmp_path / 'out' / 'rolling'} (first generation)")
    assert run("check", "--config", str(config))[0] == 0


def test_check_of_a_standalone_spec_suggests_the_command_that_fixes_it(tmp_path: Path) -> None:
    spec = copy_rolling_spec(tmp_path)
    out = tmp_path / "out dir"
    assert run("generate", str(spec), "--out", str(out), "--package-name", "rolling")[0] == 0
    (out / "rolling" / "_version.py").write_text("# edited\n", encoding="utf-8")
    code, _, err = run("check", str(spec), "--out", str(out), "--package-name", "rolling")
    assert code == 1
    assert f"run `sdkforge generate {spec} --out '{out}' --package-name rolling`" in err


def test_every_argument_has_help() -> None:
    parser = _parser()
    missing = []
    for action in parser._actions:
        choices = getattr(action, "choices", None)
        parsers = [parser, *choices.values()] if isinstance(choices, dict) else [parser]
        for sub in parsers:
            for a in sub._actions:
                if not a.help and a.dest not in ("help", "command"):
                    missing.append(f"{sub.prog} {a.dest}")
    assert missing == []


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("sdkforge gen", "generate"),
        ("sdkforge generate --package-n", "--package-name"),
        ("sdkforge --config x.toml ch", "check"),
        ("sdkforge schema --o", "--out"),
    ],
)
def test_bash_completion(words: str, expected: str) -> None:
    script = subprocess.run(
        [sys.executable, "-m", "generator", "completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    count = len(words.split())
    complete = f"COMP_WORDS=({words}); COMP_CWORD={count - 1}; _sdkforge"
    probe = f'{script}\n{complete}; echo "${{COMPREPLY[*]}}"'
    result = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.split() == [expected]


def test_completion_for_zsh_loads_bashcompinit(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", "zsh"]) == 0
    script = capsys.readouterr().out
    assert script.splitlines()[1] == "autoload -U +X bashcompinit && bashcompinit"
    assert script.rstrip().endswith("complete -o filenames -F _sdkforge sdkforge")
