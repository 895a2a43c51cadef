"""`generate` over many configured clients: one process against `--jobs` processes.

A pyproject.toml under the work directory configures one client per spec; each round runs
`python -m generator generate --force` once with `--jobs 1` and once with the default (one job per
CPU core), alternating which goes first.
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

from benchmarks.gen import measured
from benchmarks.inputs import Spec


def _project(work: Path, specs: list[Spec]) -> Path:
    project = work / "batch"
    project.mkdir(parents=True, exist_ok=True)
    entries = [
        f'[[tool.sdkforge.clients]]\nspec = "{spec.source.as_posix()}"\n'
        f'package = "batch_{spec.key}"\noutput = "out"\n'
        for spec in specs
    ]
    (project / "pyproject.toml").write_text("\n".join(entries), encoding="utf-8")
    return project


def run(work: Path, specs: list[Spec], rounds: int) -> dict[str, float]:
    """{"clients": n, "cores": n, "jobs 1 s": median, "jobs N s": median, "speed-up": ratio}."""
    project = _project(work, specs)
    config = str(project / "pyproject.toml")
    cores = os.cpu_count() or 1
    variants = {"1": "1", str(cores): "0"}
    seconds: dict[str, list[float]] = {name: [] for name in variants}
    for index in range(rounds):
        order = list(variants) if index % 2 == 0 else list(reversed(variants))
        for name in order:
            command = [
                sys.executable,
                "-m",
                "generator",
                "--config",
                config,
                "generate",
                "--force",
                "--jobs",
                variants[name],
            ]
            elapsed, _, status = measured(command, project / f"jobs-{name}.log", cwd=project)
            if status != 0:
                raise SystemExit(f"batch generation failed, see {project}/jobs-{name}.log")
            seconds[name].append(elapsed)
            print(f"  batch of {len(specs)}, --jobs {name}: {elapsed:8.2f} s", flush=True)
    one = statistics.median(seconds["1"])
    many = statistics.median(seconds[str(cores)])
    return {
        "clients": len(specs),
        "cores": cores,
        "jobs 1 s": one,
        f"jobs {cores} s": many,
        "speed-up": one / many,
    }
