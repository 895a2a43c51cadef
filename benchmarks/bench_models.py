"""sdkforge against datamodel-code-generator, side by side in one process.

Both generate Python models for the same real spec (Compute's virtualMachineScaleSet.json, 2024-07-01,
from ../shared/azure-specs) and both decode and re-encode the same real example response
(VirtualMachineScaleSet_Get). Rounds alternate between the two so machine noise hits both alike;
the figures that matter are the ratios.

    .venv/bin/python benchmarks/bench_models.py [--rounds N]

What is compared, plainly:
- generate: sdkforge builds the whole client (models, operations, sync and async, formatted with ruff);
  datamodel-code-generator builds pydantic v2 models for the VirtualMachineScaleSet graph only.
- decode+encode: sdkforge's generated dataclasses (`from_dict` + `to_dict`) against the pydantic
  models (`model_validate` + `model_dump(mode="json", exclude_none=True)`).
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build import build_package  # noqa: E402
from generator.render.write import write_tree  # noqa: E402

SPEC_DIR = (ROOT.parent / "shared" / "azure-specs" / "specification" / "compute" / "resource-manager"
            / "Microsoft.Compute" / "ComputeRP" / "stable" / "2024-07-01")
SPEC = SPEC_DIR / "virtualMachineScaleSet.json"
EXAMPLE = SPEC_DIR / "examples" / "virtualMachineScaleSetExamples" / "VirtualMachineScaleSet_Get.json"


def _peer_generate(out: Path) -> str:
    from datamodel_code_generator import DataModelType, InputFileType, generate

    wrapper = out / "wrapper.json"
    wrapper.write_text(json.dumps({"$ref": SPEC.as_uri() + "#/definitions/VirtualMachineScaleSet"}))
    target = out / "peer_models.py"
    generate(wrapper, input_file_type=InputFileType.JsonSchema, output=target,
             output_model_type=DataModelType.PydanticV2BaseModel, allow_remote_refs=True)
    return target.read_text(encoding="utf-8")


def _ours_generate() -> dict[str, bytes]:
    return build_package(SPEC, "bench_vmss").files


def _time(fn: Callable[[], Any], loops: int) -> float:
    start = time.perf_counter()
    for _ in range(loops):
        fn()
    return (time.perf_counter() - start) / loops


def _alternate(name: str, ours: Callable[[], Any], peer: Callable[[], Any], rounds: int,
               loops: int) -> None:
    mine: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):
        mine.append(_time(ours, loops))
        theirs.append(_time(peer, loops))
    m, t = statistics.median(mine), statistics.median(theirs)
    print(f"{name:<16} sdkforge {m * 1e3:10.3f} ms   datamodel-code-generator {t * 1e3:10.3f} ms"
          f"   ratio sdkforge/peer {m / t:6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    body = json.loads(EXAMPLE.read_text(encoding="utf-8"))["responses"]["200"]["body"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        _alternate("generate", _ours_generate, lambda: _peer_generate(out), args.rounds, 1)
        write_tree(out / "bench_vmss", _ours_generate())
        sys.path.insert(0, str(out))
        ours_model = importlib.import_module("bench_vmss.models").VirtualMachineScaleSet
        peer_model = importlib.import_module("peer_models").VirtualMachineScaleSet
        decoded = ours_model.from_dict(body)
        assert ours_model.from_dict(decoded.to_dict()) == decoded

        def ours() -> Any:
            return ours_model.from_dict(body).to_dict()

        def peer() -> Any:
            return peer_model.model_validate(body).model_dump(mode="json", exclude_none=True)

        _alternate("decode+encode", ours, peer, args.rounds, 2000)


if __name__ == "__main__":
    main()
