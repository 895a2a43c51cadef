"""Package `__init__` modules that import their members on first use (models, operation groups)."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.operations import group_class_name


@dataclass(frozen=True)
class ExportView:
    name: str
    module: str


@dataclass(frozen=True)
class LazyInitView:
    summary: str  # what the package holds, for its docstring
    exports: tuple[ExportView, ...]
    runtime: str = ".."  # the package holding _runtime, relative to this one


def models_init_view(api: ir.Api, models_module: str | None = None) -> LazyInitView:
    """`models_module`: the one module every model is in (default: each its own)."""
    exports = [ExportView(m.py_name, models_module or m.module_name) for m in api.models]
    exports += [ExportView(e.py_name, "_enums") for e in api.enums]
    return LazyInitView(f"Models of {api.title}", tuple(sorted(exports, key=lambda e: e.name)))


def operations_init_view(api: ir.Api, *, is_async: bool = False) -> LazyInitView:
    exports = tuple(ExportView(group_class_name(api, g), g.module_name) for g in api.groups)
    runtime = "..." if is_async else ".."
    return LazyInitView(f"Operation groups of {api.title}", exports, runtime)
