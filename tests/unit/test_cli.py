"""The command line as a user meets it: exit codes, messages, nothing written on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.paths import ROLLING_SPEC, ROOT


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


BAD_INPUTS = {
    "invalid.json": ('{"swagger": "2.0", "info": {', "invalid.json", "JSON"),
    "invalid.yaml": ("swagger: '2.0'\ninfo: [unclosed\n", "invalid.yaml", "YAML"),
    "no-paths.json": (
        json.dumps({"swagger": "2.0", "info": {"title": "t", "version": "1"}}),
        "no-paths.json",
        "paths",
    ),
    "broken-ref.json": (
        json.dumps(
            {
                "swagger": "2.0",
                "info": {"title": "t", "version": "1"},
                "paths": {
                    "/a": {
                        "get": {
                            "operationId": "A_Get",
                            "responses": {
                                "200": {
                                    "description": "ok",
                                    "schema": {"$ref": "#/definitions/Missing"},
                                }
                            },
                        }
                    }
                },
            }
        ),
        "/paths/~1a/get/responses/200/schema",
        "Missing",
    ),
    "python-object.yaml": (
        "swagger: '2.0'\ninfo: !!python/object/apply:os.system ['true']\n",
        "python-object.yaml",
        "",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_exits_2_with_file_and_pointer_and_writes_nothing(
    name: str, tmp_path: Path
) -> None:
    text, where, what = BAD_INPUTS[name]
    spec = tmp_path / name
    spec.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = _run("generate", str(spec), "--out", str(out), "--package-name", "pkg")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert where in result.stderr and what in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    result = _run(
        "generate",
        str(tmp_path / "absent.json"),
        "--out",
        str(tmp_path / "o"),
        "--package-name",
        "pkg",
    )
    assert result.returncode == 2
    assert "absent.json" in result.stderr and "Traceback" not in result.stderr


def test_failed_generation_leaves_the_previous_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    ok = _run("generate", str(ROLLING_SPEC), "--out", str(out), "--package-name", "pkg")
    assert ok.returncode == 0, ok.stderr
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.py"))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    bad = _run("generate", str(broken), "--out", str(out), "--package-name", "pkg")
    assert bad.returncode == 2
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.py")) == before


def test_check_reports_drift_with_a_diff_and_exit_1(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "specs").mkdir(parents=True)
    shutil.copytree(ROLLING_SPEC.parent, project / "specs" / "compute")
    (project / "pyproject.toml").write_text(
        '[tool.sdkforge]\n[[tool.sdkforge.clients]]\nspec = "specs/compute/rolling-upgrades.json"\n'
        'package = "pkg"\noutput = "generated"\n',
        encoding="utf-8",
    )
    assert _run("generate", cwd=project).returncode == 0
    assert _run("check", cwd=project).returncode == 0
    target = project / "generated" / "pkg" / "_version.py"
    target.write_text(target.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    result = _run("check", cwd=project)
    assert result.returncode == 1
    assert "-# edited by hand" in result.stdout and "_version.py" in result.stdout


def test_ir_prints_the_model_as_json() -> None:
    result = _run("ir", str(ROLLING_SPEC), "--no-sources")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["client_name"] == "ComputeManagementClient"
    rolling = data["groups"][0]["operations"]
    assert [op["py_name"] for op in rolling][-1] == "get_latest"
    assert "begin_cancel" in [op["py_name"] for op in rolling]
    assert '"source":' not in json.dumps(data) and '"source_files":' not in json.dumps(data)
    with_sources = json.loads(_run("ir", str(ROLLING_SPEC)).stdout)
    assert with_sources["groups"][0]["operations"][0]["source"]["file"] == "rolling-upgrades.json"


_SLOPPY = {
    "openapi": "3.0.3",
    "info": {"title": "Sloppy", "version": "1"},
    "paths": {
        "/a": {
            "get": {
                "responses": {"200": {"description": "ok"}, "4XX": {"description": "no"}},
                "parameters": [{"name": "", "in": "header", "schema": {"type": "string"}}],
            }
        },
        "/b": {
            "get": {
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Missing"}}
                        },
                    }
                }
            }
        },
    },
}


def test_generate_ends_with_a_summary_line(tmp_path: Path) -> None:
    spec = tmp_path / "sloppy.json"
    spec.write_text(json.dumps(_SLOPPY), encoding="utf-8")
    out = tmp_path / "out"
    result = _run("generate", str(spec), "--out", str(out), "--package-name", "pkg")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1] == (
        f"generated {out / 'pkg'} (first generation): 1 operations (1 skipped),"
        " 0 models, 0 enums, 3 warnings (operation-skipped: 1, parameter-name: 1, status-range: 1);"
        " --verbose lists them"
    )
    verbose = _run(
        "generate", str(spec), "--out", str(out), "--package-name", "pkg", "--force", "--verbose"
    )
    lines = verbose.stderr.splitlines()
    assert len(lines) == 3 and all("sloppy.json#/paths/" in line for line in lines)
    assert all(": warning: " in line for line in lines)


def test_strict_turns_warnings_into_errors_and_writes_nothing(tmp_path: Path) -> None:
    spec = tmp_path / "sloppy.json"
    spec.write_text(json.dumps(_SLOPPY), encoding="utf-8")
    out = tmp_path / "out"
    result = _run("generate", str(spec), "--out", str(out), "--package-name", "pkg", "--strict")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[-1] == "error: 3 warnings with --strict; nothing written"
    assert "sloppy.json#/paths/~1a/get/parameters/0: error: a parameter with an empty" in lines[0]
    assert not out.exists()


def _tiny_spec(title: str) -> str:
    return json.dumps(
        {
            "swagger": "2.0",
            "info": {"title": title, "version": "1"},
            "paths": {
                "/things": {
                    "get": {
                        "operationId": "Things_Get",
                        "responses": {
                            "200": {"description": "ok", "schema": {"$ref": "#/definitions/Thing"}}
                        },
                    }
                }
            },
            "definitions": {
                "Thing": {"type": "object", "properties": {"name": {"type": "string"}}}
            },
        }
    )


def _batch(tmp_path: Path, specs: dict[str, str]) -> Path:
    """A project whose pyproject.toml configures one client per spec text."""
    project = tmp_path / "project"
    project.mkdir()
    entries = []
    for package, text in specs.items():
        (project / f"{package}.json").write_text(text, encoding="utf-8")
        entries.append(
            f'[[tool.sdkforge.clients]]\nspec = "{package}.json"\n'
            f'package = "{package}"\noutput = "out"\n'
        )
    (project / "pyproject.toml").write_text("\n".join(entries), encoding="utf-8")
    return project


def test_jobs_build_clients_in_parallel_with_the_same_output(tmp_path: Path) -> None:
    project = _batch(tmp_path, {f"pkg{i}": _tiny_spec(f"Api{i}") for i in range(3)})
    parallel = _run("generate", "--jobs", "2", cwd=project)
    assert parallel.returncode == 0, parallel.stderr
    files = {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted((project / "out").rglob("*"))
        if p.is_file()
    }
    assert {f"out/pkg{i}/models/_thing.py" for i in range(3)} <= set(files)
    shutil.rmtree(project / "out")
    serial = _run("generate", "--jobs", "1", cwd=project)
    assert serial.returncode == 0, serial.stderr
    assert files == {
        p.relative_to(project).as_posix(): p.read_bytes()
        for p in sorted((project / "out").rglob("*"))
        if p.is_file()
    }
    check = _run("check", "--jobs", "2", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_bad_spec_among_parallel_jobs_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    project = _batch(tmp_path, {"good": _tiny_spec("Good"), "bad": '{"swagger": "2.0", "info": {'})
    result = _run("generate", "--jobs", "2", cwd=project)
    assert result.returncode == 2
    assert "bad.json" in result.stderr and "Traceback" not in result.stderr
    assert not (project / "out").exists()
