"""The two model styles of sdkforge side by side: dataclasses (the default) and pydantic v2 models
(`--models pydantic`), generated from the same spec, on the same payloads.

    .venv/bin/python -m benchmarks.styles [--rounds 5] [--items 1000]

Run with the project's environment (`pip install -e '.[pydantic]'`): the pydantic style needs the
datamodel-code-generator release line sdkforge pins, which the peers' environment of `make bench`
does not have. Inputs are in the repository: the seed spec (specs/compute/rolling-upgrades.json),
its GetLatest example, and a list page of its VMSS List example's item repeated `--items` times.
Decode is `Model.from_dict(body)`, encode `model.to_dict()`, for both styles (the pydantic style's
go through `model_validate` / `model_dump`). Imports are fresh processes (benchmarks/imports.py).
Prints a Markdown table and writes it to build/bench/styles.md.
"""

from __future__ import annotations

import argparse
import copy
import importlib
import json
import sys
from pathlib import Path
from typing import Any

from benchmarks import imports
from benchmarks.codec import Case, run

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "specs" / "compute" / "rolling-upgrades.json"
EXAMPLES = ROOT / "specs" / "compute" / "examples"
OUT = ROOT / "build" / "bench" / "styles"
STYLES = {"dataclass": "style_dataclass", "pydantic": "style_pydantic"}


def _generate() -> None:
    from generator.build import build_package
    from generator.render.write import write_tree

    for style, package in STYLES.items():
        built = build_package(SPEC, package, models=style)
        write_tree(OUT / package, built.files)


def _body(name: str) -> Any:
    data = json.loads((EXAMPLES / name).read_text(encoding="utf-8-sig"))
    return data["responses"]["200"]["body"]


def _page(items: int) -> dict[str, Any]:
    item = _body("VirtualMachineScaleSet_List_MinimumSet_Gen.json")["value"][0]
    page = []
    for i in range(items):
        copied = copy.deepcopy(item)
        copied["name"] = f"vmss{i:04d}"
        page.append(copied)
    return {"value": page, "nextLink": "https://example.test/next?page=2"}


def _cases(items: int) -> list[Case]:
    if str(OUT) not in sys.path:
        sys.path.insert(0, str(OUT))
    models = {style: importlib.import_module(f"{p}.models") for style, p in STYLES.items()}
    payloads = [
        (
            "GetLatest response (RollingUpgradeStatusInfo)",
            "RollingUpgradeStatusInfo",
            1,
            _body("VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen.json"),
        ),
        (
            f"VMSS list page, {items:,} items",
            "VirtualMachineScaleSetListResult",
            items,
            _page(items),
        ),
    ]
    cases = []
    for title, model, count, body in payloads:
        tools = {}
        for style, module in models.items():
            cls = getattr(module, model)
            decoded = cls.from_dict(body)
            assert decoded.to_dict() == cls.from_dict(body).to_dict()
            tools[style] = (
                lambda cls=cls, body=body: cls.from_dict(body),
                lambda decoded=decoded: decoded.to_dict(),
            )
        cases.append(Case(title, count, tools))
    return cases


def _snippets() -> list[imports.Snippet]:
    snippets = []
    for style, package in STYLES.items():
        snippets += [
            imports.Snippet(f"{style}: import the package", f"import {package}", (OUT,)),
            imports.Snippet(
                f"{style}: one model (VirtualMachineScaleSet)",
                f"from {package}.models import VirtualMachineScaleSet",
                (OUT,),
            ),
            imports.Snippet(
                f"{style}: one model, cold (no bytecode cache)",
                f"from {package}.models import VirtualMachineScaleSet",
                (OUT,),
                cold=True,
            ),
        ]
    return snippets


def _table(codec: dict[str, dict[str, dict[str, float]]], times: dict[str, float]) -> str:
    lines = [
        "| measure | dataclass | pydantic |",
        "| --- | ---: | ---: |",
    ]
    for title, kinds in codec.items():
        for kind, values in kinds.items():
            cells = " | ".join(f"{values[s]:,.0f}/s" for s in STYLES)
            lines.append(f"| {kind}: {title} | {cells} |")
    for measure in (
        "import the package",
        "one model (VirtualMachineScaleSet)",
        "one model, cold (no bytecode cache)",
    ):
        cells = " | ".join(f"{times[f'{s}: {measure}']:.1f} ms" for s in STYLES)
        lines.append(f"| import: {measure} | {cells} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.styles", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--budget", type=float, default=0.2, help="seconds per measurement")
    args = parser.parse_args(argv)
    _generate()
    print("decode / encode:", flush=True)
    codec = run(_cases(args.items), args.rounds, args.budget)
    print("imports:", flush=True)
    times = imports.run(_snippets(), args.rounds)
    table = _table(codec, times)
    (OUT.parent / "styles.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
