"""body-string.json: strings, base64 strings and string enums (closed and referenced)."""

from __future__ import annotations

from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import accepted, submodule
from tests.testserver.server import TestServer

# The server's multi-byte string, escaped (some are private-use characters).
MBCS = (
    "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29\u02ca\u301e\u3021\uffe4"
    "\u2121\u3231\u2010\u30fc\ufe61\ufe62\ufe6b\u3001\u3013\u2170\u2179\u2488\u20ac\u3220"
    "\u3229\u2160\u216b\uff01\uffe3\u3041\u3093\u30a1\u30f6\u0391\ufe34\u0410\u042f\u0430"
    "\u044f\u0101\u0261\u3105\u3129\u2500\u254b\ufe35\ufe44\ufe3b\ufe31\ufe33\ufe34\u2170"
    "\u2179\u0251\ue7c7\u0261\u3007\u303e\u2ffb\u2e81\ue843\u4723\ue864\u20ac"
)
WHITESPACE = "    Now is the time for all good men to come to the aid of their country    "


@pytest.fixture(scope="module")
def package(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("body-string.json")


@pytest.fixture
def service(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestSwaggerBATService(endpoint=testserver.url) as client:
        yield client


def test_get_null_and_not_provided(service: Any) -> None:
    assert service.string.get_null() is None
    assert service.string.get_not_provided() is None
    assert service.string.get_null_base64_url_encoded() is None


def test_put_null_sends_no_body(service: Any, testserver: TestServer) -> None:
    accepted(testserver, "putStringNull", lambda: service.string.put_null(string_body=None))


def test_empty(service: Any, testserver: TestServer) -> None:
    assert service.string.get_empty() == ""
    accepted(testserver, "putStringEmpty", service.string.put_empty)


def test_multi_byte_characters(service: Any, testserver: TestServer) -> None:
    assert service.string.get_mbcs() == MBCS
    accepted(testserver, "putStringMultiByteCharacters", service.string.put_mbcs)


def test_whitespace_is_kept(service: Any, testserver: TestServer) -> None:
    assert service.string.get_whitespace() == WHITESPACE
    accepted(testserver, "putStringWithLeadingAndTrailingWhitespace", service.string.put_whitespace)


def test_base64(service: Any, testserver: TestServer) -> None:
    assert service.string.get_base64_encoded() == b"a string that gets encoded with base64"
    url_bytes = b"a string that gets encoded with base64url"
    assert service.string.get_base64_url_encoded() == url_bytes
    accepted(
        testserver,
        "putStringBase64UrlEncoded",
        lambda: service.string.put_base64_url_encoded(url_bytes),
    )


def test_enum_not_expandable(service: Any, package: ModuleType, testserver: TestServer) -> None:
    colors = submodule(package, "models").Colors
    value = service.enum.get_not_expandable()
    assert value is colors.RED_COLOR
    assert value == "red color"
    accepted(
        testserver,
        "putEnumNotExpandable",
        lambda: service.enum.put_not_expandable(colors.RED_COLOR),
    )


def test_enum_referenced(service: Any, package: ModuleType, testserver: TestServer) -> None:
    assert service.enum.get_referenced() is submodule(package, "models").Colors.RED_COLOR
    # A plain string is accepted where the enum is expected.
    accepted(testserver, "putEnumReferenced", lambda: service.enum.put_referenced("red color"))


def test_enum_referenced_constant(
    service: Any, package: ModuleType, testserver: TestServer
) -> None:
    value = service.enum.get_referenced_constant()
    assert value.field1 == "Sample String"
    assert value.color_constant == "green-color"
    # The constant is not a constructor argument; it is always sent.
    body = submodule(package, "models").RefColorConstant()
    assert body.to_dict() == {"ColorConstant": "green-color"}
    with pytest.raises(TypeError):
        submodule(package, "models").RefColorConstant(color_constant="blue")
    accepted(
        testserver, "putEnumReferencedConstant", lambda: service.enum.put_referenced_constant(body)
    )
