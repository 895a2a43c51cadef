"""incorrect-error-response.json: an error body that is not the declared model still gives an
HttpResponseError, with the raw body in its message."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer


@pytest.fixture(scope="module")
def incorrect(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("incorrect-error-response.json")


def test_unparsable_error_body(incorrect: ModuleType, testserver: TestServer) -> None:
    errors = submodule(incorrect, "exceptions")
    with incorrect.IncorrectReturnedErrorModel(endpoint=testserver.url) as client:

        def call() -> None:
            with pytest.raises(errors.HttpResponseError) as info:
                client.get_incorrect_error_from_server()
            assert info.value.status_code == 444
            assert info.value.model is None
            assert "foobar" in str(info.value)

        hit(testserver, "verifyIncorrectErrorParsing", call)
