"""`Security`: several schemes on one pipeline, chosen per call; cookies and static tokens; and the
media type helpers that decide how a response is decoded."""

from __future__ import annotations

import asyncio
import time
from typing import Any, NamedTuple

import httpx
import pytest

from generator.runtime.aio_pipeline import AsyncPipeline
from generator.runtime.auth import (
    ApiKeyAuth,
    BasicAuth,
    CookieKeyAuth,
    Credentials,
    Security,
    StaticTokenAuth,
    api_key_auth,
    async_token_auth,
    basic_auth,
    token_auth,
)
from generator.runtime.content import (
    UnexpectedContentTypeError,
    cookie_header,
    response_kind,
)
from generator.runtime.pipeline import Pipeline
from generator.runtime.urls import server_url

from .scripted_server import Reply, ScriptedServer


class AccessToken(NamedTuple):
    token: str
    expires_on: int


class Credential:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
        self.calls.append(scopes)
        return AccessToken("tok", int(time.time()) + 3600)


def _security() -> Security:
    return Security(
        {
            "key": api_key_auth("k-1", name="X-Key", location="header"),
            "q": api_key_auth("q-1", name="code", location="query"),
            "jar": api_key_auth("c-1", name="sid", location="cookie"),
            "basic": basic_auth(("u", "p")),
            "absent": None,
        },
        default=[["key"]],
    )


def test_the_first_alternative_whose_schemes_were_all_given() -> None:
    security = _security()
    assert security.chosen([["absent"], ["q", "jar"], ["key"]]) == security.chosen([["q", "jar"]])
    assert len(security.chosen([["q", "jar"]])) == 2
    assert security.chosen([]) == []
    assert security.chosen([["absent"]]) == []
    # An empty alternative allows anonymous calls; a scheme the caller gave is still preferred.
    assert security.chosen([[], ["key"]]) == security.chosen([["key"]]) != []
    assert security.chosen([[], ["absent"]]) == []


def test_credentials_apply_headers_query_and_cookies() -> None:
    headers: dict[str, str] = {"Cookie": "theme=dark"}
    params: list[tuple[str, str]] = []
    _security().credentials([["key", "q", "jar", "basic"]]).apply(headers, params)
    assert headers["X-Key"] == "k-1"
    assert headers["Cookie"] == "theme=dark; sid=c-1"
    assert headers["Authorization"].startswith("Basic ")
    assert params == [("code", "q-1")]


def test_none_means_the_spec_default() -> None:
    credentials = _security().credentials(None)
    assert [k.name for k in credentials.api_keys] == ["X-Key"]
    assert credentials.authorization is None


def test_secret_names_cover_every_key() -> None:
    assert sorted(_security().secret_names) == ["X-Key", "code", "sid"]


def test_factories() -> None:
    assert api_key_auth(None, name="n", location="header") is None
    assert isinstance(api_key_auth("v", name="n", location="cookie"), CookieKeyAuth)
    assert isinstance(api_key_auth("v", name="n", location="query"), ApiKeyAuth)
    assert isinstance(token_auth("static", ()), StaticTokenAuth)
    assert token_auth(None, ("s",)) is None
    assert isinstance(basic_auth(BasicAuth("a", "b")), BasicAuth)
    assert async_token_auth(None, ()) is None
    with pytest.raises(ValueError, match="empty"):
        StaticTokenAuth("")


def test_no_secret_in_reprs() -> None:
    text = (
        repr(_security()) + repr(StaticTokenAuth("tok-123")) + repr(CookieKeyAuth("c-9", name="s"))
    )
    assert "tok-123" not in text and "c-9" not in text and "k-1" not in text


def test_a_token_credential_without_scopes() -> None:
    credential = Credential()
    auth = token_auth(credential, ())
    assert auth is not None
    assert auth.authorization() == "Bearer tok"
    assert credential.calls == [()]


def test_pipeline_sends_what_each_call_names(server: ScriptedServer) -> None:
    server.default = Reply(200)
    with Pipeline(
        base_url=server.url, auth=_security(), logger_name="t", user_agent="u", request_id=False
    ) as pipeline:
        pipeline.send("GET", "/a")
        pipeline.send("GET", "/b", security=[["q"]])
        pipeline.send("GET", "/c", security=[])
    first, second, third = server.received
    assert first.headers["x-key"] == "k-1"
    assert "x-ms-client-request-id" not in first.headers
    assert second.path == "/b?code=q-1" and "x-key" not in second.headers
    assert third.path == "/c" and "x-key" not in third.headers


def test_keys_are_not_sent_to_another_host(server: ScriptedServer) -> None:
    other = ScriptedServer().start()
    try:
        server.reply(Reply(307, headers={"Location": other.url + "/there"}))
        with Pipeline(
            base_url=server.url, auth=_security(), logger_name="t", user_agent="u"
        ) as pipeline:
            pipeline.send("GET", "/here", security=[["key", "jar"]])
        assert server.received[0].headers["cookie"] == "sid=c-1"
        arrived = other.received[0]
        assert "x-key" not in arrived.headers
        assert "cookie" not in arrived.headers
    finally:
        other.stop()


def test_async_pipeline_with_security(server: ScriptedServer) -> None:
    server.default = Reply(200)
    credential = Credential()
    security = Security({"oauth": async_token_auth(credential, ("scope-a",))}, [["oauth"]])

    async def main() -> None:
        async with AsyncPipeline(
            base_url=server.url, auth=security, logger_name="t", user_agent="u"
        ) as pipeline:
            await pipeline.send("GET", "/x")
            await pipeline.send("GET", "/y", security=[])

    asyncio.run(main())
    assert server.received[0].headers["authorization"] == "Bearer tok"
    assert "authorization" not in server.received[1].headers
    assert credential.calls == [("scope-a",)]


def test_sync_security_refuses_an_async_credential() -> None:
    class AsyncCredential:
        async def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken:
            return AccessToken("t", 0)

    security = Security({"o": async_token_auth(AsyncCredential(), ("s",))}, [["o"]])
    with pytest.raises(TypeError, match="asyncio"):
        security.credentials()


def test_credentials_keep_an_authorization_the_caller_set() -> None:
    headers = {"authorization": "Bearer mine"}
    Credentials(authorization="Bearer other").apply(headers, [])
    assert headers == {"authorization": "Bearer mine"}


def _response(content_type: str | None, body: bytes = b"x") -> httpx.Response:
    headers = {"Content-Type": content_type} if content_type else {}
    return httpx.Response(200, headers=headers, content=body)


DECLARED = ("application/xml", "application/json")


@pytest.mark.parametrize(
    ("content_type", "kind"),
    [
        ("application/json; charset=utf-8", "json"),
        ("application/xml", "xml"),
        ("application/problem+json", "json"),  # undeclared, but JSON is
        ("text/xml", "xml"),
        (None, "xml"),  # no Content-Type: the first declared type
    ],
)
def test_response_kind(content_type: str | None, kind: str) -> None:
    assert response_kind(_response(content_type), DECLARED) == kind


def test_an_undeclared_media_type_is_a_typed_error() -> None:
    with pytest.raises(UnexpectedContentTypeError, match="'text/html'") as info:
        response_kind(_response("text/html"), DECLARED)
    assert info.value.content_type == "text/html"


def test_wildcards_cover_their_range() -> None:
    assert response_kind(_response("image/png"), ("image/*",)) == "binary"
    assert response_kind(_response("text/csv"), ("*/*",)) == "text"


def test_an_empty_body_needs_no_content_type() -> None:
    assert response_kind(_response("text/html", b""), DECLARED) == "xml"


def test_cookie_header_encodes_separators() -> None:
    assert cookie_header([("a", "1"), ("b", "x; y,z%")]) == "a=1; b=x%3B%20y%2Cz%25"


def test_server_url() -> None:
    assert server_url("http://h/v2", "/files") == "http://h/files"
    assert server_url("http://h/v2/", "files") == "http://h/v2/files"
