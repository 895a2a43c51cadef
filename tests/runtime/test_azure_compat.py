"""The Azure SDK calls a generated client answers too: errors that `except azure.core.exceptions...`
catches (azure-core is optional: without it they are plain), poller done callbacks, the polling
method and from_continuation_token, and `pager.next()`."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import threading
from types import ModuleType
from typing import Any

import azure.core.exceptions as azure_errors
import httpx
import pytest

from generator.runtime.paging import ItemPaged
from generator.runtime.polling import PollingMethod
from tests.runtime.test_polling import FakePipeline, _sync_poller, initial, response
from tests.support.paths import GENERATED, ROOT


def _response(status: int, body: bytes = b"") -> httpx.Response:
    return httpx.Response(status, content=body, request=httpx.Request("GET", "https://svc.test/x"))


@pytest.fixture(scope="module")
def errors() -> ModuleType:
    """The errors of a package generated with the Azure compatibility surface (the committed
    Azure client): its error_bases is runtime/azure/error_bases.py."""
    if str(GENERATED) not in sys.path:
        sys.path.insert(0, str(GENERATED))
    return importlib.import_module("compute_rolling_upgrades._runtime.errors")


@pytest.mark.parametrize(
    ("status", "name", "theirs"),
    [
        (404, "ResourceNotFoundError", azure_errors.ResourceNotFoundError),
        (409, "ResourceExistsError", azure_errors.ResourceExistsError),
        (401, "ClientAuthenticationError", azure_errors.ClientAuthenticationError),
        (412, "ResourceModifiedError", azure_errors.ResourceModifiedError),
        (304, "ResourceNotModifiedError", azure_errors.ResourceNotModifiedError),
        (500, "HttpResponseError", azure_errors.HttpResponseError),
    ],
)
def test_errors_are_caught_as_azure_core_errors(
    errors: ModuleType, status: int, name: str, theirs: type[Exception]
) -> None:
    model = {"error": {"code": "Oops", "message": "it broke"}}
    body = b'{"error": {"code": "Oops", "message": "it broke", "target": "vm"}}'
    with pytest.raises(theirs) as caught:
        errors.raise_for_response(_response(status, body), model)
    error = caught.value
    assert type(error) is getattr(errors, name)
    assert isinstance(error, azure_errors.HttpResponseError | azure_errors.AzureError)
    # our attributes, not the ones azure-core's __init__ would set
    assert error.status_code == status and error.model is model  # type: ignore[attr-defined]
    assert isinstance(error.response, httpx.Response)  # type: ignore[attr-defined]
    assert str(error).endswith("Code: Oops\nMessage: it broke")
    # azure-core's `error`: the OData error of the body
    details = error.error  # type: ignore[attr-defined]
    assert isinstance(details, azure_errors.ODataV4Format)
    assert (details.code, details.message, details.target) == ("Oops", "it broke", "vm")


def test_error_is_none_without_an_error_body(errors: ModuleType) -> None:
    with pytest.raises(azure_errors.HttpResponseError) as caught:
        errors.raise_for_response(_response(500, b"<html>down</html>"), None)
    assert caught.value.error is None


def test_transport_and_decode_errors_are_azure_core_errors_too(errors: ModuleType) -> None:
    assert issubclass(errors.ServiceRequestError, azure_errors.ServiceRequestError)
    assert issubclass(errors.ServiceResponseError, azure_errors.ServiceResponseError)
    assert issubclass(errors.DecodeError, azure_errors.DecodeError)
    assert issubclass(errors.SdkError, azure_errors.AzureError)
    with pytest.raises(azure_errors.ServiceRequestError) as caught:
        raise errors.ServiceRequestError("could not connect")
    assert caught.value.message == "could not connect" and str(caught.value) == "could not connect"
    assert issubclass(errors.ValidationError, ValueError)


def _run(script: str) -> list[str]:
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(GENERATED), str(ROOT)])},
    ).stdout.splitlines()


def test_without_azure_core_the_errors_are_plain_and_still_describe_the_error() -> None:
    out = _run(
        "import sys, httpx\n"
        "sys.modules['azure'] = None  # as if azure-core were not installed\n"
        "from compute_rolling_upgrades._runtime import errors\n"
        "names = [c.__name__ for c in errors.ResourceNotFoundError.__mro__]\n"
        "print(' '.join(names))\n"
        'body = b\'{"error": {"code": "Gone", "message": "no vm"}}\'\n'
        "request = httpx.Request('GET', 'https://svc.test/x')\n"
        "try:\n"
        "    errors.raise_for_response(httpx.Response(404, content=body, request=request), None)\n"
        "except errors.HttpResponseError as err:\n"
        "    print(err.error.code, err.error.message)\n"
    )
    assert out == [
        "ResourceNotFoundError HttpResponseError SdkError Exception BaseException object",
        "Gone no vm",
    ]


def test_the_plain_runtime_neither_looks_for_azure_core_nor_derives_from_it() -> None:
    """generator/runtime is what a package without the Azure surface gets."""
    out = _run(
        "import sys\n"
        "from generator.runtime import errors\n"
        "print(' '.join(c.__name__ for c in errors.ResourceNotFoundError.__mro__))\n"
        "print(any(m == 'azure' or m.startswith('azure.') for m in sys.modules))\n"
        "print(hasattr(errors.HttpResponseError('x'), 'error'))\n"
    )
    assert out == [
        "ResourceNotFoundError HttpResponseError SdkError Exception BaseException object",
        "False",
        "False",
    ]


class MyNotFoundError(Exception):
    """A caller's own exception class, as error_map names them."""


def test_error_map_raises_the_callers_class_with_our_attributes(errors: ModuleType) -> None:
    body = b'{"error": {"code": "NotHere", "message": "gone"}}'
    with pytest.raises(MyNotFoundError) as caught:
        errors.raise_for_response(_response(404, body), None, {404: MyNotFoundError, 409: KeyError})
    error = caught.value
    assert isinstance(error, errors.ResourceNotFoundError)
    assert isinstance(error, azure_errors.ResourceNotFoundError)
    assert type(error).__name__ == "MyNotFoundError"
    assert error.status_code == 404 and error.error.code == "NotHere"  # type: ignore[attr-defined]
    # another status than the mapped ones: the usual class
    with pytest.raises(errors.ResourceExistsError) as other:
        errors.raise_for_response(_response(409, body), None, {404: MyNotFoundError})
    assert type(other.value) is errors.ResourceExistsError
    # one of ours, or azure-core's own (which ours derive from)
    with pytest.raises(errors.ResourceExistsError):
        errors.raise_for_response(_response(404, body), None, {404: errors.ResourceExistsError})
    with pytest.raises(azure_errors.ResourceExistsError) as theirs:
        mapped = {404: azure_errors.ResourceExistsError}
        errors.raise_for_response(_response(404, body), None, mapped)
    assert isinstance(theirs.value, errors.HttpResponseError)
    assert theirs.value.response.status_code == 404  # type: ignore[union-attr]


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
    pipeline = FakePipeline(
        [response(200, {"status": "InProgress"}), response(200, {"status": "Succeeded"})]
    )
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
