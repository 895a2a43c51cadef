"""Selective generation: only the chosen operations and the types they reach, nothing unused."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator import ir
from generator.build import build_package
from generator.config import Selection, split_patterns
from generator.diagnostics import SpecError
from generator.loader import load_api
from generator.select import select_operations
from tests.buildstep.support import run
from tests.diff.test_reports_match_the_spec import RawSpec
from tests.support.paths import VMSS_SPEC

VMSS = VMSS_SPEC["2024-07-01"]
needs_vmss = pytest.mark.skipif(not VMSS.is_file(), reason="the shared Azure specs are not here")
ROLLING = Selection(include=("VirtualMachineScaleSetRollingUpgrades_*",))


def operation_ids(api: ir.Api) -> list[str]:
    return [op.operation_id for g in api.groups for op in g.operations]


def raw_reach(spec: RawSpec, operation_ids: set[str]) -> tuple[set[str], set[str]]:
    """Definitions and x-ms-enum names the raw JSON of these operations refers to, transitively."""
    operations = [
        op
        for item in spec.doc(spec.main)["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and op.get("operationId") in operation_ids
    ]
    nodes = [n for _, n in spec.walk(operations, spec.main, set())]
    definitions = {
        n["$ref"].rpartition("/")[2] for n in nodes if "#/definitions/" in str(n.get("$ref", ""))
    }
    enums = {n["x-ms-enum"]["name"] for n in nodes if isinstance(n.get("x-ms-enum"), dict)}
    return definitions, enums


@needs_vmss
def test_rolling_upgrade_group_out_of_the_whole_scale_set_spec() -> None:
    full = load_api(VMSS, warnings=[])
    api = select_operations(full, ROLLING, VMSS.name)
    assert [g.py_attr for g in api.groups] == ["virtual_machine_scale_set_rolling_upgrades"]
    assert operation_ids(api) == [
        op.operation_id
        for g in full.groups
        for op in g.operations
        if op.operation_id.startswith("VirtualMachineScaleSetRollingUpgrades_")
    ]
    assert len(operation_ids(api)) == 4
    assert [m.name for m in api.models] == [
        "ApiError",
        "ApiErrorBase",
        "CloudError",
        "InnerError",
        "Resource",
        "RollingUpgradePolicy",
        "RollingUpgradeProgressInfo",
        "RollingUpgradeRunningStatus",
        "RollingUpgradeStatusInfo",
    ]
    assert [e.name for e in api.enums] == ["RollingUpgradeActionType", "RollingUpgradeStatusCode"]
    assert len(full.models) > 100 and len(full.enums) > 40


@needs_vmss
@pytest.mark.parametrize(
    "selection",
    [
        ROLLING,
        Selection(include=("VirtualMachineScaleSetVMs_Get", "VirtualMachineScaleSets_List*")),
        Selection(exclude=("VirtualMachineScaleSets_*", "VirtualMachineScaleSetVMs_*")),
        Selection(tags=("VirtualMachineScaleSetVMExtensions",)),
    ],
    ids=["rolling", "get-and-lists", "exclude-two-groups", "tag"],
)
def test_kept_types_are_exactly_what_the_raw_operations_reach(selection: Selection) -> None:
    full = load_api(VMSS, warnings=[])
    api = select_operations(full, selection, VMSS.name)
    definitions, enums = raw_reach(RawSpec(VMSS), set(operation_ids(api)))
    kept_models = {m.name for m in api.models}
    kept_enums = {e.name for e in api.enums}
    # Nothing unused: each kept model is a definition those operations reach (or a schema written
    # inline inside one) ...
    for model in api.models:
        if model.name not in definitions:
            assert model.source.pointer.split("/")[:2] == ["", "definitions"], model.source
            assert model.source.pointer.split("/")[2] in definitions, model.source
    assert kept_enums <= enums
    # ... and nothing missing: each model of the full client that they reach is kept.
    assert {m.name for m in full.models} & definitions <= kept_models
    assert {e.name for e in full.enums} & enums <= kept_enums
    assert len(kept_models) < len(full.models)


@needs_vmss
def test_tags_select_like_the_operation_ids() -> None:
    full = load_api(VMSS, warnings=[])
    by_tag = select_operations(
        full, Selection(tags=("VirtualMachineScaleSetRollingUpgrades",)), "x"
    )
    assert by_tag == select_operations(full, ROLLING, "x")
    assert all(
        "VirtualMachineScaleSetRollingUpgrades" in op.tags
        for g in by_tag.groups
        for op in g.operations
    )


@needs_vmss
def test_generated_package_has_no_unused_type_and_imports(tmp_path: Path) -> None:
    built = build_package(VMSS, "rolling", selection=ROLLING)
    code = {path: content.decode() for path, content in built.files.items() if path.endswith(".py")}
    classes = re.findall(
        r"^class (\w+)", "".join(code[p] for p in code if p.startswith("models/_")), re.M
    )
    assert len(classes) == 9 + 2
    for cls in classes:
        users = [
            p
            for p, text in code.items()
            if re.search(rf"\b{cls}\b", text)
            and not p.startswith("models/__init__")
            and f"class {cls}" not in text
        ]
        assert users, f"{cls} is generated but nothing uses it"
    package = tmp_path / "rolling"
    for path, content in built.files.items():
        (package / path).parent.mkdir(parents=True, exist_ok=True)
        (package / path).write_bytes(content)
    modules = sorted(p[:-3].replace("/", ".") for p in code if not p.endswith("__init__.py"))
    script = "import importlib\n" + "".join(
        f"importlib.import_module('rolling.{m}')\n" for m in modules
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=tmp_path, capture_output=True)


@needs_vmss
def test_cli_selection_errors_and_warnings(tmp_path: Path) -> None:
    out = ["--out", str(tmp_path), "--package-name", "p"]
    code, _, err = run("generate", str(VMSS), *out, "--include-operations", "NoSuch_*")
    assert code == 2 and "'NoSuch_*' matches no operationId" in err
    code, _, err = run("generate", str(VMSS), *out, "--tags", "Nope")
    assert code == 2 and "matches no tag" in err and "VirtualMachineScaleSetRollingUpgrades" in err
    code, _, err = run("generate", str(VMSS), *out, "--exclude-operations", "*")
    assert code == 2 and "leaves no operation" in err
    assert not any(tmp_path.iterdir())
    code, _, err = run(
        "generate",
        str(VMSS),
        *out,
        "--include-operations",
        "VirtualMachineScaleSetRollingUpgrades_GetLatest,VirtualMachineScaleSetRollingUpgrades_Cancel",
        "--exclude-operations",
        "Nothing_Like_This",
        "--verbose",
    )
    assert code == 0 and "'Nothing_Like_This' matches no operationId" in err
    snapshot = json.loads((tmp_path / "p" / "_api_snapshot.json").read_text(encoding="utf-8"))
    (group,) = snapshot["groups"].values()
    assert sorted(group["operations"]) == [
        "VirtualMachineScaleSetRollingUpgrades_Cancel",
        "VirtualMachineScaleSetRollingUpgrades_GetLatest",
    ]


def test_patterns_repeat_or_separate_by_commas() -> None:
    assert split_patterns(["a,b", " c ", "a", ",,"]) == ("a", "b", "c")


# Small inline specs for the cases the Compute spec does not have.


def spec(paths: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Zoo", "version": "1.0"},
        "host": "zoo.example.com",
        "paths": paths,
        "definitions": definitions,
    }


def op(op_id: str, schema: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    response: dict[str, Any] = {"description": "ok"}
    if schema is not None:
        response["schema"] = schema
    return {"operationId": op_id, "responses": {"200": response}, **extra}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/definitions/{name}"}


ZOO = spec(
    {
        "/animals": {"get": op("Animals_Get", ref("Animal"))},
        "/cats": {"get": op("Cats_Get", ref("Cat"))},
        "/keepers/{subscriptionId}": {
            "get": op(
                "Keepers_Get",
                ref("Keeper"),
                parameters=[
                    {
                        "name": "subscriptionId",
                        "in": "path",
                        "required": True,
                        "type": "string",
                        "x-ms-parameter-location": "client",
                    }
                ],
            )
        },
        "/pages": {
            "get": op(
                "Pages_List",
                ref("Page"),
                **{"x-ms-pageable": {"nextLinkName": "next", "operationName": "Pages_Next"}},
            )
        },
        "/pages/next": {"get": op("Pages_Next", ref("Page"))},
    },
    {
        "Animal": {
            "type": "object",
            "discriminator": "kind",
            "required": ["kind"],
            "properties": {"kind": {"type": "string"}},
        },
        "Cat": {
            "allOf": [ref("Animal")],
            "x-ms-discriminator-value": "cat",
            "properties": {"toy": ref("Toy")},
        },
        "Toy": {"type": "object", "properties": {"name": {"type": "string"}}},
        "Keeper": {
            "type": "object",
            "properties": {"name": {"type": "string"}},
            "additionalProperties": ref("Badge"),
        },
        "Badge": {"type": "object", "properties": {"level": {"type": "integer"}}},
        "Page": {
            "type": "object",
            "properties": {
                "value": {"type": "array", "items": {"type": "string"}},
                "next": {"type": "string"},
            },
        },
    },
)


@pytest.fixture
def zoo(tmp_path: Path) -> ir.Api:
    path = tmp_path / "zoo.json"
    path.write_text(json.dumps(ZOO), encoding="utf-8")
    return load_api(path)


def names(api: ir.Api) -> tuple[list[str], list[str]]:
    return operation_ids(api), [m.name for m in api.models]


def test_subtypes_and_parents_are_followed(zoo: ir.Api) -> None:
    assert names(select_operations(zoo, Selection(include=("Animals_Get",)), "zoo.json")) == (
        ["Animals_Get"],
        ["Animal", "Cat", "Toy"],
    )
    assert names(select_operations(zoo, Selection(include=("Cats_Get",)), "zoo.json")) == (
        ["Cats_Get"],
        ["Animal", "Cat", "Toy"],
    )


def test_additional_properties_and_client_parameters(zoo: ir.Api) -> None:
    assert [p.py_name for p in zoo.client_parameters] == ["subscription_id"]
    keepers = select_operations(zoo, Selection(include=("Keepers_*",)), "zoo.json")
    assert names(keepers) == (["Keepers_Get"], ["Badge", "Keeper"])
    assert [p.py_name for p in keepers.client_parameters] == ["subscription_id"]
    # An SDK without the operation that needs a subscription does not ask for one.
    cats = select_operations(zoo, Selection(include=("Cats_Get",)), "zoo.json")
    assert cats.client_parameters == ()


def test_next_page_operation_comes_along(zoo: ir.Api) -> None:
    assert names(select_operations(zoo, Selection(include=("Pages_List",)), "zoo.json")) == (
        ["Pages_List", "Pages_Next"],
        ["Page"],
    )


def test_no_selection_is_the_same_object(zoo: ir.Api) -> None:
    assert select_operations(zoo, Selection(), "zoo.json") is zoo
    with pytest.raises(SpecError):
        select_operations(zoo, Selection(exclude=("*",)), "zoo.json")
