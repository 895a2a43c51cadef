"""`python -m generator diff` on real Compute snapshots, compared with reviewed golden reports.

Refresh with `pytest tests/diff --update-golden`; test_reports_match_the_spec.py checks every entry
of the committed reports against the raw spec files.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from generator.cli import main
from tests.support.paths import VMSS_SPEC

GOLDEN = Path(__file__).parent / "golden"
PAIRS = [("2024-03-01", "2024-07-01"), ("2024-07-01", "2024-11-01")]
FORMATS = {"markdown": "md", "json": "json"}

pytestmark = pytest.mark.skipif(
    not all(p.is_file() for p in VMSS_SPEC.values()), reason="the shared Azure specs are not here"
)


def golden_path(old: str, new: str, fmt: str) -> Path:
    return GOLDEN / f"vmss_{old}_{new}.{FORMATS[fmt]}"


def run_diff(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["diff", *args])
    return code, out.getvalue()


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}..{b}" for a, b in PAIRS])
def test_report_matches_golden(old: str, new: str, fmt: str, update_golden: bool) -> None:
    code, report = run_diff(str(VMSS_SPEC[old]), str(VMSS_SPEC[new]), "--format", fmt)
    path = golden_path(old, new, fmt)
    if update_golden:
        path.write_text(report, encoding="utf-8")
    assert report == path.read_text(encoding="utf-8")
    # Both version pairs remove something (ProxyAgentSettings.mode, then wire_server/imds).
    assert code == 1


def test_known_facts_are_in_the_reports() -> None:
    first = golden_path(*PAIRS[0], "markdown").read_text(encoding="utf-8")
    second = golden_path(*PAIRS[1], "markdown").read_text(encoding="utf-8")
    assert "- `ProxyAgentSettings.mode`: field removed" in first
    assert "- `ProxyAgentSettings.wire_server`: field added" in first
    assert "- `ProxyAgentSettings.imds`: field added" in first
    assert "- `ProxyAgentSettings.mode`: field added" in second
    assert "- `ProxyAgentSettings.wire_server`: field removed" in second
    assert "Placement" not in first + second


def test_same_spec_twice_has_no_change_and_exit_0() -> None:
    code, report = run_diff(str(VMSS_SPEC["2024-07-01"]), str(VMSS_SPEC["2024-07-01"]))
    assert code == 0
    assert "No changes to the Python API." in report


def test_reverse_direction_swaps_added_and_removed() -> None:
    import json

    _, forward = run_diff(
        str(VMSS_SPEC["2024-03-01"]), str(VMSS_SPEC["2024-07-01"]), "--format", "json"
    )
    _, backward = run_diff(
        str(VMSS_SPEC["2024-07-01"]), str(VMSS_SPEC["2024-03-01"]), "--format", "json"
    )
    swap = {"added": "removed", "removed": "added"}

    def flipped(kind: str) -> str:
        head, _, tail = kind.rpartition("-")
        return f"{head}-{swap[tail]}" if tail in swap else kind

    there = {(c["kind"], c["subject"]) for c in json.loads(forward)["changes"]}
    back = {(flipped(c["kind"]), c["subject"]) for c in json.loads(backward)["changes"]}
    assert there == back
