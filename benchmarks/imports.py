"""Import times in fresh processes, rounds alternating between the snippets.

Each figure is the median wall time of `python -c SNIPPET` minus the median of a bare `python -c
pass` in the same rounds, so interpreter start-up is left out. "cold" runs compile every module
(no bytecode cache is read or written).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Snippet:
    title: str
    code: str
    path: tuple[Path, ...] = ()
    cold: bool = False


CREDENTIAL = (
    "class _Cred:\n"
    "    def get_token(self, *scopes, **kw):\n"
    "        raise RuntimeError('not used')\n"
)


def _seconds(snippet: Snippet) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in snippet.path)
    command = [sys.executable]
    if snippet.cold:
        command.append("-B")
        env["PYTHONPYCACHEPREFIX"] = "/nonexistent-sdkforge-bench-cache"
    start = time.perf_counter()
    subprocess.run([*command, "-c", snippet.code], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def run(snippets: list[Snippet], rounds: int) -> dict[str, float]:
    """{title: median milliseconds over a bare interpreter}."""
    bare = Snippet("bare interpreter", "pass")
    everything = [bare, *snippets]
    for snippet in everything:  # once to warm bytecode caches and the disk
        if not snippet.cold:
            _seconds(snippet)
    times: dict[str, list[float]] = {s.title: [] for s in everything}
    for index in range(rounds):
        order = everything[index % len(everything) :] + everything[: index % len(everything)]
        for snippet in order:
            times[snippet.title].append(_seconds(snippet))
    base = statistics.median(times[bare.title])
    result = {"bare interpreter (absolute)": base * 1e3}
    for snippet in snippets:
        result[snippet.title] = (statistics.median(times[snippet.title]) - base) * 1e3
        print(f"  {snippet.title:<55} {result[snippet.title]:8.1f} ms", flush=True)
    return result
