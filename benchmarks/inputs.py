"""The benchmark inputs: specs (with the OpenAPI 3 form the peers read) and response payloads.

Everything is written under the work directory once; the timed runs only read it.
"""

from __future__ import annotations

import copy
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.bundle import bundle
from benchmarks.synthetic import make_spec

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "benchmarks"
AZURE_SPECS = ROOT.parent.parent / "shared" / "azure-specs"
COMPUTE = (
    Path("specification")
    / "compute"
    / "resource-manager"
    / "Microsoft.Compute"
    / "ComputeRP"
    / "stable"
    / "2024-07-01"
)
TESTSERVER_SWAGGER = (
    ROOT
    / "tests"
    / "testserver"
    / "node_modules"
    / "@microsoft.azure"
    / "autorest.testserver"
    / "swagger"
)
GITHUB = BENCH / "node_modules" / "@octokit" / "openapi" / "generated" / "api.github.com.json"
CONVERTER = BENCH / "node_modules" / ".bin" / "swagger2openapi"


def azure_specs() -> Path:
    """The azure-rest-api-specs checkout: $SDKFORGE_AZURE_SPECS, or shared/ beside the repos."""
    import os

    configured = os.environ.get("SDKFORGE_AZURE_SPECS")
    if configured:
        return Path(configured)
    for candidate in (AZURE_SPECS, ROOT.parent / "shared" / "azure-specs"):
        if candidate.is_dir():
            return candidate
    return AZURE_SPECS


@dataclass(frozen=True)
class Spec:
    key: str  # short name, used for package and directory names
    title: str
    source: Path  # what sdkforge reads
    openapi3: Path  # what the peers read (the same API as OpenAPI 3.0, one file)


def _openapi3(key: str, source: Path, work: Path) -> Path:
    """`source` as one OpenAPI 3 file: Swagger 2.0 is bundled, then converted by swagger2openapi."""
    document = json.loads(source.read_text(encoding="utf-8-sig"))
    if "openapi" in document:
        return source
    target = work / f"{key}.openapi3.json"
    if target.exists():
        return target
    bundled = work / f"{key}.bundled.json"
    bundled.write_text(json.dumps(bundle(source)), encoding="utf-8")
    subprocess.run(
        [str(CONVERTER), "--patch", str(bundled), "-o", str(target)],
        check=True,
        capture_output=True,
    )
    converted = json.loads(target.read_text(encoding="utf-8"))
    target.write_text(json.dumps(_hoist_inline_objects(converted)), encoding="utf-8")
    return target


def _hoist_inline_objects(document: Any) -> Any:
    """Move inline object schemas of properties into named components (one per distinct schema).

    openapi-python-client names an inline object after its model and property, and gives up on a
    model whose inherited property (Azure's `tags`) it meets twice that way; a shared named schema
    describes the same JSON and avoids that.
    """
    schemas = document.get("components", {}).get("schemas", {})
    for schema in schemas.values():
        # A model's own properties beside `allOf` are read as one more `allOf` member.
        if "allOf" in schema and "properties" in schema:
            own = {"type": "object", "properties": schema.pop("properties")}
            if "required" in schema:
                own["required"] = schema.pop("required")
            schema["allOf"] = [*schema["allOf"], own]
    by_content: dict[str, str] = {}
    for name in list(schemas):
        members = [schemas[name], *schemas[name].get("allOf", [])]
        for prop, schema in [(p, v) for m in members for p, v in m.get("properties", {}).items()]:
            if not isinstance(schema, dict) or schema.get("type") != "object" or "$ref" in schema:
                continue
            key = json.dumps(schema, sort_keys=True)
            if key not in by_content:
                local = f"{name}{prop[:1].upper()}{prop[1:]}Inline"
                schemas[local] = schema
                by_content[key] = local
            for member in members:
                if member.get("properties", {}).get(prop) is schema:
                    member["properties"][prop] = {"$ref": f"#/components/schemas/{by_content[key]}"}
    return document


def specs(work: Path, names: list[str] | None = None, synthetic_models: int = 2000) -> list[Spec]:
    """The specs to generate, prepared under `work/inputs`."""
    inputs = work / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    synthetic = inputs / f"synthetic-{synthetic_models}.json"
    table = {
        "seed": (
            "seed: Compute rolling upgrades",
            ROOT / "specs" / "compute" / "rolling-upgrades.json",
        ),
        "vmss": (
            "Compute VMSS 2024-07-01 (full)",
            azure_specs() / COMPUTE / "virtualMachineScaleSet.json",
        ),
        "lro": ("test server lro.json", TESTSERVER_SWAGGER / "lro.json"),
        "complex": ("test server body-complex.json", TESTSERVER_SWAGGER / "body-complex.json"),
        "github": ("GitHub api.github.com.json", GITHUB),
        "synthetic": (f"synthetic, {synthetic_models} models", synthetic),
    }
    chosen = names or list(table)
    if "synthetic" in chosen and not synthetic.exists():
        synthetic.write_text(json.dumps(make_spec(synthetic_models), indent=1), encoding="utf-8")
    result = []
    for key in chosen:
        title, source = table[key]
        if not source.exists():
            raise SystemExit(f"benchmark input missing: {source} (see benchmarks/README.md)")
        size = source.stat().st_size / 1e6
        result.append(Spec(key, f"{title} ({size:.1f} MB)", source, _openapi3(key, source, inputs)))
    return result


def _example_body(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8-sig"))["responses"]["200"]["body"]


@dataclass(frozen=True)
class Payloads:
    get_latest: Any  # RollingUpgradeStatusInfo
    vmss_get: Any  # VirtualMachineScaleSet
    vmss_page: Any  # VirtualMachineScaleSetListResult with 1,000 items


def payloads(items: int = 1000) -> Payloads:
    get_latest = _example_body(
        ROOT
        / "specs"
        / "compute"
        / "examples"
        / "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen.json"
    )
    vmss = _example_body(
        azure_specs()
        / COMPUTE
        / "examples"
        / "virtualMachineScaleSetExamples"
        / "VirtualMachineScaleSet_Get.json"
    )
    page = []
    for i in range(items):
        item = copy.deepcopy(vmss)
        item["name"] = f"vmss{i:04d}"
        item["id"] = str(item.get("id", "")).rsplit("/", 1)[0] + f"/vmss{i:04d}"
        page.append(item)
    return Payloads(
        get_latest, vmss, {"value": page, "nextLink": "https://example.test/next?page=2"}
    )
