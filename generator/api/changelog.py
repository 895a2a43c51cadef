"""The generated package's CHANGELOG.md: one entry per api-version, written from the API diff.

An entry is written once, when the api-version differs from the one in the previous snapshot; the
entries below it are kept as they are (including any notes added by hand). Regenerating an
unchanged package therefore reproduces the file byte for byte, which keeps `check` quiet.
"""

from __future__ import annotations

from generator.api.diff import count_line, diff_snapshots, render_sections
from generator.api.snapshot import Snapshot, summary

TITLE = "# Changelog\n"


def heading(api_version: str) -> str:
    return f"## {api_version or '(no api-version)'}"


def update_changelog(
    current: Snapshot, previous: Snapshot | None, previous_text: str | None
) -> str:
    earlier = _entries(previous_text)
    if heading(current["api_version"]) in earlier.splitlines():
        return TITLE + "\n" + earlier
    entry = _entry(current, previous)
    return TITLE + "\n" + entry + ("\n" + earlier if earlier else "")


def _entries(text: str | None) -> str:
    """Everything after the title line, without leading blank lines."""
    if not text:
        return ""
    body = text.removeprefix(TITLE) if text.startswith(TITLE) else text
    body = body.lstrip("\n")
    return body if not body or body.endswith("\n") else body + "\n"


def _entry(current: Snapshot, previous: Snapshot | None) -> str:
    if "versions" in current:
        return _multiapi_entry(current, previous)
    version = current["api_version"]
    if previous is None or previous["api_version"] == version:
        intro = f"First generated for api-version {version}: {summary(current)}."
        return f"{heading(version)}\n\n{intro}\n"
    report = diff_snapshots(previous, current)
    if report.changes:
        intro = f"Compared with api-version {report.old_version}: {count_line(report)}"
    else:
        intro = f"No changes to the Python API since api-version {report.old_version}."
    lines = [heading(version), "", intro, *render_sections(report.changes, level=3)]
    return "\n".join(lines) + "\n"


def _multiapi_entry(current: Snapshot, previous: Snapshot | None) -> str:
    """A multi-API package's entry: what changed for the client since the previous package (when
    its api-versions were others), then how each api-version differs from the one before it."""
    version = current["api_version"]
    if previous is None or previous["api_version"] == version:
        intro = f"First generated for api-versions {version}: {summary(current)}."
        lines = [heading(version), "", intro]
    else:
        report = diff_snapshots(previous, current)
        lines = [
            heading(version),
            "",
            f"Compared with api-versions {report.old_version}: " f"{count_line(report)}",
            *render_sections(report.changes, level=3),
        ]
    known = previous.get("versions", {}) if previous is not None else {}
    older: Snapshot | None = None
    for name, snapshot in current["versions"].items():
        if older is not None and name not in known:
            report = diff_snapshots(older, snapshot)
            lines += ["", f"### api-version {name} compared with {older['api_version']}", ""]
            lines += [count_line(report), *render_sections(report.changes, level=4)]
        older = snapshot
    return "\n".join(lines) + "\n"
