"""Generate a package from a spec into a temporary directory and import it."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from generator.build import build_package
from generator.render.write import write_tree


def generate_and_import(spec: Path, package: str, out: Path) -> ModuleType:
    built = build_package(spec, package)
    write_tree(out / package, built.files)
    if str(out) not in sys.path:
        sys.path.insert(0, str(out))
    return importlib.import_module(package)
