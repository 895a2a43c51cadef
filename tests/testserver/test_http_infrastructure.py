"""httpInfrastructure.json: every status code, redirects, retries, and error responses with and
without error models, through the sync client and (a selection) the async one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import ahit, hit, submodule
from tests.testserver.server import TestServer

Call = Callable[[Any], Any]


@pytest.fixture(scope="module")
def http(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("httpInfrastructure.json")


def _fast_retries(http: ModuleType, **options: Any) -> Any:
    retry = submodule(http, "_runtime.retry")
    return retry.RetryPolicy(backoff_factor=0.01, backoff_max=0.05, **options)


@pytest.fixture
def client(http: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with http.AutoRestHttpInfrastructureTestService(
        endpoint=testserver.url, retry=_fast_retries(http)
    ) as service:
        yield service


@pytest.fixture
def errors(http: ModuleType) -> ModuleType:
    return submodule(http, "exceptions")


# --- 2xx -------------------------------------------------------------------------------------

SUCCESS: list[tuple[str, Call, Any]] = [
    ("HttpSuccess200Head", lambda c: c.http_success.head200(), True),
    ("HttpSuccess200Get", lambda c: c.http_success.get200(), True),
    ("HttpSuccess200Put", lambda c: c.http_success.put200(boolean_value=True), None),
    ("HttpSuccess200Post", lambda c: c.http_success.post200(boolean_value=True), None),
    ("HttpSuccess200Patch", lambda c: c.http_success.patch200(boolean_value=True), None),
    ("HttpSuccess200Delete", lambda c: c.http_success.delete200(boolean_value=True), None),
    ("HttpSuccess201Put", lambda c: c.http_success.put201(boolean_value=True), None),
    ("HttpSuccess201Post", lambda c: c.http_success.post201(boolean_value=True), None),
    ("HttpSuccess202Put", lambda c: c.http_success.put202(boolean_value=True), None),
    ("HttpSuccess202Post", lambda c: c.http_success.post202(boolean_value=True), None),
    ("HttpSuccess202Patch", lambda c: c.http_success.patch202(boolean_value=True), None),
    ("HttpSuccess202Delete", lambda c: c.http_success.delete202(boolean_value=True), None),
    ("HttpSuccess204Head", lambda c: c.http_success.head204(), True),
    ("HttpSuccess204Put", lambda c: c.http_success.put204(boolean_value=True), None),
    ("HttpSuccess204Post", lambda c: c.http_success.post204(boolean_value=True), None),
    ("HttpSuccess204Patch", lambda c: c.http_success.patch204(boolean_value=True), None),
    ("HttpSuccess204Delete", lambda c: c.http_success.delete204(boolean_value=True), None),
    # A HEAD operation that declares 404 answers False for it.
    ("HttpSuccess404Head", lambda c: c.http_success.head404(), False),
]


@pytest.mark.parametrize(("scenario", "call", "expected"), SUCCESS, ids=[s for s, _, _ in SUCCESS])
def test_success(
    client: Any, testserver: TestServer, scenario: str, call: Call, expected: Any
) -> None:
    assert hit(testserver, scenario, lambda: call(client)) is expected


def test_a_body_that_is_not_json_is_a_clear_error(client: Any, errors: ModuleType) -> None:
    """The server has no OPTIONS route here: its framework answers 200 with an HTML text."""
    with pytest.raises(errors.DeserializationError, match="not valid JSON"):
        client.http_success.options200()


# --- 3xx: the server counts the redirect itself; what comes back shows whether it was followed --

REDIRECTS: list[tuple[str, Call, Any]] = [
    # 300 Multiple Choices is not followed: it is a declared answer with a body.
    ("HttpRedirect300Head", lambda c: c.http_redirects.head300(), True),
    ("HttpRedirect300Get", lambda c: c.http_redirects.get300(), ["/http/success/get/200"]),
    ("HttpRedirect301Head", lambda c: c.http_redirects.head301(), True),
    ("HttpRedirect301Get", lambda c: c.http_redirects.get301(), None),
    ("HttpRedirect302Head", lambda c: c.http_redirects.head302(), True),
    ("HttpRedirect302Get", lambda c: c.http_redirects.get302(), None),
    ("HttpRedirect303Post", lambda c: c.http_redirects.post303(boolean_value=True), None),
    ("HttpRedirect307Head", lambda c: c.http_redirects.head307(), True),
    ("HttpRedirect307Get", lambda c: c.http_redirects.get307(), None),
    ("HttpRedirect307Options", lambda c: c.http_redirects.options307(), None),
    ("HttpRedirect307Put", lambda c: c.http_redirects.put307(boolean_value=True), None),
    ("HttpRedirect307Post", lambda c: c.http_redirects.post307(boolean_value=True), None),
    ("HttpRedirect307Patch", lambda c: c.http_redirects.patch307(boolean_value=True), None),
    ("HttpRedirect307Delete", lambda c: c.http_redirects.delete307(boolean_value=True), None),
]


@pytest.mark.parametrize(
    ("scenario", "call", "expected"), REDIRECTS, ids=[s for s, _, _ in REDIRECTS]
)
def test_redirects(
    client: Any, testserver: TestServer, scenario: str, call: Call, expected: Any
) -> None:
    assert hit(testserver, scenario, lambda: call(client)) == expected


def _status(response: Any, result: Any, headers: dict[str, Any]) -> tuple[int, str]:
    return response.status_code, response.request.method


@pytest.mark.parametrize(
    ("scenario", "call", "expected"),
    [
        ("HttpRedirect301Get", lambda c: c.http_redirects.get301(cls=_status), (200, "GET")),
        ("HttpRedirect303Post", lambda c: c.http_redirects.post303(cls=_status), (200, "GET")),
        ("HttpRedirect307Put", lambda c: c.http_redirects.put307(cls=_status), (200, "PUT")),
        # 301/302 are not followed for a PUT or PATCH: the body would be lost or resent blindly.
        ("HttpRedirect301Put", lambda c: c.http_redirects.put301(cls=_status), (301, "PUT")),
        ("HttpRedirect302Patch", lambda c: c.http_redirects.patch302(cls=_status), (302, "PATCH")),
    ],
    ids=["301-get-followed", "303-post-becomes-get", "307-put-kept", "301-put", "302-patch"],
)
def test_which_redirects_are_followed(
    client: Any, testserver: TestServer, scenario: str, call: Call, expected: Any
) -> None:
    assert hit(testserver, scenario, lambda: call(client)) == expected


# --- 4xx and 5xx: the exception matches the status -----------------------------------------

FAILURES: list[tuple[str, Call, int]] = [
    ("HttpClientFailure400Head", lambda c: c.http_client_failure.head400(), 400),
    ("HttpClientFailure400Get", lambda c: c.http_client_failure.get400(), 400),
    ("HttpClientFailure400Options", lambda c: c.http_client_failure.options400(), 400),
    ("HttpClientFailure400Put", lambda c: c.http_client_failure.put400(boolean_value=True), 400),
    ("HttpClientFailure400Post", lambda c: c.http_client_failure.post400(boolean_value=True), 400),
    (
        "HttpClientFailure400Patch",
        lambda c: c.http_client_failure.patch400(boolean_value=True),
        400,
    ),
    (
        "HttpClientFailure400Delete",
        lambda c: c.http_client_failure.delete400(boolean_value=True),
        400,
    ),
    ("HttpClientFailure401Head", lambda c: c.http_client_failure.head401(), 401),
    ("HttpClientFailure402Get", lambda c: c.http_client_failure.get402(), 402),
    ("HttpClientFailure403Get", lambda c: c.http_client_failure.get403(), 403),
    ("HttpClientFailure403Options", lambda c: c.http_client_failure.options403(), 403),
    ("HttpClientFailure404Put", lambda c: c.http_client_failure.put404(boolean_value=True), 404),
    (
        "HttpClientFailure405Patch",
        lambda c: c.http_client_failure.patch405(boolean_value=True),
        405,
    ),
    ("HttpClientFailure406Post", lambda c: c.http_client_failure.post406(boolean_value=True), 406),
    (
        "HttpClientFailure407Delete",
        lambda c: c.http_client_failure.delete407(boolean_value=True),
        407,
    ),
    ("HttpClientFailure409Put", lambda c: c.http_client_failure.put409(boolean_value=True), 409),
    ("HttpClientFailure410Head", lambda c: c.http_client_failure.head410(), 410),
    ("HttpClientFailure411Get", lambda c: c.http_client_failure.get411(), 411),
    ("HttpClientFailure412Get", lambda c: c.http_client_failure.get412(), 412),
    ("HttpClientFailure412Options", lambda c: c.http_client_failure.options412(), 412),
    ("HttpClientFailure413Put", lambda c: c.http_client_failure.put413(boolean_value=True), 413),
    (
        "HttpClientFailure414Patch",
        lambda c: c.http_client_failure.patch414(boolean_value=True),
        414,
    ),
    ("HttpClientFailure415Post", lambda c: c.http_client_failure.post415(boolean_value=True), 415),
    ("HttpClientFailure416Get", lambda c: c.http_client_failure.get416(), 416),
    (
        "HttpClientFailure417Delete",
        lambda c: c.http_client_failure.delete417(boolean_value=True),
        417,
    ),
    # 429 is retried (the retries are counted too) before the error is raised.
    ("HttpClientFailure429Head", lambda c: c.http_client_failure.head429(), 429),
    ("HttpServerFailure501Head", lambda c: c.http_server_failure.head501(), 501),
    ("HttpServerFailure501Get", lambda c: c.http_server_failure.get501(), 501),
    (
        "HttpServerFailure505Post",
        lambda c: c.http_server_failure.post505(boolean_value=True),
        505,
    ),
    (
        "HttpServerFailure505Delete",
        lambda c: c.http_server_failure.delete505(boolean_value=True),
        505,
    ),
]

_SPECIFIC = {
    401: "ClientAuthenticationError",
    403: "ClientAuthenticationError",
    404: "ResourceNotFoundError",
    409: "ResourceExistsError",
    412: "ResourceModifiedError",
}


@pytest.mark.parametrize(("scenario", "call", "status"), FAILURES, ids=[s for s, _, _ in FAILURES])
def test_failures(
    client: Any,
    errors: ModuleType,
    testserver: TestServer,
    scenario: str,
    call: Call,
    status: int,
) -> None:
    expected = getattr(errors, _SPECIFIC.get(status, "HttpResponseError"))

    def failing() -> None:
        with pytest.raises(expected) as info:
            call(client)
        assert info.value.status_code == status
        assert isinstance(info.value, errors.HttpResponseError)

    before = testserver.report("vanilla")[scenario]
    failing()
    attempts = testserver.report("vanilla")[scenario] - before
    assert attempts == (4 if status == 429 else 1)


# --- retries ---------------------------------------------------------------------------------

RETRIES: list[tuple[str, Call, Any]] = [
    ("HttpRetry408Head", lambda c: c.http_retry.head408(), True),
    ("HttpRetry500Put", lambda c: c.http_retry.put500(boolean_value=True), None),
    ("HttpRetry502Get", lambda c: c.http_retry.get502(), None),
    # The spec promises a boolean; the server sends no body after the retry.
    ("HttpRetry502Options", lambda c: c.http_retry.options502(), None),
    ("HttpRetry503Post", lambda c: c.http_retry.post503(boolean_value=True), None),
    ("HttpRetry503Delete", lambda c: c.http_retry.delete503(boolean_value=True), None),
    ("HttpRetry504Put", lambda c: c.http_retry.put504(boolean_value=True), None),
]


@pytest.mark.parametrize(("scenario", "call", "expected"), RETRIES, ids=[s for s, _, _ in RETRIES])
def test_retries(
    client: Any, testserver: TestServer, scenario: str, call: Call, expected: Any
) -> None:
    """The server fails the first attempt and sets a cookie; the retry carries it and succeeds.
    408, 429 and 503 say the request was not processed, so even a POST is sent again."""
    assert hit(testserver, scenario, lambda: call(client)) is expected


@pytest.mark.parametrize(
    ("scenario", "method"), [("HttpRetry500Patch", "patch500"), ("HttpRetry504Patch", "patch504")]
)
def test_patch_is_retried_only_when_allowed(
    http: ModuleType, errors: ModuleType, testserver: TestServer, scenario: str, method: str
) -> None:
    """After a 500 or 504 a PATCH may have taken effect: it is resent only on request."""
    with http.AutoRestHttpInfrastructureTestService(
        endpoint=testserver.url, retry=_fast_retries(http)
    ) as cautious:
        with pytest.raises(errors.HttpResponseError) as info:
            getattr(cautious.http_retry, method)(boolean_value=True)
        assert info.value.status_code in (500, 504)
    with http.AutoRestHttpInfrastructureTestService(
        endpoint=testserver.url, retry=_fast_retries(http, retry_non_idempotent=True)
    ) as willing:
        call = lambda: getattr(willing.http_retry, method)(boolean_value=True)  # noqa: E731
        assert hit(testserver, scenario, call) is None


# --- multiple responses and error bodies -----------------------------------------------------


def _model(http: ModuleType, name: str, **fields: Any) -> Any:
    return getattr(http.models, name)(**fields)


def test_declared_responses_are_decoded_per_status(client: Any, http: ModuleType) -> None:
    mr = client.multiple_responses
    a200 = _model(http, "MyException", status_code="200")
    cases: list[tuple[str, Call, Any]] = [
        (
            "ResponsesScenarioA200MatchingModel",
            lambda c: mr.get200_model204_no_model_default_error200_valid(),
            a200,
        ),
        (
            "ResponsesScenarioA204MatchingNoModel",
            lambda c: mr.get200_model204_no_model_default_error204_valid(),
            None,
        ),
        (
            "ResponsesScenarioB200MatchingModel",
            lambda c: mr.get200_model201_model_default_error200_valid(),
            a200,
        ),
        (
            "ResponsesScenarioB201MatchingModel",
            lambda c: mr.get200_model201_model_default_error201_valid(),
            _model(http, "B", status_code="201", text_status_code="Created"),
        ),
        (
            "ResponsesScenarioC200MatchingModel",
            lambda c: mr.get200_model_a201_model_c404_model_d_default_error200_valid(),
            a200,
        ),
        (
            "ResponsesScenarioC201MatchingModel",
            lambda c: mr.get200_model_a201_model_c404_model_d_default_error201_valid(),
            _model(http, "C", http_code="201"),
        ),
        (
            "ResponsesScenarioD202MatchingNoModel",
            lambda c: mr.get202_none204_none_default_error202_none(),
            None,
        ),
        (
            "ResponsesScenarioD204MatchingNoModel",
            lambda c: mr.get202_none204_none_default_error204_none(),
            None,
        ),
        # A body where none is declared is ignored.
        (
            "ResponsesScenarioE202MatchingInvalid",
            lambda c: mr.get202_none204_none_default_none202_invalid(),
            None,
        ),
        (
            "ResponsesScenarioE204MatchingNoModel",
            lambda c: mr.get202_none204_none_default_none204_none(),
            None,
        ),
        ("ResponsesScenarioF200DefaultModel", lambda c: mr.get_default_model_a200_valid(), a200),
        ("ResponsesScenarioF200DefaultNone", lambda c: mr.get_default_model_a200_none(), None),
        ("ResponsesScenarioG200DefaultInvalid", lambda c: mr.get_default_none200_invalid(), None),
        ("ResponsesScenarioG200DefaultNoModel", lambda c: mr.get_default_none200_none(), None),
        ("ResponsesScenarioH200MatchingNone", lambda c: mr.get200_model_a200_none(), None),
        ("ResponsesScenarioH200MatchingModel", lambda c: mr.get200_model_a200_valid(), a200),
    ]
    for scenario, call, expected in cases:
        assert call(client) == expected, scenario


def test_a_body_that_does_not_match_the_model_keeps_its_fields(client: Any) -> None:
    result = client.multiple_responses.get200_model_a200_invalid()
    assert result.status_code is None
    assert result.to_dict() == {"statusCodeInvalid": "200"}


ERROR_MODELS: list[tuple[str, str, int, str | None, Any]] = [
    # (method, exception, status, model class or None, what the model or message holds)
    ("get200_model204_no_model_default_error201_invalid", "HttpResponseError", 201, "Error", None),
    ("get200_model204_no_model_default_error202_none", "HttpResponseError", 202, "Error", None),
    (
        "get200_model204_no_model_default_error400_valid",
        "HttpResponseError",
        400,
        "Error",
        "client error",
    ),
    (
        "get200_model201_model_default_error400_valid",
        "HttpResponseError",
        400,
        "Error",
        "client error",
    ),
    (
        "get200_model_a201_model_c404_model_d_default_error400_valid",
        "HttpResponseError",
        400,
        "Error",
        "client error",
    ),
    (
        "get202_none204_none_default_error400_valid",
        "HttpResponseError",
        400,
        "Error",
        "client error",
    ),
    # A declared 404 with a model: the model is the error's.
    (
        "get200_model_a201_model_c404_model_d_default_error404_valid",
        "ResourceNotFoundError",
        404,
        "D",
        None,
    ),
]


@pytest.mark.parametrize(
    ("method", "exception", "status", "model", "message"),
    ERROR_MODELS,
    ids=[m for m, *_ in ERROR_MODELS],
)
def test_errors_carry_the_parsed_error_model(
    client: Any,
    errors: ModuleType,
    http: ModuleType,
    method: str,
    exception: str,
    status: int,
    model: str,
    message: str | None,
) -> None:
    with pytest.raises(getattr(errors, exception)) as info:
        getattr(client.multiple_responses, method)()
    error = info.value
    assert error.status_code == status
    assert type(error.model) is getattr(http.models, model)
    if message is not None:
        assert error.model.message == message
        assert f"Message: {message}" in str(error)


def test_declared_404_model_fields(client: Any, errors: ModuleType) -> None:
    with pytest.raises(errors.ResourceNotFoundError) as info:
        client.multiple_responses.get200_model_a201_model_c404_model_d_default_error404_valid()
    assert info.value.model.http_status_code == "404"


@pytest.mark.parametrize(
    ("method", "body_in_message"),
    [
        ("get202_none204_none_default_none400_none", None),
        ("get202_none204_none_default_none400_invalid", '{"property":"value"}'),
        ("get_default_model_a400_valid", None),
        ("get_default_model_a400_none", '{"property":"value"}'),
        ("get_default_none400_invalid", '{"statusCode":"200"}'),
        ("get_default_none400_none", None),
        ("get200_model_a400_none", '{"statusCode":"200"}'),
        ("get200_model_a400_valid", '{"statusCode":"200"}'),
        ("get200_model_a400_invalid", '{"statusCodeInvalid":"200"}'),
        ("get200_model_a202_valid", '{"statusCode":"200"}'),
    ],
)
def test_undeclared_or_unmodelled_errors_quote_the_body(
    client: Any, errors: ModuleType, method: str, body_in_message: str | None
) -> None:
    with pytest.raises(errors.HttpResponseError) as info:
        getattr(client.multiple_responses, method)()
    text = str(info.value)
    assert text.startswith("Operation returned an invalid status")
    if body_in_message is not None:
        assert body_in_message in text


def test_error_bodies_of_http_failure(client: Any, errors: ModuleType, http: ModuleType) -> None:
    with pytest.raises(errors.HttpResponseError) as info:
        client.http_failure.get_empty_error()
    assert info.value.model == _model(http, "Error", message="")
    with pytest.raises(errors.HttpResponseError) as info:
        client.http_failure.get_no_model_error()
    assert info.value.model is None
    assert '"message":"NoErrorModel"' in str(info.value)
    with pytest.raises(errors.HttpResponseError) as info:
        client.http_failure.get_no_model_empty()
    assert info.value.status_code == 400
    assert "Bad Request" in str(info.value)


SCENARIOS_OF_ERRORS = [
    "ResponsesScenarioA201DefaultNoModel",
    "ResponsesScenarioA202DefaultNoModel",
    "ResponsesScenarioA400DefaultModel",
    "ResponsesScenarioB400DefaultModel",
    "ResponsesScenarioC400DefaultModel",
    "ResponsesScenarioC404MatchingModel",
    "ResponsesScenarioD400DefaultModel",
    "ResponsesScenarioE400DefaultInvalid",
    "ResponsesScenarioE400DefaultNoModel",
    "ResponsesScenarioF400DefaultModel",
    "ResponsesScenarioF400DefaultNone",
    "ResponsesScenarioG400DefaultInvalid",
    "ResponsesScenarioG400DefaultNoModel",
    "ResponsesScenarioH202NonMatchingModel",
    "ResponsesScenarioH400NonMatchingInvalid",
    "ResponsesScenarioH400NonMatchingModel",
    "ResponsesScenarioH400NonMatchingNone",
    "ResponsesScenarioEmptyErrorBody",
    "ResponsesScenarioNoModelEmptyBody",
    "ResponsesScenarioNoModelErrorBody",
]


def test_every_error_scenario_was_served(client: Any, testserver: TestServer) -> None:
    """The tests above exercised these (each raising); the server counted each at least once."""
    report = testserver.report("vanilla")
    missing = [s for s in SCENARIOS_OF_ERRORS if report[s] == 0]
    assert missing == []


# --- the same through the asyncio client -------------------------------------------------------


async def _async_calls(http: ModuleType, testserver: TestServer) -> list[Any]:
    aio = submodule(http, "aio")
    errors = submodule(http, "exceptions")
    results: list[Any] = []
    async with aio.AutoRestHttpInfrastructureTestService(
        endpoint=testserver.url, retry=_fast_retries(http)
    ) as service:
        results.append(await ahit(testserver, "HttpSuccess200Get", service.http_success.get200))
        results.append(await service.http_success.head404())
        results.append(
            await ahit(
                testserver,
                "HttpRetry503Post",
                lambda: service.http_retry.post503(boolean_value=True),
            )
        )
        results.append(await ahit(testserver, "HttpRetry502Get", service.http_retry.get502))
        results.append(await service.http_redirects.post303(boolean_value=True, cls=_status))
        results.append(await service.http_redirects.get300())
        with pytest.raises(errors.ResourceExistsError):
            await service.http_client_failure.put409(boolean_value=True)
        with pytest.raises(errors.HttpResponseError) as info:
            await service.multiple_responses.get200_model204_no_model_default_error400_valid()
        results.append(info.value.model.message)
    return results


def test_async_client(http: ModuleType, testserver: TestServer) -> None:
    assert asyncio.run(_async_calls(http, testserver)) == [
        True,
        False,
        None,
        None,
        (200, "GET"),
        ["/http/success/get/200"],
        "client error",
    ]
