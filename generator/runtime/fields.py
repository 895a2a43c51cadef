"""Model fields beyond plain values: nested paths (flattened properties), properties the model
does not declare (kept and written back), explicit JSON null and polymorphic subtypes."""

from __future__ import annotations

import copy
import enum
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, TypeAlias, TypeVar

from .dates import serialize_date, serialize_datetime, serialize_duration, serialize_time
from .errors import DeserializationError
from .primitives import serialize_bytes, serialize_decimal

T = TypeVar("T")

KnownTree: TypeAlias = Mapping[str, "KnownTree | None"]


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
