"""Plan the output: which files a package has, each with the template and the values it prints.

Everything a template prints is computed here (names, annotations, expressions), so templates stay
loops and prints. The plan is a list in a stable order, so the output is the same bytes every time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import ir
from generator.locations import RUNTIME_DIR
from generator.plan.client import client_views
from generator.plan.lazy import models_init_view, operations_init_view
from generator.plan.models import enum_module_view, model_view, union_models, uses_xml
from generator.plan.operations import group_view


@dataclass(frozen=True)
class OutputFile:
    path: str  # relative to the package directory, posix separators
    template: str | None  # None: `copy_from` is copied byte for byte
    context: Mapping[str, object]
    copy_from: Path | None = None


@dataclass(frozen=True)
class Options:
    package_name: str
    generator_version: str


def plan_package(api: ir.Api, options: Options) -> list[OutputFile]:
    files = [
        *_package_files(api, options),
        *_model_files(api, options),
        *_operation_files(api, options),
        *_runtime_files(api),
    ]
    return sorted(files, key=lambda f: f.path)


def _common(api: ir.Api, options: Options) -> dict[str, object]:
    return {
        "package": options.package_name,
        "title": api.title,
        "api_version": api.api_version,
        "generator_version": options.generator_version,
        "client_name": api.client_name,
    }


def _package_files(api: ir.Api, options: Options) -> list[OutputFile]:
    common = _common(api, options)
    sync_client, async_client = client_views(api, options.package_name)
    return [
        OutputFile("__init__.py", "package_init.py.jinja", {**common}),
        OutputFile("_version.py", "version.py.jinja", {**common}),
        OutputFile("py.typed", "py_typed.jinja", {**common}),
        OutputFile("exceptions.py", "exceptions.py.jinja", {**common}),
        OutputFile("_client.py", "client.py.jinja", {**common, "client": sync_client}),
        OutputFile("aio/__init__.py", "aio_init.py.jinja", {**common}),
        OutputFile("aio/_client.py", "client.py.jinja", {**common, "client": async_client}),
    ]


def _model_files(api: ir.Api, options: Options) -> list[OutputFile]:
    common = _common(api, options)
    files = [
        OutputFile(
            "models/__init__.py", "lazy_init.py.jinja", {**common, "init": models_init_view(api)}
        )
    ]
    if api.enums:
        files.append(
            OutputFile(
                "models/_enums.py", "enums.py.jinja", {**common, "module": enum_module_view(api)}
            )
        )
    xml = uses_xml(api)
    in_unions = union_models(api)
    for model in api.models:
        files.append(
            OutputFile(
                f"models/{model.module_name}.py",
                "model.py.jinja",
                {**common, "model": model_view(api, model, in_unions, xml=xml)},
            )
        )
    return files


def _operation_files(api: ir.Api, options: Options) -> list[OutputFile]:
    common = _common(api, options)
    files: list[OutputFile] = []
    for is_async, prefix in ((False, ""), (True, "aio/")):
        files.append(
            OutputFile(
                f"{prefix}operations/__init__.py",
                "lazy_init.py.jinja",
                {**common, "init": operations_init_view(api, is_async=is_async)},
            )
        )
        for group in api.groups:
            files.append(
                OutputFile(
                    f"{prefix}operations/{group.module_name}.py",
                    "operations.py.jinja",
                    {**common, "group": group_view(api, group, is_async=is_async)},
                )
            )
    return files


# Copied only into multi-API packages, at their top (generator/plan/multiapi.py).
_MULTIAPI_ONLY = frozenset({"versions.py"})


def _runtime_files(api: ir.Api) -> list[OutputFile]:
    """The runtime modules; with the Azure compatibility surface, `runtime/azure/` holds the
    versions that replace some of them (error_bases.py: azure-core's exceptions as bases)."""
    azure = RUNTIME_DIR / "azure"
    return [
        OutputFile(
            f"_runtime/{path.name}",
            None,
            {},
            copy_from=azure / path.name
            if api.azure_compat and (azure / path.name).is_file()
            else path,
        )
        for path in sorted(RUNTIME_DIR.glob("*.py"))
        if path.name not in _MULTIAPI_ONLY
    ]
