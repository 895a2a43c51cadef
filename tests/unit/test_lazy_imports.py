"""Importing a generated package, or its models, loads neither httpx nor any model it does not
name: the client module waits for the client, httpx for the first request, each model for its first
use. Constructing the client loads neither httpx nor a model."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.support.paths import GENERATED

PROBE = """
import json, sys
loaded = lambda: sorted(m for m in sys.modules if m == "httpx" or ".models._" in m
                        or m.endswith("._client"))
import compute_rolling_upgrades
after_import = loaded()
from compute_rolling_upgrades.models import RollingUpgradePolicy
after_model = loaded()
RollingUpgradePolicy.from_dict({"maxSurge": True}).to_dict()
compute_rolling_upgrades.ComputeManagementClient
print(json.dumps([after_import, after_model, loaded()]))
"""

CLIENT_PROBE = """
import json, sys
import compute_rolling_upgrades
client = compute_rolling_upgrades.ComputeManagementClient(object(), "sub")
constructed = sorted(m for m in sys.modules if m.startswith(("httpx", "compute_rolling_upgrades.")))
print(json.dumps(constructed))
"""


def test_package_and_models_import_lazily() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    after_import, after_model, after_client = json.loads(result.stdout)
    assert after_import == []
    assert after_model == ["compute_rolling_upgrades.models._rolling_upgrade_policy"]
    assert "compute_rolling_upgrades._client" in after_client


def test_constructing_the_client_loads_no_model_and_not_httpx() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CLIENT_PROBE],
        cwd=GENERATED,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    constructed = json.loads(result.stdout)
    assert "httpx" not in constructed
    # The operations package itself is a lazy index (the client's annotations name groups through
    # it); no operation group's module is loaded.
    assert not [m for m in constructed if ".models." in m or ".operations._" in m]
    assert "compute_rolling_upgrades._client" in constructed
