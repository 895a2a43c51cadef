"""Generate a client for one swagger file of the test server package, once per session."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys
import traceback
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest

from tests.support import type_hints
from tests.testserver.server import SWAGGER_DIR

ROOT = Path(__file__).resolve().parents[2]
GENERATE_TIMEOUT = 300


def swagger_file_name(swagger: str) -> str:
    """Accept the file name with or without ".json"."""
    return swagger if swagger.endswith(".json") else f"{swagger}.json"


def package_name(swagger: str) -> str:
    """Snake-case module name: "custom-baseUrl-paging.json" -> "custom_base_url_paging"."""
    stem = swagger_file_name(swagger)[: -len(".json")]
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", stem.replace(".", "_"))
    name = re.sub(r"[^0-9a-zA-Z]+", "_", spaced).strip("_").lower()
    return f"_{name}" if name[:1].isdigit() else name


class GeneratedClients:
    """Callable fixture value: `generated_clients("body-boolean.json")` -> imported package."""

    def __init__(self, workdir: Path, swagger_dir: Path = SWAGGER_DIR) -> None:
        self._workdir = workdir
        self._swagger_dir = swagger_dir
        self._modules: dict[str, ModuleType] = {}
        self._failures: dict[str, str] = {}

    def __call__(self, swagger: str, models: str = "dataclass") -> ModuleType:
        """The package for `swagger` with models of style `models` ("dataclass", "pydantic")."""
        file_name = swagger_file_name(swagger)
        key = file_name if models == "dataclass" else f"{file_name} {models}"
        if key in self._failures:
            pytest.fail(self._failures[key], pytrace=False)
        if key not in self._modules:
            self._modules[key] = (
                self._generate_and_import(file_name)
                if models == "dataclass"
                else self._generate_styled(file_name, models)
            )
        return self._modules[key]

    def customized(self, swagger: str, customizations: Path) -> ModuleType:
        """The package as a user has it after customizing and regenerating: generated, given the
        `_patch.py` files found under `customizations` (laid out like the package), generated
        again, checked to still hold them unchanged, and imported."""
        file_name = swagger_file_name(swagger)
        key = f"{file_name} customized"
        if key in self._failures:
            pytest.fail(self._failures[key], pytrace=False)
        if key not in self._modules:
            spec = self._swagger_dir / file_name
            name = package_name(file_name)
            out = self._workdir / f"{name}-customized"
            self._run_generator(key, spec, out, name)
            patches = {
                path.relative_to(customizations): path.read_bytes()
                for path in sorted(customizations.rglob("_patch.py"))
            }
            for path, content in patches.items():
                (out / name / path).write_bytes(content)
            self._run_generator(key, spec, out, name, "--force")
            kept = {path: (out / name / path).read_bytes() for path in patches}
            if kept != patches:
                self._fail(key, f"regenerating {file_name} changed its _patch.py files")
            self._modules[key] = self._import(key, out, name)
        return self._modules[key]

    def multiapi(self, package: str, *swaggers: str) -> ModuleType:
        """One multi-API package generated from several swagger files (one per api-version)."""
        key = f"{package}: {', '.join(swaggers)}"
        if key in self._failures:
            pytest.fail(self._failures[key], pytrace=False)
        if key not in self._modules:
            specs = [str(self._swagger_dir / swagger_file_name(s)) for s in swaggers]
            out = self._workdir / package
            command = [sys.executable, "-m", "generator", "generate", *specs]
            command += ["--out", str(out), "--package-name", package, "--azure"]
            result = subprocess.run(
                command,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=GENERATE_TIMEOUT,
                check=False,
            )
            if result.returncode != 0:
                self._fail(key, f"$ {' '.join(command)}\n{result.stderr}{result.stdout}")
            self._modules[key] = self._import(key, out, package)
        return self._modules[key]

    def _fail(self, file_name: str, message: str) -> NoReturn:
        self._failures[file_name] = message
        pytest.fail(message, pytrace=False)

    def _generate_and_import(self, file_name: str) -> ModuleType:
        spec = self._swagger_dir / file_name
        if not spec.is_file():
            self._fail(file_name, f"no swagger file {spec}")
        name = package_name(file_name)
        out = self._workdir / name
        self._run_generator(file_name, spec, out, name)
        return self._import(file_name, out, name)

    def _generate_styled(self, file_name: str, models: str) -> ModuleType:
        """The package with models of another style, as `<name>_<style>`."""
        spec = self._swagger_dir / file_name
        if not spec.is_file():
            self._fail(file_name, f"no swagger file {spec}")
        name = f"{package_name(file_name)}_{models}"
        out = self._workdir / name
        self._run_generator(file_name, spec, out, name, "--models", models)
        return self._import(file_name, out, name)

    def _run_generator(self, file_name: str, spec: Path, out: Path, name: str, *extra: str) -> None:
        command = [
            sys.executable,
            "-m",
            "generator",
            "generate",
            str(spec),
            "--out",
            str(out),
            "--package-name",
            name,
            *extra,
            # The AutoRest test server plays Azure services, x-ms-* in the spec or not.
            "--azure",
        ]
        try:
            result = subprocess.run(
                command,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=GENERATE_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            self._fail(file_name, f"generating {file_name} took over {GENERATE_TIMEOUT}s")
        if result.returncode != 0:
            self._fail(
                file_name,
                f"generating a client for {file_name} failed (exit {result.returncode})\n"
                f"$ {' '.join(command)}\n--- stderr ---\n{result.stderr}"
                f"--- stdout ---\n{result.stdout}",
            )

    def _import(self, file_name: str, out: Path, name: str) -> ModuleType:
        loaded = sys.modules.get(name)
        if loaded is not None and not str(getattr(loaded, "__file__", "")).startswith(str(out)):
            self._fail(file_name, f"a module named {name!r} is already imported from {loaded}")
        if str(out) not in sys.path:
            sys.path.insert(0, str(out))
        try:
            module = importlib.import_module(name)
            # Every package the suites generate is checked as introspection tools see it.
            checked, unresolved = type_hints.unresolved(name)
        except Exception:  # any import-time error of generated code is a test failure
            self._fail(
                file_name,
                f"importing the client generated for {file_name} failed:\n"
                f"{traceback.format_exc()}",
            )
        if unresolved or not checked:
            self._fail(
                file_name,
                f"typing.get_type_hints fails on the client generated for {file_name}:\n"
                + "\n".join(unresolved),
            )
        return module
