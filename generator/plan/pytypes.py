"""Python type annotations and (de)serialization expressions for IR types.

Generated modules import the runtime as `_s` (serialization), the model helpers as `_m`, the models
package as `_models` and `datetime`/`decimal` as `_dt`/`_decimal`; names starting with an underscore
cannot collide with generated field or parameter names, which never do.
"""

from __future__ import annotations

import math

from generator import ir
from generator.plan.imports import ImportSet

_ANNOTATIONS: dict[ir.Primitive, str] = {
    ir.Primitive.STRING: "str",
    ir.Primitive.UUID: "str",
    ir.Primitive.INT: "int",
    ir.Primitive.FLOAT: "float",
    ir.Primitive.DECIMAL: "_decimal.Decimal",
    ir.Primitive.BOOL: "bool",
    ir.Primitive.DATE: "_dt.date",
    ir.Primitive.DATETIME: "_dt.datetime",
    ir.Primitive.DATETIME_RFC1123: "_dt.datetime",
    ir.Primitive.UNIXTIME: "_dt.datetime",
    ir.Primitive.TIME: "_dt.time",
    ir.Primitive.DURATION: "_dt.timedelta",
    ir.Primitive.BYTES: "bytes",
    ir.Primitive.BASE64URL: "bytes",
    ir.Primitive.BINARY: "bytes",
}

# Runtime function names per primitive; absent = the JSON value is used as it is.
_CODECS: dict[ir.Primitive, str] = {
    ir.Primitive.STRING: "str",
    ir.Primitive.UUID: "str",
    ir.Primitive.BOOL: "bool",
    ir.Primitive.INT: "int",
    ir.Primitive.FLOAT: "float",
    ir.Primitive.DECIMAL: "decimal",
    ir.Primitive.DATE: "date",
    ir.Primitive.DATETIME: "datetime",
    ir.Primitive.DATETIME_RFC1123: "rfc1123",
    ir.Primitive.UNIXTIME: "unixtime",
    ir.Primitive.TIME: "time",
    ir.Primitive.DURATION: "duration",
    ir.Primitive.BYTES: "bytes",
    ir.Primitive.BASE64URL: "base64url",
}
# The runtime's union members per primitive: the codec names, and two that only unions tell apart.
_MEMBER_KINDS: dict[ir.Primitive, str] = {
    **_CODECS,
    ir.Primitive.UUID: "uuid",
    ir.Primitive.BINARY: "binary",
}
_ENCODE_AS_IS = frozenset(
    {
        ir.Primitive.STRING,
        ir.Primitive.UUID,
        ir.Primitive.BOOL,
        ir.Primitive.INT,
        ir.Primitive.FLOAT,
    }
)
_JSON_TYPES: dict[ir.Primitive, type | tuple[type, ...]] = {
    ir.Primitive.BOOL: bool,
    ir.Primitive.INT: int,
    ir.Primitive.FLOAT: (int, float),
    ir.Primitive.DECIMAL: (int, float),
    ir.Primitive.UNIXTIME: (int, float),
}
# The Python type a well-formed JSON value already has when decoding it changes nothing.
_DECODED_AS_IS: dict[ir.Primitive, str] = {
    ir.Primitive.STRING: "str",
    ir.Primitive.UUID: "str",
    ir.Primitive.BOOL: "bool",
    ir.Primitive.INT: "int",
    ir.Primitive.FLOAT: "float",
}
_PRIMITIVE_OF_JSON: dict[type, ir.Primitive] = {
    bool: ir.Primitive.BOOL,
    int: ir.Primitive.INT,
    float: ir.Primitive.FLOAT,
    str: ir.Primitive.STRING,
}


def constant_primitive(t: ir.ConstantType) -> ir.PrimitiveType:
    """The type a constant has in Python: its declared primitive when the value fits it, else
    the type of its JSON value."""
    expected = _JSON_TYPES.get(t.value_type.primitive, str)
    value_is_bool = isinstance(t.value, bool)
    if isinstance(t.value, expected) and value_is_bool == (expected is bool):
        return t.value_type
    return ir.PrimitiveType(_PRIMITIVE_OF_JSON.get(type(t.value), ir.Primitive.STRING))


class TypeNames:
    """Resolves model and enum keys to class names, recording the imports an annotation needs."""

    def __init__(self, api: ir.Api, imports: ImportSet, package: str) -> None:
        """`package` is the relative import of the package root from the module being written."""
        self.api = api
        self._package = package
        self.imports = imports

    def httpx(self) -> None:
        """`httpx` for annotations: the runtime's stand-in that imports httpx when read."""
        self.imports.name(f"{self._package}_runtime", "httpx_names as httpx")

    def model(self, key: str) -> str:
        self.imports.name(self._package, "models as _models")
        return f"_models.{self.api.model(key).py_name}"

    def enum(self, key: str) -> str:
        self.imports.name(self._package, "models as _models")
        return f"_models.{self.api.enum(key).py_name}"

    def annotation(self, t: ir.TypeRef) -> str:
        match t:
            case ir.PrimitiveType(primitive=p):
                text = _ANNOTATIONS[p]
                self._note_module(text)
                return text
            case ir.ModelType(name=name):
                return self.model(name)
            case ir.EnumType(name=name):
                return self.enum(name)
            case ir.ConstantType():
                return self.annotation(constant_primitive(t))
            case ir.ListType(item=item):
                return f"list[{self.annotation(item)}]"
            case ir.DictType(value=value):
                return f"dict[str, {self.annotation(value)}]"
            case ir.AnyType():
                self.imports.name("typing", "Any")
                return "Any"
            case ir.UnionType(members=members):
                return self._union_annotation(members)

    def _union_annotation(self, members: tuple[ir.TypeRef, ...]) -> str:
        """`A | B`; the constants among the members are one `Literal[...]`."""
        constants = [literal(m.value) for m in members if isinstance(m, ir.ConstantType)]
        parts: list[str] = []
        for m in members:
            if not isinstance(m, ir.ConstantType):
                text = self.annotation(m)
            elif constants:
                self.imports.name("typing", "Literal")
                text, constants = f"Literal[{', '.join(constants)}]", []
            else:
                continue
            if text not in parts:
                parts.append(text)
        return " | ".join(parts)

    def _note_module(self, annotation: str) -> None:
        if annotation.startswith("_dt."):
            self.imports.module("datetime", "_dt")
        elif annotation.startswith("_decimal."):
            self.imports.module("decimal", "_decimal")

    def decoder(self, t: ir.TypeRef) -> str | None:
        """A callable expression turning a JSON value into `t`; None when the JSON value is `t`."""
        match t:
            case ir.PrimitiveType(primitive=p) if p in _CODECS:
                return f"_s.deserialize_{_CODECS[p]}"
            case ir.ModelType(name=name):
                return f"_s.model_decoder({self.model(name)})"
            case ir.EnumType(name=name):
                return f"_s.enum_decoder({self.enum(name)})"
            case ir.ConstantType():
                return self.decoder(constant_primitive(t))
            case ir.ListType(item=item):
                inner = self.decoder(item)
                return None if inner is None else f"_s.list_of({inner})"
            case ir.DictType(value=value):
                inner = self.decoder(value)
                return None if inner is None else f"_s.dict_of({inner})"
            case ir.UnionType():
                return f"{self.union_codec(t)}.decode"
            case _:
                return None

    def encoder(self, t: ir.TypeRef, exclude_readonly: str) -> str | None:
        """A callable expression turning a `t` into a JSON value; None when `t` is a JSON value.

        `exclude_readonly` is the expression that says whether nested models drop read-only fields.
        """
        match t:
            case ir.PrimitiveType(primitive=p) if p in _CODECS and p not in _ENCODE_AS_IS:
                return f"_s.serialize_{_CODECS[p]}"
            case ir.ModelType():
                return f"_s.model_encoder({exclude_readonly})"
            case ir.EnumType():
                return "_s.serialize_enum"
            case ir.AnyType():
                return "_s.serialize_any"
            case ir.ListType(item=item):
                inner = self.encoder(item, exclude_readonly)
                return None if inner is None else f"_s.list_of({inner})"
            case ir.DictType(value=value):
                inner = self.encoder(value, exclude_readonly)
                return None if inner is None else f"_s.dict_of({inner})"
            case ir.UnionType():
                return f"{self.union_codec(t)}.encoder({exclude_readonly})"
            case _:
                return None

    def decode_inline(self, t: ir.TypeRef, source: str, *, required: bool = False) -> str:
        """An expression decoding the JSON value `source` (evaluated once, into `v`) into `t`.

        The well-formed case runs inline (a type test, a `from_dict` call, a comprehension);
        anything else goes through the runtime's converters, which coerce or raise as before.
        `required`: the result is typed without None (the service is trusted to send it).
        """
        match t:
            case ir.ConstantType():
                return self.decode_inline(constant_primitive(t), source, required=required)
            case ir.PrimitiveType(primitive=p) if p in _DECODED_AS_IS:
                kind = _DECODED_AS_IS[p]
                test = f"type(v := {source}) is {kind}"
                if not required:
                    test = f"(v := {source}) is None or type(v) is {kind}"
                convert = f"_s.deserialize_{_CODECS[p]}(v)"
                return f"v if {test} else {_required(convert) if required else convert}"
            case ir.ModelType(name=name):
                cls = self.model(name)
                if required:
                    test = f"type(v := {source}) is dict"
                    return f"{cls}.from_dict(v) if {test} else _s.decode_model({cls}, v)"
                # Most optional properties are absent: that test comes first.
                return (
                    f"None if (v := {source}) is None else {cls}.from_dict(v) "
                    f"if type(v) is dict else _s.decode_model({cls}, v)"
                )
            case ir.ListType(item=ir.ModelType(name=name)):
                cls = self.model(name)
                item = f"{cls}.from_dict(_i) if type(_i) is dict else _s.decode_model({cls}, _i)"
                return (
                    f"[{item} for _i in v] if type(v := {source}) is list "
                    f"else {self.decoder(t)}(v)"
                )
        return self._decode_call(t, source, required=required)

    def _decode_call(self, t: ir.TypeRef, source: str, *, required: bool) -> str:
        if isinstance(t, ir.EnumType):
            call = f"_s.decode_enum({self.enum(t.name)}, {{}})"
        else:
            fn = self.decoder(t)
            if fn is None:
                return source
            call = fn + "({})"
        if required:
            return (
                call.format(source)
                if isinstance(t, ir.EnumType)
                else _required(call.format(source))
            )
        # An absent property (most of them, in a large model) costs no call.
        return f"None if (v := {source}) is None else {call.format('v')}"

    def encode_inline(self, t: ir.TypeRef, value: str) -> str:
        """An expression encoding `value` (a name, not None) of type `t` to its JSON form; models
        are encoded with the caller's `exclude_readonly`."""
        match t:
            case ir.ModelType():
                return f"{value}.to_dict(exclude_readonly=exclude_readonly)"
            case ir.ListType(item=ir.ModelType()):
                item = "_i.to_dict(exclude_readonly=exclude_readonly)"
                return f"[None if _i is None else {item} for _i in {value}]"
        return self.encode(t, value)

    # Unions

    def union_codec(self, t: ir.UnionType) -> str:
        """The runtime's codec for `t`: its members, and the discriminator's mapping."""
        members = "".join(f"{self.union_member(m)}, " for m in t.members)
        args = [literal(t.name), f"({members})"]
        if t.discriminator is not None:
            mapping = "".join(f"({literal(m.value)}, {self.model(m.model)}), " for m in t.mapping)
            args += [literal(t.discriminator), f"({mapping})"]
        if t.first_match:
            args.append("first_match=True")
        return f"_s.union_of({', '.join(args)})"

    def union_member(self, t: ir.TypeRef) -> str:
        match t:
            case ir.PrimitiveType(primitive=p):
                return f"_s.primitive_member({_MEMBER_KINDS[p]!r})"
            case ir.ModelType(name=name):
                return f"_s.model_member({self.model(name)})"
            case ir.EnumType(name=name):
                extensible = ", extensible=True" if self.api.enum(name).extensible else ""
                return f"_s.enum_member({self.enum(name)}{extensible})"
            case ir.ConstantType(value=value):
                return f"_s.constant_member({literal(value)})"
            case ir.ListType(item=item):
                return f"_s.list_member({self.union_member(item)})"
            case ir.DictType(value=value):
                return f"_s.dict_member({self.union_member(value)})"
            case ir.UnionType():
                return f"_s.union_member({self.union_codec(t)})"
        return "_s.ANY_MEMBER"

    def decode(self, t: ir.TypeRef, value: str) -> str:
        fn = self.decoder(t)
        return value if fn is None else f"{fn}({value})"

    def encode(self, t: ir.TypeRef, value: str, exclude_readonly: str = "exclude_readonly") -> str:
        fn = self.encoder(t, exclude_readonly)
        return value if fn is None else f"{fn}({value})"

    # XML

    def xml_name(self, local: str, info: ir.XmlInfo | None = None) -> str:
        self.imports.name(f"{self._package}_runtime", "xml as _x")
        args = [repr(local)]
        if info is not None and info.namespace:
            args.append(repr(info.namespace))
            if info.prefix:
                args.append(repr(info.prefix))
        return f"_x.Name({', '.join(args)})"

    def xml_node(self, t: ir.TypeRef, *, wrapped: bool = False, fallback: str = "item") -> str:
        """How a value of type `t` is spelled in XML; `fallback` names list items nothing else
        names (the property's own element name)."""
        self.imports.name(f"{self._package}_runtime", "xml as _x")
        match t:
            case ir.ModelType(name=name):
                return f"_x.model({self.model(name)})"
            case ir.ListType(item=item, item_xml=item_xml):
                local = self._xml_item_name(item, item_xml, wrapped=wrapped, fallback=fallback)
                inner = self.xml_node(item, fallback=local)
                name = self.xml_name(local, item_xml)
                return f"_x.array({inner}, {name}, wrapped={wrapped!r})"
            case ir.DictType(value=value):
                return f"_x.mapping({self.xml_node(value)})"
        return "_x.STRING" if self._is_text(t) else "_x.VALUE"

    def _xml_item_name(
        self, item: ir.TypeRef, item_xml: ir.XmlInfo | None, *, wrapped: bool, fallback: str
    ) -> str:
        if item_xml is not None and item_xml.name:
            return item_xml.name
        if isinstance(item, ir.ModelType):
            model = self.api.model(item.name)
            if model.xml is not None and model.xml.name:
                return model.xml.name
            if wrapped:
                return model.name
        return fallback

    def _is_text(self, t: ir.TypeRef) -> bool:
        """Values whose empty element means the empty string, not absence."""
        match t:
            case ir.PrimitiveType(primitive=p):
                return p in (ir.Primitive.STRING, ir.Primitive.UUID)
            case ir.EnumType(name=name):
                return self.api.enum(name).value_type is ir.Primitive.STRING
            case ir.ConstantType():
                return isinstance(t.value, str)
        return isinstance(t, ir.AnyType)

    def constant(self, t: ir.ConstantType) -> str:
        """The Python value of a constant, as an expression."""
        primitive = constant_primitive(t)
        decoder = self.decoder(primitive)
        if primitive.primitive in _ENCODE_AS_IS or decoder is None:
            return literal(t.value)
        return f"_s.as_required({decoder}({literal(t.value)}))"


def _required(call: str) -> str:
    return f"_s.as_required({call})"


def literal(value: ir.JsonScalar) -> str:
    """A Python literal for a JSON scalar from the spec; repr() cannot break out of the literal."""
    if isinstance(value, float) and not math.isfinite(value):
        return f"float({str(value)!r})"
    return repr(value)
