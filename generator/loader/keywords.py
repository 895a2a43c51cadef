"""Schema keywords read alike in Swagger 2.0 and OpenAPI 3.x: types, formats, constraints."""

from __future__ import annotations

import json
import re

from generator import ir
from generator.loader.document import Node

_STRING_FORMATS = {
    "date": ir.Primitive.DATE,
    "date-time": ir.Primitive.DATETIME,
    "date-time-rfc1123": ir.Primitive.DATETIME_RFC1123,
    "time": ir.Primitive.TIME,
    "duration": ir.Primitive.DURATION,
    "byte": ir.Primitive.BYTES,
    "base64url": ir.Primitive.BASE64URL,
    "binary": ir.Primitive.BINARY,
    "file": ir.Primitive.BINARY,
    "uuid": ir.Primitive.UUID,
}
_NUMBER_FORMATS = {
    "decimal": ir.Primitive.DECIMAL,
    "int32": ir.Primitive.INT,
    "int64": ir.Primitive.INT,
}
_JSON_TYPES = ("string", "integer", "number", "boolean", "object", "array", "file", "null")


def schema_types(node: Node) -> tuple[list[str], bool]:
    """The declared types without "null", and whether "null" was one of them (OpenAPI 3.1)."""
    found = node.get("type")
    if found is None or found.value is None:
        return [], False
    raw = found.value if isinstance(found.value, list) else [found.value]
    types: list[str] = []
    for item in raw:
        if not isinstance(item, str) or item not in _JSON_TYPES:
            raise found.error(f"unknown schema type {json.dumps(item)}")
        types.append(item)
    non_null = [t for t in types if t != "null"]
    return non_null, len(non_null) != len(types)


def primitive_for(type_name: str, fmt: str) -> ir.Primitive | None:
    """The primitive of a scalar type and format; None for object, array or unknown types."""
    if type_name == "string":
        return _STRING_FORMATS.get(fmt, ir.Primitive.STRING)
    if type_name == "integer":
        return ir.Primitive.UNIXTIME if fmt == "unixtime" else ir.Primitive.INT
    if type_name == "number":
        return _NUMBER_FORMATS.get(fmt, ir.Primitive.FLOAT)
    if type_name == "boolean":
        return ir.Primitive.BOOL
    if type_name == "file":
        return ir.Primitive.BINARY
    return None


def is_nullable(node: Node) -> bool:
    """x-nullable (2.0), nullable (3.0), "null" in the type list or an anyOf/oneOf member (3.1)."""
    if node.bool_at("x-nullable") or node.bool_at("nullable"):
        return True
    return schema_types(node)[1] or any(_has_null_member(node, key) for key in ("anyOf", "oneOf"))


def _has_null_member(node: Node, key: str) -> bool:
    members = node.get(key)
    if members is None or not isinstance(members.value, list):
        return False
    return any(isinstance(m, dict) and m.get("type") == "null" for m in members.value)


def is_read_only(node: Node) -> bool:
    if node.bool_at("readOnly"):
        return True
    return node.str_list_at("x-ms-mutability") == ["read"]


def _exclusive(node: Node, key: str, bound: str) -> tuple[float | None, bool]:
    """2.0 and 3.0 write `exclusiveMinimum: true` next to `minimum`; 3.1 writes the number."""
    found = node.get(key)
    limit = node.num_at(bound)
    if found is None or found.value is None:
        return limit, False
    if isinstance(found.value, bool):
        return limit, found.value
    return node.num_at(key), True


def constraints(node: Node) -> ir.Constraints:
    minimum, exclusive_minimum = _exclusive(node, "exclusiveMinimum", "minimum")
    maximum, exclusive_maximum = _exclusive(node, "exclusiveMaximum", "maximum")
    pattern = node.opt_str("pattern")
    return ir.Constraints(
        minimum=minimum,
        maximum=maximum,
        exclusive_minimum=exclusive_minimum,
        exclusive_maximum=exclusive_maximum,
        min_length=node.int_at("minLength"),
        max_length=node.int_at("maxLength"),
        pattern=pattern,
        min_items=node.int_at("minItems"),
        max_items=node.int_at("maxItems"),
        unique_items=node.bool_at("uniqueItems"),
        multiple_of=node.num_at("multipleOf"),
    )


def xml_info(node: Node) -> ir.XmlInfo | None:
    xml = node.dict_at("xml")
    text = node.bool_at("x-ms-text") or (xml is not None and xml.bool_at("x-ms-text"))
    if xml is None and not text:
        return None
    if xml is None:
        return ir.XmlInfo(text=True)
    return ir.XmlInfo(
        name=xml.opt_str("name"),
        namespace=xml.opt_str("namespace"),
        prefix=xml.opt_str("prefix"),
        attribute=xml.bool_at("attribute"),
        wrapped=xml.bool_at("wrapped"),
        text=text,
    )


def scalar_default(node: Node) -> tuple[ir.JsonScalar, bool]:
    """`default` when it is a scalar (objects and arrays are not kept); the flag says it was set."""
    found = node.get("default")
    if found is None:
        found = node.get("x-ms-client-default")
    if found is None or isinstance(found.value, dict | list):
        return None, False
    value = found.value
    if not isinstance(value, str | int | float | bool):
        return None, False
    if not isinstance(value, str) and schema_types(node)[0] == ["string"]:
        # `type: string, enum: ["true", "false"], default: true`: the string the value spells.
        return json.dumps(value), True
    return value, True


def source(node: Node) -> ir.Source:
    return ir.Source(node.file, node.pointer)


def spelled_scalar(text: str, value_type: ir.Primitive) -> str | int | float | bool | None:
    """A string that spells a value of `value_type` exactly: "1" for an integer, "true"."""
    if value_type is ir.Primitive.INT and re.fullmatch(r"-?(0|[1-9][0-9]*)", text):
        return int(text)
    if value_type is ir.Primitive.FLOAT and re.fullmatch(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?", text):
        number = float(text)
        return int(number) if number.is_integer() and "." not in text else number
    if value_type is ir.Primitive.BOOL and text in ("true", "false"):
        return text == "true"
    return None
