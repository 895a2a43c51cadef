"""The benchmark harness runs on a tiny input (its figures are not checked: no test depends on
machine speed)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from benchmarks import gen, report
from benchmarks.inputs import Spec
from benchmarks.synthetic import make_spec
from generator.loader import load_api


def test_synthetic_spec_is_seeded_and_loads(tmp_path: Path) -> None:
    spec = make_spec(models=6, seed=7)
    assert json.dumps(make_spec(models=6, seed=7)) == json.dumps(spec)
    assert json.dumps(make_spec(models=6, seed=8)) != json.dumps(spec)
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    api = load_api(path, warnings=[])
    assert {m.name for m in api.models} >= {"Model0", "Model4"}  # the models operations use


def test_generation_is_measured_and_reported(tmp_path: Path) -> None:
    source = tmp_path / "tiny.json"
    source.write_text(json.dumps(make_spec(models=4, seed=1)), encoding="utf-8")
    spec = Spec("tiny", "tiny synthetic", source, source)
    out = tmp_path / "out"
    seconds, peak, status = gen.measured(gen.sdkforge(spec, out), tmp_path / "log.txt")
    assert status == 0, (tmp_path / "log.txt").read_text()
    assert seconds > 0 and peak > 0
    assert (out / "sdk_tiny" / "models" / "__init__.py").is_file()
    failed, _, status = gen.measured(
        [sys.executable, "-c", "raise SystemExit(3)"], tmp_path / "fail.txt"
    )
    assert status == 3
    results = {
        "specs": {"tiny": spec.title},
        "generate": {
            "tiny": {
                "sdkforge": {"seconds": seconds, "peak_mib": peak, "rounds": 1, "failed": ""},
                "OPC": {"seconds": 2 * seconds, "peak_mib": peak, "rounds": 1, "failed": ""},
            }
        },
        "codec": {"payload": {"decode": {"sdkforge": 300.0, "pydantic": 100.0}}},
        "imports": {"client": 12.5},
    }
    text = report.write_report(results, baseline=results)
    assert "| tiny synthetic |" in text
    assert "0.50x" in text  # sdkforge / OPC time
    assert "3.00x" in text  # sdkforge / pydantic throughput
    assert "| client | 12.5 | 12.5 |" in text


def test_model_styles_row_runs_on_the_seed_spec(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks import codec, styles

    monkeypatch.setattr(styles, "OUT", tmp_path / "styles")
    monkeypatch.setattr(styles, "STYLES", {"dataclass": "bench_dc", "pydantic": "bench_pyd"})
    styles._generate()
    cases = styles._cases(3)  # checks both styles encode what they decode alike
    assert [sorted(c.tools) for c in cases] == [["dataclass", "pydantic"]] * 2
    results = codec.run(cases, rounds=1, budget=0.001)
    times = {
        f"{s}: {m}": 1.0
        for s in styles.STYLES
        for m in (
            "import the package",
            "one model (VirtualMachineScaleSet)",
            "one model, cold (no bytecode cache)",
        )
    }
    table = styles._table(results, times)
    assert "| decode: VMSS list page, 3 items |" in table
    assert table.count("| import: ") == 3
