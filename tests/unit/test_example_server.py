"""The scripted example server answers, refuses and records requests as its script says."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.support.example_server import ExampleServer, Exchange, exchanges_from_example

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "specs" / "compute" / "examples"
GET_LATEST = (
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
    "Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}/rollingUpgrades/latest"
)


def test_scripted_answer_is_sent_and_the_request_recorded() -> None:
    exchange = Exchange("PUT", "/things/a", status=201, headers={"x-ms-id": "7"}, body={"ok": 1})
    with ExampleServer([exchange]) as server, httpx.Client(base_url=server.url) as client:
        response = client.put("/things/a", json={"name": "a"}, headers={"X-Custom": "yes"})
    assert response.status_code == 201
    assert response.json() == {"ok": 1}
    assert response.headers["content-type"] == "application/json"
    assert response.headers["x-ms-id"] == "7"
    [request] = server.requests
    assert (request.method, request.path, request.status) == ("PUT", "/things/a", 201)
    assert request.headers["x-custom"] == request.headers["X-CUSTOM"] == "yes"
    assert request.json() == {"name": "a"}
    assert request.exchange is exchange
    assert server.unmatched == []
    assert server.pending == []


def test_url_is_a_free_local_port() -> None:
    with ExampleServer() as first, ExampleServer() as second:
        assert first.url.startswith("http://127.0.0.1:")
        assert first.url != second.url
    with pytest.raises(RuntimeError):
        _ = first.url


def test_unmatched_request_gets_a_cloud_error_404() -> None:
    script = [Exchange("GET", "/a", query={"api-version": "2024-07-01"}, body={"id": "a"})]
    with ExampleServer(script) as server, httpx.Client(base_url=server.url) as client:
        wrong_version = client.get("/a", params={"api-version": "2020-01-01"})
        wrong_method = client.post("/a", params={"api-version": "2024-07-01"})
        right = client.get("/a", params={"api-version": "2024-07-01", "extra": "1"})
    assert wrong_version.status_code == wrong_method.status_code == 404
    error = wrong_version.json()["error"]
    assert error["code"] == "NoScriptedResponse"
    assert "/a" in error["message"]
    assert right.json() == {"id": "a"}
    assert [r.method for r in server.unmatched] == ["GET", "POST"]
    assert server.unmatched[0].query == {"api-version": ["2020-01-01"]}
    assert [r.status for r in server.requests] == [404, 404, 200]


def test_exchange_is_used_once_unless_it_repeats() -> None:
    script = [
        Exchange("GET", "/once", body={"n": 1}),
        Exchange("GET", "/once", body={"n": 2}),
        Exchange(
            "GET", "/always", body=b"raw", headers={"Content-Type": "text/plain"}, repeat=True
        ),
    ]
    with ExampleServer(script) as server, httpx.Client(base_url=server.url) as client:
        answers = [client.get("/once") for _ in range(3)]
        repeated = [client.get("/always") for _ in range(3)]
    assert [a.status_code for a in answers] == [200, 200, 404]
    assert [a.json() for a in answers[:2]] == [{"n": 1}, {"n": 2}]
    assert all(r.content == b"raw" for r in repeated)
    assert repeated[0].headers["content-type"] == "text/plain"
    assert len(server.unmatched) == 1


def test_bearer_token_is_required_when_scripted() -> None:
    script = [Exchange("GET", "/secret", body={"ok": True}, require_bearer="tok-1")]
    with ExampleServer(script) as server, httpx.Client(base_url=server.url) as client:
        missing = client.get("/secret")
        wrong = client.get("/secret", headers={"Authorization": "Bearer other"})
        right = client.get("/secret", headers={"Authorization": "Bearer tok-1"})
        after = client.get("/secret", headers={"Authorization": "Bearer tok-1"})
    assert missing.status_code == wrong.status_code == 401
    assert missing.headers["www-authenticate"].startswith("Bearer")
    assert wrong.json()["error"]["code"] == "InvalidAuthenticationToken"
    assert right.status_code == 200
    assert right.json() == {"ok": True}
    assert after.status_code == 404
    assert [r.status for r in server.requests] == [401, 401, 200, 404]


def test_empty_bodies_and_no_content() -> None:
    script = [Exchange("DELETE", "/x", status=204), Exchange("POST", "/y", status=202)]
    with ExampleServer(script) as server, httpx.Client(base_url=server.url) as client:
        deleted = client.delete("/x")
        accepted = client.post("/y", content=iter([b"ab", b"cd"]))  # sent chunked
    assert (deleted.status_code, deleted.content) == (204, b"")
    assert (accepted.status_code, accepted.content) == (202, b"")
    assert server.requests[1].body == b"abcd"


def test_exchanges_can_be_added_while_running() -> None:
    with ExampleServer() as server, httpx.Client(base_url=server.url) as client:
        next_url = f"{server.url}/next"
        server.add(Exchange("GET", "/later", headers={"Location": next_url}))
        response = client.get("/later")
    assert response.status_code == 200
    assert response.headers["location"] == next_url


def test_concurrent_requests_each_get_one_answer() -> None:
    script = [Exchange("GET", "/n", body={"i": i}) for i in range(8)]
    results: list[int] = []
    with ExampleServer(script) as server:

        def fetch() -> None:
            with httpx.Client(base_url=server.url) as client:
                results.append(client.get("/n").json()["i"])

        threads = [threading.Thread(target=fetch) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(results) == list(range(8))


def test_stop_returns_while_a_client_keeps_its_connection_open() -> None:
    server = ExampleServer([Exchange("GET", "/a")])
    client = httpx.Client()
    try:
        server.start()
        assert client.get(f"{server.url}/a").status_code == 200
        # The keep-alive connection is still open on the client side while the server stops.
        started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 5
    finally:
        client.close()
    assert server.pending == []


def test_exchange_from_azure_example_file() -> None:
    example = EXAMPLES / "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen.json"
    [exchange] = exchanges_from_example(example, "get", GET_LATEST, bearer="tok")
    assert exchange.path == (
        "/subscriptions/%7Bsubscription-id%7D/resourceGroups/rgcompute/providers/"
        "Microsoft.Compute/virtualMachineScaleSets/aaaaaaaaaaaaaaaaaaaaaaaaa/rollingUpgrades/latest"
    )
    assert exchange.method == "GET"
    assert exchange.query == {"api-version": "2024-07-01"}
    body = json.loads(example.read_text(encoding="utf-8"))["responses"]["200"]["body"]
    with ExampleServer([exchange]) as server, httpx.Client(base_url=server.url) as client:
        url = exchange.path + "?api-version=2024-07-01"
        unauthorized = client.get(url)
        response = client.get(url, headers={"Authorization": "Bearer tok"})
    assert unauthorized.status_code == 401
    assert response.status_code == 200
    assert response.json() == body
    assert server.unmatched == []


def test_example_without_a_path_value_is_refused(tmp_path: Path) -> None:
    example = tmp_path / "ex.json"
    example.write_text(json.dumps({"parameters": {"a": "x y"}, "responses": {"200": {}}}))
    [exchange] = exchanges_from_example(example, "GET", "/p/{a}", bearer=None)
    assert (exchange.path, exchange.query, exchange.body) == ("/p/x%20y", None, None)
    with pytest.raises(ValueError, match="'b'"):
        exchanges_from_example(example, "GET", "/p/{a}/{b}", bearer=None)
    example.write_text(json.dumps({"parameters": {}, "responses": {"404": {}}}))
    with pytest.raises(ValueError, match="2xx"):
        exchanges_from_example(example, "GET", "/p", bearer=None)
