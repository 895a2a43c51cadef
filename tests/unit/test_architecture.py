"""The package layout shows the pipeline: imports run one way, down the stages, with no circle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[2] / "generator"

# What each part of the generator may import from the others (besides itself and the core).
CORE = {"generator", "generator.ir", "generator.naming", "generator.diagnostics"}
ALLOWED = {
    "loader": set(),
    "plan": {"generator.locations", "generator.api"},
    "render": {"generator.locations", "generator.plan"},
    "api": set(),
    "runtime": set(),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(GENERATOR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(GENERATOR.rglob("*.py"))}


def _imported(module: str, path: Path) -> Iterator[str]:
    """Every generator module `module` imports, anywhere in its body (function-level and
    TYPE_CHECKING imports included)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.split(".")[0] == "generator")
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            if base.split(".")[0] != "generator":
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                yield candidate if candidate in MODULES else base


def _graph() -> dict[str, set[str]]:
    return {m: {i for i in _imported(m, p) if i in MODULES and i != m} for m, p in MODULES.items()}


def test_no_import_circle() -> None:
    graph = _graph()
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        if node in trail:
            cycle = [*trail[trail.index(node) :], node]
            pytest.fail("import circle: " + " -> ".join(cycle))
        if node in done:
            return
        for target in sorted(graph[node]):
            visit(target, [*trail, node])
        done.add(node)

    for module in sorted(graph):
        visit(module, [])


def test_the_graph_sees_function_level_imports() -> None:
    """The check above would pass vacuously if imports inside functions were missed."""
    graph = _graph()
    assert "generator.build" in graph["generator.cli"]  # imported inside a function
    assert "generator.plan.method" in graph["generator.plan.operations"]


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_stage_imports_only_what_comes_before_it(stage: str) -> None:
    prefix = f"generator.{stage}"
    graph = _graph()
    members = [m for m in graph if m == prefix or m.startswith(prefix + ".")]
    assert members, stage
    for module in members:
        for target in graph[module]:
            if target == prefix or target.startswith(prefix + ".") or target in CORE:
                continue
            allowed = ALLOWED[stage]
            assert any(
                target == a or target.startswith(a + ".") for a in allowed
            ), f"{module} imports {target}"


def test_runtime_modules_stay_small() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in MODULES.values()}
    runtime = {n: s for n, s in sizes.items() if (GENERATOR / "runtime" / n).exists()}
    assert runtime
    assert {n: s for n, s in runtime.items() if s > 600} == {}
