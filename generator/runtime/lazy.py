"""httpx, imported on first use.

Importing a generated package and constructing its client leave httpx unloaded (loading it costs
about as much as the rest of a package); the first request, or anything else that reads one of its
names, imports it.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

__all__ = ["LazyModule"]


class LazyModule:
    """Stands for a module: reading an attribute imports the module and reads it there."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        module = sys.modules.get(self._name) or importlib.import_module(self._name)
        return getattr(module, attribute)
