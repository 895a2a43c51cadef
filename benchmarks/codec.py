"""Decode and encode throughput of the same payloads through each tool's models, in one process.

- sdkforge: the generated dataclasses, `Model.from_dict(body)` and `model.to_dict()`;
  "before": the same from an earlier sdkforge (`--before DIR`).
- pydantic: DMCG's pydantic v2 models, `model_validate(body)` and
  `model_dump(mode="json", by_alias=True, exclude_none=True)` (pydantic-core, in Rust).
- OPC: openapi-python-client's attrs models, `from_dict` / `to_dict`.
- azure: azure-mgmt-compute's models, decoded the way its operations decode a response
  (`_deserialize(Model, body)`) and encoded with `as_dict()`.

Rounds alternate between the tools; each figure is the median over rounds of objects per second
(for the list page: items per second).
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.gen import output_dir
from benchmarks.inputs import Payloads, Spec

Work = Callable[[], Any]


@dataclass(frozen=True)
class Case:
    title: str
    items: int  # objects per call
    tools: dict[str, tuple[Work, Work]]  # tool -> (decode, encode)


def _module(path: Path, name: str) -> Any:
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
    return importlib.import_module(name)


def _sdkforge(work: Path, spec: Spec) -> Any:
    return _module(output_dir(work, spec, "sdkforge"), f"sdk_{spec.key}.models")


def _before(work: Path, spec: Spec) -> Any:
    return _module(output_dir(work, spec, "before"), f"old_{spec.key}.models")


def _opc(work: Path, spec: Spec) -> Any:
    return _module(output_dir(work, spec, "OPC"), f"opc_{spec.key}.models")


def _dmcg(work: Path, spec: Spec) -> Any:
    return _module(output_dir(work, spec, "DMCG"), f"dm_{spec.key}")


def _pair(
    decode: Callable[[Any], Any],
    encode: Callable[[Any], Any],
    body: Any,
) -> tuple[Work, Work]:
    decoded = decode(body)
    return (lambda: decode(body)), (lambda: encode(decoded))


def _tools(
    work: Path,
    spec: Spec,
    model: str,
    body: Any,
    list_of: bool = False,
) -> dict[str, tuple[Work, Work]]:
    tools: dict[str, tuple[Work, Work]] = {}
    loaders = {"sdkforge": _sdkforge, "before": _before, "pydantic": _dmcg, "OPC": _opc}
    for name, load in loaders.items():
        if name == "before" and not output_dir(work, spec, name).exists():
            continue
        try:
            cls = getattr(load(work, spec), model)
        except (ImportError, AttributeError) as exc:
            print(f"  {name}: no {model} ({exc})", flush=True)
            continue
        if name == "pydantic":
            tools[name] = _pair(
                cls.model_validate,
                lambda m: m.model_dump(mode="json", by_alias=True, exclude_none=True),
                body,
            )
        else:
            tools[name] = _pair(cls.from_dict, lambda m: m.to_dict(), body)
    try:
        from azure.mgmt.compute import models as azure_models
        from azure.mgmt.compute._utils.model_base import _deserialize
    except ImportError:
        return tools
    if list_of:
        item = getattr(azure_models, model.removesuffix("ListResult"))
        tools["azure"] = _pair(
            lambda b: _deserialize(list[item], b["value"]),
            lambda ms: [m.as_dict() for m in ms],
            body,
        )
    elif hasattr(azure_models, model):
        cls = getattr(azure_models, model)
        tools["azure"] = _pair(lambda b: _deserialize(cls, b), lambda m: m.as_dict(), body)
    return tools


def cases(work: Path, seed: Spec, vmss: Spec, data: Payloads) -> list[Case]:
    items = len(data.vmss_page["value"])
    return [
        Case(
            "GetLatest response (RollingUpgradeStatusInfo)",
            1,
            _tools(work, seed, "RollingUpgradeStatusInfo", data.get_latest),
        ),
        Case(
            "VMSS Get response (VirtualMachineScaleSet)",
            1,
            _tools(work, vmss, "VirtualMachineScaleSet", data.vmss_get),
        ),
        Case(
            f"VMSS list page, {items:,} items",
            items,
            _tools(work, vmss, "VirtualMachineScaleSetListResult", data.vmss_page, list_of=True),
        ),
    ]


def _rate(fn: Work, items: int, budget: float) -> float:
    """Items per second, calling `fn` for about `budget` seconds."""
    loops = 1
    while True:
        start = time.perf_counter()
        for _ in range(loops):
            fn()
        elapsed = time.perf_counter() - start
        if elapsed >= budget or loops >= 1 << 20:
            return loops * items / elapsed
        loops = max(loops * 2, int(loops * budget / max(elapsed, 1e-6) * 1.1))


def run(
    all_cases: list[Case],
    rounds: int,
    budget: float = 0.2,
) -> dict[str, dict[str, dict[str, float]]]:
    """{case title: {"decode"|"encode": {tool: median items/s}}}."""
    results: dict[str, dict[str, dict[str, float]]] = {}
    for case in all_cases:
        per: dict[str, dict[str, list[float]]] = {"decode": {}, "encode": {}}
        names = list(case.tools)
        for index in range(rounds):
            order = names[index % len(names) :] + names[: index % len(names)]
            for name in order:
                decode, encode = case.tools[name]
                per["decode"].setdefault(name, []).append(_rate(decode, case.items, budget))
                per["encode"].setdefault(name, []).append(_rate(encode, case.items, budget))
        results[case.title] = {
            kind: {name: statistics.median(v) for name, v in values.items()}
            for kind, values in per.items()
        }
        for kind, values in results[case.title].items():
            shown = "  ".join(f"{n} {v:,.0f}/s" for n, v in values.items())
            print(f"  {case.title[:40]:<40} {kind}: {shown}", flush=True)
    return results
