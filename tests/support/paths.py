"""Where things are, for tests."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
GENERATED = ROOT / "generated"
ROLLING_SPEC = SPECS / "compute" / "rolling-upgrades.json"
ROLLING_YAML = SPECS / "compute-openapi3" / "rolling-upgrades.yaml"
# shared/ lies beside the checkout; a git worktree elsewhere names it with $SDKFORGE_SHARED.
SHARED = Path(os.environ.get("SDKFORGE_SHARED") or ROOT.parent / "shared")
AZURE_SPECS = (
    SHARED / "azure-specs" / "specification" / "compute" / "resource-manager" / "Microsoft.Compute"
)
VMSS_SPEC = {
    version: AZURE_SPECS / "ComputeRP" / "stable" / version / "virtualMachineScaleSet.json"
    for version in ("2024-03-01", "2024-07-01", "2024-11-01")
}
