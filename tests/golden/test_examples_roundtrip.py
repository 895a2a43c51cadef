"""Every example response in a spec decodes into its model and re-encodes to the same JSON.

Date-times are compared as instants; each sample is also validated with jsonschema against the
spec's own definition and against the JSON Schema sdkforge exports (`sdkforge schema`), so the
samples, the spec, the exported contract and the generated models agree.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from generator import ir
from generator.loader import load_api
from tests.support.generated_packages import generate_and_import
from tests.support.instants import with_instants
from tests.support.paths import GENERATED, ROLLING_SPEC, VMSS_SPEC
from tests.support.swagger_schema import definition_validator, exported_validator


def _cases(api: ir.Api) -> list[tuple[str, ir.Model, Any]]:
    cases = []
    for group in api.groups:
        for op in group.operations:
            for example in op.examples:
                for sample in example.responses:
                    response = next(
                        (r for r in op.responses if sample.status_code in r.status_codes), None
                    )
                    if (
                        response is None
                        or sample.body_json is None
                        or not isinstance(response.type, ir.ModelType)
                    ):
                        continue
                    case_id = f"{op.operation_id}/{example.name}/{sample.status_code}"
                    cases.append(
                        (case_id, api.model(response.type.name), json.loads(sample.body_json))
                    )
    return cases


def _check(spec: Path, models: ModuleType, model: ir.Model, body: Any) -> None:
    exported = exported_validator(_api(spec), model.name)
    assert [e.message for e in exported.iter_errors(body)] == []
    cls = getattr(models, model.py_name)
    decoded = cls.from_dict(body)
    assert with_instants(decoded.to_dict()) == with_instants(body)
    assert cls.from_dict(decoded.to_dict()) == decoded
    validator = definition_validator(spec, f"{model.source.file}#{model.source.pointer}")
    assert [e.message for e in validator.iter_errors(body)] == []


_APIS: dict[Path, ir.Api] = {}


def _api(spec: Path) -> ir.Api:
    if spec not in _APIS:
        _APIS[spec] = load_api(spec)
    return _APIS[spec]


ROLLING_CASES = _cases(_api(ROLLING_SPEC))


@pytest.mark.parametrize(
    ("case_id", "model", "body"), ROLLING_CASES, ids=[c[0] for c in ROLLING_CASES]
)
def test_rolling_upgrade_examples_round_trip(case_id: str, model: ir.Model, body: Any) -> None:
    import sys

    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    _check(ROLLING_SPEC, importlib.import_module("compute_rolling_upgrades.models"), model, body)


def test_every_rolling_upgrade_example_with_a_body_is_checked() -> None:
    # GetLatest's two examples and VirtualMachineScaleSets_List's; the long-running operations'
    # examples have no bodies.
    assert len(ROLLING_CASES) == 3
    assert sorted(c[0] for c in ROLLING_CASES) == [
        "VirtualMachineScaleSetRollingUpgrades_GetLatest/"
        "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen/200",
        "VirtualMachineScaleSetRollingUpgrades_GetLatest/"
        "VirtualMachineScaleSetRollingUpgrade_GetLatest_MinimumSet_Gen/200",
        "VirtualMachineScaleSets_List/VirtualMachineScaleSet_List_MinimumSet_Gen/200",
    ]


@pytest.fixture(scope="module")
def vmss_models(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    package = generate_and_import(
        VMSS_SPEC["2024-07-01"], "vmss_examples_2024_07_01", tmp_path_factory.mktemp("vmss")
    )
    return importlib.import_module(f"{package.__name__}.models")


def test_real_vmss_examples_round_trip(vmss_models: ModuleType) -> None:
    spec = VMSS_SPEC["2024-07-01"]
    cases = _cases(_api(spec))
    # The shared folder holds the examples of GetLatest, Get, List, ListAll and CreateOrUpdate.
    assert len(cases) >= 6, [c[0] for c in cases]
    for case_id, model, body in cases:
        try:
            _check(spec, vmss_models, model, body)
        except AssertionError as exc:
            raise AssertionError(f"{case_id}: {exc}") from exc
