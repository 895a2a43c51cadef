"""Conversions between wire values (JSON, headers, query strings) and Python values.

Every `deserialize_*` accepts whatever the wire produced, returns None for None and raises
`DeserializationError` with a message naming the expected form when the value cannot be converted.
Every `serialize_*` returns None for None.
"""

from __future__ import annotations

import base64
import copy
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from email.utils import parsedate_to_datetime
from typing import Any, Protocol, TypeAlias, TypeVar, cast

from .errors import DeserializationError, ValidationError

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
E = TypeVar("E", bound=enum.Enum)

KnownTree: TypeAlias = Mapping[str, "KnownTree | None"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND_DIGITS = 6

_TIME_OF_DAY = (
    r"(?P<hour>\d{2}):(?P<minute>\d{2})"
    r"(?::(?P<second>\d{2})(?:[.,](?P<fraction>\d+))?)?"
    r"\s*(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?"
)
_DATETIME = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[Tt ]" + _TIME_OF_DAY + r")?"
)
_TIME = re.compile(_TIME_OF_DAY)

_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION = re.compile(
    rf"(?P<sign>[-+])?P(?:(?P<years>{_NUMBER})Y)?(?:(?P<months>{_NUMBER})M)?"
    rf"(?:(?P<weeks>{_NUMBER})W)?(?:(?P<days>{_NUMBER})D)?"
    rf"(?:T(?:(?P<hours>{_NUMBER})H)?(?:(?P<minutes>{_NUMBER})M)?(?:(?P<seconds>{_NUMBER})S)?)?"
)
# Some services send .NET TimeSpan text ("1.02:03:04.5") where the description says "duration".
_TIMESPAN = re.compile(
    r"(?P<sign>-)?(?:(?P<days>\d+)\.)?(?P<hours>\d{1,2}):(?P<minutes>\d{2}):(?P<seconds>\d{2}(?:\.\d+)?)"
)
_MICROSECONDS_PER = {
    "weeks": 7 * 86_400 * 1_000_000,
    "days": 86_400 * 1_000_000,
    "hours": 3_600 * 1_000_000,
    "minutes": 60 * 1_000_000,
    "seconds": 1_000_000,
}

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Read by hand: the email module's parser turns the years 0001-0099 into 2001-2099.
_RFC1123 = re.compile(
    r"(?:[A-Za-z]{3},\s*)?(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3})\s+(?P<year>\d{4,})\s+"
    r"(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s*(?P<zone>GMT|UTC|UT|Z|[+-]\d{4}))?",
    re.IGNORECASE,
)
_RFC1123_EXAMPLE = "an RFC 1123 date such as 'Mon, 01 Jan 2001 00:00:00 GMT'"


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _fail(value: Any, expected: str) -> DeserializationError:
    return DeserializationError(f"Expected {expected}, got {_describe(value)}")


def _require_str(value: Any, expected: str) -> str:
    if not isinstance(value, str):
        raise _fail(value, expected)
    return value.strip()


# --- date and time -------------------------------------------------------------------------------


def _microseconds(fraction: str | None) -> int:
    if not fraction:
        return 0
    # Precision beyond microseconds (7-digit .NET ticks, nanoseconds) is dropped, not rounded, so
    # a value never moves into the next second.
    return int(fraction[:_MICROSECOND_DIGITS].ljust(_MICROSECOND_DIGITS, "0"))


def _zone(text: str | None, *, default: timezone | None) -> timezone | None:
    if text is None:
        return default
    if text in ("Z", "z"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    return timezone(sign * offset)


def _datetime_from_match(match: re.Match[str]) -> datetime:
    parts = match.groupdict()
    return datetime(
        int(parts["year"]),
        int(parts["month"]),
        int(parts["day"]),
        int(parts["hour"] or 0),
        int(parts["minute"] or 0),
        int(parts["second"] or 0),
        _microseconds(parts["fraction"]),
        tzinfo=_zone(parts["zone"], default=UTC),
    )


def deserialize_datetime(value: Any) -> datetime | None:
    """ISO 8601 / RFC 3339 text to an aware datetime (text without an offset is taken as UTC)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return _parse_datetime(_require_str(value, "an ISO 8601 date-time string"), value)


def _parse_datetime(text: str, original: Any) -> datetime:
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise _fail(original, "an ISO 8601 date-time such as '2021-11-30T13:06:23.362Z'")
    try:
        return _datetime_from_match(match)
    except ValueError as exc:
        raise DeserializationError(f"Invalid date-time {_describe(original)}: {exc}") from exc


def _format_time_of_day(value: datetime | time) -> str:
    text = f"{value.hour:02d}:{value.minute:02d}:{value.second:02d}"
    if value.microsecond:
        text += "." + f"{value.microsecond:06d}".rstrip("0")
    return text


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValidationError(f"{value!r} cannot be expressed in UTC") from exc


def serialize_datetime(value: datetime | None) -> str | None:
    """An aware or naive (taken as UTC) datetime to '2021-11-30T13:06:23.362Z'."""
    if value is None:
        return None
    try:
        utc = _as_utc(value)
    except ValidationError:
        # Near the years 1 and 9999 the same instant in UTC can fall outside the datetime range;
        # the value's own offset still names it exactly.
        offset = value.utcoffset() or timedelta(0)
        return _date_and_time(value) + _format_offset(offset)
    return _date_and_time(utc) + "Z"


def _date_and_time(value: datetime) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{_format_time_of_day(value)}"


def deserialize_rfc1123(value: Any) -> datetime | None:
    """HTTP date text ('Mon, 01 Jan 2001 00:00:00 GMT') to an aware datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return deserialize_datetime(value)
    text = _require_str(value, "an RFC 1123 date string")
    match = _RFC1123.fullmatch(text)
    if match is not None:
        return _rfc1123_from_match(match, value)
    # Other HTTP date forms (RFC 850, asctime); the email parser reads two-digit years.
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise _fail(value, _RFC1123_EXAMPLE) from exc
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _rfc1123_from_match(match: re.Match[str], original: Any) -> datetime:
    parts = match.groupdict()
    month = parts["month"].capitalize()
    if month not in _MONTHS:
        raise _fail(original, _RFC1123_EXAMPLE)
    zone = (parts["zone"] or "GMT").upper()
    offset = None if zone in ("GMT", "UTC", "UT", "Z") else zone
    try:
        return datetime(
            int(parts["year"]),
            _MONTHS.index(month) + 1,
            int(parts["day"]),
            int(parts["hour"]),
            int(parts["minute"]),
            int(parts["second"] or 0),
            tzinfo=_zone(offset, default=UTC),
        )
    except ValueError as exc:
        raise DeserializationError(f"Invalid RFC 1123 date {_describe(original)}: {exc}") from exc


def serialize_rfc1123(value: datetime | None) -> str | None:
    if value is None:
        return None
    value = _as_utc(value)
    # Names come from fixed tables: strftime's %a and %b follow the process locale.
    return (
        f"{_WEEKDAYS[value.weekday()]}, {value.day:02d} {_MONTHS[value.month - 1]} "
        f"{value.year:04d} {value.hour:02d}:{value.minute:02d}:{value.second:02d} GMT"
    )


def deserialize_unixtime(value: Any) -> datetime | None:
    """Seconds since the Unix epoch (number or numeric text) to an aware UTC datetime."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return deserialize_datetime(value)
    try:
        return _EPOCH + timedelta(seconds=_float(value))
    except OverflowError as exc:
        raise _fail(value, "a Unix time within the datetime range") from exc


def serialize_unixtime(value: datetime | None) -> int | None:
    if value is None:
        return None
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return (aware - _EPOCH) // timedelta(seconds=1)


def deserialize_date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _require_str(value, "an ISO 8601 date string")
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    # A full date-time where a date was promised: keep its calendar date.
    try:
        return _parse_datetime(text, value).date()
    except DeserializationError as exc:
        raise _fail(value, "an ISO 8601 date such as '2021-11-30'") from exc


def serialize_date(value: date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    return value.isoformat()


def deserialize_time(value: Any) -> time | None:
    """'11:34:56', '11:34:56.123' or with an offset ('11:34:56Z') to a time (aware when offset)."""
    if value is None:
        return None
    if isinstance(value, time):
        return value
    text = _require_str(value, "an ISO 8601 time string")
    match = _TIME.fullmatch(text)
    if match is None:
        raise _fail(value, "an ISO 8601 time such as '11:34:56'")
    parts = match.groupdict()
    try:
        return time(
            int(parts["hour"]),
            int(parts["minute"]),
            int(parts["second"] or 0),
            _microseconds(parts["fraction"]),
            tzinfo=_zone(parts["zone"], default=None),
        )
    except ValueError as exc:
        raise DeserializationError(f"Invalid time {_describe(value)}: {exc}") from exc


def _format_offset(offset: timedelta) -> str:
    if not offset:
        return "Z"
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(offset) // timedelta(minutes=1)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def serialize_time(value: time | None) -> str | None:
    if value is None:
        return None
    offset = value.utcoffset()
    return _format_time_of_day(value) + ("" if offset is None else _format_offset(offset))


# --- durations -----------------------------------------------------------------------------------


def _timedelta(negative: bool, amounts: Mapping[str, str | None], original: Any) -> timedelta:
    total = Decimal(0)
    for unit, amount in amounts.items():
        if amount is not None:
            total += Decimal(amount.replace(",", ".")) * _MICROSECONDS_PER[unit]
    microseconds = int(total.to_integral_value(rounding=ROUND_HALF_EVEN))
    try:
        return timedelta(microseconds=-microseconds if negative else microseconds)
    except OverflowError as exc:
        raise _fail(original, "a duration within the timedelta range") from exc


def _iso_duration(match: re.Match[str], original: Any) -> timedelta:
    parts = match.groupdict()
    if any(Decimal(parts[unit].replace(",", ".")) for unit in ("years", "months") if parts[unit]):
        raise DeserializationError(
            f"Duration {_describe(original)} counts years or months, whose length varies; "
            "it cannot be represented as a timedelta"
        )
    amounts = {unit: parts[unit] for unit in _MICROSECONDS_PER}
    return _timedelta(parts["sign"] == "-", amounts, original)


def _is_complete_iso_duration(text: str, match: re.Match[str]) -> bool:
    """The regex alone accepts 'P' and 'PT'; ISO 8601 needs at least one component, and a 'T'
    must be followed by one."""
    parts = match.groupdict()
    if not any(parts[unit] for unit in ("years", "months", *_MICROSECONDS_PER)):
        return False
    return not text.endswith("T")


def deserialize_duration(value: Any) -> timedelta | None:
    """ISO 8601 duration text ('P123DT22H14M12.011S', '-PT5M', 'P2W') to a timedelta."""
    if value is None:
        return None
    if isinstance(value, timedelta):
        return value
    text = _require_str(value, "an ISO 8601 duration string").upper()
    match = _DURATION.fullmatch(text)
    if match is not None and _is_complete_iso_duration(text, match):
        return _iso_duration(match, value)
    match = _TIMESPAN.fullmatch(text)
    if match is not None:
        parts = match.groupdict()
        amounts = {unit: parts[unit] for unit in ("days", "hours", "minutes", "seconds")}
        return _timedelta(parts["sign"] == "-", amounts, value)
    raise _fail(value, "an ISO 8601 duration such as 'P1DT2H3M4.5S'")


def serialize_duration(value: timedelta | None) -> str | None:
    """A timedelta to ISO 8601 text using days, hours, minutes and seconds ('PT0S' when zero)."""
    if value is None:
        return None
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    date_part = f"{value.days}D" if value.days else ""
    time_part = f"{hours}H" if hours else ""
    time_part += f"{minutes}M" if minutes else ""
    if seconds or value.microseconds:
        fraction = f".{value.microseconds:06d}".rstrip("0") if value.microseconds else ""
        time_part += f"{seconds}{fraction}S"
    if not date_part and not time_part:
        return "PT0S"
    return f"{sign}P{date_part}" + (f"T{time_part}" if time_part else "")


# --- bytes ---------------------------------------------------------------------------------------


def _decode_base64(value: Any, expected: str) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    text = "".join(_require_str(value, expected).split())
    # Both alphabets are accepted and padding is optional: services are inconsistent, and the two
    # alphabets never disagree about a character's meaning.
    text = text.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except ValueError as exc:
        raise _fail(value, expected) from exc


def deserialize_bytes(value: Any) -> bytes | None:
    return _decode_base64(value, "base64 text")


def serialize_bytes(value: bytes | None) -> str | None:
    return None if value is None else base64.b64encode(value).decode("ascii")


def deserialize_base64url(value: Any) -> bytes | None:
    return _decode_base64(value, "base64url text")


def serialize_base64url(value: bytes | None) -> str | None:
    if value is None:
        return None
    return base64.urlsafe_b64encode(value).rstrip(b"=").decode("ascii")


# --- numbers, strings, booleans ------------------------------------------------------------------


def deserialize_decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _fail(value, "a number")
    try:
        # str() first: Decimal(0.1) would keep the float's binary error.
        return Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise _fail(value, "a number") from exc


def serialize_decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def deserialize_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise _fail(value, "an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise _fail(value, "an integer")


def deserialize_float(value: Any) -> float | None:
    return None if value is None else _float(value)


def _float(value: Any) -> float:
    if isinstance(value, bool):
        raise _fail(value, "a number")
    if isinstance(value, int | float | Decimal):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise _fail(value, "a number")


def deserialize_str(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    raise _fail(value, "a string")


def deserialize_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise _fail(value, "a boolean")


# --- containers ----------------------------------------------------------------------------------


def deserialize_list(value: Any, item: Callable[[Any], T]) -> list[T] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        raise _fail(value, "a JSON array")
    result: list[T] = []
    for index, element in enumerate(value):
        try:
            result.append(item(element))
        except DeserializationError as exc:
            raise DeserializationError(f"[{index}]: {exc.message}") from exc
    return result


def deserialize_dict(value: Any, item: Callable[[Any], T]) -> dict[str, T] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise _fail(value, "a JSON object")
    result: dict[str, T] = {}
    for key, element in value.items():
        try:
            result[str(key)] = item(element)
        except DeserializationError as exc:
            raise DeserializationError(f"[{key!r}]: {exc.message}") from exc
    return result


def serialize_list(value: Iterable[T] | None, item: Callable[[T], Any]) -> list[Any] | None:
    return None if value is None else [item(element) for element in value]


def serialize_dict(
    value: Mapping[str, T] | None, item: Callable[[T], Any]
) -> dict[str, Any] | None:
    return None if value is None else {key: item(element) for key, element in value.items()}


class _FromDict(Protocol[T_co]):
    def from_dict(self, data: dict[str, Any], /) -> T_co: ...


def deserialize_model(cls: _FromDict[T], value: Any) -> T | None:
    """`cls.from_dict(value)` for a JSON object, None for None."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail(value, "a JSON object")
    return cls.from_dict(value)


# --- nested paths and fields the model does not know ---------------------------------------------


def get_path(data: Any, path: tuple[str, ...]) -> Any:
    """The value at `path` inside nested dicts; None when a level is absent or not a dict."""
    current = data
    for key in path:
        if not isinstance(current, dict):
            return None
        current = current.get(key)
    return current


def has_path(data: Any, path: tuple[str, ...]) -> bool:
    """Whether every key of `path` is present (the last one may hold null)."""
    current = data
    for key in path:
        if not isinstance(current, dict) or key not in current:
            return False
        current = current[key]
    return True


def set_path(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Store `value` at `path`, creating (or replacing non-dict) intermediate levels."""
    if not path:
        raise ValueError("set_path needs a non-empty path")
    for key in path[:-1]:
        level = target.get(key)
        if not isinstance(level, dict):
            level = {}
            target[key] = level
        target = level
    target[path[-1]] = value


def unknown_fields(data: Any, known: KnownTree, *, top_level: bool = True) -> dict[str, Any]:
    """The parts of `data` that `known` does not name, keeping their nesting.

    `known` maps each known key to None (a leaf, taken whole) or to the tree of keys known inside
    it (a flattened container whose other keys are kept). `top_level=False` leaves out unknown
    keys of `data` itself (a model with additionalProperties keeps those in its own field).
    """
    if not isinstance(data, dict):
        return {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key not in known:
            if top_level:
                extra[key] = value
            continue
        subtree = known[key]
        if subtree is not None and isinstance(value, dict):
            nested = unknown_fields(value, subtree)
            if nested:
                extra[key] = nested
    return extra


def merge_unknown(target: dict[str, Any], unknown: Mapping[str, Any]) -> None:
    """Deep-merge `unknown` into `target`; where both have a value, `target` (known) wins."""
    for key, value in unknown.items():
        if key not in target:
            # A copy, so editing a serialized body never edits the model it came from.
            target[key] = copy.deepcopy(value)
            continue
        current = target[key]
        if isinstance(current, dict) and isinstance(value, Mapping):
            merge_unknown(current, value)


def additional_fields(
    data: Any, known: KnownTree, item: Callable[[Any], Any] | None = None
) -> dict[str, Any]:
    """The top-level properties of `data` that `known` does not name, converted by `item`."""
    if not isinstance(data, Mapping):
        return {}
    result: dict[str, Any] = {}
    for key, value in data.items():
        if key in known:
            continue
        try:
            result[str(key)] = value if item is None else item(value)
        except DeserializationError as exc:
            raise DeserializationError(f"[{key!r}]: {exc.message}") from exc
    return result


def merge_additional(
    target: dict[str, Any], extra: Mapping[str, Any], item: Callable[[Any], Any] | None = None
) -> None:
    """Add `extra` to `target` (converted by `item`); a declared property of the same name wins."""
    for key, value in extra.items():
        if key not in target:
            target[key] = value if item is None else item(value)


_ANY_SCALARS: tuple[tuple[type[Any], Callable[[Any], Any]], ...] = (
    (datetime, lambda v: serialize_datetime(v)),
    (date, lambda v: serialize_date(v)),
    (time, lambda v: serialize_time(v)),
    (timedelta, lambda v: serialize_duration(v)),
    (bytes, lambda v: serialize_bytes(v)),
    (bytearray, lambda v: serialize_bytes(bytes(v))),
    (Decimal, lambda v: serialize_decimal(v)),
)


def serialize_any(value: Any) -> Any:
    """Any Python value to its JSON form, for properties the spec leaves untyped.

    Models go through `to_dict()`, enums give their value, dates and durations ISO 8601 text,
    bytes base64; lists and dicts are converted item by item.
    """
    if value is None or value is NULL:
        return None
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str | int | float):
        return value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    for kind, convert in _ANY_SCALARS:
        if isinstance(value, kind):
            return convert(value)
    if isinstance(value, Mapping):
        return {str(k): serialize_any(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [serialize_any(v) for v in value]
    return value


# --- explicit null and polymorphism ----------------------------------------------------------


class _Null:
    """The type of `NULL`; a single falsy instance."""

    _instance: _Null | None = None

    def __new__(cls) -> _Null:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NULL"

    def __bool__(self) -> bool:
        return False

    def __copy__(self) -> _Null:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> _Null:
        return self

    def __reduce__(self) -> str:
        return "NULL"


NULL: Any = _Null()
"""Assign to a model property to send JSON null; None (the default) leaves the property out.

Typed `Any` so that it fits every property, whatever its type.
"""


def subtype(
    cls: type[T], data: Any, path: tuple[str, ...], table: Mapping[str, type[Any]]
) -> type[T] | None:
    """The subclass of `cls` that the discriminator value at `path` names, if any.

    A value matches exactly or, failing that, ignoring case; an unknown value gives None, so the
    caller decodes `cls` itself and keeps the value.
    """
    value = get_path(data, path)
    if isinstance(value, enum.Enum):
        value = value.value
    if not isinstance(value, str):
        return None
    found = table.get(value)
    if found is None:
        folded = value.casefold()
        found = next((c for k, c in table.items() if k.casefold() == folded), None)
    if found is None or found is cls or not issubclass(found, cls):
        return None
    return found


# --- enums ---------------------------------------------------------------------------------------


def _pseudo_member(cls: type[E], value: Any, base: Any) -> E:
    """A member standing for a value the API description did not list.

    It is registered as the value's member, so later lookups return the same object.
    """
    member: E = base.__new__(cls, value)
    member._name_ = str(value)
    member._value_ = value
    return cast(E, cls._value2member_map_.setdefault(value, member))


class ExtensibleStrEnum(str, enum.Enum):
    """A string enum that accepts values it does not list.

    Lookup by value ignores case (the listed member is returned); any other string becomes a
    pseudo-member whose `.value` is the string as received.
    """

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        folded = value.casefold()
        for member in cls:
            if member.value.casefold() == folded:
                return member
        return _pseudo_member(cls, value, str)

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(str(self.value), format_spec)


def _as_number(value: object, kind: type[int] | type[float]) -> int | float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = kind(value)
        return number if number == value else None
    if isinstance(value, str):
        try:
            return kind(value.strip())
        except ValueError:
            return None
    return None


def _numeric_missing(cls: type[E], value: object, kind: type[int] | type[float]) -> E | None:
    number = _as_number(value, kind)
    if number is None:
        return None
    found = cls._value2member_map_.get(number)
    if isinstance(found, cls):
        return found
    return _pseudo_member(cls, number, kind)


class ExtensibleIntEnum(int, enum.Enum):
    """An integer enum that keeps integers it does not list as pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _numeric_missing(cls, value, int)

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(self.value, format_spec)


class ExtensibleFloatEnum(float, enum.Enum):
    """A number enum that keeps numbers it does not list as pseudo-members."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return _numeric_missing(cls, value, float)

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, format_spec: str) -> str:
        return format(self.value, format_spec)


def deserialize_enum(enum_cls: type[E], value: Any) -> E | None:
    """The member for `value`; closed enums also match strings regardless of case."""
    if value is None:
        return None
    if isinstance(value, enum_cls):
        return value
    # True == 1, so without this a boolean would silently become the member whose value is 1.
    if isinstance(value, bool) and not any(type(m.value) is bool for m in enum_cls):
        raise _fail(value, f"one of the {enum_cls.__name__} values")
    try:
        return enum_cls(value)
    except (ValueError, TypeError):
        pass
    if isinstance(value, str):
        folded = value.casefold()
        for member in enum_cls:
            if isinstance(member.value, str) and member.value.casefold() == folded:
                return member
    raise _fail(value, f"one of the {enum_cls.__name__} values")


def serialize_enum(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value
