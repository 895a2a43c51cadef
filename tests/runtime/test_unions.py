"""The runtime's unions: which alternative a JSON value decodes to, and the JSON form of values.

The models here are written by hand the way generated ones are (`from_dict`, `to_dict`, `_KNOWN`,
`_SHAPE`), so the runtime is tested on its own.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Self

import pytest

from generator.runtime import codec as s
from generator.runtime.errors import DeserializationError


@dataclass
class Cat:
    pet_type: str
    name: str
    purrs: bool | None = None
    _unknown: dict[str, Any] = field(default_factory=dict)

    _KNOWN: ClassVar[Any] = {"petType": None, "name": None, "purrs": None}
    _SHAPE: ClassVar[s.Shape] = s.Shape(required=("petType", "name"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        return cls(
            pet_type=s.deserialize_str(data.get("petType")),  # type: ignore[arg-type]
            name=s.deserialize_str(data.get("name")),  # type: ignore[arg-type]
            purrs=s.deserialize_bool(data.get("purrs")),
            _unknown=s.unknown_fields(data, cls._KNOWN),
        )

    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]:
        result: dict[str, Any] = {}
        s.merge_unknown(result, self._unknown)
        s.put(result, ("petType",), self.pet_type)
        s.put(result, ("name",), self.name)
        s.put(result, ("purrs",), self.purrs)
        return result


@dataclass
class Dog(Cat):
    barks: bool | None = None
    lives: int | None = None

    _KNOWN: ClassVar[Any] = {"petType": None, "name": None, "barks": None, "lives": None}
    _SHAPE: ClassVar[s.Shape] = s.Shape(required=("petType", "name"))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        return cls(
            pet_type=s.deserialize_str(data.get("petType")),  # type: ignore[arg-type]
            name=s.deserialize_str(data.get("name")),  # type: ignore[arg-type]
            barks=s.deserialize_bool(data.get("barks")),
            lives=s.deserialize_int(data.get("lives")),
            _unknown=s.unknown_fields(data, cls._KNOWN),
        )

    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]:
        result = {"petType": self.pet_type, "name": self.name}
        s.put(result, ("barks",), self.barks)
        if not exclude_readonly:
            s.put(result, ("lives",), self.lives)
        return result


@dataclass
class Square:
    """A model with a constant property (`kind: square`)."""

    side: float
    _KNOWN: ClassVar[Any] = {"kind": None, "side": None}
    _SHAPE: ClassVar[s.Shape] = s.Shape(required=("kind", "side"), constants=(("kind", "square"),))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        return cls(side=s.deserialize_float(data.get("side")))  # type: ignore[arg-type]

    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]:
        return {"kind": "square", "side": self.side}


@dataclass
class Circle(Square):
    _KNOWN: ClassVar[Any] = {"kind": None, "side": None}
    _SHAPE: ClassVar[s.Shape] = s.Shape(required=("kind", "side"), constants=(("kind", "circle"),))

    def to_dict(self, *, exclude_readonly: bool = False) -> dict[str, Any]:
        return {"kind": "circle", "side": self.side}


class Color(s.ExtensibleStrEnum):
    RED = "red"
    GREEN = "green"


PETS = s.UnionCodec("Pet", (s.model_member(Cat), s.model_member(Dog)))
TAGGED = s.UnionCodec(
    "Pet", (s.model_member(Cat), s.model_member(Dog)), "petType", {"cat": Cat, "dog": Dog}
)


# --- decoding by discriminator -------------------------------------------------------------------


def test_the_discriminator_picks_the_member_even_when_the_shape_fits_both() -> None:
    tom = {"petType": "cat", "name": "Tom"}
    assert TAGGED.decode(tom) == Cat("cat", "Tom")
    assert type(TAGGED.decode({"petType": "dog", "name": "Rex"})) is Dog


def test_an_unknown_discriminator_value_names_the_union_and_the_known_values() -> None:
    with pytest.raises(DeserializationError) as caught:
        TAGGED.decode({"petType": "bird", "name": "Tweety"})
    assert str(caught.value) == "Pet: petType 'bird' names none of its alternatives ('cat', 'dog')"


def test_members_the_mapping_leaves_out_are_still_tried_by_shape() -> None:
    union = s.UnionCodec("Pet", (s.model_member(Cat), s.model_member(Dog)), "petType", {"c": Cat})
    assert union.decode({"petType": "c", "name": "Tom"}) == Cat("c", "Tom")
    assert type(union.decode({"petType": "d", "name": "Rex", "barks": True})) is Dog
    with pytest.raises(DeserializationError, match=r"Expected one of Pet \(Cat, Dog\)"):
        # An unmapped value: only Dog is tried (Cat has its value), and it needs a name.
        union.decode({"petType": "d", "purrs": True})


def test_without_the_discriminator_property_the_shape_decides() -> None:
    assert type(TAGGED.decode({"petType": None, "name": "Rex", "barks": True})) is Dog


# --- decoding by shape ---------------------------------------------------------------------------


def test_every_property_known_beats_unknown_properties() -> None:
    assert type(PETS.decode({"petType": "x", "name": "Rex", "barks": True})) is Dog
    assert type(PETS.decode({"petType": "x", "name": "Tom", "purrs": True})) is Cat


def test_two_models_fitting_alike_is_an_error_not_a_guess() -> None:
    with pytest.raises(DeserializationError) as caught:
        PETS.decode({"petType": "x", "name": "Rex"})
    assert "fits Cat and Dog alike" in str(caught.value)
    assert str(caught.value).startswith("Expected one of Pet (Cat, Dog), got ")


def test_an_any_of_takes_the_first_member_fitting_alike() -> None:
    any_of = s.union_of("Pet", PETS.members, first_match=True)
    assert type(any_of.decode({"petType": "x", "name": "Rex"})) is Cat
    reversed_any_of = s.union_of("Pet", PETS.members[::-1], first_match=True)
    assert type(reversed_any_of.decode({"petType": "x", "name": "Rex"})) is Dog
    # A better fit still wins over order.
    assert type(any_of.decode({"petType": "x", "name": "Rex", "barks": True})) is Dog


def test_missing_required_properties_or_undecodable_values_do_not_fit() -> None:
    with pytest.raises(DeserializationError, match=r"Expected one of Pet \(Cat, Dog\)"):
        PETS.decode({"name": "no type"})
    # `lives` is no integer, so it is not a Dog; it has an unknown property for a Cat.
    assert type(PETS.decode({"petType": "x", "name": "n", "lives": "many"})) is Cat


def test_constants_tell_models_apart() -> None:
    shapes = s.UnionCodec("Shape", (s.model_member(Square), s.model_member(Circle)))
    assert type(shapes.decode({"kind": "circle", "side": 2})) is Circle
    assert type(shapes.decode({"kind": "square", "side": 2})) is Square
    with pytest.raises(DeserializationError):
        shapes.decode({"kind": "hexagon", "side": 2})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5),
        (5.5, 5.5),
        ("text", "text"),
        (True, True),
        ("2024-02-29", dt.date(2024, 2, 29)),
        ("2024-02-29T10:00:00Z", dt.datetime(2024, 2, 29, 10, tzinfo=dt.UTC)),
    ],
)
def test_primitives_decode_by_json_type_and_format(value: Any, expected: Any) -> None:
    union = s.UnionCodec(
        "Value",
        tuple(
            s.primitive_member(kind) for kind in ("int", "float", "str", "bool", "date", "datetime")
        ),
    )
    decoded = union.decode(value)
    assert decoded == expected
    assert type(decoded) is type(expected)


def test_no_lenient_conversion_across_json_types() -> None:
    numbers = s.UnionCodec("Numbers", (s.primitive_member("int"), s.primitive_member("bool")))
    for value in ("5", "true", [1], {"a": 1}):
        with pytest.raises(DeserializationError, match=r"Numbers \(int, bool\)"):
            numbers.decode(value)
    assert numbers.decode(None) is None


def test_constants_and_closed_enums_beat_plain_strings() -> None:
    union = s.UnionCodec(
        "Mode", (s.primitive_member("str"), s.constant_member("auto"), s.enum_member(Color))
    )
    assert union.decode("auto") == "auto"
    assert union.decode("RED") is Color.RED
    assert union.decode("purple") == "purple"
    assert not isinstance(union.decode("purple"), Color)


def test_a_closed_enum_rejects_unlisted_values_an_extensible_one_keeps_them() -> None:
    closed = s.UnionCodec("C", (s.enum_member(Color), s.primitive_member("int")))
    with pytest.raises(DeserializationError):
        closed.decode("purple")
    extensible = s.UnionCodec(
        "C", (s.enum_member(Color, extensible=True), s.primitive_member("int"))
    )
    assert extensible.decode("purple").value == "purple"
    assert extensible.decode(3) == 3


def test_lists_fit_by_their_items_and_empty_lists_are_not_ambiguous() -> None:
    union = s.UnionCodec(
        "L",
        (
            s.list_member(s.primitive_member("int")),
            s.list_member(s.model_member(Cat)),
            s.model_member(Cat),
        ),
    )
    assert union.decode([1, 2]) == [1, 2]
    assert union.decode([{"petType": "c", "name": "a"}]) == [Cat("c", "a")]
    assert union.decode({"petType": "c", "name": "a"}) == Cat("c", "a")
    assert union.decode([]) == []
    with pytest.raises(DeserializationError):
        union.decode([1, "two"])


def test_maps_and_anything_only_take_what_nothing_else_fits() -> None:
    union = s.UnionCodec(
        "M", (s.dict_member(s.primitive_member("int")), s.model_member(Cat), s.ANY_MEMBER)
    )
    assert union.decode({"petType": "c", "name": "a"}) == Cat("c", "a")
    assert union.decode({"a": 1}) == {"a": 1}
    assert union.decode({"a": "x"}) == {"a": "x"}  # Any keeps the value as it came
    assert union.decode("free text") == "free text"


def test_a_nested_union_inside_a_list() -> None:
    inner = s.UnionCodec("Item", (s.primitive_member("int"), s.primitive_member("str")))
    union = s.UnionCodec(
        "Outer", (s.list_member(s.union_member(inner)), s.primitive_member("bool"))
    )
    assert union.decode([1, "a"]) == [1, "a"]
    assert union.decode(False) is False
    assert union.encode([1, "a"]) == [1, "a"]


# --- encoding ------------------------------------------------------------------------------------


def test_encoding_writes_the_members_form() -> None:
    union = s.UnionCodec(
        "Value",
        (
            s.model_member(Cat),
            s.primitive_member("date"),
            s.primitive_member("datetime"),
            s.primitive_member("decimal"),
            s.primitive_member("bytes"),
            s.list_member(s.model_member(Cat)),
            s.enum_member(Color),
        ),
    )
    assert union.encode(Cat("cat", "Tom")) == {"petType": "cat", "name": "Tom"}
    assert union.encode(dt.date(2024, 2, 29)) == "2024-02-29"
    moment = dt.datetime(2024, 2, 29, 10, tzinfo=dt.UTC)
    assert union.encode(moment) == "2024-02-29T10:00:00Z"
    assert union.encode(Decimal("1.5")) == 1.5
    assert union.encode(b"hi") == "aGk="
    assert union.encode([Cat("c", "a")]) == [{"petType": "c", "name": "a"}]
    assert union.encode(Color.GREEN) == "green"
    assert union.encode(None) is None


def test_encoding_picks_the_most_specific_class_and_passes_exclude_readonly() -> None:
    dog = Dog("dog", "Rex", lives=3)
    assert PETS.encode(dog) == {"petType": "dog", "name": "Rex", "lives": 3}
    assert PETS.encoder(True)(dog) == {"petType": "dog", "name": "Rex"}


def test_encoding_a_value_of_no_member_is_a_type_error() -> None:
    numbers = s.UnionCodec("Numbers", (s.primitive_member("int"), s.primitive_member("str")))
    assert numbers.encode(7) == 7
    with pytest.raises(TypeError, match=r"bool is none of Numbers \(int, str\)"):
        numbers.encode(True)
    with pytest.raises(TypeError):
        numbers.encode(1.5)


def test_an_int_goes_out_as_a_number_where_a_float_is_expected() -> None:
    union = s.UnionCodec("N", (s.primitive_member("float"), s.primitive_member("str")))
    assert union.encode(2) == 2
    assert union.decode(2) == 2.0


class _Shade(enum.IntEnum):
    DARK = 1


def test_an_int_enum_does_not_match_text() -> None:
    union = s.UnionCodec("S", (s.enum_member(_Shade), s.primitive_member("str")))
    assert union.decode(1) is _Shade.DARK
    assert union.decode("1") == "1"


def test_union_of_builds_each_codec_once_so_codecs_made_from_it_are_cached() -> None:
    def build() -> s.UnionCodec:
        return s.union_of(
            "Pet", (s.model_member(Cat), s.model_member(Dog)), "petType", (("cat", Cat),)
        )

    assert build() is build()
    assert build().encoder(True) is build().encoder(True)
    assert s.list_of(build().decode) is s.list_of(build().decode)
    assert build().decode({"petType": "cat", "name": "Tom"}) == Cat("cat", "Tom")
