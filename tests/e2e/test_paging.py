"""The committed client's pager (VirtualMachineScaleSets_List) against a local server that plays a
listing of several pages built from the spec's example."""

from __future__ import annotations

import asyncio
import json
from itertools import islice
from typing import Any

import pytest

from tests.e2e.conftest import TOKEN, FakeCredential
from tests.e2e.lro_script import example, fill
from tests.support.example_server import ExampleServer, Exchange
from tests.support.paths import ROLLING_SPEC

SPEC = json.loads(ROLLING_SPEC.read_text(encoding="utf-8"))
EXAMPLE = example(
    ROLLING_SPEC.parent / "examples" / "VirtualMachineScaleSet_List_MinimumSet_Gen.json"
)
PARAMS = EXAMPLE["parameters"]
PATH = fill(
    next(
        p
        for p, item in SPEC["paths"].items()
        if item.get("get", {}).get("operationId") == "VirtualMachineScaleSets_List"
    ),
    PARAMS,
)
VERSION = SPEC["info"]["version"]


def _vmss(n: int) -> dict[str, Any]:
    return {"location": "eastus", "id": f"{PATH}/vmss-{n}", "name": f"vmss-{n}", "zones": [str(n)]}


def _pages(server: ExampleServer, *, fail_second: bool = False) -> None:
    """Three pages: the example's own, then two more. The first next link is absolute and carries
    the service's own api-version; the second is relative to the page it came from."""
    first = dict(EXAMPLE["responses"]["200"]["body"])
    first["nextLink"] = f"{server.url}{PATH}?api-version=2019-03-01&$skiptoken=2"
    second = {"value": [_vmss(3), _vmss(4)], "nextLink": f"{PATH}?$skiptoken=3"}
    third = {"value": [_vmss(5)]}
    # The most specific first: the example server answers with the first exchange that matches.
    if fail_second:
        error = {"error": {"code": "Throttled", "message": "Try again later."}}
        server.add(Exchange("GET", PATH, query={"$skiptoken": "2"}, status=400, body=error))
    else:
        server.add(
            Exchange(
                "GET",
                PATH,
                query={"api-version": VERSION, "$skiptoken": "2"},
                body=second,
                require_bearer=TOKEN,
                repeat=True,
            )
        )
        server.add(
            Exchange(
                "GET",
                PATH,
                query={"api-version": VERSION, "$skiptoken": "3"},
                body=third,
                require_bearer=TOKEN,
                repeat=True,
            )
        )
    server.add(
        Exchange(
            "GET",
            PATH,
            query={"api-version": VERSION},
            body=first,
            require_bearer=TOKEN,
            repeat=True,
        )
    )


def _client(server: ExampleServer, credential: FakeCredential) -> Any:
    from compute_rolling_upgrades import ComputeManagementClient

    return ComputeManagementClient(credential, PARAMS["subscriptionId"], endpoint=server.url)


def test_items_of_every_page(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.models import VirtualMachineScaleSet

    with ExampleServer() as server:
        _pages(server)
        with _client(server, credential) as client:
            pager = client.virtual_machine_scale_sets.list(PARAMS["resourceGroupName"])
            assert server.requests == []  # nothing is sent before the first item is asked for
            items = list(islice(pager, 50))  # bounded: a pager that loops must not hang the test
    assert all(isinstance(item, VirtualMachineScaleSet) for item in items)
    example_items = EXAMPLE["responses"]["200"]["body"]["value"]
    assert [i.to_dict() for i in items[:2]] == example_items
    assert [i.name for i in items[2:]] == ["vmss-3", "vmss-4", "vmss-5"]
    assert items[2].zones == ["3"]
    assert server.unmatched == []
    assert len(server.requests) == 3
    # The client's api-version replaces the service's on the next link; other values are kept.
    assert [r.query.get("api-version") for r in server.requests] == [[VERSION]] * 3
    assert all(r.headers["Authorization"] == f"Bearer {TOKEN}" for r in server.requests)
    assert credential.calls == [("https://management.azure.com/.default",)]


def test_pages_and_continuation_token(credential: FakeCredential) -> None:
    with ExampleServer() as server:
        _pages(server)
        with _client(server, credential) as client:
            pages = client.virtual_machine_scale_sets.list(PARAMS["resourceGroupName"]).by_page()
            first = list(next(pages))
            token = pages.continuation_token
            resumed = client.virtual_machine_scale_sets.list(PARAMS["resourceGroupName"]).by_page(
                continuation_token=token
            )
            rest = [[vmss.name for vmss in page] for page in islice(resumed, 10)]
    assert len(first) == 2
    assert token is not None and "$skiptoken=2" in token
    assert rest == [["vmss-3", "vmss-4"], ["vmss-5"]]
    assert len(server.requests) == 3  # resuming does not read the first page again


def test_error_on_a_later_page_comes_after_the_earlier_items(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.exceptions import HttpResponseError

    with ExampleServer() as server:
        _pages(server, fail_second=True)
        with _client(server, credential) as client:
            pager = client.virtual_machine_scale_sets.list(PARAMS["resourceGroupName"])
            received = [next(pager), next(pager)]
            with pytest.raises(HttpResponseError) as caught:
                next(pager)
    assert len(received) == 2
    assert caught.value.status_code == 400
    assert caught.value.model.error.code == "Throttled"


def test_async_pager(credential: FakeCredential) -> None:
    from compute_rolling_upgrades.aio import ComputeManagementClient as AsyncClient

    async def listing(url: str) -> tuple[list[str | None], list[int]]:
        async with AsyncClient(credential, PARAMS["subscriptionId"], endpoint=url) as client:
            names = [
                vmss.name
                async for vmss in client.virtual_machine_scale_sets.list(
                    PARAMS["resourceGroupName"]
                )
            ]
            sizes = []
            async for page in client.virtual_machine_scale_sets.list(
                PARAMS["resourceGroupName"]
            ).by_page():
                sizes.append(len([vmss async for vmss in page]))
        return names, sizes

    with ExampleServer() as server:
        _pages(server)
        names, sizes = asyncio.run(listing(server.url))
    assert names == [None, None, "vmss-3", "vmss-4", "vmss-5"]
    assert sizes == [2, 2, 1]
