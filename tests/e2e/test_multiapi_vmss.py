"""The Compute scale-set spec of 2024-03-01 and 2024-11-01 as one multi-API package, against a local
server: each request carries the api-version of the client that serves it, with the caller's
credential, and answers decode into that api-version's models."""

from __future__ import annotations

import importlib
import subprocess
import sys
from collections.abc import Iterator
from types import ModuleType

import pytest

from tests.e2e.conftest import TOKEN, FakeCredential
from tests.support.example_server import ExampleServer, Exchange
from tests.support.paths import ROOT, VMSS_SPEC

VERSIONS = ("2024-03-01", "2024-11-01")
pytestmark = pytest.mark.skipif(
    not all(VMSS_SPEC[v].is_file() for v in VERSIONS), reason="the shared Azure specs are not here"
)
PATH = (
    "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachineScaleSets/ss"
)
BODY = {"location": "westeurope", "name": "ss", "properties": {"upgradePolicy": {"mode": "Manual"}}}


@pytest.fixture(scope="module")
def vmss(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("multiapi-vmss")
    specs = [str(VMSS_SPEC[v]) for v in VERSIONS]
    command = [sys.executable, "-m", "generator", "generate", *specs, "--out", str(out)]
    result = subprocess.run(
        [*command, "--package-name", "vmss_multi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module("vmss_multi")
    finally:
        sys.path.remove(str(out))
        for name in [m for m in sys.modules if m.split(".")[0] == "vmss_multi"]:
            del sys.modules[name]


def _get(version: str) -> Exchange:
    return Exchange("GET", PATH, query={"api-version": version}, body=BODY, require_bearer=TOKEN)


@pytest.mark.parametrize(("given", "sent"), [(None, "2024-11-01"), ("2024-03-01", "2024-03-01")])
def test_each_request_carries_the_serving_api_version(
    vmss: ModuleType, credential: FakeCredential, given: str | None, sent: str
) -> None:
    with (
        ExampleServer([_get(sent)]) as server,
        vmss.ComputeManagementClient(
            credential, "sub-1", endpoint=server.url, api_version=given
        ) as client,
    ):
        found = client.virtual_machine_scale_sets.get("rg", "ss")
        assert (client.subscription_id, client.api_version) == ("sub-1", given or sent)
    assert server.unmatched == []
    assert [r.query["api-version"] for r in server.requests] == [[sent]]
    assert type(found).__module__.startswith(f"vmss_multi.v{sent.replace('-', '_')}.models")
    assert (found.name, found.location, found.upgrade_policy.mode) == ("ss", "westeurope", "Manual")
    # scheduledEventsPolicy came with 2024-07-01: the 2024-03-01 model has no such field.
    assert hasattr(found, "scheduled_events_policy") is (sent == "2024-11-01")
    assert credential.calls == [("https://management.azure.com/.default",)]


def test_errors_of_any_api_version_are_caught_by_the_package_exceptions(
    vmss: ModuleType, credential: FakeCredential
) -> None:
    exceptions = importlib.import_module("vmss_multi.exceptions")
    missing = {"error": {"code": "NotFound", "message": "no such scale set"}}
    script = [
        Exchange("GET", PATH, query={"api-version": v}, status=404, body=missing) for v in VERSIONS
    ]
    with ExampleServer(script) as server:
        for version in VERSIONS:
            with (
                vmss.ComputeManagementClient(
                    credential, "sub-1", endpoint=server.url, api_version=version
                ) as client,
                pytest.raises(exceptions.ResourceNotFoundError) as caught,
            ):
                client.virtual_machine_scale_sets.get("rg", "ss")
            assert caught.value.status_code == 404
            assert type(caught.value).__module__.startswith(
                f"vmss_multi.v{version.replace('-', '_')}."
            )
    assert server.unmatched == []
