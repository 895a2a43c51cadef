"""Property-based tests: Python names from any text, and models from random schemas.

Hypothesis runs are bounded (few examples, no deadline) so the suite stays quick on a busy machine.
"""

from __future__ import annotations

import importlib
import itertools
import keyword
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import naming
from generator.build import build_package
from generator.render.write import write_tree
from tests.hostile.support import swagger, write_json

# Any text a spec can hold: every code point but lone surrogates (refused by the loader).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NAMES = settings(max_examples=300, deadline=None)

_NAMERS = {
    "field": (naming.field_name, naming.MODEL_RESERVED),
    "parameter": (naming.parameter_name, naming.METHOD_RESERVED),
    "class": (naming.class_name, naming.TYPE_RESERVED),
    "client": (naming.client_class_name, naming.CLIENT_CLASS_RESERVED),
    "member": (naming.enum_member_name, frozenset()),
}


def _is_plain_identifier(name: str) -> bool:
    return (
        name.isascii()
        and name.isidentifier()
        and not keyword.iskeyword(name)
        and not keyword.issoftkeyword(name)
    )


@pytest.mark.parametrize("kind", sorted(_NAMERS))
@NAMES
@given(text=TEXT)
def test_names_are_valid_identifiers_outside_their_reserved_words(kind: str, text: str) -> None:
    namer, reserved = _NAMERS[kind]
    name = namer(text)
    assert _is_plain_identifier(name), name
    assert name not in reserved
    assert name not in {"self", "cls"}
    assert namer(text) == name  # the same text always gives the same name


@NAMES
@given(text=TEXT | st.sampled_from(["exception", "Value Error", "pipeline", "version", "any"]))
def test_client_class_names_pass_the_client_name_check(text: str) -> None:
    assert naming.client_name_problem(naming.client_class_name(text)) is None


@NAMES
@given(text=st.text(st.characters(exclude_categories=("Cs",)), max_size=600))
def test_module_names_are_short_lower_case_identifiers(text: str) -> None:
    module = naming.module_name(naming.class_name(text))
    assert _is_plain_identifier(module) and module.startswith("_")
    assert len(module) <= naming.MAX_MODULE_NAME
    assert module == module.lower()
    assert naming.module_name(naming.class_name(text)) == module


@NAMES
@given(first=st.text(max_size=300), second=st.text(max_size=300))
def test_long_module_names_stay_distinct(first: str, second: str) -> None:
    prefix = "_" + "x" * naming.MAX_MODULE_NAME
    a, b = naming.short_module_name(prefix + first), naming.short_module_name(prefix + second)
    assert len(a) <= naming.MAX_MODULE_NAME and len(b) <= naming.MAX_MODULE_NAME
    assert (a == b) == (first == second)


@NAMES
@given(
    names=st.lists(st.sampled_from(["a", "A", "a_2", "b", "B_", "a_", "x"]) | TEXT, max_size=30),
    taken=st.lists(st.sampled_from(["a", "a_2", "b"]), max_size=3),
    ignore_case=st.booleans(),
)
def test_unique_names_are_unique_ordered_and_clear_of_taken(
    names: list[str], taken: list[str], ignore_case: bool
) -> None:
    fold = str.casefold if ignore_case else str
    result = naming.unique_names(names, taken, ignore_case=ignore_case)
    assert len(result) == len(names)
    assert len({fold(n) for n in result}) == len(result)
    assert not {fold(n) for n in result} & {fold(t) for t in taken}
    for original, unique in zip(names, result, strict=True):
        assert unique.startswith(original)
    assert naming.unique_names(names, taken, ignore_case=ignore_case) == result


@NAMES
@given(wires=st.lists(TEXT, min_size=1, max_size=12, unique=True))
def test_fields_of_one_model_get_distinct_names(wires: list[str]) -> None:
    names = naming.unique_names([naming.field_name(w) for w in wires], naming.MODEL_RESERVED)
    assert len(set(names)) == len(wires)
    assert all(_is_plain_identifier(n) and n not in naming.MODEL_RESERVED for n in names)


# Models from random schemas


_PRIMITIVES: dict[str, tuple[dict[str, Any], st.SearchStrategy[Any]]] = {
    "string": ({"type": "string"}, st.text(st.characters(exclude_categories=("Cs",)), max_size=8)),
    "integer": ({"type": "integer"}, st.integers(-(2**53), 2**53)),
    "number": ({"type": "number"}, st.floats(allow_nan=False, allow_infinity=False)),
    "boolean": ({"type": "boolean"}, st.booleans()),
    "date-time": (
        {"type": "string", "format": "date-time"},
        st.sampled_from(["2024-01-02T03:04:05Z", "2024-07-01T00:00:00.5+02:00"]),
    ),
    "enum": ({"type": "string", "enum": ["red", "Green"]}, st.sampled_from(["red", "Green"])),
}

WIRE = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=12)


@st.composite
def _schema(draw: st.DrawFn, depth: int = 0) -> tuple[dict[str, Any], st.SearchStrategy[Any]]:
    """A property schema and a strategy for the JSON values it describes."""
    kinds = [*_PRIMITIVES, "array", "map"] + (["object"] if depth < 2 else [])
    kind = draw(st.sampled_from(kinds))
    if kind in _PRIMITIVES:
        return _PRIMITIVES[kind]
    if kind in ("array", "map"):
        inner, values = draw(_schema(depth + 1))
        if kind == "array":
            return {"type": "array", "items": inner}, st.lists(values, max_size=3)
        keys = st.text(st.characters(exclude_categories=("Cs",)), max_size=5)
        return (
            {"type": "object", "additionalProperties": inner},
            st.dictionaries(keys, values, max_size=3),
        )
    return draw(_object(depth + 1))


@st.composite
def _object(draw: st.DrawFn, depth: int = 0) -> tuple[dict[str, Any], st.SearchStrategy[Any]]:
    wires = draw(st.lists(WIRE, min_size=1, max_size=5, unique=True))
    properties: dict[str, Any] = {}
    values: dict[str, st.SearchStrategy[Any]] = {}
    for wire in wires:
        properties[wire], values[wire] = draw(_schema(depth))
    required = draw(st.lists(st.sampled_from(wires), unique=True, max_size=len(wires)))
    schema = {"type": "object", "properties": properties, "required": required}
    optional = {w: v for w, v in values.items() if w not in required}
    return schema, st.fixed_dictionaries(
        {w: v for w, v in values.items() if w in required}, optional=optional
    )


_PACKAGES = itertools.count()


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_models_from_random_schemas_round_trip(data: st.DataObject, tmp_path: Path) -> None:
    schema, values = data.draw(_object())
    package = f"roundtrip_{next(_PACKAGES)}"
    spec = write_json(tmp_path / f"{package}.json", swagger({"Root": schema}))
    out = tmp_path / "out"
    write_tree(out / package, build_package(spec, package).files)
    sys.path.insert(0, str(out))
    try:
        root = importlib.import_module(f"{package}.models").Root
    finally:
        sys.path.remove(str(out))
    for _ in range(10):
        wire = data.draw(values)
        model = root.from_dict(wire)
        assert root.from_dict(model.to_dict()) == model
        assert root.from_dict(model.to_dict()).to_dict() == model.to_dict()
