"""The package's CHANGELOG.md across api-versions, and `check` on the tree it leaves."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.api.changelog import update_changelog
from generator.api.snapshot import api_snapshot
from generator.loader import load_api
from tests.buildstep.support import run, write_project
from tests.diff.test_golden_reports import golden_path
from tests.support.paths import GENERATED, ROLLING_SPEC, VMSS_SPEC

needs_vmss = pytest.mark.skipif(
    not all(p.is_file() for p in VMSS_SPEC.values()), reason="the shared Azure specs are not here"
)


def bullets(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("- ")]


def entry(changelog: str, version: str) -> str:
    """The text of one entry, from its heading to the next."""
    match = re.search(rf"^## {re.escape(version)}\n(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    assert match, f"no entry for {version}"
    return match.group(0)


def use_version(root: Path, version: str) -> Path:
    return write_project(
        root, [{"spec": str(VMSS_SPEC[version]), "package": "vmss", "output": "out"}]
    )


def cli(config: Path, command: str, *extra: str) -> tuple[int, str]:
    code, out, err = run("--config", str(config), command, *extra)
    assert code in (0, 1), err
    return code, out


@needs_vmss
def test_entries_follow_the_api_versions_and_check_stays_quiet(tmp_path: Path) -> None:
    changelog = tmp_path / "out" / "vmss" / "CHANGELOG.md"
    cli(use_version(tmp_path, "2024-03-01"), "generate")
    first = changelog.read_text(encoding="utf-8")
    assert first.startswith(
        "# Changelog\n\n## 2024-03-01\n\nFirst generated for api-version 2024-03-01:"
    )

    # A note written by hand under an entry stays.
    changelog.write_text(first + "\nReviewed by the API board.\n", encoding="utf-8")
    cli(use_version(tmp_path, "2024-03-01"), "generate")
    noted = changelog.read_text(encoding="utf-8")
    assert noted.endswith("Reviewed by the API board.\n")

    config = use_version(tmp_path, "2024-07-01")
    assert cli(config, "check")[0] == 1  # the spec moved on: stale
    cli(config, "generate")
    second = changelog.read_text(encoding="utf-8")
    assert second.startswith(
        "# Changelog\n\n## 2024-07-01\n\n"
        "Compared with api-version 2024-03-01: 16 changes, 1 breaking.\n"
    )
    golden = golden_path("2024-03-01", "2024-07-01", "markdown").read_text(encoding="utf-8")
    assert bullets(entry(second, "2024-07-01")) == bullets(golden)
    assert second.endswith(noted.removeprefix("# Changelog\n\n"))

    # Nothing changed since: check reproduces the changelog, generate skips, --force is identical.
    assert cli(config, "check") == (0, "")
    assert cli(config, "generate")[1].startswith("unchanged")
    cli(config, "generate", "--force")
    assert changelog.read_text(encoding="utf-8") == second

    cli(use_version(tmp_path, "2024-11-01"), "generate")
    third = changelog.read_text(encoding="utf-8")
    golden = golden_path("2024-07-01", "2024-11-01", "markdown").read_text(encoding="utf-8")
    assert bullets(entry(third, "2024-11-01")) == bullets(golden)
    assert "- `ProxyAgentSettings.mode`: field added" in entry(third, "2024-11-01")
    assert third.endswith(second.removeprefix("# Changelog\n\n"))
    assert [line for line in third.splitlines() if line.startswith("## ")] == [
        "## 2024-11-01",
        "## 2024-07-01",
        "## 2024-03-01",
    ]
    assert cli(use_version(tmp_path, "2024-11-01"), "check") == (0, "")


def test_committed_package_changelog_is_a_first_entry() -> None:
    text = (GENERATED / "compute_rolling_upgrades" / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text == (
        "# Changelog\n\n## 2024-07-01\n\n"
        "First generated for api-version 2024-07-01: 5 operations in 2 groups, 91 models, "
        "40 enums.\n"
    )


def test_same_version_keeps_the_text_and_a_new_one_goes_on_top() -> None:
    current = api_snapshot(load_api(ROLLING_SPEC))
    older = {**current, "api_version": "2023-01-01"}
    text = update_changelog(older, None, None)
    assert update_changelog(older, older, text) == text
    newer = update_changelog(current, older, text + "Hand-written.\n")
    assert newer.startswith(
        "# Changelog\n\n## 2024-07-01\n\n"
        "No changes to the Python API since api-version 2023-01-01.\n"
    )
    assert newer.endswith(
        "## 2023-01-01\n\n" + text.split("## 2023-01-01\n\n")[1] + "Hand-written.\n"
    )
    assert update_changelog(current, current, newer) == newer
