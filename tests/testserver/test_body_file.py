"""body-file.json: file responses come back as streams, read in chunks as they arrive."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import PACKAGE_DIR, TestServer

SAMPLE_PNG = PACKAGE_DIR / "legacy" / "routes" / "sample.png"
MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def files(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-file.json")


@pytest.fixture
def client(files: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with files.AutoRestSwaggerBATFileService(endpoint=testserver.url) as service:
        yield service


def test_file_in_chunks(client: Any, testserver: TestServer) -> None:
    stream = hit(testserver, "FileStreamNonempty", client.files.get_file)
    chunks = list(stream)
    assert b"".join(chunks) == Path(SAMPLE_PNG).read_bytes()
    assert stream.response.is_closed


def test_empty_file(client: Any, testserver: TestServer) -> None:
    with hit(testserver, "FileStreamEmpty", client.files.get_empty_file) as stream:
        assert stream.read() == b""


def test_a_very_large_file_is_not_loaded_whole(client: Any, testserver: TestServer) -> None:
    """The server sends 3000 MB; reading the first 20 MB and closing ends the transfer."""
    with hit(testserver, "FileStreamVeryLarge", client.files.get_file_large) as stream:
        received = 0
        for chunk in stream.iter_bytes(MEGABYTE):
            received += len(chunk)
            if received >= 20 * MEGABYTE:
                break
    assert received >= 20 * MEGABYTE
    assert stream.response.is_closed
    assert int(stream.response.headers.get("content-length", "0") or 0) in (0, 3000 * MEGABYTE)


def test_async_stream(files: ModuleType, testserver: TestServer) -> None:
    async def read() -> bytes:
        aio = submodule(files, "aio")
        async with aio.AutoRestSwaggerBATFileService(endpoint=testserver.url) as service:
            stream = await ahit(testserver, "FileStreamNonempty", service.files.get_file)
            data = b""
            async for chunk in stream:
                data += chunk
            return data

    assert asyncio.run(read()) == Path(SAMPLE_PNG).read_bytes()
