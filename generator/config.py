"""`[tool.sdkforge]` in pyproject.toml: the clients `generate` and `check` work on."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import SpecError


@dataclass(frozen=True)
class ClientConfig:
    spec: Path
    package: str
    output: Path  # the directory the package directory is written into
    client_name: str | None = None

    @property
    def package_dir(self) -> Path:
        return self.output / self.package


def load_config(pyproject: Path) -> list[ClientConfig]:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SpecError(str(pyproject), "", f"cannot read the configuration: {exc}") from None
    clients = data.get("tool", {}).get("sdkforge", {}).get("clients", [])
    if not isinstance(clients, list):
        raise SpecError(str(pyproject), "/tool/sdkforge/clients", "must be an array of tables")
    base = pyproject.parent
    return [_client(base, pyproject, index, entry) for index, entry in enumerate(clients)]


def _client(base: Path, pyproject: Path, index: int, entry: object) -> ClientConfig:
    pointer = f"/tool/sdkforge/clients/{index}"
    if not isinstance(entry, dict):
        raise SpecError(str(pyproject), pointer, "must be a table")
    for key in ("spec", "package"):
        if not isinstance(entry.get(key), str):
            raise SpecError(str(pyproject), f"{pointer}/{key}", "is required and must be a string")
    package = entry["package"]
    if not package.isidentifier():
        raise SpecError(str(pyproject), f"{pointer}/package", "must be a Python identifier")
    return ClientConfig(
        spec=base / entry["spec"],
        package=package,
        output=base / str(entry.get("output", "generated")),
        client_name=entry.get("client-name"),
    )
