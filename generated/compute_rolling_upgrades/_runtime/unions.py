"""Values of a oneOf / anyOf: which alternative a JSON value is, and the JSON form of a value.

Decoding follows the union's discriminator when it has one. Otherwise every alternative is tried
and scored by how well the value fits it (its JSON type, its required properties, its constants,
its format, whether it decodes at all); the best one wins. A value that fits none raises
`DeserializationError` naming the union: a value is never decoded as an alternative it may not
be. One that fits two as different Python values equally well is the first of them in an anyOf
(`first_match`: JSON Schema lets a value match several) and an error in a oneOf (which forbids
that).

Encoding picks the alternative the Python value is an instance of (the most specific class first)
and writes that alternative's JSON form.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from .dates import (
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
from .errors import DeserializationError
from .fields import serialize_any
from .primitives import (
    describe_value,
    deserialize_base64url,
    deserialize_bytes,
    serialize_base64url,
    serialize_bytes,
    serialize_decimal,
)

# How well a value fits an alternative; 0 is not at all.
NO = 0
FALLBACK = 1  # anything fits: an untyped value, a map
LOOSE = 2  # the JSON type fits, but the value says more or less than the alternative declares
EXACT = 3  # the alternative's own JSON type, every property known
SPECIFIC = 4  # a listed enum value, the constant itself, text in the alternative's format

Fit = tuple[int, Any]  # the score and the decoded value
_MISS: Fit = (NO, None)
_Encode = Callable[[Any, bool], Any]  # the JSON form; the flag drops read-only properties


@dataclass(frozen=True)
class Shape:
    """What a JSON object needs to be read as a model of a union: the properties the model
    requires and the values its constant properties must have (when present)."""

    required: tuple[str, ...] = ()
    constants: tuple[tuple[str, Any], ...] = ()


class _Model(Protocol):
    _KNOWN: Any

    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]: ...


@dataclass(frozen=True, eq=False)
class Member:
    """One alternative of a union."""

    name: str  # as messages spell it
    fit: Callable[[Any], Fit]  # how well a JSON value fits, and what it decodes to
    accepts: Callable[[Any], int]  # how well a Python value is this alternative's
    encode: _Encode
    model: Any = None  # the model class of a model alternative


def _as_is(value: Any, exclude_readonly: bool) -> Any:
    return value


def _plain(convert: Callable[[Any], Any]) -> _Encode:
    return lambda value, exclude_readonly: convert(value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- primitives ----------------------------------------------------------------------------------


def _fit_str(value: Any) -> Fit:
    return (EXACT, value) if isinstance(value, str) else _MISS


def _fit_uuid(value: Any) -> Fit:
    if not isinstance(value, str):
        return _MISS
    try:
        uuid.UUID(value)
    except ValueError:
        return (EXACT, value)  # still text; a plain string alternative ties with it
    return (SPECIFIC, value)


def _fit_int(value: Any) -> Fit:
    if isinstance(value, int) and not isinstance(value, bool):
        return (EXACT, value)
    if isinstance(value, float) and value.is_integer():
        return (LOOSE, int(value))
    return _MISS


def _fit_float(value: Any) -> Fit:
    if not _is_number(value):
        return _MISS
    return (EXACT if isinstance(value, float) else LOOSE, float(value))


def _fit_decimal(value: Any) -> Fit:
    if not _is_number(value):
        return _MISS
    return (EXACT if isinstance(value, float) else LOOSE, Decimal(str(value)))


def _fit_bool(value: Any) -> Fit:
    return (EXACT, value) if isinstance(value, bool) else _MISS


def _fit_text(decode: Callable[[Any], Any], score: int = SPECIFIC) -> Callable[[Any], Fit]:
    """Text in a format: it fits when it parses."""

    def fit(value: Any) -> Fit:
        if not isinstance(value, str):
            return _MISS
        try:
            return (score, decode(value))
        except ValueError:
            return _MISS

    return fit


_DATE_LENGTH = len("2000-01-01")


def _fit_date(value: Any) -> Fit:
    score, decoded = _fit_text(deserialize_date)(value)
    # A date-time parses as its calendar date, but it is a date-time first.
    if score and len(value.strip()) > _DATE_LENGTH:
        return (LOOSE, decoded)
    return (score, decoded)


def _fit_datetime(value: Any) -> Fit:
    score, decoded = _fit_text(deserialize_datetime)(value)
    # A date alone parses as midnight; it is a date first.
    if score and len(value.strip()) <= _DATE_LENGTH:
        return (LOOSE, decoded)
    return (score, decoded)


def _fit_unixtime(value: Any) -> Fit:
    return (EXACT, deserialize_unixtime(value)) if _is_number(value) else _MISS


def _fit_nothing(value: Any) -> Fit:
    return _MISS


def _accept_types(*types: type) -> Callable[[Any], int]:
    def accepts(value: Any) -> int:
        if type(value) in types:
            return EXACT
        if isinstance(value, bool) and bool not in types:
            return NO
        return LOOSE if isinstance(value, types) else NO

    return accepts


def _accept_number(value: Any) -> int:
    if isinstance(value, float | Decimal):
        return EXACT
    return LOOSE if _is_number(value) else NO


_PRIMITIVES: dict[str, tuple[Callable[[Any], Fit], Callable[[Any], int], _Encode]] = {
    "str": (_fit_str, _accept_types(str), _as_is),
    "uuid": (_fit_uuid, _accept_types(str), _as_is),
    "int": (_fit_int, _accept_types(int), _as_is),
    "float": (_fit_float, _accept_number, _as_is),
    "decimal": (_fit_decimal, _accept_number, _plain(serialize_decimal)),
    "bool": (_fit_bool, _accept_types(bool), _as_is),
    "date": (_fit_date, _accept_types(_dt.date), _plain(serialize_date)),
    "datetime": (_fit_datetime, _accept_types(_dt.datetime), _plain(serialize_datetime)),
    "rfc1123": (
        _fit_text(deserialize_rfc1123),
        _accept_types(_dt.datetime),
        _plain(serialize_rfc1123),
    ),
    "unixtime": (_fit_unixtime, _accept_types(_dt.datetime), _plain(serialize_unixtime)),
    "time": (_fit_text(deserialize_time), _accept_types(_dt.time), _plain(serialize_time)),
    "duration": (
        _fit_text(deserialize_duration),
        _accept_types(_dt.timedelta),
        _plain(serialize_duration),
    ),
    # Much text is valid base64: plain text fits a string alternative better.
    "bytes": (_fit_text(deserialize_bytes, LOOSE), _accept_types(bytes), _plain(serialize_bytes)),
    "base64url": (
        _fit_text(deserialize_base64url, LOOSE),
        _accept_types(bytes),
        _plain(serialize_base64url),
    ),
    "binary": (_fit_nothing, _accept_types(bytes), _as_is),
}


@functools.cache
def primitive_member(kind: str) -> Member:
    """A scalar alternative, by the name of its runtime codec ("str", "int", "date", ...)."""
    fit, accepts, encode = _PRIMITIVES[kind]
    return Member(kind, fit, accepts, encode)


@functools.lru_cache(maxsize=None, typed=True)
def constant_member(value: str | int | float | bool) -> Member:
    """An alternative that is one value (`const`)."""

    def same(candidate: Any) -> bool:
        return type(candidate) is type(value) and candidate == value

    return Member(
        repr(value),
        lambda v: (SPECIFIC, v) if same(v) else _MISS,
        lambda v: SPECIFIC if same(v) else NO,
        _as_is,
    )


def _enum_json_types(cls: type[enum.Enum]) -> tuple[type, ...]:
    if issubclass(cls, str):
        return (str,)
    if issubclass(cls, int):
        return (int,)
    return (int, float)


@functools.cache
def enum_member(cls: type[enum.Enum], *, extensible: bool = False) -> Member:
    """An enum alternative: a listed value fits best; other values of the enum's JSON type fit
    loosely when the enum is extensible, and not at all when it is closed."""
    json_types = _enum_json_types(cls)

    def listed(value: Any) -> enum.Enum | None:
        if isinstance(value, bool) or not isinstance(value, json_types):
            return None
        for member in cls:
            if member.value == value:
                return member
            if isinstance(value, str) and member.value.casefold() == value.casefold():
                return member
        return None

    def fit(value: Any) -> Fit:
        found = listed(value)
        if found is not None:
            return (SPECIFIC, found)
        if extensible and isinstance(value, json_types) and not isinstance(value, bool):
            return (LOOSE, cls(value))
        return _MISS

    return Member(
        cls.__name__,
        fit,
        lambda v: SPECIFIC if isinstance(v, cls) else NO,
        _plain(lambda v: v.value if isinstance(v, enum.Enum) else v),
    )


# --- models, lists, maps, anything ---------------------------------------------------------------


@functools.cache
def model_member(cls: type[Any]) -> Member:
    """A model alternative: a JSON object with the model's required properties and constants
    that decodes without error; every property known makes it an exact fit."""
    shape: Shape = getattr(cls, "_SHAPE", None) or Shape()

    def fit(value: Any) -> Fit:
        if not isinstance(value, Mapping) or any(k not in value for k in shape.required):
            return _MISS
        if any(k in value and value[k] != v for k, v in shape.constants):
            return _MISS
        try:
            decoded = cls.from_dict(value)
        except (ValueError, TypeError):
            return _MISS
        known = type(decoded)._KNOWN
        return (EXACT if all(k in known for k in value) else LOOSE, decoded)

    def accepts(value: Any) -> int:
        if type(value) is cls:
            return SPECIFIC
        return EXACT if isinstance(value, cls) else NO

    def encode(value: _Model, exclude_readonly: bool) -> Any:
        return value.to_dict(exclude_readonly=exclude_readonly)

    return Member(cls.__name__, fit, accepts, encode, cls)


@functools.cache
def list_member(item: Member) -> Member:
    """An array alternative: it fits as well as its worst-fitting item."""

    def fit(value: Any) -> Fit:
        if not isinstance(value, list):
            return _MISS
        score, decoded = EXACT, []
        for element in value:
            element_score, element_value = item.fit(element)
            if not element_score:
                return _MISS
            score = min(score, element_score)
            decoded.append(element_value)
        return (score, decoded)

    def accepts(value: Any) -> int:
        if not isinstance(value, list | tuple):
            return NO
        return min((item.accepts(v) for v in value), default=EXACT)

    def encode(value: Any, exclude_readonly: bool) -> Any:
        return [item.encode(v, exclude_readonly) for v in value]

    return Member(f"list[{item.name}]", fit, accepts, encode)


@functools.cache
def dict_member(value_member: Member) -> Member:
    """A map alternative: any JSON object whose values fit, so it never beats a model."""

    def fit(value: Any) -> Fit:
        if not isinstance(value, Mapping):
            return _MISS
        decoded = {}
        for key, element in value.items():
            element_score, element_value = value_member.fit(element)
            if not element_score:
                return _MISS
            decoded[str(key)] = element_value
        return (FALLBACK, decoded)

    def accepts(value: Any) -> int:
        if not isinstance(value, Mapping):
            return NO
        return min((value_member.accepts(v) for v in value.values()), default=EXACT)

    def encode(value: Any, exclude_readonly: bool) -> Any:
        return {k: value_member.encode(v, exclude_readonly) for k, v in value.items()}

    return Member(f"dict[str, {value_member.name}]", fit, accepts, encode)


ANY_MEMBER = Member(
    "Any",
    lambda value: (FALLBACK, value),
    lambda value: FALLBACK,
    _plain(serialize_any),
)


@functools.cache
def union_member(codec: UnionCodec) -> Member:
    """A union inside a union (as an item of a list alternative, or one with a discriminator)."""
    return Member(codec.name, codec.fit, codec.accepts, codec.encode)


# --- the union -----------------------------------------------------------------------------------


class UnionCodec:
    """Decoding and encoding for one union; `mapping` takes discriminator values to models."""

    def __init__(
        self,
        name: str,
        members: tuple[Member, ...],
        discriminator: str | None = None,
        mapping: Mapping[str, Any] | None = None,
        first_match: bool = False,
    ) -> None:
        self.name = name
        self.members = members
        self.discriminator = discriminator
        self.mapping = mapping or {}
        self.first_match = first_match
        self._encoders = {
            flag: functools.partial(self.encode, exclude_readonly=flag) for flag in (False, True)
        }

    def _describe(self) -> str:
        return f"{self.name} ({', '.join(m.name for m in self.members)})"

    def decode(self, value: Any) -> Any:
        """The alternative `value` is, decoded; None for None."""
        if value is None:
            return None
        score, decoded = self.fit(value)
        if not score:
            raise DeserializationError(
                f"Expected one of {self._describe()}, got {describe_value(value)}"
            )
        return decoded

    def fit(self, value: Any) -> Fit:
        """The best alternative's score and value; raises when two fit alike as different
        values, or when the discriminator names no alternative."""
        tagged = isinstance(value, Mapping) and value.get(self.discriminator) is not None
        if self.discriminator is None or not tagged:
            return self._best(value, self.members)
        tag = value[self.discriminator]
        model = self.mapping.get(tag) if isinstance(tag, str) else None
        if model is not None:
            return (SPECIFIC, model.from_dict(value))
        # Alternatives the mapping does not name may still carry this value.
        mapped = tuple(self.mapping.values())
        unmapped = tuple(
            m for m in self.members if m.model is not None and all(m.model is not c for c in mapped)
        )
        if not unmapped:
            known = ", ".join(repr(k) for k in self.mapping)
            raise DeserializationError(
                f"{self.name}: {self.discriminator} {describe_value(tag)} names none of "
                f"its alternatives ({known})"
            )
        return self._best(value, unmapped)

    def _best(self, value: Any, candidates: tuple[Member, ...]) -> Fit:
        scored = [(fit, m) for m in candidates if (fit := m.fit(value))[0]]
        if not scored:
            return _MISS
        top = max(fit[0] for fit, _ in scored)
        best = [(fit[1], m) for fit, m in scored if fit[0] == top]
        decoded = best[0][0]
        if not self.first_match and any(other != decoded for other, _ in best[1:]):
            names = " and ".join(m.name for _, m in best)
            raise DeserializationError(
                f"Expected one of {self._describe()}, got {describe_value(value)}, "
                f"which fits {names} alike"
            )
        return (top, decoded)

    def accepts(self, value: Any) -> int:
        return max((m.accepts(value) for m in self.members), default=NO)

    def encode(self, value: Any, exclude_readonly: bool = False) -> Any:
        """The JSON form of `value` as the alternative it is an instance of; None for None."""
        if value is None:
            return None
        best, chosen = NO, None
        for member in self.members:
            score = member.accepts(value)
            if score > best:
                best, chosen = score, member
        if chosen is None:
            raise TypeError(f"{type(value).__name__} is none of {self._describe()}")
        return chosen.encode(value, exclude_readonly)

    def encoder(self, exclude_readonly: bool) -> Callable[[Any], Any]:
        """`encode` with the flag bound; the same object every time (codecs built from it are
        cached by identity)."""
        return self._encoders[bool(exclude_readonly)]


@functools.cache
def union_of(
    name: str,
    members: tuple[Member, ...],
    discriminator: str | None = None,
    mapping: tuple[tuple[str, Any], ...] = (),
    *,
    first_match: bool = False,
) -> UnionCodec:
    """The codec for a union, built once: generated code names it where it is used, and codecs
    made from its methods (`list_of(codec.decode)`) are cached by their arguments."""
    return UnionCodec(name, members, discriminator, dict(mapping), first_match)
