"""merge-patch.json: an application/merge-patch+json body."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("merge-patch.json")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.MergePatchJsonClient(endpoint=testserver.url) as service:
        yield service


def test_patch_single_is_sent_as_compact_merge_patch_json(
    client: Any, package: ModuleType, testserver: TestServer
) -> None:
    # The server wants Content-Length 14, the size of '{"foo": "bar"}' with a space after the
    # colon; the client writes compact JSON ('{"foo":"bar"}', 13 bytes). The media type is
    # checked first and passes. See EXCEPTIONS.md.
    errors = submodule(package, "exceptions")
    before = testserver.report("vanilla")["PassMergePatchObject"]
    with pytest.raises(errors.HttpResponseError, match="Expected 14 but got 13") as caught:
        client.patch_single({"foo": "bar"})
    assert caught.value.status_code == 400
    assert caught.value.response.request.headers["Content-Type"] == "application/merge-patch+json"
    assert caught.value.response.request.content == b'{"foo":"bar"}'
    assert testserver.report("vanilla")["PassMergePatchObject"] == before
