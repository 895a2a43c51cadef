"""url.json: path and query parameters of every type, encoding and collection formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.scenario_hits import hit, submodule
from tests.testserver.server import TestServer

UNICODE = "\u554a\u9f44\u4e02\u72db\u72dc\uf9f1\uf92c\uf9f1\ufa0c\ufa29"
URL_CHARS = "begin!*'();:@ &=+$,/?#[]end"


@pytest.fixture(scope="module")
def url(generated_clients: GeneratedClients) -> ModuleType:
    return generated_clients("url.json")


@pytest.fixture
def client(url: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with url.AutoRestUrlTestService("globalStringPath", endpoint=testserver.url) as service:
        yield service


Call = Callable[[Any], Any]

PATHS: list[tuple[str, Call]] = [
    ("UrlPathsBoolTrue", lambda c: c.paths.get_boolean_true()),
    ("UrlPathsBoolFalse", lambda c: c.paths.get_boolean_false()),
    ("UrlPathsIntPositive", lambda c: c.paths.get_int_one_million()),
    ("UrlPathsIntNegative", lambda c: c.paths.get_int_negative_one_million()),
    ("UrlPathsLongPositive", lambda c: c.paths.get_ten_billion()),
    ("UrlPathsLongNegative", lambda c: c.paths.get_negative_ten_billion()),
    ("UrlPathsFloatPositive", lambda c: c.paths.float_scientific_positive()),
    ("UrlPathsFloatNegative", lambda c: c.paths.float_scientific_negative()),
    ("UrlPathsDoublePositive", lambda c: c.paths.double_decimal_positive()),
    ("UrlPathsDoubleNegative", lambda c: c.paths.double_decimal_negative()),
    ("UrlPathsStringUnicode", lambda c: c.paths.string_unicode()),
    ("UrlPathsStringUrlEncoded", lambda c: c.paths.string_url_encoded()),
    ("UrlPathsStringUrlNonEncoded", lambda c: c.paths.string_url_non_encoded()),
    ("UrlPathsStringEmpty", lambda c: c.paths.string_empty()),
    ("UrlPathsEnumValid", lambda c: c.paths.enum_valid("green color")),
    ("UrlPathsByteMultiByte", lambda c: c.paths.byte_multi_byte(UNICODE.encode())),
    ("UrlPathsByteEmpty", lambda c: c.paths.byte_empty()),
    ("UrlPathsDateValid", lambda c: c.paths.date_valid()),
    ("UrlPathsDateTimeValid", lambda c: c.paths.date_time_valid()),
    ("UrlPathsStringBase64Url", lambda c: c.paths.base64_url(b"lorem")),
    (
        "UrlPathsArrayCSVInPath",
        lambda c: c.paths.array_csv_in_path(["ArrayPath1", URL_CHARS, "", ""]),
    ),
    (
        "UrlPathsIntUnixTime",
        lambda c: c.paths.unix_time_url(dt.datetime(2016, 4, 13, tzinfo=dt.UTC)),
    ),
]

ARRAY = ["ArrayQuery1", URL_CHARS, "", ""]

QUERIES: list[tuple[str, Call]] = [
    ("UrlQueriesBoolTrue", lambda c: c.queries.get_boolean_true()),
    ("UrlQueriesBoolFalse", lambda c: c.queries.get_boolean_false()),
    ("UrlQueriesBoolNull", lambda c: c.queries.get_boolean_null()),
    ("UrlQueriesIntPositive", lambda c: c.queries.get_int_one_million()),
    ("UrlQueriesIntNegative", lambda c: c.queries.get_int_negative_one_million()),
    ("UrlQueriesIntNull", lambda c: c.queries.get_int_null()),
    ("UrlQueriesLongPositive", lambda c: c.queries.get_ten_billion()),
    ("UrlQueriesLongNegative", lambda c: c.queries.get_negative_ten_billion()),
    ("UrlQueriesLongNull", lambda c: c.queries.get_long_null()),
    ("UrlQueriesFloatPositive", lambda c: c.queries.float_scientific_positive()),
    ("UrlQueriesFloatNegative", lambda c: c.queries.float_scientific_negative()),
    ("UrlQueriesFloatNull", lambda c: c.queries.float_null()),
    ("UrlQueriesDoublePositive", lambda c: c.queries.double_decimal_positive()),
    ("UrlQueriesDoubleNegative", lambda c: c.queries.double_decimal_negative()),
    ("UrlQueriesDoubleNull", lambda c: c.queries.double_null()),
    ("UrlQueriesStringUnicode", lambda c: c.queries.string_unicode()),
    ("UrlQueriesStringUrlEncoded", lambda c: c.queries.string_url_encoded()),
    ("UrlQueriesStringEmpty", lambda c: c.queries.string_empty()),
    ("UrlQueriesStringNull", lambda c: c.queries.string_null()),
    ("UrlQueriesEnumValid", lambda c: c.queries.enum_valid(enum_query="green color")),
    ("UrlQueriesEnumNull", lambda c: c.queries.enum_null()),
    ("UrlQueriesByteMultiByte", lambda c: c.queries.byte_multi_byte(byte_query=UNICODE.encode())),
    ("UrlQueriesByteEmpty", lambda c: c.queries.byte_empty()),
    ("UrlQueriesByteNull", lambda c: c.queries.byte_null()),
    ("UrlQueriesDateValid", lambda c: c.queries.date_valid()),
    ("UrlQueriesDateNull", lambda c: c.queries.date_null()),
    ("UrlQueriesDateTimeValid", lambda c: c.queries.date_time_valid()),
    ("UrlQueriesDateTimeNull", lambda c: c.queries.date_time_null()),
    ("UrlQueriesArrayCsvValid", lambda c: c.queries.array_string_csv_valid(array_query=ARRAY)),
    ("UrlQueriesArrayCsvNull", lambda c: c.queries.array_string_csv_null()),
    ("UrlQueriesArrayCsvEmpty", lambda c: c.queries.array_string_csv_empty(array_query=[])),
    (
        "UrlQueriesArrayNoCollectionFormatValid",
        lambda c: c.queries.array_string_no_collection_format_empty(
            array_query=["hello", "nihao", "bonjour"]
        ),
    ),
    ("UrlQueriesArraySsvValid", lambda c: c.queries.array_string_ssv_valid(array_query=ARRAY)),
    ("UrlQueriesArrayTsvValid", lambda c: c.queries.array_string_tsv_valid(array_query=ARRAY)),
    ("UrlQueriesArrayPipesValid", lambda c: c.queries.array_string_pipes_valid(array_query=ARRAY)),
]

# (scenario, the client's global query value, the call)
PATH_ITEMS: list[tuple[str, str | None, Call]] = [
    (
        "UrlPathItemGetAll",
        "globalStringQuery",
        lambda c: c.path_items.get_all_with_values(
            "pathItemStringPath",
            "localStringPath",
            path_item_string_query="pathItemStringQuery",
            local_string_query="localStringQuery",
        ),
    ),
    (
        "UrlPathItemGetGlobalNull",
        None,
        lambda c: c.path_items.get_global_query_null(
            "pathItemStringPath",
            "localStringPath",
            path_item_string_query="pathItemStringQuery",
            local_string_query="localStringQuery",
        ),
    ),
    (
        "UrlPathItemGetGlobalAndLocalNull",
        None,
        lambda c: c.path_items.get_global_and_local_query_null(
            "pathItemStringPath",
            "localStringPath",
            path_item_string_query="pathItemStringQuery",
        ),
    ),
    (
        "UrlPathItemGetPathItemAndLocalNull",
        "globalStringQuery",
        lambda c: c.path_items.get_local_path_item_query_null(
            "pathItemStringPath", "localStringPath"
        ),
    ),
]


@pytest.mark.parametrize(("scenario", "call"), PATHS, ids=[s for s, _ in PATHS])
def test_path_parameters(client: Any, testserver: TestServer, scenario: str, call: Call) -> None:
    assert hit(testserver, scenario, lambda: call(client)) is None


@pytest.mark.parametrize(("scenario", "call"), QUERIES, ids=[s for s, _ in QUERIES])
def test_query_parameters(client: Any, testserver: TestServer, scenario: str, call: Call) -> None:
    assert hit(testserver, scenario, lambda: call(client)) is None


@pytest.mark.parametrize(
    ("scenario", "global_query", "call"), PATH_ITEMS, ids=[s for s, _, _ in PATH_ITEMS]
)
def test_path_item_parameters(
    url: ModuleType, testserver: TestServer, scenario: str, global_query: str | None, call: Call
) -> None:
    """Client-level parameters (globalStringPath, globalStringQuery) next to the path item's and
    the operation's own; an optional client value left as None is not sent."""
    with url.AutoRestUrlTestService(
        "globalStringPath", endpoint=testserver.url, global_string_query=global_query
    ) as service:
        assert hit(testserver, scenario, lambda: call(service)) is None


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.paths.string_null(None),
        lambda c: c.paths.enum_null(None),
        lambda c: c.paths.byte_null(None),
        lambda c: c.paths.date_null(None),
        lambda c: c.paths.date_time_null(None),
    ],
    ids=["string", "enum", "byte", "date", "datetime"],
)
def test_required_path_value_none_is_rejected_before_sending(
    client: Any, url: ModuleType, call: Call
) -> None:
    errors = submodule(url, "exceptions")
    with pytest.raises(errors.ValidationError, match="must not be None"):
        call(client)
