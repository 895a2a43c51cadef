"""Pipeline behaviour generated clients rely on: error bodies read despite streaming, log
redaction by allow-list, API keys from key credentials."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest

from generator.runtime.auth import ApiKeyAuth

from .scripted_server import Reply, ScriptedServer
from .test_pipeline import make_pipeline


def test_a_streamed_error_response_is_read_whole(server: ScriptedServer) -> None:
    client, _ = make_pipeline(server.url)
    server.reply(Reply(400, b'{"message": "broken"}'), Reply(200, b"payload"))
    error = client.send("GET", "/a", stream=True)
    assert error.content == b'{"message": "broken"}'
    ok = client.send("GET", "/b", stream=True)
    assert not ok.is_stream_consumed
    assert b"".join(ok.iter_bytes()) == b"payload"


def test_logs_show_only_well_known_header_values(
    server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    logger_name = "tests.runtime.policies.logging"
    caplog.set_level(logging.DEBUG, logger=logger_name)
    client, _ = make_pipeline(server.url, logger_name=logger_name)
    server.reply(
        Reply(
            403,
            b"{}",
            {"x-ms-pii": "user@contoso.com", "x-ms-request-id": "req-42", "x-ms-version": "2022"},
        )
    )
    client.send("GET", "/secrets", headers={"x-custom": "private-value", "Accept": "text/plain"})
    text = "\n".join(r.getMessage() for r in caplog.records if r.name == logger_name)
    assert "private-value" not in text
    assert "user@contoso.com" not in text
    assert "'x-custom': 'REDACTED'" in text
    assert "'x-ms-pii': 'REDACTED'" in text
    assert "'x-ms-request-id': 'req-42'" in text
    assert "'accept': 'text/plain'" in text


@dataclass
class KeyCredential:
    key: str


def test_api_key_from_a_key_credential_follows_its_rotation(server: ScriptedServer) -> None:
    credential = KeyCredential("first-key-1234")
    client, _ = make_pipeline(
        server.url, auth=ApiKeyAuth(credential, name="security-key", location="header")
    )
    client.send("GET", "/one")
    credential.key = "second-key-5678"
    client.send("GET", "/two")
    assert [r.headers["security-key"] for r in server.received] == [
        "first-key-1234",
        "second-key-5678",
    ]


def test_api_key_in_the_query_and_bad_keys() -> None:
    params: list[tuple[str, str]] = []
    ApiKeyAuth(KeyCredential("k-123"), name="code", location="query").apply({}, params)
    assert params == [("code", "k-123")]
    with pytest.raises(TypeError, match=r"\.key"):
        ApiKeyAuth(object(), name="k", location="header")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="empty"):
        ApiKeyAuth("", name="k", location="header")
    empty = ApiKeyAuth(KeyCredential(""), name="k", location="header")
    with pytest.raises(ValueError, match="empty"):
        empty.apply({}, [])
    assert "k-123" not in repr(ApiKeyAuth(KeyCredential("k-123"), name="k", location="query"))
