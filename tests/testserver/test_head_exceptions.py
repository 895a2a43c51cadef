"""head-exceptions.json: a HEAD operation that does not declare 404 raises for it."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def head_exceptions(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("head-exceptions.json")


def test_undeclared_404_raises_resource_not_found(
    head_exceptions: ModuleType, testserver: TestServer
) -> None:
    errors = submodule(head_exceptions, "exceptions")
    with head_exceptions.AutoRestHeadExceptionTestService(endpoint=testserver.url) as client:
        assert hit(testserver, "HttpSuccess200Head", client.head_exception.head200) is True
        assert hit(testserver, "HttpSuccess204Head", client.head_exception.head204) is True

        def head404() -> None:
            with pytest.raises(errors.ResourceNotFoundError) as info:
                client.head_exception.head404()
            assert info.value.status_code == 404
            assert isinstance(info.value, errors.HttpResponseError)

        hit(testserver, "HttpSuccess404Head", head404)
