"""sdkforge against its peers, side by side in one run; writes docs/benchmarks.md.

    make bench                                   # the environment, the inputs, then this
    build/bench-venv/bin/python -m benchmarks.run [--specs seed,vmss] [--rounds 3] [--skip imports]

Peers: openapi-python-client (OPC), datamodel-code-generator (DMCG, models only), DMCG's pydantic v2
models, azure-mgmt-compute; versions are pinned in benchmarks/requirements.txt. Rounds alternate
between the tools so that machine noise hits all alike: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import batch, codec, gen, imports
from benchmarks.inputs import ROOT, Spec, payloads, specs
from benchmarks.report import write_report

BIG = ("github", "synthetic")


def _generation(chosen: list[Spec], work: Path, args: argparse.Namespace) -> dict[str, Any]:
    rounds = {s.key: args.big_rounds if s.key in BIG else args.rounds for s in chosen}
    tools = {}
    for spec in chosen:
        names = ["sdkforge", *(["before"] if gen.BEFORE else []), "OPC", "DMCG"]
        if spec.key in BIG and not args.dmcg_big:
            names.remove("DMCG")
        if spec.key == "synthetic" and not args.opc_synthetic:
            names.remove("OPC")
        tools[spec.key] = names
    results = gen.run(chosen, work, rounds, tools)
    return {
        key: {
            tool: {
                "seconds": statistics.median(s.seconds) if s.seconds else None,
                "peak_mib": max(s.peak_mib) if s.peak_mib else None,
                "rounds": len(s.seconds),
                "failed": s.failed,
            }
            for tool, s in per_tool.items()
        }
        for key, per_tool in results.items()
    }


def _ensure_generated(spec: Spec, work: Path, tool: str) -> None:
    if not gen.output_dir(work, spec, tool).exists():
        gen.run([spec], work, {spec.key: 1}, {spec.key: [tool]})


def _codec(by_key: dict[str, Spec], work: Path, args: argparse.Namespace) -> dict[str, Any]:
    for key in ("seed", "vmss"):
        for tool in ("sdkforge", *(["before"] if gen.BEFORE else []), "OPC", "DMCG"):
            _ensure_generated(by_key[key], work, tool)
    all_cases = codec.cases(work, by_key["seed"], by_key["vmss"], payloads(args.page_items))
    return codec.run(all_cases, args.codec_rounds, args.codec_budget)


def _client_snippet(package: str, client_args: str | None) -> str:
    """Import the package and construct its client (only load the class: `client_args` None)."""
    call = "" if client_args is None else f"({client_args})"
    return (
        imports.CREDENTIAL + f"import {package} as p\n"
        "name = next(n for n in p.__all__ if n != 'VERSION')\n"
        f"getattr(p, name){call}\n"
    )


def _before_snippets(vmss: Spec, work: Path) -> list[imports.Snippet]:
    if gen.BEFORE is None:
        return []
    _ensure_generated(vmss, work, "before")
    old = (gen.output_dir(work, vmss, "before"),)
    return [
        imports.Snippet("before: sdkforge VMSS: import the package", "import old_vmss", old),
        imports.Snippet(
            "before: sdkforge VMSS: import + construct the client",
            _client_snippet("old_vmss", "_Cred(), 'sub'"),
            old,
        ),
        imports.Snippet(
            "before: sdkforge VMSS: + one model",
            _client_snippet("old_vmss", "_Cred(), 'sub'")
            + "from old_vmss.models import VirtualMachineScaleSet",
            old,
        ),
    ]


def _imports(by_key: dict[str, Spec], work: Path, args: argparse.Namespace) -> dict[str, Any]:
    snippets = [imports.Snippet("httpx alone", "import httpx")]
    vmss = by_key.get("vmss")
    if vmss is not None:
        for tool in ("sdkforge", "OPC"):
            _ensure_generated(vmss, work, tool)
        sdk = (gen.output_dir(work, vmss, "sdkforge"),)
        opc = (gen.output_dir(work, vmss, "OPC"),)
        snippets += [
            imports.Snippet("sdkforge VMSS: import the package", "import sdk_vmss", sdk),
            imports.Snippet(
                "sdkforge VMSS: import + construct the client",
                _client_snippet("sdk_vmss", "_Cred(), 'sub'"),
                sdk,
            ),
            imports.Snippet(
                "sdkforge VMSS: + one model",
                _client_snippet("sdk_vmss", "_Cred(), 'sub'")
                + "from sdk_vmss.models import VirtualMachineScaleSet",
                sdk,
            ),
            *_before_snippets(vmss, work),
            imports.Snippet(
                "OPC VMSS: import + construct the client",
                "import opc_vmss; opc_vmss.Client(base_url='https://x')",
                opc,
            ),
            imports.Snippet(
                "azure-mgmt-compute: import + construct the client",
                imports.CREDENTIAL + "from azure.mgmt.compute import "
                "ComputeManagementClient as C; C(_Cred(), 'sub')",
            ),
        ]
    github = by_key.get("github")
    if github is not None:
        for tool in ("sdkforge", "OPC"):
            _ensure_generated(github, work, tool)
        sdk = (gen.output_dir(work, github, "sdkforge"),)
        opc = (gen.output_dir(work, github, "OPC"),)
        # GitHub's client takes many required arguments: the class is loaded, not constructed.
        sdk_client = _client_snippet("sdk_github", None)
        opc_client = "import opc_github; opc_github.Client"
        sdk_models = "import sdk_github.models as m\nfor n in m.__all__: getattr(m, n)"
        snippets += [
            imports.Snippet("sdkforge GitHub: import the client class", sdk_client, sdk),
            imports.Snippet("OPC GitHub: import the client class", opc_client, opc),
            imports.Snippet("sdkforge GitHub: every model", sdk_models, sdk),
            imports.Snippet("OPC GitHub: every model", "import opc_github.models", opc),
            imports.Snippet(
                "sdkforge GitHub: client, cold (nothing precompiled)", sdk_client, sdk, cold=True
            ),
            imports.Snippet(
                "OPC GitHub: client, cold (nothing precompiled)", opc_client, opc, cold=True
            ),
        ]
    return imports.run(snippets, args.import_rounds)


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {"python": platform.python_version()}
    for name in (
        "openapi-python-client",
        "datamodel-code-generator",
        "pydantic",
        "pydantic-core",
        "azure-mgmt-compute",
        "ruff",
        "httpx",
    ):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--specs", default="seed,vmss,lro,complex,github,synthetic")
    parser.add_argument("--rounds", type=int, default=3, help="generation rounds, small specs")
    parser.add_argument(
        "--big-rounds", type=int, default=2, help="generation rounds, " + "/".join(BIG)
    )
    parser.add_argument("--dmcg-big", action="store_true", help="run DMCG on the big specs too")
    parser.add_argument(
        "--opc-synthetic", action="store_true", help="run OPC on the synthetic spec"
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="a checkout of an earlier sdkforge, measured beside this one "
        "(e.g. `git archive COMMIT | tar -x -C build/bench-before`)",
    )
    parser.add_argument("--synthetic-models", type=int, default=2000)
    parser.add_argument("--codec-rounds", type=int, default=5)
    parser.add_argument("--codec-budget", type=float, default=0.2, help="seconds per measurement")
    parser.add_argument("--page-items", type=int, default=1000)
    parser.add_argument("--import-rounds", type=int, default=7)
    parser.add_argument("--batch-rounds", type=int, default=2)
    parser.add_argument("--skip", default="", help="comma-separated: generate,codec,batch,imports")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument(
        "--baseline",
        type=Path,
        default=ROOT / "benchmarks" / "baseline.json",
        help="results of an earlier run, shown beside this one",
    )
    parser.add_argument("--save", type=Path, help="also write this run's results here (JSON)")
    parser.add_argument(
        "--merge",
        type=Path,
        help="results (JSON) of a run of the parts skipped here, to report with",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    skip = set(filter(None, args.skip.split(",")))
    gen.BEFORE = args.before.resolve() if args.before else None
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    chosen = specs(work, args.specs.split(","), args.synthetic_models)
    by_key = {s.key: s for s in chosen}
    started = time.time()
    results: dict[str, Any] = {"versions": _versions(), "specs": {s.key: s.title for s in chosen}}
    if args.merge:
        merged = json.loads(args.merge.read_text(encoding="utf-8"))
        results = {
            **merged,
            "versions": results["versions"],
            "specs": {**merged.get("specs", {}), **results["specs"]},
        }
    if gen.BEFORE is not None:
        results["before"] = str(args.before)
    if "generate" not in skip:
        print("generation:", flush=True)
        results["generate"] = _generation(chosen, work, args)
    if "codec" not in skip and {"seed", "vmss"} <= set(by_key):
        print("decode / encode:", flush=True)
        results["codec"] = _codec(by_key, work, args)
    if "batch" not in skip:
        print("batch generation:", flush=True)
        small = [s for s in chosen if s.key not in BIG]
        results["batch"] = batch.run(work, small, args.batch_rounds)
    if "imports" not in skip:
        print("imports:", flush=True)
        results["imports"] = _imports(by_key, work, args)
    results["minutes"] = results.get("minutes", 0) + (time.time() - started) / 60
    (work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    if args.save:
        args.save.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    baseline = (
        json.loads(args.baseline.read_text(encoding="utf-8"))
        if args.baseline and args.baseline.exists()
        else None
    )
    args.out.write_text(write_report(results, baseline), encoding="utf-8")
    print(f"wrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
