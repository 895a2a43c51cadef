"""Run the test suites side by side and sum them up: `python -m tests.parallel [SUITE ...]`.

Each suite is one pytest process over its own folders, so the conformance suites (which mostly wait
on their mock servers) overlap with the CPU-bound rest. Output goes to build/test-logs/<suite>.log;
each suite's summary is printed as it finishes, then one closing line for the whole run.
Exit status: 0 when every suite passed, otherwise the first non-zero pytest status.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOGS = ROOT / "build" / "test-logs"

# The conformance suites get a process each; "main" is every other folder of tests/.
OWN_PROCESS = ("testserver", "spector", "corpus")
_COUNT = re.compile(r"(\d+) (passed|failed|skipped|errors?|xfailed|xpassed|deselected)")


@dataclass
class Suite:
    name: str
    args: list[str]
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0


def _suites(wanted: list[str]) -> list[Suite]:
    tests = ROOT / "tests"
    present = [name for name in OWN_PROCESS if (tests / name).is_dir()]
    ignores = [f"--ignore=tests/{name}" for name in present]
    suites = [Suite("main", ["tests", *ignores])]
    suites += [Suite(name, [f"tests/{name}"]) for name in present]
    if wanted:
        unknown = set(wanted) - {s.name for s in suites}
        if unknown:
            raise SystemExit(f"unknown suite(s): {', '.join(sorted(unknown))}")
        suites = [s for s in suites if s.name in wanted]
    return suites


def _start(suite: Suite, extra: list[str]) -> None:
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"{suite.name}.log").open("wb")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *suite.args, *extra]
    suite.started = time.monotonic()
    suite.process = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=os.environ.copy()
    )


def _summary_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    for line in reversed(lines):
        if _COUNT.search(line) and (" in " in line or line.startswith("=")):
            return line.strip("= ")
    return lines[-1] if lines else "(no output)"


def _failures(text: str) -> str:
    """The part of the log from the first failure report on, or its tail."""
    for marker in ("= FAILURES =", "= ERRORS =", "short test summary info"):
        index = text.find(marker)
        if index != -1:
            start = text.rfind("\n", 0, index) + 1
            return text[start:]
    return "\n".join(text.splitlines()[-40:])


def main(argv: list[str]) -> int:
    extra = [a for a in argv if a.startswith("-")]
    suites = _suites([a for a in argv if not a.startswith("-")])
    for suite in suites:
        _start(suite, extra)
    totals: dict[str, int] = {}
    status = 0
    pending = list(suites)
    while pending:
        for suite in list(pending):
            assert suite.process is not None
            code = suite.process.poll()
            if code is None:
                continue
            pending.remove(suite)
            text = (LOGS / f"{suite.name}.log").read_text(encoding="utf-8", errors="replace")
            seconds = time.monotonic() - suite.started
            print(f"--- {suite.name}: exit {code} after {seconds:.0f} s: {_summary_line(text)}")
            if code not in (0, 5):
                print(_failures(text))
                status = status or code
            scoreboard = [line for line in text.splitlines() if "scenarios passed" in line]
            for line in scoreboard:
                print(f"    {line.strip()}")
            for number, word in _COUNT.findall(_summary_line(text)):
                kind = "errors" if word.startswith("error") else word
                totals[kind] = totals.get(kind, 0) + int(number)
            sys.stdout.flush()
        time.sleep(0.5)
    passed, failed = totals.get("passed", 0), totals.get("failed", 0) + totals.get("errors", 0)
    closing = f"{passed} passed, {failed} failed"
    if totals.get("skipped"):
        closing += f", {totals['skipped']} skipped"
    print(f"total: {closing}")
    if passed == 0:
        return status or 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
