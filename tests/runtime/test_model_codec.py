"""The runtime pieces generated models are written with: NULL, put, subtype, additional
properties, untyped values, and the date forms the test server exercises."""

from __future__ import annotations

import copy
import datetime as dt
import enum
import pickle
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from generator.runtime import codec as c
from generator.runtime.dates import deserialize_rfc1123, serialize_datetime
from generator.runtime.errors import DeserializationError
from generator.runtime.fields import (
    NULL,
    KnownTree,
    additional_fields,
    merge_additional,
    serialize_any,
    subtype,
    unknown_fields,
)
from generator.runtime.primitives import deserialize_float

# --- NULL and put --------------------------------------------------------------------------------


def test_null_is_a_falsy_singleton_that_survives_copies() -> None:
    assert not NULL
    assert repr(NULL) == "NULL"
    assert copy.copy(NULL) is NULL
    assert copy.deepcopy([NULL])[0] is NULL
    assert pickle.loads(pickle.dumps(NULL)) is NULL
    assert type(NULL)() is NULL


def test_put_leaves_none_out_and_sends_null_for_null() -> None:
    result: dict[str, Any] = {}
    c.put(result, ("a",), None)
    c.put(result, ("b",), NULL, str)
    c.put(result, ("c", "d"), 5, lambda v: v * 2)
    c.put(result, ("e",), None, null=True)
    assert result == {"b": None, "c": {"d": 10}, "e": None}


def test_keep_value_sets_only_a_value() -> None:
    @dataclass
    class Box:
        kind: str = "fixed"

    box = Box()
    c.keep_value(box, "kind", None)
    assert box.kind == "fixed"
    c.keep_value(box, "kind", "sent")
    assert box.kind == "sent"


# --- polymorphism --------------------------------------------------------------------------------


class Fish:
    pass


class Salmon(Fish):
    pass


class Shark(Fish):
    pass


class Color(str, enum.Enum):
    SALMON = "salmon"


TABLE: dict[str, type[Any]] = {"salmon": Salmon, "shark": Shark, "fish": Fish}


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"kind": "salmon"}, Salmon),
        ({"kind": "SHARK"}, Shark),  # case is ignored when no value matches exactly
        ({"kind": Color.SALMON}, Salmon),
        ({"kind": "trout"}, None),  # unknown: the caller decodes the base class
        ({"kind": 5}, None),
        ({}, None),
        ({"kind": "fish"}, None),  # the class itself is not a subtype
    ],
)
def test_subtype(data: dict[str, Any], expected: type[Any] | None) -> None:
    assert subtype(Fish, data, ("kind",), TABLE) is expected


def test_subtype_only_returns_subclasses_of_the_class_asked() -> None:
    assert subtype(Salmon, {"kind": "shark"}, ("kind",), TABLE) is None


# --- additional properties -----------------------------------------------------------------------


KNOWN: KnownTree = {"id": None, "properties": {"size": None}}


def test_additional_fields_are_the_unknown_top_level_keys() -> None:
    data = {"id": 1, "color": "red", "weight": "5", "properties": {"size": 1, "x": 2}}
    assert additional_fields(data, KNOWN) == {"color": "red", "weight": "5"}
    assert additional_fields(data, KNOWN, str.upper) == {"color": "RED", "weight": "5"}
    assert additional_fields([1], KNOWN) == {}
    # Nested unknowns stay with the model's store of unknown properties.
    assert unknown_fields(data, KNOWN, top_level=False) == {"properties": {"x": 2}}


def test_additional_fields_name_the_key_that_fails() -> None:
    with pytest.raises(DeserializationError, match="'height'"):
        additional_fields({"height": "tall"}, KNOWN, deserialize_float)


def test_merge_additional_never_overwrites_declared_properties() -> None:
    target: dict[str, Any] = {"id": 1}
    merge_additional(target, {"id": 2, "when": dt.date(2020, 1, 2)}, serialize_any)
    assert target == {"id": 1, "when": "2020-01-02"}


# --- untyped values ------------------------------------------------------------------------------


@dataclass
class Model:
    value: int

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value}


def test_serialize_any_converts_what_json_cannot_hold() -> None:
    value = {
        "model": Model(3),
        "enum": Color.SALMON,
        "when": dt.datetime(2017, 12, 13, 2, 29, 51, tzinfo=dt.UTC),
        "day": dt.date(2017, 12, 13),
        "at": dt.time(1, 2, 3),
        "for": dt.timedelta(hours=1),
        "raw": b"\xff",
        "money": Decimal("1.5"),
        "null": NULL,
        "nested": [(1, "a"), {2: None}],
    }
    assert serialize_any(value) == {
        "model": {"value": 3},
        "enum": "salmon",
        "when": "2017-12-13T02:29:51Z",
        "day": "2017-12-13",
        "at": "01:02:03",
        "for": "PT1H",
        "raw": "/w==",
        "money": 1.5,
        "null": None,
        "nested": [[1, "a"], {"2": None}],
    }


# --- dates at the edges of the datetime range ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mon, 01 Jan 0001 00:00:00 GMT", dt.datetime(1, 1, 1, tzinfo=dt.UTC)),
        ("fri, 31 dec 9999 23:59:59 gmt", dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)),
        ("1 Feb 2020 10:11 +0100", dt.datetime(2020, 2, 1, 9, 11, tzinfo=dt.UTC)),
        ("Sunday, 06-Nov-94 08:49:37 GMT", dt.datetime(1994, 11, 6, 8, 49, 37, tzinfo=dt.UTC)),
    ],
)
def test_rfc1123_keeps_four_digit_years(text: str, expected: dt.datetime) -> None:
    assert deserialize_rfc1123(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Sat, 1 Jan 10000 00:00:00 GMT", "Tue, 00 Jan 0000 00:00:00 GMT", "Mon, 01 Foo 2001 00:00"],
)
def test_rfc1123_out_of_range_is_a_clear_error(text: str) -> None:
    with pytest.raises(DeserializationError, match="RFC 1123|out of range"):
        deserialize_rfc1123(text)


def test_serialize_datetime_keeps_the_offset_when_utc_is_out_of_range() -> None:
    plus = dt.timezone(dt.timedelta(hours=14))
    minus = dt.timezone(dt.timedelta(hours=-14, minutes=-30))
    assert serialize_datetime(dt.datetime(1, 1, 1, tzinfo=plus)) == "0001-01-01T00:00:00+14:00"
    late = dt.datetime(9999, 12, 31, 23, 59, 59, 999000, tzinfo=minus)
    assert serialize_datetime(late) == "9999-12-31T23:59:59.999-14:30"
    # In range, UTC as before.
    assert serialize_datetime(dt.datetime(2000, 1, 1, 14, tzinfo=plus)) == "2000-01-01T00:00:00Z"
