from __future__ import annotations

import enum
from datetime import UTC, date, datetime, timedelta

import pytest

from generator.runtime.errors import ValidationError
from generator.runtime.urls import (
    format_collection,
    format_url,
    quote_path,
    quote_path_collection,
    to_query_value,
)


def test_quote_path_encodes_all_but_unreserved() -> None:
    assert quote_path("a b/c") == "a%20b%2Fc"
    assert quote_path("A-z_0.9~") == "A-z_0.9~"
    assert quote_path("?#[]@!$&'()*+,;=%") == "%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%25"
    assert quote_path("é") == "%C3%A9"
    assert quote_path("a b/c", skip_encoding=True) == "a b/c"


@pytest.mark.parametrize(
    ("base", "template", "expected"),
    [
        ("https://h.example", "/things/{id}", "https://h.example/things/a%20b%2Fc"),
        ("https://h.example/", "/things/{id}", "https://h.example/things/a%20b%2Fc"),
        ("https://h.example/api/v1", "things/{id}", "https://h.example/api/v1/things/a%20b%2Fc"),
        ("https://h.example/api/v1/", "/things/{id}", "https://h.example/api/v1/things/a%20b%2Fc"),
        (
            "https://h.example",
            "/things/{id}?api-version=2024-01-01",
            "https://h.example/things/a%20b%2Fc?api-version=2024-01-01",
        ),
        ("https://h.example/root", "", "https://h.example/root"),
    ],
)
def test_format_url(base: str, template: str, expected: str) -> None:
    assert format_url(base, template, {"id": quote_path("a b/c")}) == expected


def test_format_url_fills_a_parameterized_host_and_substitutes_once() -> None:
    url = format_url(
        "https://{account}.blob.example",
        "/{container}",
        {
            "account": "acct",
            "container": "{account}",
        },
    )
    assert url == "https://acct.blob.example/{account}"


def test_format_url_names_a_missing_value() -> None:
    with pytest.raises(ValidationError, match="'name'"):
        format_url("https://h", "/x/{name}", {})


class Kind(enum.Enum):
    A = "alpha"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "true"),
        (False, "false"),
        (1.0, "1"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (1e-7, "1e-07"),
        (12, "12"),
        ("as is", "as is"),
        (Kind.A, "alpha"),
        (datetime(2021, 1, 2, 3, 4, 5, 600000, UTC), "2021-01-02T03:04:05.6Z"),
        (date(2021, 1, 2), "2021-01-02"),
        (timedelta(hours=1), "PT1H"),
        (b"\xfb\xff", "+/8="),
    ],
)
def test_to_query_value(value: object, text: str) -> None:
    assert to_query_value(value) == text


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("csv", "a,1,true"), ("ssv", "a 1 true"), ("tsv", "a\t1\ttrue"), ("pipes", "a|1|true")],
)
def test_format_collection(fmt: str, expected: str) -> None:
    assert format_collection(["a", 1, True], fmt) == expected


def test_format_collection_rejects_unknown_formats() -> None:
    assert format_collection([], "csv") == ""
    with pytest.raises(ValueError, match="multi"):
        format_collection(["a"], "multi")


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csv", "a%20b,c%2Cd,1"),
        ("ssv", "a%20b%20c%2Cd%201"),
        ("pipes", "a%20b%7Cc%2Cd%7C1"),
    ],
)
def test_quote_path_collection_encodes_items_and_keeps_commas(fmt: str, expected: str) -> None:
    assert quote_path_collection(["a b", "c,d", 1], fmt) == expected


def test_quote_path_collection_unencoded() -> None:
    assert quote_path_collection(["a/b", "c"], "csv", skip_encoding=True) == "a/b,c"
    with pytest.raises(ValidationError):
        quote_path_collection(["a\nb"], "csv", skip_encoding=True)
    with pytest.raises(ValueError, match="Unknown collection format"):
        quote_path_collection(["a"], "multi")
