"""Generated clients (sync and asyncio) against local servers that misbehave on purpose.

Each test names the fault and checks the typed outcome: credentials never reach a host the
service names, every wait ends within what the caller allowed, a body cannot cost unbounded
memory, no log record carries a secret. Times are asserted only as upper bounds far below what
the fault would cost (a dripping server would hold a call for minutes), never as performance.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import json
import logging
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

from tests.support.generated_packages import generate_and_import
from tests.support.hostile_server import (
    Connection,
    HostileServer,
    Request,
    answer,
    head,
    serving,
)

TOKEN = "bearer-token-7d41e0"
HEADER_KEY = "header-key-5b2c9a"
QUERY_KEY = "query/key+9f3e=="  # characters that are percent-encoded in a URL
KINDS = ("bearer", "header_key", "query_key")
MODES = ("sync", "aio")
SECURITY: dict[str, dict[str, Any]] = {
    "bearer": {
        "type": "oauth2",
        "flow": "implicit",
        "authorizationUrl": "https://login.invalid/authorize",
        "scopes": {"https://example.invalid/.default": "access"},
    },
    "header_key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
    "query_key": {"type": "apiKey", "name": "code", "in": "query"},
}
SECRET_OF = {"bearer": TOKEN, "header_key": HEADER_KEY, "query_key": QUERY_KEY}
PAGE: dict[str, Any] = {
    "type": "object",
    "properties": {
        "value": {"type": "array", "items": {"type": "string"}},
        "nextLink": {"type": "string"},
    },
}


def hostile_spec(security: dict[str, Any]) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "info": {"title": "Hostile", "version": "2024-01-01"},
        "host": "example.invalid",
        "schemes": ["https"],
        "securityDefinitions": {"auth": security},
        "security": [{"auth": []}],
        "paths": {
            "/items": {
                "get": {
                    "operationId": "Items_List",
                    "x-ms-pageable": {"nextLinkName": "nextLink"},
                    "responses": {"200": {"description": "OK", "schema": PAGE}},
                }
            },
            "/jobs": {
                "post": {
                    "operationId": "Jobs_Start",
                    "x-ms-long-running-operation": True,
                    "responses": {
                        "200": {"description": "OK", "schema": {"type": "object"}},
                        "202": {"description": "Accepted"},
                    },
                }
            },
            "/things/{name}": {
                "get": {
                    "operationId": "Things_Get",
                    "parameters": [
                        {
                            "name": "name",
                            "in": "path",
                            "required": True,
                            "type": "string",
                            "pattern": "^[\\p{L}\\p{N}._-]+$",
                        },
                        {"name": "tag", "in": "query", "type": "string", "pattern": "^ab\\"},
                        {
                            "name": "filter",
                            "in": "query",
                            "type": "string",
                            "x-ms-skip-url-encoding": True,
                        },
                    ],
                    "responses": {"200": {"description": "OK", "schema": {"type": "object"}}},
                }
            },
        },
    }


@dataclass(frozen=True)
class AccessToken:
    token: str
    expires_on: int


class Credential:
    def get_token(self, *scopes: str, **kwargs: object) -> AccessToken:
        return AccessToken(TOKEN, int(time.time()) + 3600)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ModuleType]:
    root = tmp_path_factory.mktemp("hostile")
    built = {}
    for kind in KINDS:
        spec = root / f"{kind}.json"
        spec.write_text(json.dumps(hostile_spec(SECURITY[kind])), encoding="utf-8")
        built[kind] = generate_and_import(spec, f"hostile_{kind}", root / "out")
    return built


@pytest.fixture
def origin() -> Iterator[HostileServer]:
    with serving() as server:
        yield server


@pytest.fixture
def elsewhere() -> Iterator[HostileServer]:
    """A second server: another port is another origin."""
    with serving() as server:
        yield server


def make_client(
    packages: dict[str, ModuleType], kind: str, mode: str, endpoint: str, **options: Any
) -> Any:
    package = packages[kind]
    module = package if mode == "sync" else importlib.import_module(f"{package.__name__}.aio")
    credential: Any = Credential() if kind == "bearer" else SECRET_OF[kind]
    return module.Hostile(credential, endpoint=endpoint, **options)


def drive(mode: str, client: Any, action: Callable[[Any], Any]) -> Any:
    """Run `action(client)` in the client's mode; an asyncio action returns an awaitable."""
    if mode == "sync":
        with client:
            return action(client)

    async def main() -> Any:
        async with client:
            result = action(client)
            return await result if inspect.isawaitable(result) else result

    return asyncio.run(main())


def list_items(client: Any) -> Any:
    pager = client.items.list()
    if hasattr(pager, "__aiter__"):

        async def collect() -> list[str]:
            return [item async for item in pager]

        return collect()
    return list(pager)


def run_job(timeout: float | None = 10.0) -> Callable[[Any], Any]:
    def action(client: Any) -> Any:
        begun = client.jobs.begin_start(polling_interval=0.05)
        if inspect.isawaitable(begun):

            async def finish() -> Any:
                return await (await begun).result(timeout=timeout)

            return finish()
        return begun.result(timeout=timeout)

    return action


def get_thing(name: str, **kwargs: Any) -> Callable[[Any], Any]:
    return lambda client: client.things.get(name, **kwargs)


def error(packages: dict[str, ModuleType], name: str) -> type[Exception]:
    errors = importlib.import_module(f"{packages['bearer'].__name__}._runtime.errors")
    exception: type[Exception] = getattr(errors, name)
    return exception


def errors_of(client: Any) -> ModuleType:
    """The runtime errors module of the package `client` belongs to."""
    root = type(client).__module__.split(".")[0]
    return importlib.import_module(f"{root}._runtime.errors")


def carries_secret(request: Request, kind: str) -> bool:
    secret = SECRET_OF[kind]
    texts = [request.target, *request.headers.values()]
    return any(secret in text or _encoded(secret) in text for text in texts)


def _encoded(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# --- credentials only to trusted origins ------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_next_link_on_another_origin_is_followed_without_credentials(
    packages: dict[str, ModuleType],
    origin: HostileServer,
    elsewhere: HostileServer,
    kind: str,
    mode: str,
) -> None:
    origin.handler = lambda request, c: answer(
        c, 200, {"value": ["a"], "nextLink": f"{elsewhere.url}/p2"}
    )
    elsewhere.handler = lambda request, c: answer(c, 200, {"value": ["b"]})
    client = make_client(packages, kind, mode, origin.url)

    assert drive(mode, client, list_items) == ["a", "b"]

    assert [carries_secret(r, kind) for r in origin.received] == [True]
    assert [r.path for r in elsewhere.received] == ["/p2"]
    assert not carries_secret(elsewhere.received[0], kind)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_polling_urls_on_another_origin_are_followed_without_credentials(
    packages: dict[str, ModuleType],
    origin: HostileServer,
    elsewhere: HostileServer,
    kind: str,
    mode: str,
) -> None:
    monitor = {
        "Azure-AsyncOperation": f"{elsewhere.url}/status/1",
        "Location": f"{elsewhere.url}/result/1",
    }
    origin.handler = lambda request, c: answer(c, 202, b"", monitor)

    def remote(request: Request, c: Connection) -> None:
        if request.path == "/status/1":
            answer(c, 200, {"status": "Succeeded"})
        else:
            answer(c, 200, {"done": True})

    elsewhere.handler = remote
    client = make_client(packages, kind, mode, origin.url)

    assert drive(mode, client, run_job()) == {"done": True}

    assert [carries_secret(r, kind) for r in origin.received] == [True]
    assert [r.path for r in elsewhere.received] == ["/status/1", "/result/1"]
    assert not any(carries_secret(r, kind) for r in elsewhere.received)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", KINDS)
def test_origins_the_caller_lists_receive_credentials(
    packages: dict[str, ModuleType],
    origin: HostileServer,
    elsewhere: HostileServer,
    kind: str,
    mode: str,
) -> None:
    origin.handler = lambda request, c: answer(
        c, 200, {"value": ["a"], "nextLink": f"{elsewhere.url}/p2"}
    )
    elsewhere.handler = lambda request, c: answer(c, 200, {"value": ["b"]})
    client = make_client(packages, kind, mode, origin.url, trusted_origins=[elsewhere.url])

    assert drive(mode, client, list_items) == ["a", "b"]
    assert carries_secret(elsewhere.received[0], kind)


@pytest.mark.parametrize("mode", MODES)
def test_basic_auth_and_secret_headers_stay_on_the_endpoint(
    origin: HostileServer, elsewhere: HostileServer, mode: str
) -> None:
    from generator.runtime.aio_pipeline import AsyncPipeline
    from generator.runtime.auth import BasicAuth
    from generator.runtime.pipeline import Pipeline

    options: dict[str, Any] = {
        "base_url": origin.url,
        "auth": BasicAuth("user", "basic-password-31"),
        "logger_name": "tests.hostile",
        "user_agent": "tests",
        "redact": ["x-ms-ticket"],
    }
    headers = {"x-ms-ticket": "ticket-value-8c1d"}
    link = f"{elsewhere.url}/next"
    if mode == "sync":
        with Pipeline(**options) as pipeline:
            pipeline.send("GET", "/first", headers=headers)
            pipeline.send("GET", link, headers=headers, link=True)
    else:

        async def main() -> None:
            async with AsyncPipeline(**options) as pipeline:
                await pipeline.send("GET", "/first", headers=headers)
                await pipeline.send("GET", link, headers=headers, link=True)

        asyncio.run(main())

    (first,) = origin.received
    assert first.headers["authorization"].startswith("Basic ")
    assert first.headers["x-ms-ticket"] == "ticket-value-8c1d"
    (other,) = elsewhere.received
    assert "authorization" not in other.headers and "x-ms-ticket" not in other.headers


# --- every wait bounded ---------------------------------------------------------------------

RETRY_AFTER_FAULTS = {
    "seconds": {"Retry-After": "999999"},
    "milliseconds": {"retry-after-ms": "999999000"},
    "year 9999": {"Retry-After": "Fri, 31 Dec 9999 23:59:59 GMT"},
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("fault", sorted(RETRY_AFTER_FAULTS))
def test_a_retry_after_beyond_the_cap_fails_at_once(
    packages: dict[str, ModuleType], origin: HostileServer, fault: str, mode: str
) -> None:
    origin.handler = lambda request, c: answer(c, 503, b"busy", RETRY_AFTER_FAULTS[fault])
    client = make_client(packages, "bearer", mode, origin.url)
    too_long = errors_of(client).RetryAfterTooLongError
    started = time.monotonic()
    with pytest.raises(too_long) as info:
        drive(mode, client, get_thing("a"))
    assert time.monotonic() - started < 5, "it failed instead of sleeping"
    assert info.value.retry_after > 300 and info.value.status_code == 503
    assert len(origin.received) == 1


@pytest.mark.parametrize("mode", MODES)
def test_a_retry_after_within_the_cap_is_honoured(
    packages: dict[str, ModuleType], origin: HostileServer, mode: str
) -> None:
    replies = iter([(503, {"Retry-After": "1"}), (200, {})])

    def handler(request: Request, c: Connection) -> None:
        status, headers = next(replies)
        answer(c, status, {"ok": status == 200}, headers)

    origin.handler = handler
    retry = importlib.import_module(f"{packages['bearer'].__name__}._runtime.retry")
    client = make_client(
        packages, "bearer", mode, origin.url, retry=retry.RetryPolicy(max_retry_after=2)
    )
    assert drive(mode, client, get_thing("a")) == {"ok": True}
    first, second = origin.received
    assert second.at - first.at >= 0.9


def drip_headers(request: Request, c: Connection) -> None:
    c.drip(head(200, {"Content-Type": "application/json", "X-Padding": "p" * 120}, 2) + b"{}")


def drip_body(request: Request, c: Connection) -> None:
    body = b'{"value": "' + b"x" * 200 + b'"}'
    c.send(head(200, {"Content-Type": "application/json"}, len(body)))
    c.drip(body)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("handler", [drip_headers, drip_body], ids=["headers", "body"])
def test_a_server_dripping_one_byte_a_second_is_cut_off_at_the_deadline(
    packages: dict[str, ModuleType],
    origin: HostileServer,
    handler: Callable[[Request, Connection], None],
    mode: str,
) -> None:
    origin.handler = handler
    client = make_client(packages, "bearer", mode, origin.url, call_timeout=1.5)
    call_timeout = errors_of(client).CallTimeoutError
    started = time.monotonic()
    with pytest.raises(call_timeout):
        drive(mode, client, get_thing("a"))
    elapsed = time.monotonic() - started
    # The drip would take over 100 s; the deadline ends it at 1.5 s (plus at most one read).
    assert 1.4 <= elapsed < 4.5
    assert len(origin.received) == 1, "no retry after the deadline"


@pytest.mark.parametrize("mode", MODES)
def test_a_status_monitor_asking_for_a_long_wait_fails_the_operation(
    packages: dict[str, ModuleType], origin: HostileServer, mode: str
) -> None:
    def handler(request: Request, c: Connection) -> None:
        if request.method == "POST":
            answer(c, 202, b"", {"Azure-AsyncOperation": f"{origin.url}/status"})
        else:
            answer(c, 200, {"status": "InProgress"}, {"Retry-After": "999999"})

    origin.handler = handler
    client = make_client(packages, "bearer", mode, origin.url)
    too_long = errors_of(client).RetryAfterTooLongError
    started = time.monotonic()
    with pytest.raises(too_long):
        drive(mode, client, run_job())
    assert time.monotonic() - started < 5
    assert [r.method for r in origin.received] == ["POST", "GET"]


def never_ending(origin: HostileServer) -> Callable[[Request, Connection], None]:
    def handler(request: Request, c: Connection) -> None:
        if request.method == "POST":
            answer(c, 202, b"", {"Azure-AsyncOperation": f"{origin.url}/status"})
        else:
            answer(c, 200, {"status": "InProgress"})

    return handler


@pytest.mark.parametrize("mode", MODES)
def test_waiting_for_an_operation_that_never_ends_is_bounded(
    packages: dict[str, ModuleType], origin: HostileServer, mode: str
) -> None:
    origin.handler = never_ending(origin)
    client = make_client(packages, "bearer", mode, origin.url)
    polling_timeout = errors_of(client).PollingTimeoutError
    started = time.monotonic()
    with pytest.raises(polling_timeout):
        drive(mode, client, run_job(timeout=1.0))
    assert time.monotonic() - started < 4
    assert issubclass(polling_timeout, TimeoutError)


def test_an_abandoned_poller_stops_polling_at_its_deadline_and_goes_on_when_asked(
    packages: dict[str, ModuleType], origin: HostileServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    polling = importlib.import_module(f"{packages['bearer'].__name__}._runtime.polling")
    monkeypatch.setattr(polling, "DEFAULT_POLLING_TIMEOUT", 0.5)
    origin.handler = never_ending(origin)
    with make_client(packages, "bearer", "sync", origin.url) as client:
        poller = client.jobs.begin_start(polling_interval=0.05)
        time.sleep(1.5)
        count = len(origin.received)
        time.sleep(0.5)
        assert len(origin.received) == count, "nobody waits: the poller has stopped"
        assert not poller.done()
        origin.handler = lambda request, c: answer(c, 200, {"status": "Succeeded", "id": 7})
        # A POST followed by its status monitor alone: the monitor's last body is the result.
        assert poller.result(timeout=5) == {"status": "Succeeded", "id": 7}


def test_pollers_wait_three_hours_unless_told_otherwise(packages: dict[str, ModuleType]) -> None:
    polling = importlib.import_module(f"{packages['bearer'].__name__}._runtime.polling")
    aio_polling = importlib.import_module(f"{packages['bearer'].__name__}._runtime.aio_polling")
    for method in (
        polling.LROPoller.result,
        polling.LROPoller.wait,
        aio_polling.AsyncLROPoller.result,
        aio_polling.AsyncLROPoller.wait,
    ):
        assert inspect.signature(method).parameters["timeout"].default == 3 * 3600


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("loop", ["itself", "an earlier page"])
def test_a_next_link_leading_back_is_refused(
    packages: dict[str, ModuleType], origin: HostileServer, loop: str, mode: str
) -> None:
    def handler(request: Request, c: Connection) -> None:
        if loop == "itself":
            answer(c, 200, {"value": ["x"], "nextLink": f"{origin.url}/items/again"})
        elif request.path == "/items":
            answer(c, 200, {"value": ["1"], "nextLink": f"{origin.url}/p2"})
        else:
            answer(c, 200, {"value": ["2"], "nextLink": f"{origin.url}/items"})

    origin.handler = handler
    client = make_client(packages, "bearer", mode, origin.url)
    with pytest.raises(errors_of(client).PagingLoopError):
        drive(mode, client, list_items)
    assert len(origin.received) <= 3


# --- bounded response size ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def bomb() -> bytes:
    from tests.support.hostile_server import gzip_bomb

    return gzip_bomb(1024**3)


@pytest.mark.parametrize("mode", MODES)
def test_a_gzip_bomb_stops_at_the_response_size_limit(
    packages: dict[str, ModuleType], origin: HostileServer, bomb: bytes, mode: str
) -> None:
    assert len(bomb) < 1_100_000
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    origin.handler = lambda request, c: answer(c, 200, bomb, headers)
    client = make_client(packages, "bearer", mode, origin.url)
    tracemalloc.start()
    try:
        with pytest.raises(errors_of(client).ResponseTooLargeError):
            drive(mode, client, get_thing("a"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # The body inflates to 1 GiB; reading stops past the 100 MiB default, one decoded chunk on.
    assert peak < 400 * 1024**2


@pytest.mark.parametrize("mode", MODES)
def test_a_declared_length_beyond_the_limit_fails_before_reading(
    packages: dict[str, ModuleType], origin: HostileServer, mode: str
) -> None:
    def handler(request: Request, c: Connection) -> None:
        c.send(head(200, {"Content-Type": "application/json"}, 10**12))
        c.hold()

    origin.handler = handler
    client = make_client(packages, "bearer", mode, origin.url, max_response_size=1000)
    started = time.monotonic()
    with pytest.raises(errors_of(client).ResponseTooLargeError):
        drive(mode, client, get_thing("a"))
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("mode", MODES)
def test_a_body_over_a_small_limit_is_refused_and_one_under_it_read(
    packages: dict[str, ModuleType], origin: HostileServer, mode: str
) -> None:
    origin.handler = lambda request, c: answer(c, 200, {"v": "x" * 2000})
    small = make_client(packages, "bearer", mode, origin.url, max_response_size=1000)
    with pytest.raises(errors_of(small).ResponseTooLargeError):
        drive(mode, small, get_thing("a"))
    roomy = make_client(packages, "bearer", mode, origin.url, max_response_size=3000)
    assert drive(mode, roomy, get_thing("a")) == {"v": "x" * 2000}


# --- no secret in any log record ---------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_no_log_record_of_any_logger_carries_a_secret(
    packages: dict[str, ModuleType],
    origin: HostileServer,
    elsewhere: HostileServer,
    caplog: pytest.LogCaptureFixture,
    mode: str,
) -> None:
    def handler(request: Request, c: Connection) -> None:
        if request.path == "/items":
            answer(c, 200, {"value": ["a"], "nextLink": f"{elsewhere.url}/p2"})
        else:
            # Echo the credentials back in headers, as a careless service might.
            echoed = {"X-Echo": request.headers.get("authorization", "") or request.target}
            answer(c, 200, {"ok": True}, echoed)

    origin.handler = handler
    elsewhere.handler = lambda request, c: answer(c, 200, {"value": ["b"]})
    caplog.set_level(logging.DEBUG)
    for kind in KINDS:
        client = make_client(packages, kind, mode, origin.url)
        assert drive(mode, client, list_items) == ["a", "b"]
        client = make_client(packages, kind, mode, origin.url)
        assert drive(mode, client, get_thing("a")) == {"ok": True}

    names = {record.name for record in caplog.records}
    assert {"httpx", "httpcore.http11", "hostile_bearer"} <= names, "every library logged"
    assert any("code=" in r.getMessage() for r in caplog.records if r.name == "httpx")
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    secrets = {TOKEN, HEADER_KEY, QUERY_KEY, _encoded(QUERY_KEY)}
    for record in caplog.records:
        text = formatter.format(record)
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{record.name}: {text}"


# --- XML, patterns and unencoded values --------------------------------------------------------

XML_ATTACKS = {
    "UTF-16 internal entity": (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE r [<!ENTITY e "expanded">]><r><v>&e;</v></r>'
    ).encode("utf-16"),
    "billion laughs": (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><r><v>&b;</v></r>'
    ),
    "external entity": (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<r><v>&x;</v></r>"
    ),
    "UTF-16 doctype without BOM hint": (
        '<!DOCTYPE r [<!ENTITY e "expanded">]><r><v>&e;</v></r>'.encode("utf-16-le")
    ),
}


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("attack", sorted(XML_ATTACKS))
def test_xml_with_a_document_type_is_refused_by_the_parser(
    origin: HostileServer, attack: str, mode: str
) -> None:
    from generator.runtime import xml
    from generator.runtime.aio_pipeline import AsyncPipeline
    from generator.runtime.errors import DeserializationError
    from generator.runtime.pipeline import Pipeline

    body = XML_ATTACKS[attack]
    origin.handler = lambda request, c: answer(c, 200, body, {"Content-Type": "application/xml"})
    options: dict[str, Any] = {"base_url": origin.url, "logger_name": "t", "user_agent": "t"}
    if mode == "sync":
        with Pipeline(**options) as pipeline:
            content = pipeline.send("GET", "/doc").content
    else:

        async def fetch() -> bytes:
            async with AsyncPipeline(**options) as pipeline:
                return (await pipeline.send("GET", "/doc")).content

        content = asyncio.run(fetch())
    layout = xml.Layout(xml.Name("r"), (xml.Prop("v", xml.Name("v"), xml.STRING),))
    node = xml.Node("model", layout=lambda: layout)
    with pytest.raises(DeserializationError):
        xml.loads(content, node)
    plain = '<?xml version="1.0" encoding="UTF-16"?><r><v>fine</v></r>'.encode("utf-16")
    assert xml.loads(plain, node) == {"v": "fine"}


@pytest.mark.parametrize("mode", MODES)
def test_spec_patterns_check_in_python_s_dialect_and_never_raise_re_error(
    packages: dict[str, ModuleType], origin: HostileServer, mode: str
) -> None:
    origin.handler = lambda request, c: answer(c, 200, {"ok": True})
    validation_error = error(packages, "ValidationError")
    client = make_client(packages, "bearer", mode, origin.url)
    # \p{L}\p{N}: letters and digits of any script pass.
    assert drive(mode, client, get_thing("Ünïcødé_名前.٣")) == {"ok": True}
    client = make_client(packages, "bearer", mode, origin.url)
    with pytest.raises(validation_error, match="must match the pattern"):
        drive(mode, client, get_thing("a b"))
    # "^ab\" (a trailing backslash) has no translation: not checked, and no re.error.
    client = make_client(packages, "bearer", mode, origin.url)
    assert drive(mode, client, get_thing("a", tag="zz")) == {"ok": True}
    assert len(origin.received) == 2


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("value", ["a\x01b", "line\nbreak", "del\x7f"])
def test_a_control_character_in_an_unencoded_value_is_a_validation_error(
    packages: dict[str, ModuleType], origin: HostileServer, value: str, mode: str
) -> None:
    client = make_client(packages, "bearer", mode, origin.url)
    with pytest.raises(error(packages, "ValidationError"), match="control character"):
        drive(mode, client, get_thing("a", filter=value))
    assert origin.received == []


@pytest.mark.parametrize("mode", MODES)
def test_a_head_response_declaring_a_large_body_is_not_refused(
    origin: HostileServer, mode: str
) -> None:
    from generator.runtime.aio_pipeline import AsyncPipeline
    from generator.runtime.pipeline import Pipeline

    origin.handler = lambda request, c: c.send(head(200, {}, 10**9))
    options: dict[str, Any] = {
        "base_url": origin.url,
        "logger_name": "t",
        "user_agent": "t",
        "max_response_size": 1000,
    }
    if mode == "sync":
        with Pipeline(**options) as pipeline:
            status = pipeline.send("HEAD", "/big").status_code
    else:

        async def probe() -> int:
            async with AsyncPipeline(**options) as pipeline:
                return (await pipeline.send("HEAD", "/big")).status_code

        status = asyncio.run(probe())
    assert status == 200
