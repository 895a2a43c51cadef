"""Unions in the planner: annotations, the codec expressions, and which models carry a shape."""

from __future__ import annotations

from generator import ir
from generator.plan.imports import ImportSet
from generator.plan.models import model_view, union_models
from generator.plan.pytypes import TypeNames

SOURCE = ir.Source("spec.json", "")
STRING = ir.PrimitiveType(ir.Primitive.STRING)
INT = ir.PrimitiveType(ir.Primitive.INT)


def _field(name: str, t: ir.TypeRef, *, required: bool = False) -> ir.Field:
    return ir.Field(name, (name,), name, t, required, False, False, "", SOURCE)


def _model(name: str, *fields: ir.Field) -> ir.Model:
    return ir.Model(name, name, f"_{name.lower()}", "", fields, SOURCE)


PET = ir.UnionType(
    "Pet",
    (ir.ModelType("Cat"), ir.ModelType("Dog")),
    "petType",
    (ir.UnionMapping("cat", "Cat"), ir.UnionMapping("Dog", "Dog")),
)
MODE = ir.UnionType(
    "Mode",
    (
        ir.ConstantType("auto", STRING),
        INT,
        ir.ConstantType("off", STRING),
        ir.PrimitiveType(ir.Primitive.UUID),
        STRING,
    ),
)
API = ir.Api(
    title="t",
    description="",
    api_version="1",
    client_name="C",
    default_endpoint="",
    host=ir.Host(""),
    client_parameters=(),
    security=(),
    groups=(),
    models=(
        _model(
            "Cat",
            _field("petType", STRING, required=True),
            _field("kind", ir.ConstantType("cat", STRING), required=True),
        ),
        _model("Dog", _field("petType", STRING, required=True)),
        _model("Holder", _field("pet", ir.ListType(PET)), _field("mode", MODE)),
        _model("Other", _field("name", STRING, required=True)),
    ),
    enums=(),
)


def _names() -> TypeNames:
    return TypeNames(API, ImportSet(), "..")


def test_annotations_join_members_and_gather_constants_into_one_literal() -> None:
    names = _names()
    assert names.annotation(PET) == "_models.Cat | _models.Dog"
    # uuid and string are both `str`: written once.
    assert names.annotation(MODE) == "Literal['auto', 'off'] | int | str"
    assert names.annotation(ir.ListType(PET)) == "list[_models.Cat | _models.Dog]"


def test_codec_expressions_name_members_and_the_mapping() -> None:
    names = _names()
    codec = (
        "_s.union_of('Pet', (_s.model_member(_models.Cat), _s.model_member(_models.Dog), ), "
        "'petType', (('cat', _models.Cat), ('Dog', _models.Dog), ))"
    )
    assert names.decoder(PET) == f"{codec}.decode"
    assert names.encoder(PET, "exclude_readonly") == f"{codec}.encoder(exclude_readonly)"
    assert names.decoder(ir.ListType(PET)) == f"_s.list_of({codec}.decode)"
    assert names.union_member(ir.DictType(ir.UnionType("U", (INT, ir.AnyType())))) == (
        "_s.dict_member(_s.union_member(_s.union_of('U', "
        "(_s.primitive_member('int'), _s.ANY_MEMBER, ))))"
    )
    assert names.union_member(ir.PrimitiveType(ir.Primitive.UUID)) == (
        "_s.primitive_member('uuid')"
    )


def test_only_union_members_carry_a_shape_of_required_and_constant_properties() -> None:
    members = union_models(API)
    assert members == {"Cat", "Dog"}
    cat = model_view(API, API.model("Cat"), members)
    assert cat.shape == "_s.Shape(required=('petType', 'kind'), constants=(('kind', 'cat'), ))"
    assert model_view(API, API.model("Dog"), members).shape == "_s.Shape(required=('petType',))"
    assert model_view(API, API.model("Other"), members).shape == ""
