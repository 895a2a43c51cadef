"""Did a pytest session run every test file of one directory, unfiltered?

Coverage floors of the conformance suites hold only for a full run of their directory: `-k`,
`--deselect`, node ids or an early stop (`-x`) leave scenarios unvisited on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_DESELECTED = pytest.StashKey[set[Path]]()


def is_inside(directory: Path, path: Path) -> bool:
    return directory in path.parents


def note_deselected(directory: Path, items: list[pytest.Item]) -> None:
    """Call from pytest_deselected: remember that tests of `directory` were filtered out."""
    if items and any(is_inside(directory, item.path) for item in items):
        config = items[0].config
        config.stash.setdefault(_DESELECTED, set()).add(directory)


def _names_single_tests(config: pytest.Config, directory: Path) -> bool:
    """A node id like tests/x/test_y.py::test_z selects without deselecting."""
    for arg in config.args:
        path, sep, _ = arg.partition("::")
        target = (config.invocation_params.dir / path).resolve()
        if sep and (target == directory or is_inside(directory, target)):
            return True
    return False


def ran_whole_directory(session: pytest.Session, directory: Path) -> bool:
    config = session.config
    if directory in config.stash.get(_DESELECTED, set()):
        return False
    if _names_single_tests(config, directory):
        return False
    if session.shouldstop or session.shouldfail:
        return False
    expected = {*directory.glob("test_*.py"), *directory.glob("*_test.py")}
    selected = {item.path for item in session.items if is_inside(directory, item.path)}
    return expected <= selected
