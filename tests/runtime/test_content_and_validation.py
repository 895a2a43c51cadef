"""Runtime helpers for payloads by media type, typed headers, streams and argument checks."""

from __future__ import annotations

import asyncio
import io
from decimal import Decimal
from typing import Any

import httpx
import pytest

from generator.runtime.content import (
    AsyncResponseStream,
    ResponseStream,
    encode_body,
    header_value,
    is_json_media,
    merge_headers,
    raw_content,
    response_text,
)
from generator.runtime.errors import DeserializationError, ValidationError
from generator.runtime.primitives import deserialize_bool, deserialize_int
from generator.runtime.validation import check


def _identity(value: Any) -> Any:
    return value


# --- check -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rules", "message"),
    [
        (None, {"required": True}, "name must not be None"),
        ("ab", {"min_length": 3}, "at least 3 characters, not 2"),
        ("abcdefghijk", {"max_length": 10}, "at most 10 characters, not 11"),
        ("a-b", {"pattern": r"^[a-z]+$"}, "must match the pattern '^[a-z]+$'"),
        (99, {"minimum": 100}, "must be at least 100, not 99"),
        (1001, {"maximum": 1000}, "must be at most 1000, not 1001"),
        (0, {"minimum": 0, "exclusive_minimum": True}, "greater than 0"),
        (100, {"maximum": 100, "exclusive_maximum": True}, "less than 100"),
        (105, {"multiple_of": 10}, "multiple of 10"),
        ([1, 2, 3], {"max_items": 2}, "at most 2 items, not 3"),
        ([], {"min_items": 1}, "at least 1 item, not 0"),
        (["a", "a"], {"unique_items": True}, "must not contain the same item twice"),
    ],
)
def test_check_names_the_argument_and_the_rule(value: Any, rules: Any, message: str) -> None:
    with pytest.raises(ValidationError, match="^name must") as info:
        check("name", value, **rules)
    assert message in str(info.value)


@pytest.mark.parametrize(
    ("value", "rules"),
    [
        (None, {"min_length": 3}),
        ("abc", {"min_length": 3, "max_length": 3, "pattern": "b"}),
        (100, {"minimum": 100, "maximum": 1000, "multiple_of": 10}),
        (0.3, {"multiple_of": 0.1}),
        (Decimal("2.5"), {"maximum": 2.5}),
        ([{"a": 1}, {"a": 2}], {"unique_items": True, "max_items": 2}),
        (True, {"minimum": 5}),  # a bool is not a number here
    ],
)
def test_check_lets_good_values_through(value: Any, rules: Any) -> None:
    check("name", value, **rules)


# --- request bodies by media type --------------------------------------------------------------


def test_json_media_types() -> None:
    assert is_json_media("application/json; charset=utf-8")
    assert is_json_media("application/merge-patch+json")
    assert is_json_media("text/json")
    assert not is_json_media("text/plain")
    assert not is_json_media("application/octet-stream")


def test_encode_body_sends_raw_values_as_they_are() -> None:
    assert encode_body("application/json", b'{"a":1}', _identity, text_is_raw=True) == (
        None,
        b'{"a":1}',
    )
    assert encode_body("text/plain", "hello", _identity, text_is_raw=True) == (None, "hello")
    assert encode_body("application/json", {"a": 1}, _identity, text_is_raw=True) == (
        {"a": 1},
        None,
    )
    assert encode_body("application/json", None, _identity, text_is_raw=True) == (None, None)


def test_encode_body_encodes_text_as_json_when_the_schema_is_a_string() -> None:
    assert encode_body("application/json", "hi", _identity, text_is_raw=False) == ("hi", None)
    assert encode_body("text/plain", "hi", _identity, text_is_raw=False) == (None, "hi")


def test_encode_body_refuses_a_model_for_a_binary_media_type() -> None:
    with pytest.raises(ValidationError, match="application/pdf request body must be bytes"):
        encode_body("application/pdf", {"source": "x"}, _identity, text_is_raw=False)


def test_raw_content_reads_binary_files_in_chunks_and_refuses_text_files() -> None:
    chunks = raw_content(io.BytesIO(b"x" * 100_000))
    assert not isinstance(chunks, bytes | str)
    assert b"".join(chunks) == b"x" * 100_000  # type: ignore[arg-type]
    assert raw_content(bytearray(b"ab")) == b"ab"
    with pytest.raises(ValidationError, match="binary mode"):
        raw_content(io.StringIO("text"))
    with pytest.raises(ValidationError, match="not dict"):
        raw_content({"a": 1})


def test_merge_headers_replaces_whatever_the_case() -> None:
    headers = {"Accept": "application/json", "Content-Type": "text/plain"}
    merge_headers(headers, {"content-type": "application/pdf", "X-Extra": "1"})
    assert headers == {
        "Accept": "application/json",
        "content-type": "application/pdf",
        "X-Extra": "1",
    }
    merge_headers(headers, None)
    assert len(headers) == 3
    merge_headers(headers, {"ACCEPT": None})
    assert headers == {"content-type": "application/pdf", "X-Extra": "1", "ACCEPT": None}


# --- responses ---------------------------------------------------------------------------------


def test_header_value_converts_and_names_the_header() -> None:
    response = httpx.Response(200, headers={"count": "7", "flag": "true", "empty": "", "bad": "x"})
    assert header_value(response, "count", deserialize_int) == 7
    assert header_value(response, "flag", deserialize_bool) is True
    assert header_value(response, "empty", deserialize_int) is None
    assert header_value(response, "empty") == ""
    assert header_value(response, "missing", deserialize_int) is None
    with pytest.raises(DeserializationError, match="Response header 'bad'"):
        header_value(response, "bad", deserialize_int)


def test_response_text_is_none_for_an_empty_body() -> None:
    assert response_text(httpx.Response(200, content=b"")) is None
    assert response_text(httpx.Response(200, text="caf\u00e9")) == "caf\u00e9"


def test_response_stream_yields_chunks_and_closes() -> None:
    response = httpx.Response(200, stream=httpx.ByteStream(b"abc" * 10))
    with ResponseStream(response) as stream:
        assert b"".join(stream) == b"abc" * 10
    assert response.is_closed
    assert ResponseStream(httpx.Response(200, stream=httpx.ByteStream(b"xyz"))).read() == b"xyz"


def test_async_response_stream() -> None:
    class Chunks(httpx.AsyncByteStream):
        async def __aiter__(self) -> Any:
            for chunk in (b"a", b"b", b"c"):
                yield chunk

    async def run() -> tuple[bytes, bytes]:
        collected = b""
        async with AsyncResponseStream(httpx.Response(200, stream=Chunks())) as stream:
            async for chunk in stream:
                collected += chunk
        whole = await AsyncResponseStream(httpx.Response(200, stream=Chunks())).read()
        return collected, whole

    assert asyncio.run(run()) == (b"abc", b"abc")


def test_append_raw_query_keeps_the_value_as_it_is() -> None:
    from generator.runtime.urls import append_raw_query

    assert (
        append_raw_query("http://h/p", "q1", "value1&q2=value2") == "http://h/p?q1=value1&q2=value2"
    )
    assert append_raw_query("http://h/p?a=1", "b c", "x", "y") == "http://h/p?a=1&b%20c=x&b%20c=y"
    assert append_raw_query("http://h/p", "q") == "http://h/p"
