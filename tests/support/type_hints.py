"""Resolve the type hints of everything a generated package defines, as introspection tools do.

Every class a module of the package defines or exports: its own annotations, and those of every
method, property and classmethod of the classes the package generates (models, clients, operation
groups, sync and async). Runtime helper classes (`_runtime`) are checked for their class-level
annotations only: their methods name httpx, which the package imports on the first request.

`python -m tests.support.type_hints PACKAGE` (with the package importable) prints one line per
object whose hints `typing.get_type_hints` cannot resolve, then `checked N`.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import sys
import typing
from collections.abc import Iterator
from types import ModuleType


def _modules(package: ModuleType) -> Iterator[ModuleType]:
    yield package
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        yield importlib.import_module(info.name)


def _callables(cls: type) -> Iterator[tuple[str, object]]:
    for name, value in vars(cls).items():
        if isinstance(value, staticmethod | classmethod):
            yield name, value.__func__
        elif isinstance(value, property):
            yield name, value.fget
        elif isinstance(value, functools.cached_property):
            yield name, value.func
        elif inspect.isfunction(value):
            yield name, value


def unresolved(package_name: str) -> tuple[int, list[str]]:
    checked = 0
    failures: list[str] = []
    package = importlib.import_module(package_name)
    for module in _modules(package):
        names = getattr(module, "__all__", None) or list(vars(module))
        for name in names:
            obj = getattr(module, name, None)
            if not inspect.isclass(obj) or not obj.__module__.startswith(package_name):
                continue
            targets: list[tuple[str, object]] = [(obj.__qualname__, obj)]
            if "._runtime." not in f"{obj.__module__}.":
                targets += [(f"{obj.__qualname__}.{n}", f) for n, f in _callables(obj)]
            for label, target in targets:
                checked += 1
                try:
                    typing.get_type_hints(target)
                except Exception as exc:
                    failures.append(f"{module.__name__}:{label}: {exc!r}")
    return checked, sorted(set(failures))


if __name__ == "__main__":
    total, problems = unresolved(sys.argv[1])
    for line in problems:
        print(line)
    print(f"checked {total}")
