"""docs/benchmarks.md from the results of a run (and, when given, an earlier run's beside it)."""

from __future__ import annotations

from typing import Any

GEN_TOOLS = ("sdkforge", "before", "OPC", "DMCG")
CODEC_TOOLS = ("sdkforge", "before", "pydantic", "OPC", "azure")


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if not a or not b else f"{a / b:.2f}x"


def _generation(
    gen: dict[str, Any],
    specs: dict[str, str],
    before: dict[str, Any] | None,
) -> list[str]:
    lines = [
        "## Generation: wall time and peak memory (fresh process each)",
        "",
        "| spec | sdkforge s | MiB | sdkforge before s | MiB | OPC s | MiB | DMCG s | MiB"
        " | sdkforge / OPC time |" + (" before: sdkforge s | MiB | / OPC |" if before else ""),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        + ("---:|---:|---:|" if before else ""),
    ]
    for key, per in gen.items():
        cells = [specs.get(key, key)]
        for tool in GEN_TOOLS:
            entry = per.get(tool)
            if entry is None:
                cells += ["not run", ""]
            elif entry["failed"]:
                cells += ["failed", ""]
            else:
                cells += [_num(entry["seconds"]), _num(entry["peak_mib"], 0)]
        ours, opc = per.get("sdkforge", {}), per.get("OPC", {})
        cells.append(_ratio(ours.get("seconds"), opc.get("seconds")))
        if before:
            old = before.get(key, {})
            old_ours, old_opc = old.get("sdkforge", {}), old.get("OPC", {})
            cells += [
                _num(old_ours.get("seconds")),
                _num(old_ours.get("peak_mib"), 0),
                _ratio(old_ours.get("seconds"), old_opc.get("seconds")),
            ]
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _codec(codec: dict[str, Any], before: dict[str, Any] | None) -> list[str]:
    lines = [
        "## Decode / encode throughput (objects per second; the page: items per second)",
        "",
        "| payload | | sdkforge | sdkforge before | pydantic (DMCG) | OPC | azure-mgmt-compute |"
        " sdkforge / pydantic | sdkforge / OPC |"
        + (" before: sdkforge | / pydantic |" if before else ""),
        "|---|---|---:|---:|---:|---:|---:|---:|---:|" + ("---:|---:|" if before else ""),
    ]
    for title, kinds in codec.items():
        for kind, per in kinds.items():
            cells = [title, kind, *(_num(per.get(t), 0) for t in CODEC_TOOLS)]
            cells += [
                _ratio(per.get("sdkforge"), per.get("pydantic")),
                _ratio(per.get("sdkforge"), per.get("OPC")),
            ]
            if before:
                old = before.get(title, {}).get(kind, {})
                cells += [
                    _num(old.get("sdkforge"), 0),
                    _ratio(old.get("sdkforge"), old.get("pydantic")),
                ]
            lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _imports(found: dict[str, Any], before: dict[str, Any] | None) -> list[str]:
    lines = [
        "## Import time (fresh process; milliseconds over a bare interpreter)",
        "",
        "| what | ms |" + (" before |" if before else ""),
        "|---|---:|" + ("---:|" if before else ""),
    ]
    for title, ms in found.items():
        cells = [title, _num(ms, 1)]
        if before:
            cells.append(_num(before.get(title), 1))
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _batch(found: dict[str, Any]) -> list[str]:
    cores = found.get("cores", 1)
    return [
        f"## Batch: `generate --force` over {found.get('clients')} configured clients "
        "(the small specs above)",
        "",
        f"| --jobs 1 s | --jobs {cores} (default: one per core) s | speed-up |",
        "|---:|---:|---:|",
        f"| {_num(found.get('jobs 1 s'))} | {_num(found.get(f'jobs {cores} s'))} "
        f"| {_num(found.get('speed-up'))}x |",
        "",
    ]


def write_report(results: dict[str, Any], baseline: dict[str, Any] | None) -> str:
    versions = ", ".join(f"{k} {v}" for k, v in results.get("versions", {}).items())
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (benchmarks/run.py); do not edit by hand. All tools run side by",
        "side in one run, rounds alternating between them; figures are medians (peak memory: the",
        "largest of the rounds). The machine has 2 busy cores: read the ratios, not the seconds.",
        "",
        f"Versions: {versions}. This run took {results.get('minutes', 0):.1f} minutes.",
        "",
        "OPC and DMCG read OpenAPI 3 only: Swagger 2.0 specs are bundled into one file and",
        "converted by swagger2openapi before timing; sdkforge reads the original files.",
        "The azure-mgmt-compute models keep the response dict and convert a property when it is",
        "first read, so their decode figure is not the cost of a full conversion.",
        "",
    ]
    if results.get("note"):
        lines += [str(results["note"]), ""]
    if results.get("before"):
        lines += [
            "\"sdkforge before\": the generator before the performance work, run in the same "
            f"rounds from a checkout ({results['before']}).",
            "",
        ]
    if baseline:
        lines += [
            '"before" columns: the run saved in benchmarks/baseline.json, on the same kind '
            "of machine.",
            "",
        ]
    specs = results.get("specs", {})
    if "generate" in results:
        lines += _generation(results["generate"], specs, (baseline or {}).get("generate"))
    if "codec" in results:
        lines += _codec(results["codec"], (baseline or {}).get("codec"))
    if "batch" in results:
        lines += _batch(results["batch"])
    if "imports" in results:
        lines += _imports(results["imports"], (baseline or {}).get("imports"))
    return "\n".join(lines).rstrip() + "\n"
