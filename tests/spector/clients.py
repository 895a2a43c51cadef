"""Generate a client for one compiled Spector document, once per session, and load its IR."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from generator import ir
from generator.diagnostics import Diagnostic
from generator.loader import load_api
from tests.spector.driver import Document
from tests.testserver.clients import GeneratedClients

EMITTERS = {"openapi3": "@typespec/openapi3", "autorest": "@azure-tools/typespec-autorest"}
SUFFIX = {"openapi3": "o3", "autorest": "ar"}


def package_name(package: str, folder: str, emitter: str, document: str) -> str:
    """ "type/model/empty" compiled by openapi3 -> "type_model_empty_o3" (one name per document)."""
    version = Path(document).parent.name if emitter == "autorest" else Path(document).stem
    version = "" if version in ("typespec-autorest", "openapi") else version.replace("openapi.", "")
    # "Azure.ResourceManager.MultiService.Compute.2025-04-01": the service and its version are
    # enough (the namespace repeats the folder, and package names have a length limit).
    version = ".".join(version.split(".")[-2:])
    prefix = "az_" if package == "azure-http-specs" else ""
    words = f"{prefix}{folder}_{version}_{SUFFIX[emitter]}"
    name = re.sub(r"[^0-9a-zA-Z]+", "_", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words))
    return re.sub(r"_+", "_", name).strip("_").lower()


class SpectorClients(GeneratedClients):
    """`spector_clients("http-specs", "type/scalar", "openapi3")` -> Document (package + IR)."""

    def __init__(self, workdir: Path, cache: Path) -> None:
        super().__init__(workdir, cache)
        self._cache = cache
        self._documents: dict[str, Document] = {}

    def documents(self, package: str, folder: str, emitter: str) -> list[str]:
        base = self._cache / package / folder
        found = sorted((base / EMITTERS[emitter]).rglob("*.json"))
        return [p.relative_to(self._cache).as_posix() for p in found]

    def document(self, package: str, folder: str, emitter: str, version: str = "") -> Document:
        candidates = self.documents(package, folder, emitter)
        if version:
            candidates = [
                c for c in candidates if version in Path(c).parts or Path(c).stem.endswith(version)
            ]
        if not candidates:
            pytest.fail(f"{package}/{folder}: {emitter} wrote no document", pytrace=False)
        relative = candidates[-1]
        if relative not in self._documents:
            module = self(relative)
            self._documents[relative] = Document(module, _ir_of(self._cache / relative))
        return self._documents[relative]

    def _generate_and_import(self, file_name: str) -> Any:
        spec = self._cache / file_name
        parts = Path(file_name).parts
        package = parts[0]
        marker = next(i for i, p in enumerate(parts) if p in ("@typespec", "@azure-tools"))
        folder = "/".join(parts[1:marker])
        emitter = "openapi3" if parts[marker] == "@typespec" else "autorest"
        name = package_name(package, folder, emitter, file_name)
        out = self._workdir / name
        self._run_generator(file_name, spec, out, name)
        return self._import(file_name, out, name)


def _ir_of(spec: Path) -> dict[str, Any]:
    """The intermediate model the package was generated from: the clients are generated with
    --azure (see tests/testserver/clients.py), so it is read with the same setting."""
    warnings: list[Diagnostic] = []
    api = load_api(spec, warnings=warnings, azure=True)
    data: dict[str, Any] = json.loads(ir.to_json(api))
    return data
