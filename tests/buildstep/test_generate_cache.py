"""`generate` skips a client whose inputs did not change; `check` never trusts that and rebuilds."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.cache import MANIFEST
from generator.render.write import read_tree
from tests.buildstep.support import copy_rolling_spec, run, write_project
from tests.support.paths import ROOT, VMSS_SPEC


@pytest.fixture
def project(tmp_path: Path) -> Path:
    spec = copy_rolling_spec(tmp_path)
    return write_project(
        tmp_path, [{"spec": str(spec.relative_to(tmp_path)), "package": "rolling", "output": "out"}]
    )


def generate(config: Path, *extra: str) -> str:
    code, out, err = run("--config", str(config), "generate", *extra)
    assert code == 0, err
    return out.strip()


def check(config: Path) -> tuple[int, str]:
    code, out, _ = run("--config", str(config), "check")
    return code, out


def test_second_run_is_skipped_and_check_agrees(project: Path) -> None:
    package = project.parent / "out" / "rolling"
    assert generate(project) == f"generated {package} (no readable {MANIFEST})"
    before = read_tree(package)
    assert generate(project) == f"unchanged {package}"
    assert read_tree(package) == before
    assert check(project) == (0, "")


def test_a_changed_referenced_file_regenerates(project: Path) -> None:
    generate(project)
    example = next((project.parent / "spec" / "examples").glob("*MaximumSet*.json"))
    data = json.loads(example.read_text(encoding="utf-8"))
    data["parameters"]["vmScaleSetName"] = "renamed-set"
    example.write_text(json.dumps(data), encoding="utf-8")
    code, diff = check(project)
    assert code == 1 and MANIFEST in diff
    assert generate(project).endswith(f"(spec file changed: examples/{example.name})")
    assert check(project) == (0, "")


def test_a_hand_edited_file_is_restored(project: Path) -> None:
    generate(project)
    module = project.parent / "out" / "rolling" / "_client.py"
    original = module.read_bytes()
    module.write_bytes(original + b"# edited\n")
    code, diff = check(project)
    assert code == 1 and "-# edited" in diff
    assert generate(project).endswith("(generated files differ from what was generated)")
    assert module.read_bytes() == original


def test_changed_options_and_force_regenerate(project: Path) -> None:
    generate(project)
    spec = project.parent / "spec" / "rolling-upgrades.json"
    write_project(
        project.parent,
        [
            {
                "spec": str(spec.relative_to(project.parent)),
                "package": "rolling",
                "output": "out",
                "client-name": "RollingClient",
            }
        ],
    )
    assert generate(project).endswith("(options changed)")
    assert "class RollingClient" in (project.parent / "out" / "rolling" / "_client.py").read_text()
    assert generate(project, "--force").endswith("(forced)")


def test_manifest_is_location_independent(project: Path) -> None:
    generate(project)
    text = (project.parent / "out" / "rolling" / MANIFEST).read_text(encoding="utf-8")
    assert str(project.parent) not in text
    manifest = json.loads(text)
    examples = sorted((project.parent / "spec" / "examples").glob("*.json"))
    assert len(examples) == 7
    assert sorted(manifest["sources"]) == [
        *(f"examples/{path.name}" for path in examples),
        "rolling-upgrades.json",
    ]
    assert manifest["options"]["package"] == "rolling"


def test_a_bad_spec_writes_nothing(project: Path) -> None:
    generate(project)
    before = read_tree(project.parent / "out" / "rolling")
    (project.parent / "spec" / "rolling-upgrades.json").write_text("{", encoding="utf-8")
    code, _, err = run("--config", str(project), "generate")
    assert code == 2 and "rolling-upgrades.json" in err
    assert read_tree(project.parent / "out" / "rolling") == before


def test_no_op_run_loads_nothing(project: Path) -> None:
    generate(project)
    script = (
        "import sys\n"
        "from generator.cli import main\n"
        f"main(['--config', {str(project)!r}, 'generate'])\n"
        "print(sorted(m for m in ('generator.build', 'generator.loader', 'jinja2')"
        " if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.splitlines() == [f"unchanged {project.parent / 'out' / 'rolling'}", "[]"]


@pytest.mark.skipif(
    not VMSS_SPEC["2024-11-01"].is_file(), reason="the shared Azure specs are not here"
)
def test_no_op_run_is_much_faster_than_a_generation(tmp_path: Path) -> None:
    config = write_project(
        tmp_path, [{"spec": str(VMSS_SPEC["2024-11-01"]), "package": "vmss", "output": "out"}]
    )
    command = [sys.executable, "-m", "generator", "--config", str(config), "generate"]

    def timed() -> float:
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
        return time.perf_counter() - start

    full = timed()
    no_op = min(timed() for _ in range(3))
    assert no_op * 3 < full, (no_op, full)
