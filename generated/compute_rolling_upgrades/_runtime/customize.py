"""Customizations that survive regeneration: a `_patch.py` module written by hand next to the
generated `__init__.py` of the package, of `models`, of `operations` or of `aio`.

The names in the patch module's `__all__` are exported by the package in place of the generated
ones of the same name (or next to them), so a subclass of a generated model or operation group
defined there is what users import and what the client builds and returns. Its `patch_sdk()`, if
it has one, runs once the package is imported. sdkforge never writes or deletes `_patch.py`.

When there is no `_patch.py`, all this costs one look-up in the package's folder (`find_spec`,
cheaper than a failed import).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import MutableMapping
from typing import Any

PATCH_MODULE = "_patch"


def apply_patch(package: str, namespace: MutableMapping[str, Any], exports: list[str]) -> None:
    """Import `<package>._patch`, if there is one, into the package's `namespace` (its globals):
    every name of the patch's `__all__` replaces or joins the package's own and is added to
    `exports` (the package's `__all__`); then the patch's `patch_sdk()` runs."""
    name = f"{package}.{PATCH_MODULE}"
    if importlib.util.find_spec(name) is None:
        return
    patch = importlib.import_module(name)  # its own errors are the user's to see
    names = getattr(patch, "__all__", ())
    if isinstance(names, str) or not all(isinstance(n, str) for n in names):
        raise TypeError(f"{name}.__all__ must be a list of names, not {names!r}")
    for export in names:
        namespace[export] = getattr(patch, export)
        if export not in exports:
            exports.append(export)
    patch_sdk = getattr(patch, "patch_sdk", None)
    if callable(patch_sdk):
        patch_sdk()
