"""The coverage helpers, on small hand-made reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.testserver import coverage
from tests.testserver.coverage import Scenario, Tally

SCENARIOS = [
    Scenario("vanilla", "getBoolTrue", "body-boolean.json", ("bool_getTrue",)),
    Scenario("vanilla", "getBoolTrue", "body-boolean.quirks.json", ("bool_getTrue",)),
    Scenario("vanilla", "getBoolFalse", "body-boolean.json", ("bool_getFalse",)),
    Scenario("azure", "paging", "paging.json", ("Paging_a", "Paging_b")),
    Scenario("dpg", "Glass", "", ()),
]


def test_csv_rows_are_read_with_their_operation_ids() -> None:
    scenarios = coverage.load_scenarios()
    general = next(s for s in scenarios if s.name == "GeneralOptional")

    assert general.swagger_file == "required-optional.json"
    assert len(general.operation_ids) > 1
    assert coverage.categories(scenarios) == ["azure", "dpg", "optional", "vanilla"]


def test_a_scenario_counts_only_with_a_positive_count() -> None:
    reports = {"vanilla": {"getBoolTrue": 2, "getBoolFalse": 0}}

    assert coverage.per_file(SCENARIOS, reports) == {
        "body-boolean.json": Tally(1, 2),
        "body-boolean.quirks.json": Tally(1, 1),
        "paging.json": Tally(0, 1),
    }


def test_report_totals_count_each_scenario_once() -> None:
    reports = {"vanilla": {"getBoolTrue": 1}, "dpg": {"Glass": 1}}

    assert coverage.per_report(SCENARIOS, reports) == {
        "azure": Tally(0, 1),
        "dpg": Tally(1, 1),
        "vanilla": Tally(1, 2),
    }


@pytest.mark.parametrize("text", ["[]", '{"a": "1"}', '{"a": true}', '{"a": 1.5}', "{"])
def test_malformed_reports_are_rejected(text: str) -> None:
    with pytest.raises(ValueError):
        coverage.parse_report(text)


def test_reports_round_trip_and_garbled_files_are_left_out(tmp_path: Path) -> None:
    coverage.write_reports({"vanilla": {"a": 1}, "azure": {"b": 0}}, tmp_path)
    (tmp_path / "report-optional.json").write_text('{"c": 1', encoding="utf-8")

    assert coverage.read_reports(tmp_path) == {"vanilla": {"a": 1}, "azure": {"b": 0}}


def test_writing_reports_removes_stale_ones(tmp_path: Path) -> None:
    coverage.write_reports({"dpg": {"x": 1}}, tmp_path)
    coverage.write_reports({"vanilla": {"a": 1}}, tmp_path)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["report-vanilla.json"]


def test_live_counts_win_over_files() -> None:
    live = {"vanilla": {"a": 0}}
    files = {"vanilla": {"a": 1}, "azure": {"b": 2}}

    assert coverage.prefer_live(live, files) == {"vanilla": {"a": 0}, "azure": {"b": 2}}


def test_floor_violations_name_the_file_and_both_numbers() -> None:
    tallies = {"body-boolean.json": Tally(2, 6)}
    floor = {"body-boolean.json": 3, "paging.json": 0, "lro.json": 1}

    assert coverage.floor_violations(tallies, floor) == [
        "body-boolean.json: 2 scenarios hit, floor is 3",
        "lro.json: 0 scenarios hit, floor is 1",
    ]


def test_floor_file_is_valid_and_rejects_negative_minimums(tmp_path: Path) -> None:
    assert all(value >= 0 for value in coverage.load_floor().values())
    bad = tmp_path / "floor.json"
    bad.write_text('{"a.json": -1}', encoding="utf-8")
    with pytest.raises(ValueError):
        coverage.load_floor(bad)


def test_summary_lists_every_file_and_report() -> None:
    lines = coverage.summary_lines(SCENARIOS, {"vanilla": {"getBoolTrue": 1}})
    text = "\n".join(lines)

    assert "body-boolean.json" in text and "1/2" in text
    assert "paging.json" in text
    assert "vanilla: 1 / 2 scenarios hit" in lines
