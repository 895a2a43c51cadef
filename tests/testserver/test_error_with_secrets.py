"""error-with-secrets.json: secrets sent or received never show in error messages or logs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer

SECRET = "1c88a67921784300a462b2cb61da2339"


@pytest.fixture(scope="module")
def secrets(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("error-with-secrets.json")


@pytest.fixture
def client(secrets: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with secrets.ErrorWithSecrets(f"SharedKey {SECRET}", endpoint=testserver.url) as service:
        yield service


@pytest.fixture
def logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG, logger="error_with_secrets")
    return caplog


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name == "error_with_secrets")


def test_error_response_with_secrets(
    client: Any, secrets: ModuleType, testserver: TestServer, logs: pytest.LogCaptureFixture
) -> None:
    errors = submodule(secrets, "exceptions")

    def call() -> Any:
        with pytest.raises(errors.ClientAuthenticationError) as info:
            client.get_error_with_secrets()
        return info.value

    error = hit(testserver, "ErrorWithSecrets", call)
    assert error.status_code == 403
    # The body does not fit the model (innererror is a string, not an object), so the message
    # quotes it, without the key and token it holds.
    assert error.model is None
    assert '"code":"Unauthorized"' in str(error)
    assert SECRET not in str(error)
    assert SECRET not in repr(error)
    text = _logged(logs)
    assert "Response 403" in text
    assert SECRET not in text
    assert "'x-ms-pii': 'REDACTED'" in text
    assert "'x-ms-request-id': '5e123516-834e-4222-9e80-353108d33357'" in text


def test_a_body_secret_is_scrubbed_even_when_the_request_had_another_key(
    secrets: ModuleType, testserver: TestServer
) -> None:
    errors = submodule(secrets, "exceptions")
    with (
        secrets.ErrorWithSecrets("SharedKey other-key-0000", endpoint=testserver.url) as client,
        pytest.raises(errors.ClientAuthenticationError) as info,
    ):
        client.get_error_with_secrets()
    assert SECRET in info.value.response.text
    assert SECRET not in str(info.value)
    assert "REDACTED" in str(info.value)


def test_request_with_secrets(
    client: Any, testserver: TestServer, logs: pytest.LogCaptureFixture
) -> None:
    """The operation takes no query or body, so the request goes through send_request: the
    client's pipeline still adds the key and keeps it out of the logs."""

    def call() -> Any:
        return client.send_request(
            "POST", "/secrets/:create", params={"key": SECRET}, json={"key": SECRET}
        )

    response = hit(testserver, "RequestWithSecrets", call)
    assert response.status_code == 200
    assert response.json() == {"key": SECRET, "value": "secret"}
    assert response.request.headers["authorization"] == f"SharedKey {SECRET}"
    text = _logged(logs)
    assert "Request POST" in text
    assert "key=REDACTED" in text
    assert SECRET not in text


def test_the_operation_sends_the_key_and_scrubs_the_echo(client: Any, secrets: ModuleType) -> None:
    """Without the query and body the server refuses (its message repeats what it expected);
    the key the request carried is scrubbed from the error text."""
    errors = submodule(secrets, "exceptions")
    with pytest.raises(errors.HttpResponseError) as info:
        client.create_secret()
    assert info.value.response.request.headers["authorization"] == f"SharedKey {SECRET}"
    assert SECRET in info.value.response.text
    assert SECRET not in str(info.value)
