"""Spector scenarios passed per scenario folder and per package, and the floor they must keep.

The coverage file lists every scenario of both packages with "pass", "fail" or
"not-implemented"; a scenario counts when it is "pass" and a test that drives it passed.
Scenarios are grouped by the folder that defines them (from the scenarios.json files of the
compile cache). floor.json maps "<package>/<folder>" to the minimum passed there and only rises.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from tests.spector.compile import cache_dir
from tests.spector.server import Coverage
from tests.testserver.coverage import Tally, load_floor
from tests.testserver.coverage import floor_violations as _floor_violations

HERE = Path(__file__).resolve().parent
FLOOR_JSON = HERE / "floor.json"
PACKAGES = ("http-specs", "azure-http-specs")
UNKNOWN_FOLDER = "(no folder)"

__all__ = ["Coverage", "floor_violations", "per_folder", "summary_lines"]


def confirmed(coverage: Coverage, passed_tests: set[str]) -> Coverage:
    """The server's verdicts, with "pass" kept only where a test driving the scenario passed
    (the server judges the request; the test judges what the client made of the answer)."""
    return {
        package: {
            name: status if status != "pass" or name in passed_tests else "unconfirmed"
            for name, status in results.items()
        }
        for package, results in coverage.items()
    }


def scenario_folders(cache: Path | None = None) -> dict[tuple[str, str], str]:
    """(package, scenario name) -> scenario folder, from the compile cache."""
    root = cache or cache_dir()
    folders = {}
    for path in root.glob("*/**/scenarios.json"):
        relative = path.parent.relative_to(root).parts
        package, folder = relative[0], "/".join(relative[1:])
        for name in json.loads(path.read_text(encoding="utf-8")):
            folders[(package, name)] = folder
    return folders


def per_folder(coverage: Coverage, cache: Path | None = None) -> dict[str, Tally]:
    folders = scenario_folders(cache)
    hits: dict[str, int] = {}
    totals: dict[str, int] = {}
    for package, results in coverage.items():
        for name, status in results.items():
            key = f"{package}/{folders.get((package, name), UNKNOWN_FOLDER)}"
            totals[key] = totals.get(key, 0) + 1
            hits[key] = hits.get(key, 0) + int(status == "pass")
    return {key: Tally(hits[key], totals[key]) for key in sorted(totals)}


def per_package(coverage: Coverage) -> dict[str, Tally]:
    return {
        package: Tally(
            sum(status == "pass" for status in coverage.get(package, {}).values()),
            len(coverage.get(package, {})),
        )
        for package in PACKAGES
    }


def floor_violations(coverage: Coverage, floor_path: Path = FLOOR_JSON) -> list[str]:
    problems = _floor_violations(per_folder(coverage), load_floor(floor_path))
    return [problem.replace("scenarios hit", "scenarios passed") for problem in problems]


def summary_lines(coverage: Coverage, columns: int = 2) -> list[str]:
    """Folders in columns, then exactly one line per package, last."""
    folders = per_folder(coverage)
    width = max((len(name) for name in folders), default=0)
    cells = [f"{name:<{width}} {t.hit:>3}/{t.total:<3}" for name, t in folders.items()]
    rows = -(-len(cells) // columns)
    lines = ["   ".join(cells[row::rows]).rstrip() for row in range(rows)]
    lines.extend(package_lines(per_package(coverage)))
    return lines


def package_lines(tallies: Mapping[str, Tally]) -> list[str]:
    return [f"{package}: {t.hit} / {t.total} scenarios passed" for package, t in tallies.items()]
