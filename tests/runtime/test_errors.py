from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest

from generator.runtime import errors
from generator.runtime.errors import (
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceModifiedError,
    ResourceNotFoundError,
    ResourceNotModifiedError,
    SdkError,
    error_for_status,
    raise_for_response,
)
from generator.runtime.redaction import REDACT_EXTENSION


def _response(status: int, body: bytes = b"", **request_args: object) -> httpx.Response:
    request = httpx.Request("GET", "https://svc.example/things", **request_args)  # type: ignore[arg-type]
    return httpx.Response(status, content=body, request=request)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (304, ResourceNotModifiedError),
        (401, ClientAuthenticationError),
        (403, ClientAuthenticationError),
        (404, ResourceNotFoundError),
        (409, ResourceExistsError),
        (412, ResourceModifiedError),
        (400, HttpResponseError),
        (500, HttpResponseError),
    ],
)
def test_error_for_status(status: int, expected: type[HttpResponseError]) -> None:
    assert error_for_status(status) is expected


def test_hierarchy() -> None:
    for cls in (
        errors.ServiceRequestError,
        errors.ServiceResponseError,
        errors.HttpResponseError,
        errors.ValidationError,
        errors.DeserializationError,
        errors.DecodeError,
    ):
        assert issubclass(cls, SdkError)
    assert issubclass(errors.ValidationError, ValueError)
    assert issubclass(errors.DeserializationError, ValueError)
    assert issubclass(errors.DecodeError, HttpResponseError)
    assert SdkError("boom").message == "boom"


@dataclass
class Detail:
    code: str
    message: str


@dataclass
class Envelope:
    error: Detail


def test_message_with_error_envelope_model() -> None:
    response = _response(404)
    error = HttpResponseError(response=response, model=Envelope(Detail("NotFound", "No such VM")))
    assert str(error) == (
        "Operation returned an invalid status 'Not Found'\nCode: NotFound\nMessage: No such VM"
    )
    assert error.status_code == 404
    assert error.reason == "Not Found"
    assert error.response is response
    assert isinstance(error.model, Envelope)
    assert error.model.error.code == "NotFound"


def test_model_as_gives_the_model_typed_or_none() -> None:
    envelope = Envelope(Detail("NotFound", "No such VM"))
    error = raise_and_catch(ResourceNotFoundError(response=_response(404), model=envelope))
    found = error.model_as(Envelope)
    assert found is envelope
    assert found.error.code == "NotFound"  # typed: no cast, no isinstance in the caller
    assert error.model_as(Detail) is None
    assert HttpResponseError(response=_response(500)).model_as(Envelope) is None
    assert HttpResponseError(model={"error": {}}).model_as(Envelope) is None


def raise_and_catch(exc: HttpResponseError) -> HttpResponseError:
    try:
        raise exc
    except HttpResponseError as caught:
        return caught


def test_message_with_flat_model_and_dict_model() -> None:
    flat = HttpResponseError(response=_response(400), model=Detail("Bad", "Wrong size"))
    assert str(flat).endswith("\nCode: Bad\nMessage: Wrong size")
    as_dict = HttpResponseError(response=_response(400), model={"error": {"code": "C"}})
    assert str(as_dict).endswith("\nCode: C\nMessage: ")


def test_without_response() -> None:
    error = HttpResponseError("custom")
    assert (error.status_code, error.reason, str(error)) == (None, None, "custom")


def test_reason_when_the_response_has_none() -> None:
    response = httpx.Response(503, request=httpx.Request("GET", "https://x"))
    response.extensions["reason_phrase"] = b""
    assert HttpResponseError(response=response).reason == "Service Unavailable"


def test_raise_for_response_picks_the_class_and_quotes_the_body() -> None:
    with pytest.raises(ResourceExistsError) as info:
        raise_for_response(_response(409, b'{"detail": "already there"}'), None)
    assert str(info.value) == (
        'Operation returned an invalid status \'Conflict\'\nContent: {"detail": "already there"}'
    )


def test_raise_for_response_truncates_long_bodies() -> None:
    with pytest.raises(HttpResponseError) as info:
        raise_for_response(_response(500, b"x" * 10_000), None)
    assert 2000 < len(info.value.message) < 2200
    assert info.value.message.endswith("(truncated)")


def test_raise_for_response_uses_the_model_when_given() -> None:
    with pytest.raises(ResourceNotFoundError) as info:
        raise_for_response(_response(404, b"raw body"), Envelope(Detail("Gone", "Deleted")))
    assert "raw body" not in str(info.value)
    assert "Code: Gone" in str(info.value)


def test_streamed_unread_body_is_left_out() -> None:
    request = httpx.Request("GET", "https://x")
    response = httpx.Response(500, stream=httpx.ByteStream(b"body"), request=request)
    with pytest.raises(HttpResponseError) as info:
        raise_for_response(response, None)
    assert str(info.value) == "Operation returned an invalid status 'Internal Server Error'"


def test_echoed_secrets_are_scrubbed_from_messages() -> None:
    token = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret-token-text"
    body = (
        f'{{"headers": {{"Authorization": "Bearer {token}", "X-Custom": "custom-secret-1"}}, '
        f'"url": "https://svc.example/things?api-key=query-secret-2"}}'
    )
    request = httpx.Request(
        "GET",
        "https://svc.example/things?api-key=query-secret-2",
        headers={"Authorization": f"Bearer {token}", "X-Custom": "custom-secret-1"},
        extensions={REDACT_EXTENSION: frozenset({"x-custom"})},
    )
    response = httpx.Response(401, content=body.encode(), request=request)
    model = Detail("Unauthorized", f"token {token} expired")
    for candidate in (None, model):
        with pytest.raises(ClientAuthenticationError) as info:
            raise_for_response(response, candidate)
        for text in (str(info.value), repr(info.value), info.value.message):
            for secret in (token, "custom-secret-1", "query-secret-2"):
                assert secret not in text
        assert "REDACTED" in str(info.value)
