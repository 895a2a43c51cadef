"""apply_patch: a package's `_patch.py` is optional, its `__all__` names win, `patch_sdk()` runs."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.runtime.customize import apply_patch

PACKAGE = "patch_probe_pkg"


@pytest.fixture
def package(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / PACKAGE
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    sys.path.insert(0, str(tmp_path))
    try:
        yield folder
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]


def test_no_patch_changes_nothing(package: Path) -> None:
    importlib.import_module(PACKAGE)
    namespace = {"Thing": object}
    exports = ["Thing"]
    apply_patch(PACKAGE, namespace, exports)
    assert namespace == {"Thing": object} and exports == ["Thing"]


def test_patch_names_replace_and_join_and_patch_sdk_runs(package: Path) -> None:
    (package / "_patch.py").write_text(
        "__all__ = ['Thing', 'extra']\n"
        "class Thing: pass\n"
        "def extra() -> int: return 1\n"
        "calls = []\n"
        "def patch_sdk() -> None: calls.append(1)\n"
    )
    importlib.import_module(PACKAGE)
    namespace: dict[str, object] = {"Thing": object}
    exports = ["Thing"]
    apply_patch(PACKAGE, namespace, exports)
    patch = sys.modules[f"{PACKAGE}._patch"]
    assert namespace == {"Thing": patch.Thing, "extra": patch.extra}
    assert exports == ["Thing", "extra"]
    assert patch.calls == [1]


def test_a_patch_without_all_or_patch_sdk_is_fine(package: Path) -> None:
    (package / "_patch.py").write_text("VALUE = 1\n")
    importlib.import_module(PACKAGE)
    namespace: dict[str, object] = {}
    apply_patch(PACKAGE, namespace, [])
    assert namespace == {}


def test_a_malformed_all_is_reported(package: Path) -> None:
    (package / "_patch.py").write_text("__all__ = 'Thing'\nThing = 1\n")
    importlib.import_module(PACKAGE)
    with pytest.raises(TypeError, match=r"patch_probe_pkg\._patch\.__all__ must be a list"):
        apply_patch(PACKAGE, {}, [])
