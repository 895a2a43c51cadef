"""Enums on the wire: extensible enums that keep values the description did not list, and the
lookup closed enums use."""

from __future__ import annotations

import enum
from typing import Any, TypeVar, cast

from .primitives import conversion_error

E = TypeVar("E", bound=enum.Enum)


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
        raise conversion_error(value, f"one of the {enum_cls.__name__} values")
    try:
        return enum_cls(value)
    except (ValueError, TypeError):
        pass
    if isinstance(value, str):
        folded = value.casefold()
        for member in enum_cls:
            if isinstance(member.value, str) and member.value.casefold() == folded:
                return member
    raise conversion_error(value, f"one of the {enum_cls.__name__} values")


def serialize_enum(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value
