"""Generation time and peak memory: each tool in a fresh process, rounds alternating between tools.

Peak memory is the largest resident set of the process and of the children it waited for (ruff,
black), as the kernel reports it to wait4().
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.inputs import Spec

BIN = Path(sys.executable).parent


@dataclass
class Sample:
    seconds: list[float] = field(default_factory=list)
    peak_mib: list[float] = field(default_factory=list)
    failed: str = ""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # openapi-python-client runs `ruff` from PATH as its post-generation hook.
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


# Run through a small interpreter: on Linux a child's peak RSS starts from its parent's size at
# fork, so a command forked straight from this (large) process would be charged for it.
_LAUNCHER = """
import os, subprocess, sys, time
out = open(sys.argv[1], "w")
start = time.perf_counter()
child = subprocess.Popen(sys.argv[3:], stdout=open(sys.argv[2], "wb"), stderr=subprocess.STDOUT)
_, status, usage = os.wait4(child.pid, 0)
out.write(f"{time.perf_counter() - start} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def measured(command: list[str], log: Path, cwd: Path | None = None) -> tuple[float, float, int]:
    """Run `command`; (wall seconds, peak RSS in MiB, exit status)."""
    result = log.with_suffix(".result")
    subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(result), str(log), *command],
        check=True,
        env=_env(),
        cwd=cwd,
    )
    seconds, peak_kib, status = result.read_text(encoding="utf-8").split()
    return float(seconds), int(peak_kib) / 1024, int(status)


def sdkforge(spec: Spec, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec.source),
        "--out",
        str(out),
        "--package-name",
        f"sdk_{spec.key}",
    ]


# A checkout of an earlier sdkforge (`--before DIR`): run from there, `-m generator` is its own.
BEFORE: Path | None = None


def before(spec: Spec, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(spec.source),
        "--out",
        str(out),
        "--package-name",
        f"old_{spec.key}",
    ]


def opc(spec: Spec, out: Path) -> list[str]:
    config = out.parent / f"opc-{spec.key}.yaml"
    config.write_text(
        f"project_name_override: opc_{spec.key}\n" f"package_name_override: opc_{spec.key}\n",
        encoding="utf-8",
    )
    return [
        str(BIN / "openapi-python-client"),
        "generate",
        "--path",
        str(spec.openapi3),
        "--output-path",
        str(out),
        "--config",
        str(config),
        "--overwrite",
    ]


def dmcg(spec: Spec, out: Path) -> list[str]:
    out.mkdir(parents=True, exist_ok=True)
    return [
        str(BIN / "datamodel-codegen"),
        "--input",
        str(spec.openapi3),
        "--input-file-type",
        "openapi",
        "--output",
        str(out / f"dm_{spec.key}.py"),
        "--output-model-type",
        "pydantic_v2.BaseModel",
    ]


TOOLS: dict[str, Callable[[Spec, Path], list[str]]] = {
    "sdkforge": sdkforge,
    "before": before,
    "OPC": opc,
    "DMCG": dmcg,
}


def output_dir(work: Path, spec: Spec, tool: str) -> Path:
    return work / "out" / spec.key / tool


def run(
    specs: list[Spec],
    work: Path,
    rounds: dict[str, int],
    tools: dict[str, list[str]],
) -> dict[str, dict[str, Sample]]:
    """{spec key: {tool: Sample}}; `tools` names the tools run per spec key."""
    results: dict[str, dict[str, Sample]] = {}
    for spec in specs:
        names = tools[spec.key]
        samples = {name: Sample() for name in names}
        results[spec.key] = samples
        for index in range(rounds[spec.key]):
            # Rotate who goes first, so warming the disk cache favours nobody.
            order = names[index % len(names) :] + names[: index % len(names)]
            for name in order:
                sample = samples[name]
                if sample.failed:
                    continue
                out = output_dir(work, spec, name)
                shutil.rmtree(out, ignore_errors=True)
                out.parent.mkdir(parents=True, exist_ok=True)
                log = out.parent / f"{name}.log"
                cwd = BEFORE if name == "before" else None
                seconds, peak, status = measured(TOOLS[name](spec, out), log, cwd)
                if status != 0:
                    sample.failed = f"exit {status}, see {log}"
                    print(f"  {spec.key:<10} {name:<9} FAILED ({sample.failed})", flush=True)
                    continue
                sample.seconds.append(seconds)
                sample.peak_mib.append(peak)
                print(f"  {spec.key:<10} {name:<9} {seconds:8.2f} s {peak:8.0f} MiB", flush=True)
    return results
