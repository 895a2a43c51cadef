"""Form bodies: urlencoded fields, multipart parts and files, and their trip through both
pipelines (encoded once: a retried request sends the same bytes, boundary included)."""

from __future__ import annotations

import io
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import pytest

from generator.runtime.aio_pipeline import AsyncPipeline
from generator.runtime.errors import ValidationError
from generator.runtime.forms import (
    FilePart,
    encode_multipart,
    encode_urlencoded,
    form_file,
)
from generator.runtime.pipeline import RetryPolicy
from generator.runtime.transfer import make_body

from .scripted_server import Reply, ScriptedServer
from .test_aio_pipeline import run_with
from .test_pipeline import make_pipeline

Part = tuple[str | None, str | None, str | None, bytes]


def _parse(content_type: str, body: bytes) -> list[Part]:
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part["Content-Type"],
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


# --- encoding ---------------------------------------------------------------------------------


def test_urlencoded_keeps_order_and_repeats() -> None:
    body = encode_urlencoded([("b", "x y"), ("a", "1&2=3"), ("b", "é")])
    assert body == b"b=x+y&a=1%262%3D3&b=%C3%A9"


def test_urlencoded_refuses_files() -> None:
    with pytest.raises(ValidationError, match="'f' must be text"):
        encode_urlencoded([("f", FilePart("f", b"x"))])  # type: ignore[list-item]


def test_multipart_layout() -> None:
    body, content_type = encode_multipart([("name", "žluť"), ("doc", FilePart("a.txt", b"A\r\nB"))])
    boundary = content_type.removeprefix("multipart/form-data; boundary=")
    assert len(boundary) == 32
    assert body == (
        f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n'.encode()
        + "žluť".encode()
        + f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="doc"; filename="a.txt"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\nA\r\nB\r\n--{boundary}--\r\n".encode()
    )


def test_multipart_names_cannot_break_the_headers() -> None:
    body, content_type = encode_multipart([('x"\r\nEvil: 1', FilePart('f"\n.txt', b"1"))])
    assert b"\r\nEvil" not in body
    assert b'name="x%22%0D%0AEvil: 1"; filename="f%22%0A.txt"' in body
    assert _parse(content_type, body) == [
        ("x%22%0D%0AEvil: 1", "f%22%0A.txt", "application/octet-stream", b"1")
    ]


def test_multipart_refuses_other_values() -> None:
    with pytest.raises(ValidationError, match="'n' must be text or a file, not int"):
        encode_multipart([("n", 3)])  # type: ignore[list-item]


def test_form_file_sources(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG" * 50_000)
    with path.open("rb") as handle:
        assert form_file(handle, "f") == FilePart("photo.png", b"\x89PNG" * 50_000)
    assert form_file(b"raw", "f") == FilePart("f", b"raw")
    assert form_file("text é", "f") == FilePart("f", "text é".encode())
    assert form_file(io.BytesIO(b"mem"), "f") == FilePart("f", b"mem")
    assert form_file(iter([b"a", bytearray(b"b")]), "f") == FilePart("f", b"ab")
    assert form_file(("n.csv", b"1,2", "text/csv"), "f") == FilePart("n.csv", b"1,2", "text/csv")
    assert form_file(("n.bin", io.BytesIO(b"z")), "f") == FilePart("n.bin", b"z")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (io.StringIO("text"), "binary mode"),
        (12, "not int"),
        ({"a": b"b"}, "not dict"),
        (("only-a-name",), "tuple"),
        ((b"not-a-name", b"x"), "tuple"),
        ([b"a", "b"], "bytes"),
    ],
)
def test_form_file_refuses(value: Any, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        form_file(value, "upload")


def test_make_body_takes_one_kind_of_body() -> None:
    with pytest.raises(ValidationError, match="one of content, json, form or multipart"):
        make_body(b"x", None, form=[("a", "b")])
    with pytest.raises(ValidationError, match="one of"):
        make_body(None, {"a": 1}, multipart=[("a", "b")])
    form = make_body(None, None, form=[("a", "b")])
    assert (form.content, form.content_type, form.replayable) == (
        b"a=b",
        "application/x-www-form-urlencoded",
        True,
    )
    empty = make_body(None, None, form=[])
    assert empty.content == b""


# --- through the pipelines --------------------------------------------------------------------


def test_retried_multipart_sends_the_same_bytes(server: ScriptedServer) -> None:
    server.reply(Reply(503, headers={"Retry-After": "0"}), Reply(200, b"ok"))
    pipeline, _ = make_pipeline(server.url, retry=RetryPolicy(retry_non_idempotent=True))
    with pipeline:
        response = pipeline.send(
            "POST",
            "/upload",
            multipart=[("title", "hi"), ("file", form_file(io.BytesIO(b"data"), "file"))],
        )
    assert response.text == "ok"
    first, second = server.received
    assert first.body == second.body
    assert first.headers["content-type"] == second.headers["content-type"]
    assert first.headers["content-length"] == str(len(first.body))
    assert _parse(first.headers["content-type"], first.body) == [
        ("title", None, None, b"hi"),
        ("file", "file", "application/octet-stream", b"data"),
    ]


def test_a_callers_content_type_wins(server: ScriptedServer) -> None:
    pipeline, _ = make_pipeline(server.url)
    with pipeline:
        pipeline.send("POST", "/f", form=[("a", "1")], headers={"Content-Type": "text/x-mine"})
        pipeline.send("POST", "/f", form=[("a", "1")])
    assert [r.headers["content-type"] for r in server.received] == [
        "text/x-mine",
        "application/x-www-form-urlencoded",
    ]
    assert [r.body for r in server.received] == [b"a=1", b"a=1"]


def test_async_pipeline_sends_forms(server: ScriptedServer) -> None:
    async def scenario(pipeline: AsyncPipeline) -> None:
        await pipeline.send("PUT", "/f", form=[("k", "v w")])
        await pipeline.send("PUT", "/m", multipart=[("doc", FilePart("d.txt", b"D", "text/plain"))])

    run_with(server.url, scenario)
    urlencoded, multipart = server.received
    assert urlencoded.body == b"k=v+w"
    assert urlencoded.headers["content-type"] == "application/x-www-form-urlencoded"
    assert _parse(multipart.headers["content-type"], multipart.body) == [
        ("doc", "d.txt", "text/plain", b"D")
    ]
