"""body-complex.json: models with every primitive, inheritance, polymorphism (nested,
x-ms-discriminator-value, dotted discriminator, unknown values), additional properties on a
subtype, read-only properties and flattening."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest

from tests.testserver.clients import GeneratedClients
from tests.testserver.models_helpers import (
    MODEL_STYLES,
    accepted,
    counted,
    run_async,
    submodule,
    unknown_properties,
)
from tests.testserver.server import TestServer

UTC = dt.UTC
PICTURE = bytes([255, 255, 255, 255, 254])


@pytest.fixture(scope="module", params=MODEL_STYLES)
def package(generated_clients: GeneratedClients, request: pytest.FixtureRequest) -> ModuleType:
    return generated_clients("body-complex.json", request.param)


@pytest.fixture(scope="module")
def m(package: ModuleType) -> ModuleType:
    return submodule(package, "models")


@pytest.fixture
def client(package: ModuleType, testserver: TestServer) -> Iterator[Any]:
    with package.AutoRestComplexTestService(endpoint=testserver.url) as service:
        yield service


# --- basic ---------------------------------------------------------------------------------------


def test_basic_get(client: Any, m: ModuleType) -> None:
    valid = client.basic.get_valid()
    assert valid == m.Basic(id=2, name="abc", color=m.CMYKColors.YELLOW)
    assert client.basic.get_empty() == m.Basic()
    assert client.basic.get_null() == m.Basic(id=None, name=None)
    assert client.basic.get_not_provided() is None


def test_basic_invalid_names_the_property(client: Any, package: ModuleType) -> None:
    errors = submodule(package, "exceptions")
    with pytest.raises(errors.DeserializationError, match="integer"):
        client.basic.get_invalid()


def test_basic_put(client: Any, m: ModuleType, testserver: TestServer) -> None:
    body = m.Basic(id=2, name="abc", color="Magenta")
    accepted(testserver, "putComplexBasicValid", lambda: client.basic.put_valid(body))


# --- primitives ----------------------------------------------------------------------------------

DOUBLE_FIELD = (
    "field_56_zeros_after_the_dot_and_negative_zero_before_dot_and_"
    "this_is_a_long_field_name_on_purpose"
)


def _primitives(m: ModuleType) -> list[tuple[str, Any]]:
    return [
        ("int", m.IntWrapper(field1=-1, field2=2)),
        ("long", m.LongWrapper(field1=1099511627775, field2=-999511627788)),
        ("float", m.FloatWrapper(field1=1.05, field2=-0.003)),
        ("double", m.DoubleWrapper(field1=3e-100, **{DOUBLE_FIELD: -5e-57})),
        ("bool", m.BooleanWrapper(field_true=True, field_false=False)),
        ("string", m.StringWrapper(field="goodrequest", empty="", null=None)),
        ("date", m.DateWrapper(field=dt.date(1, 1, 1), leap=dt.date(2016, 2, 29))),
        (
            "date_time",
            m.DatetimeWrapper(
                field=dt.datetime(1, 1, 1, tzinfo=UTC),
                now=dt.datetime(2015, 5, 18, 18, 38, tzinfo=UTC),
            ),
        ),
        (
            "date_time_rfc1123",
            m.Datetimerfc1123Wrapper(
                field=dt.datetime(1, 1, 1, tzinfo=UTC),
                now=dt.datetime(2015, 5, 18, 11, 38, tzinfo=UTC),
            ),
        ),
        (
            "duration",
            m.DurationWrapper(
                field=dt.timedelta(days=123, hours=22, minutes=14, seconds=12, milliseconds=11)
            ),
        ),
        ("byte", m.ByteWrapper(field=bytes([255, 254, 253, 252, 0, 250, 249, 248, 247, 246]))),
    ]


SCENARIOS = {
    "int": "Integer",
    "long": "Long",
    "float": "Float",
    "double": "Double",
    "bool": "Bool",
    "string": "String",
    "date": "Date",
    "date_time": "DateTime",
    "date_time_rfc1123": "DateTimeRfc1123",
    "duration": "Duration",
    "byte": "Byte",
}


@pytest.mark.parametrize("kind", list(SCENARIOS))
def test_primitive_round_trip(
    client: Any, m: ModuleType, testserver: TestServer, kind: str
) -> None:
    expected = dict(_primitives(m))[kind]
    assert getattr(client.primitive, f"get_{kind}")() == expected
    scenario = f"putComplexPrimitive{SCENARIOS[kind]}"
    accepted(testserver, scenario, lambda: getattr(client.primitive, f"put_{kind}")(expected))


# --- arrays and dictionaries ---------------------------------------------------------------------

ARRAY = ["1, 2, 3, 4", "", None, "&S#$(*Y", "The quick brown fox jumps over the lazy dog"]
PROGRAMS = {"txt": "notepad", "bmp": "mspaint", "xls": "excel", "exe": "", "": None}


def test_array_property(client: Any, m: ModuleType, testserver: TestServer) -> None:
    assert client.array.get_valid() == m.ArrayWrapper(array=ARRAY)
    assert client.array.get_empty() == m.ArrayWrapper(array=[])
    assert client.array.get_not_provided() == m.ArrayWrapper(array=None)
    accepted(
        testserver,
        "putComplexArrayValid",
        lambda: client.array.put_valid(m.ArrayWrapper(array=ARRAY)),
    )
    accepted(
        testserver, "putComplexArrayEmpty", lambda: client.array.put_empty(m.ArrayWrapper(array=[]))
    )


def test_dictionary_property(client: Any, m: ModuleType, testserver: TestServer) -> None:
    assert client.dictionary.get_valid() == m.DictionaryWrapper(default_program=PROGRAMS)
    assert client.dictionary.get_empty() == m.DictionaryWrapper(default_program={})
    assert client.dictionary.get_null().default_program is None
    assert client.dictionary.get_not_provided().default_program is None
    accepted(
        testserver,
        "putComplexDictionaryValid",
        lambda: client.dictionary.put_valid(m.DictionaryWrapper(default_program=PROGRAMS)),
    )
    accepted(
        testserver,
        "putComplexDictionaryEmpty",
        lambda: client.dictionary.put_empty(m.DictionaryWrapper(default_program={})),
    )


# --- inheritance ---------------------------------------------------------------------------------


def test_inheritance(client: Any, m: ModuleType, testserver: TestServer) -> None:
    siamese = m.Siamese(
        id=2,
        name="Siameeee",
        color="green",
        breed="persian",
        hates=[
            m.Dog(id=1, name="Potato", food="tomato"),
            m.Dog(id=-1, name="Tomato", food="french fries"),
        ],
    )
    got = client.inheritance.get_valid()
    assert isinstance(got, m.Cat) and isinstance(got, m.Pet)
    assert got == siamese
    accepted(
        testserver, "putComplexInheritanceValid", lambda: client.inheritance.put_valid(siamese)
    )


# --- polymorphism --------------------------------------------------------------------------------


def _siblings(m: ModuleType) -> list[Any]:
    return [
        m.Shark(
            age=6, birthday=dt.datetime(2012, 1, 5, 1, tzinfo=UTC), length=20.0, species="predator"
        ),
        m.Sawshark(
            age=105,
            birthday=dt.datetime(1900, 1, 5, 1, tzinfo=UTC),
            length=10.0,
            picture=PICTURE,
            species="dangerous",
        ),
        m.Goblinshark(
            age=1,
            birthday=dt.datetime(2015, 8, 8, tzinfo=UTC),
            length=30.0,
            species="scary",
            jawsize=5,
            # Not a listed color: extensible enums carry any value both ways.
            color="pinkish-gray",
        ),
    ]


def _salmon(m: ModuleType) -> Any:
    return m.Salmon(
        location="alaska", iswild=True, species="king", length=1.0, siblings=_siblings(m)
    )


def test_polymorphism_get_picks_each_subclass(client: Any, m: ModuleType) -> None:
    fish = client.polymorphism.get_valid()
    assert type(fish) is m.Salmon
    assert [type(s) for s in fish.siblings] == [m.Shark, m.Sawshark, m.Goblinshark]
    assert fish == _salmon(m)
    goblin = fish.siblings[2]
    assert goblin.fishtype == "goblin"  # x-ms-discriminator-value
    assert goblin.color == "pinkish-gray"


def test_polymorphism_put_sets_each_discriminator(
    client: Any, m: ModuleType, testserver: TestServer
) -> None:
    body = _salmon(m)
    wire = body.to_dict()
    assert [s["fishtype"] for s in wire["siblings"]] == ["shark", "sawshark", "goblin"]
    accepted(testserver, "putComplexPolymorphismValid", lambda: client.polymorphism.put_valid(body))


def test_polymorphism_complicated_keeps_additional_properties(
    client: Any, m: ModuleType, testserver: TestServer
) -> None:
    extra = {
        "additionalProperty1": 1,
        "additionalProperty2": False,
        "additionalProperty3": "hello",
        "additionalProperty4": {"a": 1, "b": 2},
        "additionalProperty5": [1, 3],
    }
    smart = client.polymorphism.get_complicated()
    assert type(smart) is m.SmartSalmon
    assert smart.additional_properties == extra
    assert smart.siblings == _siblings(m)
    body = m.SmartSalmon(
        location="alaska",
        iswild=True,
        species="king",
        length=1.0,
        siblings=_siblings(m),
        additional_properties=extra,
    )
    assert smart == body
    accepted(
        testserver,
        "putComplexPolymorphismComplicated",
        lambda: client.polymorphism.put_complicated(body),
    )


def test_polymorphism_missing_discriminator_in_the_answer(
    client: Any, m: ModuleType, testserver: TestServer
) -> None:
    answer = accepted(
        testserver,
        "putComplexPolymorphismNoDiscriminator",
        lambda: client.polymorphism.put_missing_discriminator(_salmon(m)),
    )
    # The answer has no fishtype: the declared type (Salmon) is built, with its own value.
    assert type(answer) is m.Salmon
    assert answer == _salmon(m)


def test_polymorphism_missing_required_is_refused_before_sending(m: ModuleType) -> None:
    with pytest.raises(TypeError, match="length"):
        m.Salmon(location="alaska")


def test_polymorphic_recursive(client: Any, m: ModuleType, testserver: TestServer) -> None:
    saw = m.Sawshark(
        age=105,
        birthday=dt.datetime(1900, 1, 5, 1, tzinfo=UTC),
        picture=PICTURE,
        species="dangerous",
        length=10,
    )
    shark = m.Shark(
        age=6, birthday=dt.datetime(2012, 1, 5, 1, tzinfo=UTC), species="predator", length=20
    )
    expected = m.Salmon(
        location="alaska",
        iswild=True,
        species="king",
        length=1,
        siblings=[
            m.Shark(
                age=6,
                birthday=dt.datetime(2012, 1, 5, 1, tzinfo=UTC),
                species="predator",
                length=20,
                siblings=[
                    m.Salmon(
                        location="atlantic",
                        iswild=True,
                        species="coho",
                        length=2,
                        siblings=[shark, saw],
                    ),
                    m.Sawshark(
                        age=105,
                        birthday=dt.datetime(1900, 1, 5, 1, tzinfo=UTC),
                        picture=PICTURE,
                        species="dangerous",
                        length=10,
                        siblings=[],
                    ),
                ],
            ),
            m.Sawshark(
                age=105,
                birthday=dt.datetime(1900, 1, 5, 1, tzinfo=UTC),
                picture=PICTURE,
                species="dangerous",
                length=10,
                siblings=[],
            ),
        ],
    )
    assert client.polymorphicrecursive.get_valid() == expected
    accepted(
        testserver,
        "putComplexPolymorphicRecursiveValid",
        lambda: client.polymorphicrecursive.put_valid(expected),
    )


def test_dotted_discriminator(client: Any, m: ModuleType) -> None:
    salmon = client.polymorphism.get_dot_syntax()
    assert salmon == m.DotSalmon(location="sweden", iswild=True, species="king")
    assert salmon.fish_type == "DotSalmon"


def test_composed_with_discriminator(client: Any, m: ModuleType) -> None:
    market = client.polymorphism.get_composed_with_discriminator()
    assert type(market.sample_fish) is m.DotSalmon
    assert [type(f) for f in market.fishes] == [m.DotSalmon, m.DotSalmon]
    assert market.sample_salmon == m.DotSalmon(location="sweden", iswild=False, species="king")
    assert [s.location for s in market.salmons] == ["sweden", "atlantic"]
    assert [f.location for f in market.fishes] == ["australia", "canada"]


def test_composed_without_discriminator(client: Any, m: ModuleType) -> None:
    market = client.polymorphism.get_composed_without_discriminator()
    # Without a discriminator the declared type is built: DotFish where the spec says DotFish.
    assert type(market.sample_fish) is m.DotFish
    assert market.sample_fish.species == "king"
    assert market.sample_fish.fish_type is None
    assert unknown_properties(market.sample_fish) == {"location": "australia", "iswild": False}
    assert type(market.sample_salmon) is m.DotSalmon
    assert market.sample_salmon.location == "sweden"


def test_unknown_discriminator_value_builds_the_base_and_keeps_the_value(m: ModuleType) -> None:
    data = {"fishtype": "catfish", "length": 2.0, "whiskers": 8}
    fish = m.Fish.from_dict(data)
    assert type(fish) is m.Fish
    assert fish.fishtype == "catfish"
    assert fish.to_dict() == data
    # Below a subclass, an unknown value keeps the subclass and the value sent.
    shark = m.Shark.from_dict({"fishtype": "hammerhead", "length": 3.0, "birthday": None})
    assert type(shark) is m.Shark
    assert shark.fishtype == "hammerhead"


def test_discriminator_value_is_fixed_by_the_subclass(m: ModuleType) -> None:
    with pytest.raises(TypeError):
        m.Goblinshark(fishtype="other", length=1.0, birthday=None)
    goblin = m.Fish.from_dict({"fishtype": "goblin", "length": 1.0, "birthday": None})
    assert type(goblin) is m.Goblinshark
    assert goblin.color is None  # absent in the answer; the "gray" default is for new objects
    assert m.Goblinshark(length=1.0, birthday=None).color == "gray"


# --- read-only and flattening --------------------------------------------------------------------


def test_read_only_property(client: Any, m: ModuleType, testserver: TestServer) -> None:
    got = client.readonlyproperty.get_valid()
    assert got == m.ReadonlyObj(id="1234", size=2)
    # The read-only id came from the service; it is not sent back.
    accepted(
        testserver,
        "putComplexReadOnlyPropertyValid",
        lambda: client.readonlyproperty.put_valid(got),
    )


def test_flattened_property_on_a_polymorphic_model(m: ModuleType) -> None:
    # The test server has no route for /complex/flatten/valid; decode its documented shape.
    data = {"kind": "Kind1", "propB1": "b1", "propD1": "d1", "helper": {"propBH1": "bh1"}}
    derived = m.MyBaseType.from_dict(data)
    assert type(derived) is m.MyDerivedType
    assert (derived.prop_b1, derived.prop_d1, derived.prop_bh1) == ("b1", "d1", "bh1")
    assert derived.kind is m.MyKind.KIND1
    assert derived.to_dict() == data


def test_async_client_decodes_and_encodes_the_same(
    package: ModuleType, m: ModuleType, testserver: TestServer
) -> None:
    async def calls(service: Any) -> Any:
        fish = await service.polymorphism.get_valid()
        await service.polymorphism.put_valid(fish)
        return fish

    aio = submodule(package, "aio")
    with counted(testserver, "getComplexPolymorphismValid", "putComplexPolymorphismValid"):
        fish = run_async(aio.AutoRestComplexTestService, testserver.url, calls)
    assert fish == _salmon(m)
