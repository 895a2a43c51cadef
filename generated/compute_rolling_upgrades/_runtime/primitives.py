"""Wire values to Python values and back: the shared failure helper, bytes, numbers, strings,
booleans, lists, dictionaries and nested models.

Every `deserialize_*` accepts whatever the wire produced, returns None for None and raises
`DeserializationError` with a message naming the expected form when the value cannot be converted.
Every `serialize_*` returns None for None.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol, TypeVar

from .errors import DeserializationError

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


def describe_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def conversion_error(value: Any, expected: str) -> DeserializationError:
    return DeserializationError(f"Expected {expected}, got {describe_value(value)}")


def require_str(value: Any, expected: str) -> str:
    if not isinstance(value, str):
        raise conversion_error(value, expected)
    return value.strip()


# --- bytes ---------------------------------------------------------------------------------------


def _decode_base64(value: Any, expected: str) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    text = "".join(require_str(value, expected).split())
    # Both alphabets are accepted and padding is optional: services are inconsistent, and the two
    # alphabets never disagree about a character's meaning.
    text = text.replace("-", "+").replace("_", "/").rstrip("=")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except ValueError as exc:
        raise conversion_error(value, expected) from exc


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
        raise conversion_error(value, "a number")
    try:
        # str() first: Decimal(0.1) would keep the float's binary error.
        return Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise conversion_error(value, "a number") from exc


def serialize_decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def deserialize_int(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise conversion_error(value, "an integer")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise conversion_error(value, "an integer")


def deserialize_float(value: Any) -> float | None:
    return None if value is None else to_float(value)


def to_float(value: Any) -> float:
    if isinstance(value, bool):
        raise conversion_error(value, "a number")
    if isinstance(value, int | float | Decimal):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise conversion_error(value, "a number")


def deserialize_str(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float | Decimal):
        return str(value)
    raise conversion_error(value, "a string")


def deserialize_bool(value: Any) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise conversion_error(value, "a boolean")


# --- containers ----------------------------------------------------------------------------------


def deserialize_list(value: Any, item: Callable[[Any], T]) -> list[T] | None:
    if value is None:
        return None
    if not isinstance(value, list | tuple):
        raise conversion_error(value, "a JSON array")
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
        raise conversion_error(value, "a JSON object")
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
        raise conversion_error(value, "a JSON object")
    return cls.from_dict(value)
