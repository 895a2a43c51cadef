"""Dates, times, date-times (RFC 3339, RFC 1123, Unix time) and durations (ISO 8601) on the wire.

The same conventions as `primitives`: None passes through, anything else that does not parse raises
`DeserializationError` naming the expected form.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import ROUND_HALF_EVEN, Decimal
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

from .errors import DeserializationError, ValidationError
from .primitives import conversion_error, describe_value, require_str, to_float

T = TypeVar("T")


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
    return _parse_datetime(require_str(value, "an ISO 8601 date-time string"), value)


def _parse_datetime(text: str, original: Any) -> datetime:
    match = _DATETIME.fullmatch(text)
    if match is None:
        raise conversion_error(original, "an ISO 8601 date-time such as '2021-11-30T13:06:23.362Z'")
    try:
        return _datetime_from_match(match)
    except ValueError as exc:
        raise DeserializationError(f"Invalid date-time {describe_value(original)}: {exc}") from exc


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
    text = require_str(value, "an RFC 1123 date string")
    match = _RFC1123.fullmatch(text)
    if match is not None:
        return _rfc1123_from_match(match, value)
    # Other HTTP date forms (RFC 850, asctime); the email parser reads two-digit years.
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise conversion_error(value, _RFC1123_EXAMPLE) from exc
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _rfc1123_from_match(match: re.Match[str], original: Any) -> datetime:
    parts = match.groupdict()
    month = parts["month"].capitalize()
    if month not in _MONTHS:
        raise conversion_error(original, _RFC1123_EXAMPLE)
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
        raise DeserializationError(
            f"Invalid RFC 1123 date {describe_value(original)}: {exc}"
        ) from exc


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
        return _EPOCH + timedelta(seconds=to_float(value))
    except OverflowError as exc:
        raise conversion_error(value, "a Unix time within the datetime range") from exc


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
    text = require_str(value, "an ISO 8601 date string")
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    # A full date-time where a date was promised: keep its calendar date.
    try:
        return _parse_datetime(text, value).date()
    except DeserializationError as exc:
        raise conversion_error(value, "an ISO 8601 date such as '2021-11-30'") from exc


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
    text = require_str(value, "an ISO 8601 time string")
    match = _TIME.fullmatch(text)
    if match is None:
        raise conversion_error(value, "an ISO 8601 time such as '11:34:56'")
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
        raise DeserializationError(f"Invalid time {describe_value(value)}: {exc}") from exc


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
        raise conversion_error(original, "a duration within the timedelta range") from exc


def _iso_duration(match: re.Match[str], original: Any) -> timedelta:
    parts = match.groupdict()
    if any(Decimal(parts[unit].replace(",", ".")) for unit in ("years", "months") if parts[unit]):
        raise DeserializationError(
            f"Duration {describe_value(original)} counts years or months, whose length varies; "
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
    text = require_str(value, "an ISO 8601 duration string").upper()
    match = _DURATION.fullmatch(text)
    if match is not None and _is_complete_iso_duration(text, match):
        return _iso_duration(match, value)
    match = _TIMESPAN.fullmatch(text)
    if match is not None:
        parts = match.groupdict()
        amounts = {unit: parts[unit] for unit in ("days", "hours", "minutes", "seconds")}
        return _timedelta(parts["sign"] == "-", amounts, value)
    raise conversion_error(value, "an ISO 8601 duration such as 'P1DT2H3M4.5S'")


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
