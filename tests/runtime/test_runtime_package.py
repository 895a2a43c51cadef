"""The runtime is copied verbatim into generated packages as `<pkg>/_runtime/`: it must work there,
import only the standard library, httpx and itself, and import quickly."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RUNTIME = Path(__file__).resolve().parents[2] / "generator" / "runtime"
MODULES = sorted(path for path in RUNTIME.glob("*.py"))
# The adapter of the pydantic model style, copied only into packages with pydantic models.
ALSO_ALLOWED = {"pydantic_models.py": {"pydantic"}}


def _optional_imports(tree: ast.AST) -> set[ast.AST]:
    """Imports inside `try: ... except ImportError:` (the module works without them)."""
    found: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
            for h in node.handlers
        ):
            found.update(n for statement in node.body for n in ast.walk(statement))
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_imports_only_stdlib_httpx_and_siblings(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    optional = _optional_imports(tree)
    for node in ast.walk(tree):
        if node in optional:
            continue
        if isinstance(node, ast.Import):
            roots = [alias.name.split(".")[0] for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            roots = [(node.module or "").split(".")[0]]
        else:
            continue
        for root in roots:
            assert (
                root == "httpx"
                or root in sys.stdlib_module_names
                or root in ALSO_ALLOWED.get(path.name, ())
            ), f"{path.name}:{node.lineno} imports {root}"


def test_works_when_copied_into_a_package(tmp_path: Path) -> None:
    package = tmp_path / "somesdk" / "_runtime"
    package.mkdir(parents=True)
    (tmp_path / "somesdk" / "__init__.py").write_text("", encoding="utf-8")
    for module in MODULES:
        shutil.copy(module, package / module.name)
    probe = """
import json, sys
import somesdk._runtime.pipeline as pipeline
from somesdk._runtime.dates import deserialize_datetime
from somesdk._runtime.errors import ResourceNotFoundError
sync_modules = set(sys.modules)
import somesdk._runtime.aio_pipeline
print(json.dumps({
    "asyncio_for_sync": "asyncio" in sync_modules,
    "generator_loaded": any(m == "generator" or m.startswith("generator.") for m in sys.modules),
    "parsed": str(deserialize_datetime("2021-01-01T00:00:00Z")),
    "pipeline": pipeline.Pipeline.__module__,
}))
"""
    completed = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result == {
        "asyncio_for_sync": False,
        "generator_loaded": False,
        "parsed": "2021-01-01 00:00:00+00:00",
        "pipeline": "somesdk._runtime.pipeline",
    }
