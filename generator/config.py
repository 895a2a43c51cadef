"""`[tool.sdkforge]` in pyproject.toml: the clients `generate` and `check` work on.

```toml
[[tool.sdkforge.clients]]
spec = "specs/compute/rolling-upgrades.json"   # required, relative to pyproject.toml; several
                                               # (one per api-version): a multi-API package
package = "compute_rolling_upgrades"           # required, a Python identifier
output = "generated"                           # the folder the package folder is written into
client-name = "ComputeClient"                  # class name (default: from the spec's title)
include-operations = ["VirtualMachineScaleSetRollingUpgrades_*"]  # operationId globs
exclude-operations = ["*_Delete"]
tags = ["VirtualMachineScaleSetRollingUpgrades"]
package-mode = true                            # write an installable distribution
package-version = "1.0.0"                      # default: from the api-version
ref-roots = ["specs"]                          # more folders the spec's $refs may lead into
azure = true                                   # Azure conventions without x-ms-* in the spec
azure-compat = false                           # the azure-mgmt compatible surface (default: azure)
```
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import naming
from generator.diagnostics import SpecError

_KEYS = frozenset(
    {
        "spec",
        "package",
        "output",
        "client-name",
        "include-operations",
        "exclude-operations",
        "tags",
        "package-mode",
        "package-version",
        "ref-roots",
        "azure",
        "azure-compat",
    }
)


@dataclass(frozen=True)
class Selection:
    """operationId globs to include or exclude, and tags (globs too) to include.

    An operation is kept when it matches an include glob or carries a selected tag (or when neither
    is given), and matches no exclude glob.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude or self.tags)

    def as_options(self) -> dict[str, list[str]]:
        return {
            "include-operations": list(self.include),
            "exclude-operations": list(self.exclude),
            "tags": list(self.tags),
        }


def split_patterns(values: Iterable[str]) -> tuple[str, ...]:
    """Repeated and comma-separated values as one tuple, blanks dropped, order kept."""
    found: list[str] = []
    for value in values:
        for part in (p.strip() for p in value.split(",")):
            if part and part not in found:
                found.append(part)
    return tuple(found)


@dataclass(frozen=True)
class BuildOptions:
    """Everything besides the spec files that decides the output."""

    package_name: str
    client_name: str | None = None
    selection: Selection = field(default_factory=Selection)
    package_mode: bool = False
    package_version: str | None = None
    # Folders besides the spec's own that its $refs may read; they decide what may be read, not
    # what is generated, so they are not part of as_json (the manifest).
    ref_roots: tuple[Path, ...] = ()
    azure: bool = False  # Azure conventions even when the spec shows none
    azure_compat: bool | None = None  # the azure-mgmt compatible surface; None: as `azure` is

    @property
    def code_dir(self) -> str:
        """Where the Python package sits inside the written directory ("" or "<package>/")."""
        return f"{self.package_name}/" if self.package_mode else ""

    def as_json(self, spec: Path, *more_specs: Path) -> dict[str, Any]:
        return {
            "spec": [s.name for s in (spec, *more_specs)] if more_specs else spec.name,
            "package": self.package_name,
            "client-name": self.client_name,
            **self.selection.as_options(),
            "package-mode": self.package_mode,
            "package-version": self.package_version,
            # Only when set, so manifests written before the setting existed stay valid.
            **({"azure": True} if self.azure else {}),
            **({"azure-compat": self.azure_compat} if self.azure_compat is not None else {}),
        }


@dataclass(frozen=True)
class ClientConfig:
    spec: Path
    package: str
    output: Path  # the directory the package directory is written into
    client_name: str | None = None
    selection: Selection = field(default_factory=Selection)
    package_mode: bool = False  # the package directory is a distribution: pyproject.toml, README
    package_version: str | None = None
    from_config: bool = False  # listed in [tool.sdkforge], not given on the command line
    ref_roots: tuple[Path, ...] = ()  # folders besides the spec's own its $refs may lead into
    azure: bool = False
    azure_compat: bool | None = None
    # The specs of the other api-versions: with them the package is a multi-API package, one
    # subpackage per api-version and a client that serves each operation from one of them.
    more_specs: tuple[Path, ...] = ()

    @property
    def specs(self) -> tuple[Path, ...]:
        return (self.spec, *self.more_specs)

    @property
    def package_dir(self) -> Path:
        return self.output / self.package

    @property
    def options(self) -> BuildOptions:
        return BuildOptions(
            self.package,
            self.client_name,
            self.selection,
            self.package_mode,
            self.package_version,
            self.ref_roots,
            self.azure,
            self.azure_compat,
        )


def load_config(pyproject: Path) -> list[ClientConfig]:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SpecError(
            str(pyproject),
            "",
            "not found: run where pyproject.toml has [tool.sdkforge], pass --config FILE, "
            "or generate one spec with `sdkforge generate SPEC --package-name NAME`",
        ) from None
    except OSError as exc:
        raise SpecError(str(pyproject), "", f"cannot read: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SpecError(str(pyproject), "", f"invalid TOML: {exc}") from None
    clients = data.get("tool", {}).get("sdkforge", {}).get("clients", [])
    if not isinstance(clients, list):
        raise SpecError(str(pyproject), "/tool/sdkforge/clients", "must be an array of tables")
    base = pyproject.parent
    return [_client(base, pyproject, index, entry) for index, entry in enumerate(clients)]


def _client(base: Path, pyproject: Path, index: int, entry: object) -> ClientConfig:
    pointer = f"/tool/sdkforge/clients/{index}"
    if not isinstance(entry, dict):
        raise SpecError(str(pyproject), pointer, "must be a table")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise SpecError(str(pyproject), f"{pointer}/{unknown[0]}", "is not a known setting")
    read = _Reader(str(pyproject), pointer, entry)
    package = read.string("package", required=True)
    assert package is not None
    problem = naming.package_name_problem(package)
    if problem is not None:
        raise SpecError(str(pyproject), f"{pointer}/package", f"'{package}' {problem}")
    client_name = read.string("client-name")
    problem = naming.client_name_problem(client_name) if client_name is not None else None
    if problem is not None:
        raise SpecError(str(pyproject), f"{pointer}/client-name", f"'{client_name}' {problem}")
    specs = read.specs("spec")
    return ClientConfig(
        spec=base / specs[0],
        more_specs=tuple(base / spec for spec in specs[1:]),
        package=package,
        output=base / (read.string("output") or "generated"),
        client_name=client_name,
        selection=Selection(
            include=read.patterns("include-operations"),
            exclude=read.patterns("exclude-operations"),
            tags=read.patterns("tags"),
        ),
        package_mode=read.flag("package-mode"),
        package_version=read.string("package-version"),
        from_config=True,
        ref_roots=tuple(base / root for root in read.strings("ref-roots")),
        azure=read.flag("azure"),
        azure_compat=read.optional_flag("azure-compat"),
    )


@dataclass(frozen=True)
class _Reader:
    file: str
    pointer: str
    entry: dict[str, Any]

    def _error(self, key: str, message: str) -> SpecError:
        return SpecError(self.file, f"{self.pointer}/{key}", message)

    def string(self, key: str, *, required: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            needed = "is required and must be a string" if required else "must be a string"
            raise self._error(key, needed)
        return value

    def specs(self, key: str) -> tuple[str, ...]:
        """One spec, or several (one per api-version of a multi-API package)."""
        value = self.entry.get(key)
        if isinstance(value, str):
            value = [value]
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v for v in value)
        ):
            raise self._error(key, "is required and must be a string or an array of strings")
        if len(set(value)) != len(value):
            raise self._error(key, "names a spec twice")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.entry.get(key, False)
        if not isinstance(value, bool):
            raise self._error(key, "must be true or false")
        return value

    def optional_flag(self, key: str) -> bool | None:
        return self.flag(key) if key in self.entry else None

    def patterns(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self._error(key, "must be a string or an array of strings")
        return split_patterns(value)

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self._error(key, "must be a string or an array of strings")
        return tuple(value)
