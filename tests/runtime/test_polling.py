"""runtime/polling.py and aio_polling.py: how an operation is followed, when it ends, what it
returns or raises, continuation tokens, and the pollers around that logic."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from generator.runtime.aio_polling import AsyncLROPoller
from generator.runtime.errors import DecodeError, HttpResponseError, ResourceNotFoundError
from generator.runtime.lro import with_api_version
from generator.runtime.polling import (
    CookieCarrier,
    LroOptions,
    LROPoller,
    LroState,
    request_id_headers,
    request_url,
)
from generator.runtime.redaction import REDACT_EXTENSION

BASE = "https://svc.test"


def _error_model(body: Any) -> Any:
    return body  # any decoded value will do: the tests look at what reached the error


def options(method: str = "PUT", via: str | None = None, **extra: Any) -> LroOptions:
    return LroOptions("Widgets_Create", method, via, 0.0, default_error=_error_model, **extra)


def response(
    status: int,
    body: Any = None,
    headers: dict[str, str] | None = None,
    *,
    url: str = f"{BASE}/widgets/1?api-version=1",
    method: str = "GET",
    raw: bytes | None = None,
) -> httpx.Response:
    content = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
    return httpx.Response(
        status, headers=headers or {}, content=content, request=httpx.Request(method, url)
    )


def initial(
    status: int, body: Any = None, headers: dict[str, str] | None = None, method: str = "PUT"
) -> httpx.Response:
    return response(status, body, headers, method=method)


# --- the first response --------------------------------------------------------------------


def test_status_monitor_header_wins_over_location() -> None:
    state = LroState.begin(
        initial(
            202, None, {"Azure-AsyncOperation": "/ops/1", "Location": f"{BASE}/res"}, method="POST"
        ),
        options("POST"),
    )
    assert (state.strategy, state.poll_url, state.location_url) == (
        "operation",
        f"{BASE}/ops/1",
        f"{BASE}/res",
    )
    assert not state.done and state.status == "InProgress"


def test_operation_location_is_a_status_monitor_too() -> None:
    state = LroState.begin(
        initial(202, None, {"Operation-Location": f"{BASE}/ops/2"}, "POST"), options("POST")
    )
    assert (state.strategy, state.poll_url) == ("operation", f"{BASE}/ops/2")


def test_location_alone_is_polled() -> None:
    state = LroState.begin(
        initial(202, None, {"Location": "../res/9"}, "DELETE"), options("DELETE")
    )
    assert (state.strategy, state.poll_url) == ("location", f"{BASE}/res/9")


def test_put_without_headers_reads_the_resource_until_its_state_ends() -> None:
    state = LroState.begin(
        initial(201, {"properties": {"provisioningState": "Creating"}}), options()
    )
    assert (state.strategy, state.poll_url, state.status) == (
        "resource",
        f"{BASE}/widgets/1?api-version=1",
        "Creating",
    )


@pytest.mark.parametrize(
    ("status", "body", "headers"),
    [
        (200, {"properties": {"provisioningState": "Succeeded"}}, {}),
        (201, {"properties": {"provisioningState": "Succeeded"}}, {}),
        (200, {"id": "1"}, {}),
        (204, None, {}),
        # A finished resource: the status monitor header is not followed.
        (
            200,
            {"properties": {"provisioningState": "Succeeded"}},
            {"Azure-AsyncOperation": "http://localhost/never"},
        ),
    ],
    ids=["200-succeeded", "201-succeeded", "200-no-state", "204", "200-with-monitor"],
)
def test_put_finished_at_once(status: int, body: Any, headers: dict[str, str]) -> None:
    state = LroState.begin(initial(status, body, headers), options())
    assert state.done and state.status == "Succeeded"
    assert state.last is not None and state.last.status_code == status


def test_put_failed_at_once_raises() -> None:
    with pytest.raises(HttpResponseError, match="status 'Failed'"):
        LroState.begin(initial(200, {"properties": {"provisioningState": "Failed"}}), options())


def test_post_accepted_without_a_url_raises() -> None:
    with pytest.raises(HttpResponseError, match="no URL") as caught:
        LroState.begin(initial(202, None, {}, "POST"), options("POST"))
    assert caught.value.status_code == 202


def test_post_or_delete_answered_at_once_is_done() -> None:
    for status in (200, 204):
        state = LroState.begin(initial(status, None, {}, "DELETE"), options("DELETE"))
        assert state.done and state.status == "Succeeded"


def test_invalid_json_in_the_first_response_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        LroState.begin(response(200, raw=b'{"id": ', method="PUT"), options())


# --- status responses ------------------------------------------------------------------------


def _monitor(method: str = "PUT", via: str | None = None, location: bool = True) -> LroState:
    headers = {"Azure-AsyncOperation": f"{BASE}/ops/1"}
    if location:
        headers["Location"] = f"{BASE}/results/1"
    return LroState.begin(initial(202, None, headers, method), options(method, via))


@pytest.mark.parametrize(
    ("method", "via", "location", "final"),
    [
        ("PUT", None, True, f"{BASE}/widgets/1?api-version=1"),
        ("PATCH", None, True, f"{BASE}/widgets/1?api-version=1"),
        ("POST", None, True, f"{BASE}/results/1"),
        ("POST", None, False, None),
        ("DELETE", None, True, None),
        ("POST", "location", True, f"{BASE}/results/1"),
        ("PUT", "location", True, f"{BASE}/results/1"),
        ("POST", "azure-async-operation", True, None),
        ("POST", "original-uri", True, f"{BASE}/widgets/1?api-version=1"),
        ("PUT", "operation-location", True, None),
    ],
)
def test_final_get_after_success(
    method: str, via: str | None, location: bool, final: str | None
) -> None:
    state = _monitor(method, via, location)
    state.receive(response(200, {"status": "Succeeded"}, url=f"{BASE}/ops/1"))
    assert state.status == "Succeeded"
    assert state.final_url == final
    assert state.done is (final is None)
    if final is not None:
        assert state.next_url() == final and state.delay() == 0.0
        state.receive(response(200, {"id": "result"}, url=final))
        assert state.done and state.last is not None and state.last.json() == {"id": "result"}


def test_resource_location_of_the_status_monitor() -> None:
    state = _monitor("POST", "azure-async-operation")
    state.receive(
        response(200, {"status": "succeeded", "resourceLocation": "/things/7"}, url=f"{BASE}/ops/1")
    )
    assert state.final_url == f"{BASE}/things/7"


def test_running_status_and_a_new_monitor_url() -> None:
    state = _monitor()
    state.receive(
        response(
            202, {"status": "Running"}, {"Azure-AsyncOperation": "/ops/1b"}, url=f"{BASE}/ops/1"
        )
    )
    assert (state.status, state.poll_url, state.done) == ("Running", f"{BASE}/ops/1b", False)


@pytest.mark.parametrize(
    ("word", "status"), [("Failed", "Failed"), ("canceled", "Canceled"), ("Cancelled", "Canceled")]
)
def test_failed_or_canceled_raises_with_the_error(word: str, status: str) -> None:
    state = _monitor()
    body = {"status": word, "error": {"code": "Boom", "message": "It broke."}}
    with pytest.raises(HttpResponseError) as caught:
        state.receive(response(200, body, url=f"{BASE}/ops/1"))
    assert state.status == status and state.done
    assert f"status '{status}'" in str(caught.value)
    # A model without code or message of its own is read from the monitor's error object.
    assert caught.value.model == body["error"]
    assert "Code: Boom" in str(caught.value)


def test_failure_without_an_error_model_quotes_the_error() -> None:
    state = LroState.begin(
        initial(202, None, {"Azure-AsyncOperation": f"{BASE}/ops/1"}), LroOptions("Op", "PUT")
    )
    with pytest.raises(HttpResponseError) as caught:
        state.receive(response(200, {"status": "Failed", "error": {"code": "X", "message": "Y"}}))
    assert caught.value.model is None
    assert "Code: X" in str(caught.value) and "Message: Y" in str(caught.value)


@pytest.mark.parametrize(
    ("raw", "error"),
    [
        (b"{}", HttpResponseError),
        (b"", HttpResponseError),
        (b'{"status": ', DecodeError),
        (b'["Succeeded"]', HttpResponseError),
    ],
    ids=["no-status", "empty", "invalid-json", "not-an-object"],
)
def test_unusable_status_monitor_answers_raise(raw: bytes, error: type[Exception]) -> None:
    state = _monitor()
    with pytest.raises(error):
        state.receive(response(200, raw=raw, url=f"{BASE}/ops/1"))


def test_error_status_while_polling_raises_the_mapped_error() -> None:
    state = _monitor()
    with pytest.raises(ResourceNotFoundError) as caught:
        state.receive(response(404, {"error": {"code": "Gone"}}, url=f"{BASE}/ops/1"))
    assert caught.value.model == {"error": {"code": "Gone"}}


def test_location_polling_ends_with_the_first_answer_that_is_not_202() -> None:
    state = LroState.begin(
        initial(202, None, {"Location": f"{BASE}/res/1"}, "DELETE"), options("DELETE")
    )
    state.receive(response(202, None, {"Location": "/res/2"}, url=f"{BASE}/res/1"))
    assert (state.poll_url, state.done) == (f"{BASE}/res/2", False)
    state.receive(
        response(200, {"properties": {"provisioningState": "Failed"}}, url=f"{BASE}/res/2")
    )
    assert state.done and state.status == "Succeeded"


def test_resource_polling() -> None:
    state = LroState.begin(
        initial(201, {"properties": {"provisioningState": "Creating"}}), options()
    )
    state.receive(response(202))
    assert state.status == "InProgress" and not state.done
    state.receive(response(200, {"properties": {"provisioningState": "Updating"}}))
    assert state.status == "Updating" and not state.done
    state.receive(response(200, {"properties": {"provisioningState": "Succeeded"}}))
    assert state.done
    with pytest.raises(HttpResponseError, match="without a body"):
        fresh = LroState.begin(initial(201, None), options())
        fresh.receive(response(200))


def test_delay_is_retry_after_else_the_interval() -> None:
    state = LroState.begin(
        initial(202, None, {"Location": "/r", "Retry-After": "7"}, "POST"),
        LroOptions("Op", "POST", None, 30.0),
    )
    assert state.delay() == 7.0
    state.receive(response(202, None, {"retry-after-ms": "250"}, url=f"{BASE}/r"))
    assert state.delay() == 0.25
    state.receive(response(202, None, {"Retry-After": "/bar"}, url=f"{BASE}/r"))
    assert state.delay() == 30.0


# --- continuation tokens ----------------------------------------------------------------------


def test_token_round_trip_of_a_running_operation() -> None:
    state = _monitor("POST")
    state.receive(response(202, {"status": "Running"}, url=f"{BASE}/ops/1"))
    again = LroState.from_token(state.token(), options("POST"))
    assert (again.strategy, again.poll_url, again.location_url, again.status) == (
        "operation",
        f"{BASE}/ops/1",
        f"{BASE}/results/1",
        "Running",
    )
    assert again.initial_url == state.initial_url and not again.done


def test_token_of_a_finished_operation_carries_its_result() -> None:
    state = LroState.begin(
        initial(200, {"id": "w1", "properties": {"provisioningState": "Succeeded"}}), options()
    )
    again = LroState.from_token(state.token(), options())
    assert again.done and again.last is not None
    assert again.last.json() == {"id": "w1", "properties": {"provisioningState": "Succeeded"}}


@pytest.mark.parametrize(
    "token",
    ["", "not base64!", "bm90IGpzb24=", "W10=", "eyJ2IjogOX0="],
    ids=["empty", "not-base64", "not-json", "array", "other-version"],
)
def test_foreign_tokens_are_refused(token: str) -> None:
    with pytest.raises(ValueError, match="not a continuation token"):
        LroState.from_token(token, options())


def test_token_of_another_operation_is_refused() -> None:
    token = _monitor().token()
    with pytest.raises(ValueError, match="Widgets_Create"):
        LroState.from_token(token, LroOptions("Widgets_Delete", "DELETE"))


def test_token_urls_must_be_on_the_client_endpoint() -> None:
    token = _monitor("POST").token()
    assert LroState.from_token(token, options("POST"), f"{BASE}/").poll_url == f"{BASE}/ops/1"
    with pytest.raises(ValueError, match="svc.test"):
        LroState.from_token(token, options("POST"), "https://elsewhere.test")
    with pytest.raises(ValueError):
        LroState.from_token(token, options("POST"), "http://svc.test")  # not over https
    # A parameterized host cannot be compared; each operation names its own host.
    assert LroState.from_token(token, options("POST"), "https://{account}.test").status == (
        "InProgress"
    )


# --- helpers ---------------------------------------------------------------------------------


def test_request_url_leaves_out_the_pipeline_credentials() -> None:
    request = httpx.Request(
        "PUT",
        f"{BASE}/w?api-version=1&code=s3cr3t&x=2",
        extensions={REDACT_EXTENSION: frozenset({"code"})},
    )
    first = httpx.Response(201, request=request)
    assert request_url(first) == f"{BASE}/w?api-version=1&x=2"


def test_request_id_headers_keep_only_the_client_request_id() -> None:
    assert request_id_headers({"X-MS-Client-Request-Id": "abc", "If-Match": "*"}) == {
        "x-ms-client-request-id": "abc"
    }
    assert request_id_headers(None) == {}
    assert request_id_headers({"If-Match": "*"}) == {}


def test_cookies_set_during_the_operation_go_back_to_the_service() -> None:
    carrier = CookieCarrier(BASE)
    carrier.keep(response(202, headers={"Set-Cookie": "affinity=node-3; Path=/"}))
    headers = carrier.headers_for("/ops/1", {"x-ms-client-request-id": "id"})
    assert headers == {
        "Accept": "application/json",
        "x-ms-client-request-id": "id",
        "Cookie": "affinity=node-3",
    }
    assert "Cookie" not in carrier.headers_for("https://other.test/ops/1", {})


# --- the pollers -----------------------------------------------------------------------------


class FakePipeline:
    """Answers status requests from a script and records them."""

    base_url = BASE

    def __init__(self, answers: list[httpx.Response]) -> None:
        self.answers = answers
        self.sent: list[tuple[str, dict[str, str]]] = []

    def send(
        self, method: str, url: str, *, headers: dict[str, str], link: bool = False
    ) -> httpx.Response:
        assert link, "status requests go to URLs the service named"
        self.sent.append((url, headers))
        answer = self.answers.pop(0)
        answer.request = httpx.Request(method, url)
        return answer


def _sync_poller(
    pipeline: FakePipeline,
    first: httpx.Response,
    sleeps: list[float],
    gate: threading.Event | None = None,
) -> LROPoller[Any]:
    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if gate is not None:
            gate.wait(10)

    def decode(r: httpx.Response) -> Any:
        return r.json() if r.content else None

    poller_class = type("TestPoller", (LROPoller,), {"_sleep": staticmethod(sleep)})
    state = LroState.begin(
        first, LroOptions("Op", "POST", None, 5.0, headers={"x-ms-client-request-id": "rid"})
    )
    return poller_class(pipeline, state, decode)  # type: ignore[no-any-return]


def test_sync_poller_follows_the_monitor_then_reads_the_result() -> None:
    pipeline = FakePipeline(
        [
            response(200, {"status": "InProgress"}, {"Retry-After": "2", "Set-Cookie": "a=1"}),
            response(200, {"status": "Succeeded"}),
            response(200, {"answer": 42}),
        ]
    )
    sleeps: list[float] = []
    first = initial(202, None, {"Azure-AsyncOperation": "/ops/1", "Location": "/out/1"}, "POST")
    poller = _sync_poller(pipeline, first, sleeps)
    assert poller.result(timeout=5) == {"answer": 42}
    assert poller.done() and poller.status() == "Succeeded"
    # The status monitor is asked with the first request's api-version; the result as named.
    monitor = f"{BASE}/ops/1?api-version=1"
    assert [url for url, _ in pipeline.sent] == [monitor, monitor, f"{BASE}/out/1"]
    # The interval, then the service's Retry-After; nothing before the final GET.
    assert sleeps == [5.0, 2.0]
    assert all(h["x-ms-client-request-id"] == "rid" for _, h in pipeline.sent)
    assert "Cookie" not in pipeline.sent[0][1] and pipeline.sent[1][1]["Cookie"] == "a=1"


@pytest.mark.parametrize(
    ("monitor", "first", "expected"),
    [
        (f"{BASE}/ops/1", f"{BASE}/r?api-version=2", f"{BASE}/ops/1?api-version=2"),
        (f"{BASE}/ops/1?x=1", f"{BASE}/r?api-version=2", f"{BASE}/ops/1?x=1&api-version=2"),
        (f"{BASE}/ops/1?api-version=3", f"{BASE}/r?api-version=2", f"{BASE}/ops/1?api-version=3"),
        (f"{BASE}/ops/1", f"{BASE}/r", f"{BASE}/ops/1"),
    ],
)
def test_monitor_url_carries_the_api_version_of_the_first_request(
    monitor: str, first: str, expected: str
) -> None:
    assert with_api_version(monitor, first) == expected


def test_sync_poller_timeout_and_failure() -> None:
    gate = threading.Event()
    pipeline = FakePipeline([response(200, {"status": "Failed"})])
    poller = _sync_poller(pipeline, initial(202, None, {"Location": "/ops/9"}, "POST"), [], gate)
    with pytest.raises(TimeoutError):
        poller.result(timeout=0.05)
    assert not poller.done() and poller.status() == "InProgress"
    gate.set()
    # Location polling: the first answer that is not 202 ends it, whatever its body says.
    assert poller.result(timeout=5) == {"status": "Failed"}


def test_sync_poller_raises_what_ended_the_operation() -> None:
    pipeline = FakePipeline([response(200, {"status": "Canceled"})])
    poller = _sync_poller(pipeline, initial(202, None, {"Azure-AsyncOperation": "/o"}, "POST"), [])
    with pytest.raises(HttpResponseError):
        poller.wait(timeout=5)
    with pytest.raises(HttpResponseError):
        poller.result()
    assert poller.status() == "Canceled"


class FakeAsyncPipeline(FakePipeline):
    async def send(
        self,
        method: str,
        url: str,
        *,  # type: ignore[override]
        headers: dict[str, str],
        link: bool = False,
    ) -> httpx.Response:
        return FakePipeline.send(self, method, url, headers=headers, link=link)


def _async_poller(
    pipeline: FakeAsyncPipeline, first: httpx.Response, decode: Callable[[httpx.Response], Any]
) -> AsyncLROPoller[Any]:
    state = LroState.begin(first, LroOptions("Op", "PUT", None, 0.0))
    return AsyncLROPoller(pipeline, state, decode)  # type: ignore[arg-type]


def test_async_poller_polls_only_when_awaited() -> None:
    pipeline = FakeAsyncPipeline(
        [
            response(200, {"status": "InProgress"}),
            response(200, {"status": "Succeeded"}),
            response(200, {"id": "w"}),
        ]
    )
    first = initial(
        201, {"properties": {"provisioningState": "Creating"}}, {"Azure-AsyncOperation": "/ops/1"}
    )
    poller = _async_poller(pipeline, first, lambda r: r.json())
    assert pipeline.sent == [] and not poller.done()
    token = poller.continuation_token()
    assert asyncio.run(poller.result()) == {"id": "w"}
    assert poller.done() and poller.status() == "Succeeded"
    assert pipeline.sent[-1][0] == f"{BASE}/widgets/1?api-version=1"
    assert LroState.from_token(token, LroOptions("Op", "PUT")).poll_url == f"{BASE}/ops/1"


def test_async_poller_timeout_then_goes_on() -> None:
    class Slow(FakeAsyncPipeline):
        async def send(
            self,
            method: str,
            url: str,
            *,  # type: ignore[override]
            headers: dict[str, str],
            link: bool = False,
        ) -> httpx.Response:
            if len(self.sent) == 0 and not getattr(self, "waited", False):
                self.waited = True
                await asyncio.sleep(1)
            return FakePipeline.send(self, method, url, headers=headers, link=link)

    pipeline = Slow([response(200, {"status": "Succeeded"}), response(200, {"id": 1})])
    poller = _async_poller(
        pipeline, initial(202, None, {"Azure-AsyncOperation": "/o"}), lambda r: r.json()
    )

    async def run() -> Any:
        with pytest.raises(TimeoutError):
            await poller.wait(timeout=0.05)
        assert not poller.done()
        return await poller

    assert asyncio.run(run()) == {"id": 1}
