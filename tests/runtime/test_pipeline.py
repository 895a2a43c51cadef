from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import httpx
import pytest

from generator.runtime.auth import ApiKeyAuth, BearerTokenAuth
from generator.runtime.dates import serialize_rfc1123
from generator.runtime.errors import (
    ServiceRequestError,
    ServiceResponseError,
    ValidationError,
    raise_for_response,
)
from generator.runtime.pipeline import Pipeline, RetryPolicy

from .scripted_server import Received, Reply, ScriptedServer

TOKEN = "eyJhbGciOi.the-bearer-token-text"


class AccessToken(NamedTuple):
    token: str
    expires_on: int


class StaticCredential:
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        return AccessToken(TOKEN, 4_000_000_000)


def make_pipeline(base_url: str, **options: Any) -> tuple[Pipeline, list[float]]:
    options.setdefault("logger_name", "tests.runtime.pipeline")
    options.setdefault("user_agent", "sdkforge-tests/1.0")
    pipeline = Pipeline(base_url=base_url, **options)
    sleeps: list[float] = []
    pipeline._sleep = sleeps.append
    return pipeline, sleeps


@pytest.fixture
def pipeline(server: ScriptedServer) -> Iterator[tuple[Pipeline, list[float]]]:
    made = make_pipeline(server.url)
    yield made
    made[0].close()


# --- retries ----------------------------------------------------------------------------------


def test_retries_503_honouring_retry_after(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    client, sleeps = pipeline
    server.reply(
        Reply(503, headers={"Retry-After": "2"}),
        Reply(503, headers={"retry-after-ms": "1500", "Retry-After": "9"}),
        Reply(429, headers={"x-ms-retry-after-ms": "250"}),
        Reply(200, b'{"ok": true}'),
    )
    response = client.send("GET", "/things")
    assert response.status_code == 200
    assert response.json() == {"ok": True}
    assert sleeps == [2.0, 1.5, 0.25]
    assert len(server.received) == 4
    request_ids = {received.headers["x-ms-client-request-id"] for received in server.received}
    assert len(request_ids) == 1, "one call keeps one client request id across attempts"
    uuid.UUID(request_ids.pop())


def test_retry_after_as_http_date(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    client, sleeps = pipeline
    later = serialize_rfc1123(datetime.now(UTC) + timedelta(seconds=30))
    assert later is not None
    server.reply(Reply(503, headers={"Retry-After": later}), Reply(200))
    assert client.send("GET", "/").status_code == 200
    assert len(sleeps) == 1 and 27 <= sleeps[0] <= 30


def test_exponential_backoff_then_the_last_response_is_returned(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(server.url, retry=RetryPolicy(total=4, backoff_max=5.0))
    server.reply(*[Reply(500, b"busy")] * 5)
    response = client.send("GET", "/")
    assert response.status_code == 500
    assert response.text == "busy"
    assert len(server.received) == 5
    assert len(sleeps) == 4
    for number, delay in enumerate(sleeps[:3], start=1):
        base = 0.8 * 2 ** (number - 1)
        assert 0.8 * base <= delay <= 1.2 * base
    assert sleeps[3] == 5.0, "6.4 s +-20% is capped by backoff_max"


def test_statuses_outside_the_policy_are_not_retried(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    client, sleeps = pipeline
    server.reply(Reply(404, b'{"error": {"code": "NotFound"}}'))
    response = client.send("GET", "/missing")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "NotFound"}}, "body read before returning"
    assert sleeps == []
    assert len(server.received) == 1


def test_dropped_connection_then_success(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    client, sleeps = pipeline
    server.reply(Reply(drop=True), Reply(200, b"fine"))
    response = client.send("PUT", "/things/1", json={"a": 1})
    assert response.text == "fine"
    assert len(server.received) == 2
    assert [received.body for received in server.received] == [b'{"a": 1}'] * 2
    assert len(sleeps) == 1


def test_connection_dropped_on_every_attempt(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(server.url, auth=BearerTokenAuth(StaticCredential(), ["s"]))
    server.reply(*[Reply(drop=True)] * 4)
    with pytest.raises(ServiceResponseError) as info:
        client.send("GET", "/things")
    assert len(server.received) == 4
    assert len(sleeps) == 3
    message = str(info.value)
    assert "GET http://127.0.0.1" in message and "4 attempts" in message
    assert TOKEN not in message and TOKEN not in repr(info.value)
    assert isinstance(info.value.__cause__, httpx.RemoteProtocolError)


def test_post_is_not_retried_by_default(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    client, sleeps = pipeline
    server.reply(Reply(500, headers={"Retry-After": "1"}))
    assert client.send("POST", "/actions/restart", json={}).status_code == 500
    assert sleeps == []
    assert len(server.received) == 1

    server.reply(Reply(drop=True), Reply(200))
    with pytest.raises(ServiceResponseError, match="1 attempt:"):
        client.send("PATCH", "/things/1", json={"a": 1})
    assert len(server.received) == 2
    assert sleeps == []


@pytest.mark.parametrize("status", [408, 429, 503])
def test_post_is_retried_after_a_status_that_says_it_was_not_processed(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]], status: int
) -> None:
    client, sleeps = pipeline
    server.reply(Reply(status, headers={"Retry-After": "2"}), Reply(200, b"done"))
    assert client.send("POST", "/actions/restart", json={"now": True}).text == "done"
    assert sleeps == [2.0]
    assert [r.body for r in server.received] == [b'{"now": true}'] * 2


def test_post_is_retried_when_allowed(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(server.url, retry=RetryPolicy(retry_non_idempotent=True))
    server.reply(Reply(503, headers={"Retry-After": "1"}), Reply(drop=True), Reply(201))
    assert client.send("POST", "/things", content=b"payload").status_code == 201
    assert [received.body for received in server.received] == [b"payload"] * 3
    assert len(sleeps) == 2


def test_a_streamed_body_is_not_sent_twice(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(server.url, retry=RetryPolicy(retry_non_idempotent=True))
    server.reply(Reply(503), Reply(200))
    chunks = (part for part in [b"one-", b"two"])
    assert client.send("PUT", "/blob", content=chunks).status_code == 503
    assert server.received[0].body == b"one-two"
    assert sleeps == []


def test_connection_refused_is_retried_even_for_post(closed_port: int) -> None:
    client, sleeps = make_pipeline(f"http://127.0.0.1:{closed_port}")
    with pytest.raises(ServiceRequestError) as info:
        client.send("POST", "/things", json={"a": 1})
    assert len(sleeps) == 3
    assert "ConnectError" in str(info.value)


def test_read_timeout_is_a_response_error(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url, retry=RetryPolicy(total=0), timeout=0.2)
    server.reply(Reply(200, delay=1.0))
    with pytest.raises(ServiceResponseError, match="ReadTimeout"):
        client.send("GET", "/slow")


def test_no_retries_policy(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(server.url, retry=RetryPolicy(total=0))
    server.reply(Reply(503), Reply(200))
    assert client.send("GET", "/").status_code == 503
    assert sleeps == []


# --- cookies ----------------------------------------------------------------------------------


def test_cookies_are_kept_across_retries_within_one_call(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    client, _ = pipeline
    server.reply(
        Reply(503, headers={"Set-Cookie": "affinity=node-7; Path=/"}),
        Reply(503, headers={"Set-Cookie": "throttle=1; Path=/"}),
        Reply(200),
    )
    client.send("GET", "/things")
    assert "cookie" not in server.received[0].headers
    assert server.received[1].headers["cookie"] == "affinity=node-7"
    assert sorted(server.received[2].headers["cookie"].split("; ")) == [
        "affinity=node-7",
        "throttle=1",
    ]
    client.send("GET", "/things")
    assert "cookie" not in server.received[3].headers, "cookies do not outlive the call"


# --- what each request carries ----------------------------------------------------------------


def test_headers_auth_and_url(server: ScriptedServer) -> None:
    client, _ = make_pipeline(
        server.url + "/base/",
        auth=BearerTokenAuth(StaticCredential(), ["scope"]),
        headers={"x-default": "d", "x-overridden": "pipeline"},
    )
    client.send(
        "GET",
        "things/a%20b?api-version=2024-01-01",
        params=[("$filter", "name eq 'x'"), ("tag", "a"), ("tag", "b")],
        headers={"x-overridden": "call", "x-ms-client-request-id": "my-id"},
    )
    received = server.received[0]
    assert received.path == (
        "/base/things/a%20b?api-version=2024-01-01&%24filter=name%20eq%20%27x%27&tag=a&tag=b"
    )
    assert received.headers["authorization"] == f"Bearer {TOKEN}"
    assert received.headers["user-agent"] == "sdkforge-tests/1.0"
    assert received.headers["x-ms-client-request-id"] == "my-id"
    assert received.headers["x-default"] == "d"
    assert received.headers["x-overridden"] == "call"


def test_a_header_given_as_none_is_left_out(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(
        server.url, headers={"x-default": "d"}, retry=RetryPolicy(retry_non_idempotent=True)
    )
    server.reply(Reply(503, headers={"Retry-After": "0"}), Reply(200))
    client.send(
        "PUT",
        "/things/1",
        json={"a": 1},
        headers={
            "X-MS-Client-Request-Id": None,
            "user-agent": None,
            "Content-Type": None,
            "x-default": None,
            "Accept-Encoding": None,
            "Content-Length": None,
            "x-kept": "k",
        },
    )
    assert len(server.received) == 2, "retried without the headers too"
    for received in server.received:
        for name in ("x-ms-client-request-id", "user-agent", "content-type", "x-default"):
            assert name not in received.headers
        assert "accept-encoding" not in received.headers, "the HTTP client's default is removed"
        assert received.headers["content-length"] == "8", "headers that frame the body stay"
        assert received.headers["x-kept"] == "k"
        assert received.body == b'{"a": 1}'


def test_absolute_url_is_used_as_is(server: ScriptedServer) -> None:
    client, _ = make_pipeline("https://elsewhere.invalid")
    assert client.send("GET", server.url + "/abs").status_code == 200
    assert server.received[0].path == "/abs"


def test_api_key_in_query_and_header(server: ScriptedServer) -> None:
    client, _ = make_pipeline(
        server.url, auth=ApiKeyAuth("query-key-value", name="code", location="query")
    )
    client.send("GET", "/f?x=1")
    assert server.received[0].path == "/f?x=1&code=query-key-value"
    client, _ = make_pipeline(
        server.url, auth=ApiKeyAuth("header-key-value", name="Ocp-Key", location="header")
    )
    client.send("GET", "/f")
    assert server.received[1].headers["ocp-key"] == "header-key-value"


def test_json_and_content_bodies(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url)
    client.send("PUT", "/j", json={"name": "é", "n": [1, 2.5, None]})
    received = server.received[0]
    assert received.headers["content-type"] == "application/json"
    assert json.loads(received.body) == {"name": "é", "n": [1, 2.5, None]}
    client.send("PUT", "/t", content="text", headers={"Content-Type": "text/plain"})
    assert server.received[1].body == b"text"
    assert server.received[1].headers["content-type"] == "text/plain"
    with pytest.raises(ValidationError):
        client.send("PUT", "/j", json={"x": float("nan")})
    with pytest.raises(ValidationError):
        client.send("PUT", "/j", json={}, content=b"{}")


def test_streamed_response_is_left_unread(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url)
    server.reply(Reply(200, b"x" * 100_000))
    response = client.send("GET", "/big", stream=True)
    with pytest.raises(httpx.ResponseNotRead):
        _ = response.content
    assert sum(len(chunk) for chunk in response.iter_bytes()) == 100_000
    response.close()


# --- redirects --------------------------------------------------------------------------------


def test_redirect_within_the_service_keeps_credentials(server: ScriptedServer) -> None:
    client, sleeps = make_pipeline(server.url, auth=BearerTokenAuth(StaticCredential(), ["s"]))
    server.reply(Reply(302, headers={"Location": "/moved?page=2"}), Reply(200, b"here"))
    assert client.send("GET", "/start").text == "here"
    assert [received.path for received in server.received] == ["/start", "/moved?page=2"]
    assert server.received[1].headers["authorization"] == f"Bearer {TOKEN}"
    assert sleeps == []


def test_redirect_to_another_host_drops_credentials(server: ScriptedServer) -> None:
    other = ScriptedServer().start()
    try:
        client, _ = make_pipeline(
            server.url,
            auth=ApiKeyAuth("key-value-1234", name="x-api-key", location="header"),
            redact=["x-tenant-secret"],
        )
        server.reply(Reply(307, headers={"Location": other.url + "/there"}))
        response = client.send(
            "PUT", "/here", content=b"body", headers={"x-tenant-secret": "s3cr3t-value"}
        )
        assert response.status_code == 200
        arrived = other.received[0]
        assert (arrived.method, arrived.path, arrived.body) == ("PUT", "/there", b"body")
        assert "x-api-key" not in arrived.headers
        assert "x-tenant-secret" not in arrived.headers
        assert server.received[0].headers["x-api-key"] == "key-value-1234"
    finally:
        other.stop()


def test_see_other_turns_a_post_into_a_get(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url)
    server.reply(Reply(303, headers={"Location": "/result"}), Reply(200))
    client.send("POST", "/jobs", json={"run": True})
    second = server.received[1]
    assert (second.method, second.path, second.body) == ("GET", "/result", b"")
    assert "content-type" not in second.headers


def test_found_is_not_followed_for_post(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url)
    server.reply(Reply(302, headers={"Location": "/elsewhere"}))
    assert client.send("POST", "/jobs", json={}).status_code == 302
    assert len(server.received) == 1


def test_redirect_loops_end(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url, max_redirects=3)
    server.default = Reply(302, headers={"Location": "/again"})
    assert client.send("GET", "/loop").status_code == 302
    assert len(server.received) == 4


# --- logging ----------------------------------------------------------------------------------


def test_logging_redacts_secrets(server: ScriptedServer, caplog: pytest.LogCaptureFixture) -> None:
    logger_name = "tests.runtime.pipeline.logging"
    caplog.set_level(logging.DEBUG, logger=logger_name)
    client, _ = make_pipeline(
        server.url,
        logger_name=logger_name,
        auth=BearerTokenAuth(StaticCredential(), ["s"]),
        redact=["X-Custom-Secret"],
    )

    def echo(received: Received) -> Reply:
        return Reply(401, json.dumps(received.headers).encode(), {"Set-Cookie": "sid=cookie-v1"})

    server.reply(echo)
    response = client.send(
        "GET",
        "/things?sig=sas-signature-value&api-version=1",
        params=[("x-custom-secret", "query-secret-value")],
        headers={"X-Custom-Secret": "header-secret-value", "x-ms-secret-key": "ms-secret-value"},
    )
    assert server.received[0].headers["authorization"] == f"Bearer {TOKEN}", "sent, not just hidden"
    with pytest.raises(Exception) as info:
        raise_for_response(response, None)

    records = [record for record in caplog.records if record.name == logger_name]
    text = "\n".join(record.getMessage() for record in records)
    assert "Request GET http://127.0.0.1" in text
    assert "Response 401 Unauthorized" in text
    assert "api-version=1" in text
    assert "REDACTED" in text
    secrets = [
        TOKEN,
        "sas-signature-value",
        "query-secret-value",
        "header-secret-value",
        "ms-secret-value",
        "cookie-v1",
    ]
    for secret in secrets:
        assert secret not in text
        assert secret not in str(info.value)
    assert "header-secret-value" in response.text, "the server did echo the secrets"


def test_nothing_is_logged_above_debug(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    logger_name = "tests.runtime.pipeline.quiet"
    caplog.set_level(logging.INFO, logger=logger_name)
    client, _ = make_pipeline(server.url, logger_name=logger_name)
    client.send("GET", "/")
    assert [record for record in caplog.records if record.name == logger_name] == []


# --- lifecycle --------------------------------------------------------------------------------


def test_close_only_closes_a_client_the_pipeline_created(server: ScriptedServer) -> None:
    own = Pipeline(base_url=server.url, logger_name="t", user_agent="u")
    with own:
        own.send("GET", "/")
    assert own._client.is_closed

    given = httpx.Client()
    seen: list[str] = []
    given.event_hooks["request"].append(lambda request: seen.append(str(request.url)))
    with Pipeline(base_url=server.url, logger_name="t", user_agent="u", transport=given) as shared:
        shared.send("GET", "/via-given")
    assert seen == [server.url + "/via-given"]
    assert not given.is_closed
    given.close()


def test_async_iterables_are_refused(server: ScriptedServer) -> None:
    async def chunks() -> Any:
        yield b"x"

    client, _ = make_pipeline(server.url)
    with pytest.raises(TypeError, match="AsyncPipeline"):
        client.send("PUT", "/", content=chunks())


def test_json_bodies_use_the_default_separators(
    server: ScriptedServer, pipeline: tuple[Pipeline, list[float]]
) -> None:
    """As json.dumps writes by default (and the Azure SDK sends): ", " and ": ", UTF-8."""
    client, _ = pipeline
    client.send("PATCH", "/things/1", json={"foo": "bar"})
    client.send("PUT", "/things/2", json={"a": [1, {"b": "é"}], "c": None})
    first, second = server.received
    assert first.body == b'{"foo": "bar"}'
    assert first.headers["content-length"] == "14"
    assert second.body == '{"a": [1, {"b": "é"}], "c": null}'.encode()
    assert second.headers["content-type"] == "application/json"
