"""The Azure SDK calls a generated client answers too: errors that `except azure.core.exceptions...`
catches (azure-core is optional: without it they are plain), poller done callbacks, the polling
method and from_continuation_token, and `pager.next()`."""

from __future__ import annotations

import subprocess
import sys
import threading
from typing import Any

import azure.core.exceptions as azure_errors
import httpx
import pytest

from generator.runtime import errors
from generator.runtime.paging import ItemPaged
from generator.runtime.polling import PollingMethod
from tests.runtime.test_polling import FakePipeline, _sync_poller, initial, response
from tests.support.paths import ROOT


def _response(status: int, body: bytes = b"") -> httpx.Response:
    return httpx.Response(status, content=body, request=httpx.Request("GET", "https://svc.test/x"))


@pytest.mark.parametrize(
    ("status", "ours", "theirs"),
    [
        (404, errors.ResourceNotFoundError, azure_errors.ResourceNotFoundError),
        (409, errors.ResourceExistsError, azure_errors.ResourceExistsError),
        (401, errors.ClientAuthenticationError, azure_errors.ClientAuthenticationError),
        (412, errors.ResourceModifiedError, azure_errors.ResourceModifiedError),
        (304, errors.ResourceNotModifiedError, azure_errors.ResourceNotModifiedError),
        (500, errors.HttpResponseError, azure_errors.HttpResponseError),
    ],
)
def test_errors_are_caught_as_azure_core_errors(
    status: int, ours: type[Exception], theirs: type[Exception]
) -> None:
    model = {"error": {"code": "Oops", "message": "it broke"}}
    with pytest.raises(theirs) as caught:
        errors.raise_for_response(_response(status, b'{"error": {}}'), model)
    error = caught.value
    assert type(error) is ours
    assert isinstance(error, azure_errors.HttpResponseError | azure_errors.AzureError)
    # our attributes, not the ones azure-core's __init__ would set
    assert error.status_code == status and error.model is model  # type: ignore[attr-defined]
    assert isinstance(error.response, httpx.Response)  # type: ignore[attr-defined]
    assert str(error).endswith("Code: Oops\nMessage: it broke")


def test_transport_and_decode_errors_are_azure_core_errors_too() -> None:
    assert issubclass(errors.ServiceRequestError, azure_errors.ServiceRequestError)
    assert issubclass(errors.ServiceResponseError, azure_errors.ServiceResponseError)
    assert issubclass(errors.DecodeError, azure_errors.DecodeError)
    assert issubclass(errors.SdkError, azure_errors.AzureError)
    with pytest.raises(azure_errors.ServiceRequestError) as caught:
        raise errors.ServiceRequestError("could not connect")
    assert caught.value.message == "could not connect" and str(caught.value) == "could not connect"
    assert issubclass(errors.ValidationError, ValueError)


def test_without_azure_core_the_errors_are_plain() -> None:
    script = (
        "import sys\n"
        "sys.modules['azure'] = None  # as if azure-core were not installed\n"
        "from generator.runtime import errors\n"
        "names = [c.__name__ for c in errors.ResourceNotFoundError.__mro__]\n"
        "print(' '.join(names))\n"
        "print(errors.error_for_status(404).__mro__[-3].__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.splitlines()
    assert out[0] == (
        "ResourceNotFoundError HttpResponseError SdkError Exception BaseException object"
    )


def test_done_callbacks_get_the_polling_method() -> None:
    gate = threading.Event()
    pipeline = FakePipeline([response(200, {"status": "Succeeded"}), response(200, {"v": 1})])
    first = initial(202, None, {"Azure-AsyncOperation": "/ops/1", "Location": "/out/1"}, "POST")
    poller = _sync_poller(pipeline, first, [], gate)
    seen: list[tuple[str, Any, bool]] = []
    removed: list[Any] = []

    def record(method: PollingMethod[Any]) -> None:
        seen.append((method.status(), method.resource(), method.finished()))

    poller.add_done_callback(record)
    poller.add_done_callback(removed.append)
    poller.remove_done_callback(removed.append)
    assert seen == [] and poller.polling_method().status() == "InProgress"
    gate.set()
    assert poller.result(timeout=60) == {"v": 1}
    poller.wait(timeout=5)
    # ran once, on the polling thread, after the result was decoded
    assert seen[0][:2] == ("Succeeded", {"v": 1}) and removed == []
    late: list[PollingMethod[Any]] = []
    poller.add_done_callback(late.append)  # already ended: called at once
    assert late == [poller.polling_method()]
    with pytest.raises(ValueError, match="has ended"):
        poller.remove_done_callback(record)


def test_from_continuation_token_resumes_with_the_polling_method() -> None:
    pipeline = FakePipeline([response(200, {"status": "InProgress"}),
                             response(200, {"status": "Succeeded"})])
    first = initial(202, None, {"Azure-AsyncOperation": "/ops/1"}, "POST")
    gate = threading.Event()
    poller = _sync_poller(pipeline, first, [], gate)
    token = poller.continuation_token()  # taken while the operation is in progress
    gate.set()
    assert poller.result(timeout=60) == {"status": "Succeeded"}
    pipeline.answers.append(response(200, {"status": "Succeeded", "id": "resumed"}))

    resumed = type(poller).from_continuation_token(poller.polling_method(), token)

    assert type(resumed) is type(poller)
    assert resumed.result(timeout=60) == {"status": "Succeeded", "id": "resumed"}
    assert [url for url, _ in pipeline.sent] == ["https://svc.test/ops/1?api-version=1"] * 3


def test_pagers_have_next() -> None:
    pages = {None: (["a", "b"], "/p2"), "/p2": (["c"], None)}

    def first() -> httpx.Response:
        return _response(200, b"first")

    def following(link: str) -> httpx.Response:
        return _response(200, link.encode())

    def extract(answer: httpx.Response) -> tuple[str | None, list[str]]:
        key = None if answer.content == b"first" else answer.content.decode()
        items, link = pages[key]
        return link, items

    pager = ItemPaged(first, following, extract)
    assert [pager.next(), next(pager), pager.next()] == ["a", "b", "c"]
    with pytest.raises(StopIteration):
        pager.next()
