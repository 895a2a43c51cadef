"""--package-mode: an installable distribution, built, installed in a fresh venv and called."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import httpx
import pytest

from tests.buildstep.support import run
from tests.e2e.conftest import TOKEN
from tests.support.example_server import ExampleServer, exchanges_from_example
from tests.support.paths import ROLLING_SPEC, VMSS_SPEC

EXAMPLE = (
    ROLLING_SPEC.parent
    / "examples"
    / "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen.json"
)
PATH = next(
    path
    for path, item in json.loads(ROLLING_SPEC.read_text(encoding="utf-8"))["paths"].items()
    if item.get("get", {}).get("operationId") == "VirtualMachineScaleSetRollingUpgrades_GetLatest"
)

CALL = """
import json, sys, time
import rolling_sdk
from importlib.metadata import version
from rolling_sdk import ComputeManagementClient

class Token:
    def __init__(self, token): self.token, self.expires_on = token, int(time.time()) + 3600

class Credential:
    def get_token(self, *scopes, **kwargs): return Token(sys.argv[2])

params = json.loads(sys.argv[3])
subscription = params["subscriptionId"]
with ComputeManagementClient(Credential(), subscription, endpoint=sys.argv[1]) as client:
    status = client.virtual_machine_scale_set_rolling_upgrades.get_latest(
        params["resourceGroupName"], params["vmScaleSetName"]
    )
print(json.dumps({
    "file": rolling_sdk.__file__,
    "version": version("rolling-sdk"),
    "max_batch": status.policy.max_batch_instance_percent,
    "code": status.running_status.code.value,
    "failed": status.progress.failed_instance_count,
}))
"""


def generate_distribution(out: Path, spec: Path, *extra: str) -> Path:
    code, _, err = run(
        "generate",
        str(spec),
        "--out",
        str(out),
        "--package-name",
        "rolling_sdk",
        "--package-mode",
        *extra,
    )
    assert code == 0, err
    return out / "rolling_sdk"


def fresh_venv(path: Path) -> Path:
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    # httpx (the only dependency) comes from this project's environment rather than the network.
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "project_dependencies.pth").write_text(
        str(Path(httpx.__file__).parent.parent) + "\n", encoding="utf-8"
    )
    return python


def test_distribution_files(tmp_path: Path) -> None:
    dist = generate_distribution(tmp_path, ROLLING_SPEC)
    files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file())
    for name in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "_sdkforge.json",
        "rolling_sdk/__init__.py",
        "rolling_sdk/py.typed",
        "rolling_sdk/_api_snapshot.json",
    ):
        assert name in files
    project = tomllib.loads((dist / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["name"] == "rolling-sdk"
    assert project["project"]["version"] == "2024.7.1"
    assert project["project"]["dependencies"] == ["httpx>=0.27,<1"]
    assert project["build-system"]["build-backend"] == "hatchling.build"
    assert (
        (dist / "CHANGELOG.md")
        .read_text(encoding="utf-8")
        .startswith("# Changelog\n\n## 2024-07-01")
    )
    code, out, _ = run(
        "check",
        str(ROLLING_SPEC),
        "--out",
        str(tmp_path),
        "--package-name",
        "rolling_sdk",
        "--package-mode",
    )
    assert (code, out) == (0, "")
    generate_distribution(tmp_path, ROLLING_SPEC, "--package-version", "3.0.0")
    project = tomllib.loads((dist / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["version"] == "3.0.0"


def test_wheel_installs_in_a_fresh_venv_and_calls_a_server(tmp_path: Path) -> None:
    dist = generate_distribution(tmp_path / "src", ROLLING_SPEC)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-build-isolation",
            "--no-deps",
            "--no-index",
            "-q",
            "-w",
            str(tmp_path / "wheels"),
            str(dist),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "wheels").glob("rolling_sdk-2024.7.1-*.whl")
    python = fresh_venv(tmp_path / "venv")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    with ExampleServer(exchanges_from_example(EXAMPLE, "GET", PATH, bearer=TOKEN)) as server:
        result = subprocess.run(
            [str(python), "-c", CALL, server.url, TOKEN, json.dumps(example["parameters"])],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            check=True,
        )
    assert server.unmatched == [] and len(server.requests) == 1
    answer = json.loads(result.stdout)
    body = example["responses"]["200"]["body"]["properties"]
    assert Path(answer["file"]).is_relative_to(tmp_path / "venv")
    assert answer["version"] == "2024.7.1"
    assert answer["max_batch"] == body["policy"]["maxBatchInstancePercent"]
    assert answer["code"] == body["runningStatus"]["code"]
    assert answer["failed"] == body["progress"]["failedInstanceCount"]
    assert sysconfig.get_paths()["purelib"] not in answer["file"]


def code_blocks(readme: str) -> list[str]:
    return re.findall(r"^(`{3,})python\n(.*?)^\1$", readme, re.M | re.S)


def test_readme_shows_each_operation_with_its_example_values(tmp_path: Path) -> None:
    readme = (generate_distribution(tmp_path, ROLLING_SPEC) / "README.md").read_text(
        encoding="utf-8"
    )
    blocks = [block for _, block in code_blocks(readme)]
    assert len(blocks) == 6  # creating the client, and each of the five operations
    for block in blocks:
        ast.parse(block)
    (call,) = (
        statement
        for block in blocks[1:]
        for statement in ast.parse(block).body
        if "get_latest" in ast.unparse(statement)
    )
    assert isinstance(call, ast.Assign) and isinstance(call.value, ast.Call)
    assert (
        ast.unparse(call.value.func)
        == "client.virtual_machine_scale_set_rolling_upgrades.get_latest"
    )
    arguments = {k.arg: ast.literal_eval(k.value) for k in call.value.keywords}
    section = readme.split("### `client.virtual_machine_scale_set_rolling_upgrades.get_latest`")[1]
    example_name = re.search(r'From the example "(.+)":', section)
    assert example_name
    example = json.loads(
        (ROLLING_SPEC.parent / "examples" / f"{example_name.group(1)}.json").read_text(
            encoding="utf-8"
        )
    )["parameters"]
    assert arguments == {
        "resource_group_name": example["resourceGroupName"],
        "vm_scale_set_name": example["vmScaleSetName"],
    }
    assert f"subscription_id={example['subscriptionId']!r}" in blocks[0]


@pytest.mark.skipif(
    not VMSS_SPEC["2024-07-01"].is_file(), reason="the shared Azure specs are not here"
)
def test_readme_of_a_selected_distribution(tmp_path: Path) -> None:
    dist = generate_distribution(
        tmp_path,
        VMSS_SPEC["2024-07-01"],
        "--include-operations",
        "VirtualMachineScaleSetRollingUpgrades_*",
    )
    readme = (dist / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### `(.+)`$", readme, re.M)
    assert headings == [
        "client.virtual_machine_scale_set_rolling_upgrades.begin_cancel",
        "client.virtual_machine_scale_set_rolling_upgrades.begin_start_os_upgrade",
        "client.virtual_machine_scale_set_rolling_upgrades.begin_start_extension_upgrade",
        "client.virtual_machine_scale_set_rolling_upgrades.get_latest",
    ]
    for _, block in code_blocks(readme):
        ast.parse(block)
    snapshot = json.loads((dist / "rolling_sdk" / "_api_snapshot.json").read_text(encoding="utf-8"))
    assert len(snapshot["models"]) == 9
