"""azure-report.json: the server's azure coverage report, read through a generated client and
compared with what the harness reads directly."""

from __future__ import annotations

import asyncio
import importlib
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("azure-report.json")


def test_report_is_a_dict_of_counts(package: ModuleType, testserver: TestServer) -> None:
    with package.AutoRestReportServiceForAzure(endpoint=testserver.url) as client:
        report = client.get_report(qualifier="sdkforge")
    assert isinstance(report, dict)
    assert "LROPutInlineComplete" in report and "PagingSingle" in report
    assert all(isinstance(count, int) for count in report.values())
    # Counts only grow: the harness's reading afterwards is at least as high.
    direct = testserver.report("azure")
    assert all(direct[name] >= count for name, count in report.items())


def test_async_report(package: ModuleType, testserver: TestServer) -> None:
    aio = importlib.import_module(f"{package.__name__}.aio")

    async def call() -> dict[str, int]:
        async with aio.AutoRestReportServiceForAzure(endpoint=testserver.url) as client:
            return dict(await client.get_report())

    assert set(asyncio.run(call())) == set(testserver.report("azure"))
