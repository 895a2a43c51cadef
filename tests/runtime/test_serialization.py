from __future__ import annotations

import enum
import pickle
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from generator.runtime.dates import (
    deserialize_date,
    deserialize_datetime,
    deserialize_duration,
    deserialize_rfc1123,
    deserialize_time,
    deserialize_unixtime,
    serialize_date,
    serialize_datetime,
    serialize_duration,
    serialize_rfc1123,
    serialize_time,
    serialize_unixtime,
)
from generator.runtime.enums import (
    ExtensibleFloatEnum,
    ExtensibleIntEnum,
    ExtensibleStrEnum,
    deserialize_enum,
    serialize_enum,
)
from generator.runtime.errors import DeserializationError, SdkError
from generator.runtime.fields import (
    KnownTree,
    get_path,
    has_path,
    merge_unknown,
    set_path,
    unknown_fields,
)
from generator.runtime.primitives import (
    deserialize_base64url,
    deserialize_bool,
    deserialize_bytes,
    deserialize_decimal,
    deserialize_dict,
    deserialize_float,
    deserialize_int,
    deserialize_list,
    deserialize_model,
    deserialize_str,
    serialize_base64url,
    serialize_bytes,
    serialize_decimal,
    serialize_dict,
    serialize_list,
)

# --- date-time --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-11-30T13:06:23.362Z", datetime(2021, 11, 30, 13, 6, 23, 362000, UTC)),
        ("2021-11-30T13:06:23Z", datetime(2021, 11, 30, 13, 6, 23, tzinfo=UTC)),
        ("2021-11-30T13:06:23.1234567Z", datetime(2021, 11, 30, 13, 6, 23, 123456, UTC)),
        ("2021-11-30T13:06:23.999999999Z", datetime(2021, 11, 30, 13, 6, 23, 999999, UTC)),
        ("2021-11-30t13:06:23.5z", datetime(2021, 11, 30, 13, 6, 23, 500000, UTC)),
        ("2021-11-30T13:06:23+00:00", datetime(2021, 11, 30, 13, 6, 23, tzinfo=UTC)),
        ("2021-11-30T13:06:23", datetime(2021, 11, 30, 13, 6, 23, tzinfo=UTC)),
        ("2021-11-30 13:06", datetime(2021, 11, 30, 13, 6, tzinfo=UTC)),
        ("2021-11-30", datetime(2021, 11, 30, tzinfo=UTC)),
        (
            "2021-11-30T13:06:23.1+05:30",
            datetime(2021, 11, 30, 13, 6, 23, 100000, timezone(timedelta(hours=5, minutes=30))),
        ),
        ("2021-11-30T13:06:23-0800", datetime(2021, 11, 30, 21, 6, 23, tzinfo=UTC)),
        ("9999-12-31T23:59:59.9999999Z", datetime(9999, 12, 31, 23, 59, 59, 999999, UTC)),
        ("0001-01-01T00:00:00Z", datetime(1, 1, 1, tzinfo=UTC)),
    ],
)
def test_deserialize_datetime(text: str, expected: datetime) -> None:
    parsed = deserialize_datetime(text)
    assert parsed == expected
    assert parsed is not None and parsed.tzinfo is not None


def test_deserialize_datetime_keeps_the_offset_given() -> None:
    parsed = deserialize_datetime("9999-12-31T23:59:59-01:00")
    assert parsed is not None
    assert parsed.utcoffset() == timedelta(hours=-1)
    assert (parsed.year, parsed.hour) == (9999, 23)


def test_deserialize_datetime_passes_datetimes_through_and_makes_naive_ones_utc() -> None:
    aware = datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=2)))
    assert deserialize_datetime(aware) is aware
    assert deserialize_datetime(datetime(2020, 1, 1)) == datetime(2020, 1, 1, tzinfo=UTC)
    assert deserialize_datetime(None) is None


@pytest.mark.parametrize(
    "bad", ["", "yesterday", "2021-13-01T00:00:00Z", "2021-11-30T25:00:00Z", "2021-11-30T", 5, []]
)
def test_deserialize_datetime_rejects_bad_input(bad: Any) -> None:
    with pytest.raises(DeserializationError) as info:
        deserialize_datetime(bad)
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, SdkError)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime(2021, 11, 30, 13, 6, 23, 362000, UTC), "2021-11-30T13:06:23.362Z"),
        (datetime(2021, 11, 30, 13, 6, 23, tzinfo=UTC), "2021-11-30T13:06:23Z"),
        (datetime(2021, 11, 30, 13, 6, 23, 1, UTC), "2021-11-30T13:06:23.000001Z"),
        (datetime(2021, 11, 30, 13, 6, 23), "2021-11-30T13:06:23Z"),
        (
            datetime(2021, 11, 30, 14, 0, tzinfo=timezone(timedelta(hours=1))),
            "2021-11-30T13:00:00Z",
        ),
        (datetime(9999, 12, 31, 23, 59, 59, 999999, UTC), "9999-12-31T23:59:59.999999Z"),
        (datetime(5, 1, 2, tzinfo=UTC), "0005-01-02T00:00:00Z"),
    ],
)
def test_serialize_datetime(value: datetime, text: str) -> None:
    assert serialize_datetime(value) == text


def test_datetime_round_trip() -> None:
    for text in ("2021-11-30T13:06:23.362Z", "2000-02-29T00:00:00Z", "9999-12-31T23:59:59.5Z"):
        assert serialize_datetime(deserialize_datetime(text)) == text


def test_serialize_datetime_outside_utc_range_keeps_its_offset() -> None:
    value = datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-2)))
    assert serialize_datetime(value) == "9999-12-31T23:00:00-02:00"


def test_rfc1123() -> None:
    parsed = deserialize_rfc1123("Mon, 01 Jan 2001 00:00:00 GMT")
    assert parsed == datetime(2001, 1, 1, tzinfo=UTC)
    assert serialize_rfc1123(parsed) == "Mon, 01 Jan 2001 00:00:00 GMT"
    later = datetime(2021, 11, 30, 14, 6, 23, tzinfo=timezone(timedelta(hours=1)))
    assert serialize_rfc1123(later) == "Tue, 30 Nov 2021 13:06:23 GMT"
    assert deserialize_rfc1123("Tue, 30 Nov 2021 13:06:23 GMT") == later
    assert deserialize_rfc1123(None) is None
    with pytest.raises(DeserializationError):
        deserialize_rfc1123("2021-11-30T13:06:23Z")


def test_unixtime() -> None:
    assert deserialize_unixtime(0) == datetime(1970, 1, 1, tzinfo=UTC)
    assert deserialize_unixtime("1638277583") == datetime(2021, 11, 30, 13, 6, 23, tzinfo=UTC)
    assert serialize_unixtime(datetime(2021, 11, 30, 13, 6, 23, 900000, UTC)) == 1638277583
    assert serialize_unixtime(datetime(1969, 12, 31, 23, 59, 59, 500000, UTC)) == -1
    assert serialize_unixtime(datetime(1970, 1, 2)) == 86400
    with pytest.raises(DeserializationError):
        deserialize_unixtime("soon")
    with pytest.raises(DeserializationError):
        deserialize_unixtime(True)


def test_date() -> None:
    assert deserialize_date("2021-11-30") == date(2021, 11, 30)
    assert deserialize_date("2021-11-30T23:59:59Z") == date(2021, 11, 30)
    assert serialize_date(date(1, 2, 3)) == "0001-02-03"
    assert serialize_date(datetime(2021, 11, 30, 5)) == "2021-11-30"
    with pytest.raises(DeserializationError):
        deserialize_date("30/11/2021")


@pytest.mark.parametrize(
    ("text", "expected", "back"),
    [
        ("11:34:56", time(11, 34, 56), "11:34:56"),
        ("11:34:56.123", time(11, 34, 56, 123000), "11:34:56.123"),
        ("11:34:56.1234567", time(11, 34, 56, 123456), "11:34:56.123456"),
        ("11:34", time(11, 34), "11:34:00"),
        ("11:34:56Z", time(11, 34, 56, tzinfo=UTC), "11:34:56Z"),
        (
            "11:34:56-05:30",
            time(11, 34, 56, tzinfo=timezone(-timedelta(hours=5, minutes=30))),
            "11:34:56-05:30",
        ),
    ],
)
def test_time(text: str, expected: time, back: str) -> None:
    assert deserialize_time(text) == expected
    assert serialize_time(expected) == back


def test_time_rejects_bad_input() -> None:
    for bad in ("25:00:00", "noon", "11-34-56"):
        with pytest.raises(DeserializationError):
            deserialize_time(bad)


# --- durations --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P123DT22H14M12.011S", timedelta(days=123, hours=22, minutes=14, seconds=12.011)),
        ("PT0S", timedelta(0)),
        ("P0D", timedelta(0)),
        ("PT1H", timedelta(hours=1)),
        ("PT36H", timedelta(hours=36)),
        ("P2W", timedelta(weeks=2)),
        ("P1W2D", timedelta(days=9)),
        ("-P1DT1S", -timedelta(days=1, seconds=1)),
        ("+PT5M", timedelta(minutes=5)),
        ("PT0.5S", timedelta(milliseconds=500)),
        ("PT1,5S", timedelta(milliseconds=1500)),
        ("PT1.1234567S", timedelta(seconds=1, microseconds=123457)),
        ("P0Y0M3D", timedelta(days=3)),
        ("P1.5D", timedelta(days=1, hours=12)),
        ("pt5m", timedelta(minutes=5)),
        ("1.02:03:04.5", timedelta(days=1, hours=2, minutes=3, seconds=4.5)),
        ("00:30:00", timedelta(minutes=30)),
    ],
)
def test_deserialize_duration(text: str, expected: timedelta) -> None:
    assert deserialize_duration(text) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (timedelta(days=123, hours=22, minutes=14, seconds=12.011), "P123DT22H14M12.011S"),
        (timedelta(0), "PT0S"),
        (timedelta(days=2), "P2D"),
        (timedelta(minutes=90), "PT1H30M"),
        (timedelta(microseconds=500000), "PT0.5S"),
        (-timedelta(days=1, seconds=1), "-P1DT1S"),
        (timedelta(weeks=1), "P7D"),
    ],
)
def test_serialize_duration(value: timedelta, text: str) -> None:
    assert serialize_duration(value) == text
    assert deserialize_duration(text) == value


@pytest.mark.parametrize("text", ["P1Y", "P2M", "P1Y2M3DT4H"])
def test_duration_with_years_or_months_is_a_clear_error(text: str) -> None:
    with pytest.raises(DeserializationError, match="years or months"):
        deserialize_duration(text)


@pytest.mark.parametrize("text", ["P", "PT", "P1DT", "1D", "PT1H2", "P1H", "", "P-1D"])
def test_malformed_durations_are_rejected(text: str) -> None:
    with pytest.raises(DeserializationError):
        deserialize_duration(text)


# --- bytes ------------------------------------------------------------------------------------


def test_base64() -> None:
    data = bytes(range(256))
    text = serialize_bytes(data)
    assert text is not None and text.endswith("=")
    assert deserialize_bytes(text) == data
    assert serialize_bytes(b"\xfb\xff") == "+/8="
    assert deserialize_bytes("+/8=") == b"\xfb\xff"
    assert deserialize_bytes("+/8") == b"\xfb\xff"  # padding left off
    assert deserialize_bytes("aGVs\nbG8=") == b"hello"
    assert deserialize_bytes(None) is None
    with pytest.raises(DeserializationError):
        deserialize_bytes("not base64!")
    with pytest.raises(DeserializationError):
        deserialize_bytes("abcde")


def test_base64url_is_unpadded_and_url_safe() -> None:
    assert serialize_base64url(b"\xfb\xff") == "-_8"
    assert deserialize_base64url("-_8") == b"\xfb\xff"
    assert deserialize_base64url("-_8=") == b"\xfb\xff"
    for size in range(8):
        data = bytes(range(250, 250 - size, -1))
        text = serialize_base64url(data)
        assert text is not None and "=" not in text and "+" not in text and "/" not in text
        assert deserialize_base64url(text) == data


# --- scalars ----------------------------------------------------------------------------------


def test_decimal() -> None:
    assert deserialize_decimal(0.1) == Decimal("0.1")
    assert deserialize_decimal("12.50") == Decimal("12.50")
    assert deserialize_decimal(3) == Decimal(3)
    assert serialize_decimal(Decimal("12.5")) == 12.5
    assert isinstance(serialize_decimal(Decimal(3)), float)
    for bad in ("twelve", True, [1]):
        with pytest.raises(DeserializationError):
            deserialize_decimal(bad)


def test_lenient_scalars() -> None:
    assert deserialize_int("12") == 12
    assert deserialize_int(12) == 12
    assert deserialize_int(12.0) == 12
    assert deserialize_float("1.5") == 1.5
    assert deserialize_float(2) == 2.0 and isinstance(deserialize_float(2), float)
    assert deserialize_str(5) == "5"
    assert deserialize_str(True) == "true"
    assert deserialize_bool("true") is True
    assert deserialize_bool("False") is False
    assert deserialize_bool(0) is False
    for function in (deserialize_int, deserialize_float, deserialize_str, deserialize_bool):
        assert function(None) is None


@pytest.mark.parametrize(
    ("function", "bad"),
    [
        (deserialize_int, "12.5"),
        (deserialize_int, 12.5),
        (deserialize_int, True),
        (deserialize_float, "abc"),
        (deserialize_float, False),
        (deserialize_str, {"a": 1}),
        (deserialize_bool, "yes"),
        (deserialize_bool, 2),
    ],
)
def test_scalars_reject_what_they_cannot_convert(function: Any, bad: Any) -> None:
    with pytest.raises(DeserializationError):
        function(bad)


# --- containers and models --------------------------------------------------------------------


def test_lists_and_dicts() -> None:
    assert deserialize_list(["1", 2], deserialize_int) == [1, 2]
    assert deserialize_dict({"a": "2021-01-01"}, deserialize_date) == {"a": date(2021, 1, 1)}
    assert deserialize_list(None, deserialize_int) is None
    assert serialize_list([date(2021, 1, 1)], serialize_date) == ["2021-01-01"]
    assert serialize_dict({"d": timedelta(hours=1)}, serialize_duration) == {"d": "PT1H"}
    assert serialize_dict(None, serialize_date) is None
    with pytest.raises(DeserializationError, match=r"\[1\]"):
        deserialize_list([1, "x"], deserialize_int)
    with pytest.raises(DeserializationError, match="'b'"):
        deserialize_dict({"a": 1, "b": "x"}, deserialize_int)
    with pytest.raises(DeserializationError):
        deserialize_list({"a": 1}, deserialize_int)


@dataclass
class _Pet:
    name: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> _Pet:
        return cls(name=data["name"])


def test_deserialize_model() -> None:
    assert deserialize_model(_Pet, {"name": "Rex"}) == _Pet("Rex")
    assert deserialize_model(_Pet, None) is None
    with pytest.raises(DeserializationError):
        deserialize_model(_Pet, ["Rex"])


def test_paths() -> None:
    data: dict[str, Any] = {"properties": {"a": {"b": 1}, "n": None}, "flat": 2}
    assert get_path(data, ("properties", "a", "b")) == 1
    assert get_path(data, ("properties", "missing", "b")) is None
    assert get_path(data, ("flat", "x")) is None
    assert get_path("not a dict", ("a",)) is None
    assert has_path(data, ("properties", "n"))
    assert not has_path(data, ("properties", "n", "x"))
    assert not has_path(data, ("properties", "zz"))
    target: dict[str, Any] = {"properties": "replaced"}
    set_path(target, ("properties", "a", "b"), 1)
    set_path(target, ("properties", "c"), 2)
    assert target == {"properties": {"a": {"b": 1}, "c": 2}}
    with pytest.raises(ValueError):
        set_path(target, (), 1)


def test_unknown_fields_nested_and_merge_back() -> None:
    data = {
        "id": "1",
        "extra": [1, 2],
        "properties": {"size": 3, "newField": {"deep": True}, "tags": {"a": "b"}},
        "sku": {"name": "S", "tier": "Free"},
    }
    known: KnownTree = {"id": None, "properties": {"size": None, "tags": None}, "sku": None}
    unknown = unknown_fields(data, known)
    assert unknown == {"extra": [1, 2], "properties": {"newField": {"deep": True}}}
    assert unknown_fields([1], known) == {}
    assert unknown_fields({"id": 1, "properties": {"size": 1}}, known) == {}

    rebuilt: dict[str, Any] = {
        "id": "1",
        "properties": {"size": 3, "tags": {"a": "b"}},
        "sku": {"name": "S", "tier": "Free"},
    }
    merge_unknown(rebuilt, unknown)
    assert rebuilt == data
    rebuilt["extra"].append(3)
    assert unknown["extra"] == [1, 2], "merged values are copies"


def test_merge_unknown_known_values_win() -> None:
    target: dict[str, Any] = {"a": 1, "nested": {"x": 1}}
    merge_unknown(target, {"a": 2, "nested": {"x": 2, "y": 3}, "b": 4})
    assert target == {"a": 1, "nested": {"x": 1, "y": 3}, "b": 4}


# --- enums ------------------------------------------------------------------------------------


class Color(ExtensibleStrEnum):
    RED = "red"
    DARK_GREEN = "DarkGreen"


class Level(ExtensibleIntEnum):
    LOW = 1
    HIGH = 3


class Ratio(ExtensibleFloatEnum):
    HALF = 0.5


class Closed(enum.Enum):
    ONE = "One"


def test_extensible_str_enum_is_case_insensitive() -> None:
    assert Color("RED") is Color.RED
    assert Color("darkgreen") is Color.DARK_GREEN
    assert deserialize_enum(Color, "Red") is Color.RED


def test_extensible_str_enum_keeps_unknown_values() -> None:
    purple = Color("Purple")
    assert purple.value == "Purple"
    assert str(purple) == "Purple"
    assert f"{purple}" == "Purple"
    assert purple == "Purple"
    assert isinstance(purple, Color)
    assert Color("Purple") is purple
    assert deserialize_enum(Color, "Purple") is purple
    assert Color("purple") is not purple and Color("purple").value == "purple"
    assert list(Color) == [Color.RED, Color.DARK_GREEN], "unknown values are not listed"
    assert pickle.loads(pickle.dumps(purple)) is purple
    assert serialize_enum(purple) == "Purple"


def test_members_behave_as_their_values() -> None:
    assert str(Color.RED) == "red"
    assert f"{Color.DARK_GREEN}" == "DarkGreen"
    red: object = Color.RED
    assert red == "red"
    assert {"red": 1}[Color.RED] == 1
    assert serialize_enum(Color.RED) == "red"
    assert serialize_enum("as is") == "as is"


def test_extensible_numeric_enums() -> None:
    assert Level(3) is Level.HIGH
    assert deserialize_enum(Level, "1") is Level.LOW
    seven = deserialize_enum(Level, 7)
    assert seven is not None and seven.value == 7 and seven == 7 and str(seven) == "7"
    assert Level(7) is seven
    assert Ratio(0.5) is Ratio.HALF
    other = Ratio(0.25)
    assert other.value == 0.25 and Ratio(0.25) is other
    with pytest.raises(DeserializationError):
        deserialize_enum(Level, 2.5)
    with pytest.raises(DeserializationError):
        deserialize_enum(Level, True)


def test_closed_enum_lookup() -> None:
    assert deserialize_enum(Closed, "one") is Closed.ONE
    assert deserialize_enum(Closed, None) is None
    with pytest.raises(DeserializationError, match="Closed"):
        deserialize_enum(Closed, "two")
    with pytest.raises(DeserializationError):
        deserialize_enum(Color, 5)
