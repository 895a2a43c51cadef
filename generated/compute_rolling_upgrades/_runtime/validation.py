"""Client-side checks of argument values against the API description's constraints.

A generated operation calls `check` for each argument the description constrains, before anything
is sent, so a bad value fails fast with a `ValidationError` that names the argument and the rule.
Patterns are read in the description's dialect (ECMA-262), see `patterns`.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sized
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decimal import Decimal

    from . import errors as _errors

    _Number = int | float | Decimal
else:
    from .lazy import LazyModule

    # Loaded when a check fails: with azure-core installed, it loads azure-core.
    _errors = LazyModule(f"{__package__}.errors")


def check(
    name: str,
    value: Any,
    *,
    required: bool = False,
    minimum: float | None = None,
    maximum: float | None = None,
    exclusive_minimum: bool = False,
    exclusive_maximum: bool = False,
    min_length: int | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
    min_items: int | None = None,
    max_items: int | None = None,
    unique_items: bool = False,
    multiple_of: float | None = None,
) -> None:
    """Raise ValidationError when `value` breaks one of the given rules; None passes unless
    `required`."""
    if value is None:
        if required:
            raise _errors.ValidationError(f"{name} must not be None")
        return
    _check_number(name, value, minimum, maximum, exclusive_minimum, exclusive_maximum)
    if multiple_of is not None and _is_number(value) and not _is_multiple(value, multiple_of):
        raise _errors.ValidationError(
            f"{name} must be a multiple of {_text(multiple_of)}, not {value!r}"
        )
    if isinstance(value, str):
        _check_length(name, value, min_length, max_length, "character")
        _check_pattern(name, value, pattern)
    elif isinstance(value, list | tuple):
        _check_length(name, value, min_items, max_items, "item")
        if unique_items and not _all_unique(value):
            raise _errors.ValidationError(f"{name} must not contain the same item twice")


def _check_pattern(name: str, value: str, pattern: str | None) -> None:
    """A pattern is an ECMA regular expression; one without a faithful Python translation is
    not checked (the generator warned about it)."""
    if pattern is None:
        return
    from .patterns import compiled  # the pattern translator loads when a pattern is checked

    regex = compiled(pattern)
    if regex is not None and regex.search(value) is None:
        raise _errors.ValidationError(f"{name} must match the pattern {pattern!r}, not {value!r}")


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    # A Decimal exists only once its module is loaded: constructing a client need not load it.
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(value, decimal.Decimal)


def _text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _check_number(
    name: str,
    value: Any,
    minimum: float | None,
    maximum: float | None,
    exclusive_minimum: bool,
    exclusive_maximum: bool,
) -> None:
    if not _is_number(value):
        return
    if minimum is not None:
        below = value <= minimum if exclusive_minimum else value < minimum
        if below:
            word = "greater than" if exclusive_minimum else "at least"
            raise _errors.ValidationError(f"{name} must be {word} {_text(minimum)}, not {value!r}")
    if maximum is not None:
        above = value >= maximum if exclusive_maximum else value > maximum
        if above:
            word = "less than" if exclusive_maximum else "at most"
            raise _errors.ValidationError(f"{name} must be {word} {_text(maximum)}, not {value!r}")


def _is_multiple(value: _Number, factor: float) -> bool:
    if factor == 0:
        return True
    from decimal import Decimal

    # Decimal arithmetic, so 0.3 counts as a multiple of 0.1 despite binary floats.
    quotient = Decimal(str(value)) / Decimal(str(factor))
    return quotient == quotient.to_integral_value()


def _check_length(
    name: str, value: Sized, shortest: int | None, longest: int | None, unit: str
) -> None:
    size = len(value)
    if shortest is not None and size < shortest:
        raise _errors.ValidationError(
            f"{name} must have at least {shortest} {unit}{'s' if shortest != 1 else ''}, "
            f"not {size}"
        )
    if longest is not None and size > longest:
        raise _errors.ValidationError(
            f"{name} must have at most {longest} {unit}{'s' if longest != 1 else ''}, not {size}"
        )


def _all_unique(items: list[Any] | tuple[Any, ...]) -> bool:
    seen: list[Any] = []
    for item in items:
        # A list, not a set: items may be unhashable (dicts, models).
        if item in seen:
            return False
        seen.append(item)
    return True


def validate_nested(path: str, value: Any) -> None:
    """Check a model, or the models inside a list or dict, against the spec's constraints (each
    generated model with constraints has `_validate(path)`); other values pass."""
    validate = getattr(value, "_validate", None)
    if callable(validate):
        validate(path)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            validate_nested(f"{path}[{index}]", item)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            validate_nested(f"{path}[{key!r}]", item)
