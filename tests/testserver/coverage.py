"""Coverage accounting for the AutoRest test server.

The server keeps one report per category ("vanilla", "azure", "optional", "dpg"): a JSON object
mapping scenario name -> hit count. A scenario counts as covered when its count is above zero.
scenarios.csv maps every scenario to the swagger file (and operationId) that exercises it, so
reports can be read per swagger file; floor.json holds the minimum covered count per file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCENARIOS_CSV = HERE / "scenarios.csv"
FLOOR_JSON = HERE / "floor.json"
REPORT_PREFIX = "report-"

Reports = dict[str, dict[str, int]]


@dataclass(frozen=True)
class Scenario:
    report: str
    name: str
    swagger_file: str
    operation_ids: tuple[str, ...]


@dataclass(frozen=True)
class Tally:
    hit: int
    total: int


def load_scenarios(path: Path = SCENARIOS_CSV) -> list[Scenario]:
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Scenario(
            report=row["report"],
            name=row["scenario"],
            swagger_file=row["swagger_file"],
            operation_ids=tuple(op for op in row["operationId"].split("|") if op),
        )
        for row in rows
    ]


def categories(scenarios: Iterable[Scenario]) -> list[str]:
    return sorted({scenario.report for scenario in scenarios})


def report_path(directory: Path, category: str) -> Path:
    return directory / f"{REPORT_PREFIX}{category}.json"


def parse_report(text: str) -> dict[str, int]:
    """One report; anything that is not an object of integer counts is rejected."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a coverage report must be a JSON object")
    counts: dict[str, int] = {}
    for name, value in data.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError(f"count of {name!r} is not an integer: {value!r}")
        counts[name] = value
    return counts


def read_reports(directory: Path) -> Reports:
    """Every readable report-*.json in directory; a file cut short by the server is left out."""
    reports: Reports = {}
    for path in sorted(directory.glob(f"{REPORT_PREFIX}*.json")):
        category = path.stem[len(REPORT_PREFIX) :]
        try:
            reports[category] = parse_report(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return reports


def prefer_live(live: Reports, files: Reports) -> Reports:
    """The server's live counts per category; its files only for categories it did not answer."""
    combined = {category: dict(counts) for category, counts in files.items()}
    combined.update({category: dict(counts) for category, counts in live.items()})
    return combined


def write_reports(reports: Reports, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob(f"{REPORT_PREFIX}*.json"):
        stale.unlink()
    written = []
    for category, counts in sorted(reports.items()):
        path = report_path(directory, category)
        path.write_text(json.dumps(counts, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written


def is_hit(reports: Reports, scenario: Scenario) -> bool:
    return reports.get(scenario.report, {}).get(scenario.name, 0) > 0


def _tally(scenarios: Iterable[Scenario], reports: Reports, key: str) -> dict[str, Tally]:
    hits: dict[str, int] = {}
    totals: dict[str, int] = {}
    for scenario in scenarios:
        group = getattr(scenario, key)
        if not group:
            continue
        totals[group] = totals.get(group, 0) + 1
        hits[group] = hits.get(group, 0) + int(is_hit(reports, scenario))
    return {group: Tally(hits[group], totals[group]) for group in sorted(totals)}


def per_file(scenarios: Iterable[Scenario], reports: Reports) -> dict[str, Tally]:
    return _tally(scenarios, reports, "swagger_file")


def per_report(scenarios: Iterable[Scenario], reports: Reports) -> dict[str, Tally]:
    """Distinct scenarios per report: one scenario may be listed for several swagger files."""
    unique = {(s.report, s.name): s for s in scenarios}
    return _tally(unique.values(), reports, "report")


def load_floor(path: Path = FLOOR_JSON) -> dict[str, int]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not all(
        isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in data.values()
    ):
        raise ValueError(f"{path}: expected an object of swagger file -> non-negative integer")
    return {str(name): value for name, value in data.items()}


def floor_violations(tallies: Mapping[str, Tally], floor: Mapping[str, int]) -> list[str]:
    problems = []
    for swagger_file, minimum in sorted(floor.items()):
        hit = tallies[swagger_file].hit if swagger_file in tallies else 0
        if hit < minimum:
            problems.append(f"{swagger_file}: {hit} scenarios hit, floor is {minimum}")
    return problems


def summary_lines(scenarios: list[Scenario], reports: Reports, columns: int = 2) -> list[str]:
    files = per_file(scenarios, reports)
    width = max((len(name) for name in files), default=0)
    cells = [f"{name:<{width}} {t.hit:>3}/{t.total:<3}" for name, t in files.items()]
    rows = -(-len(cells) // columns)
    lines = ["   ".join(cells[row::rows]).rstrip() for row in range(rows)]
    lines.extend(
        f"{category}: {t.hit} / {t.total} scenarios hit"
        for category, t in per_report(scenarios, reports).items()
    )
    return lines
