"""XML bodies, as another spelling of the JSON form.

A model's JSON form (what `to_dict()` returns and `from_dict()` takes) is written as XML and read
back by a layout the generated code describes: element and attribute names, wrapped and unwrapped
lists, `x-ms-text`, namespaces. Values stay in their JSON spelling (base64 text, ISO 8601 dates,
numbers), so the models' own decoders and encoders do the conversions for both formats.

Documents are read with a parser that refuses any document type declaration, and with it every
entity definition (entities can expand without bound or read local files), whatever the
document's encoding; services have no use for them.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from xml.parsers import expat

from .errors import DeserializationError

__all__ = [
    "STRING",
    "VALUE",
    "Layout",
    "Name",
    "Node",
    "Prop",
    "array",
    "dumps",
    "loads",
    "mapping",
    "model",
]


@dataclass(frozen=True)
class Name:
    """An element or attribute name; `prefix` is used when writing a namespaced name."""

    local: str
    namespace: str | None = None
    prefix: str | None = None


@dataclass(frozen=True)
class Node:
    """How one JSON value is spelled: "text", "model", "list" or "map"."""

    kind: str
    layout: Callable[[], Layout] | None = None  # a model's layout, looked up when needed
    item: Node | None = None  # list items, map values
    item_name: Name | None = None  # the element of each list item
    wrapped: bool = False  # a list property inside an element of its own
    keep_empty: bool = False  # text: an empty element is "" (strings), not absent


@dataclass(frozen=True)
class Prop:
    """One property of a model: its JSON key and how it appears in XML."""

    key: str
    name: Name
    node: Node
    attribute: bool = False
    text: bool = False  # x-ms-text: the element's own text


@dataclass(frozen=True)
class Layout:
    name: Name  # the element a model is written as when it is the whole body
    props: tuple[Prop, ...]


class _HasLayout(Protocol):
    @classmethod
    def _xml_layout(cls) -> Layout: ...


STRING = Node("text", keep_empty=True)
VALUE = Node("text")


def model(cls: type[_HasLayout]) -> Node:
    return Node("model", layout=cls._xml_layout)


def array(item: Node, item_name: Name, *, wrapped: bool = False) -> Node:
    return Node("list", item=item, item_name=item_name, wrapped=wrapped)


def mapping(value: Node) -> Node:
    return Node("map", item=value)


# --- writing -------------------------------------------------------------------------------------


def dumps(value: Any, node: Node, name: Name | None = None) -> bytes | None:
    """The XML document for a JSON value (None for None); `name` is the root element, a model's
    own by default."""
    if value is None:
        return None
    root_name = name if name is not None else _layout(node).name
    if node.kind == "list":
        root = _element(root_name)
        _write_items(root, value, node)
    else:
        root = _write(root_name, value, node)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document


def _layout(node: Node) -> Layout:
    if node.layout is None:
        raise TypeError("an XML root needs a model layout or an explicit name")
    return node.layout()


def _element(name: Name) -> ET.Element:
    tag = f"{name.prefix}:{name.local}" if name.prefix else name.local
    element = ET.Element(tag)
    if name.namespace:
        element.set(f"xmlns:{name.prefix}" if name.prefix else "xmlns", name.namespace)
    return element


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write(name: Name, value: Any, node: Node) -> ET.Element:
    element = _element(name)
    if node.kind == "model":
        _write_model(element, value, _layout(node))
    elif node.kind == "list":
        _write_items(element, value, node)
    elif node.kind == "map":
        for key, item in value.items():
            if item is not None:
                element.append(_write(Name(str(key)), item, node.item or VALUE))
    elif value is not None:
        element.text = _text(value)
    return element


def _write_items(parent: ET.Element, items: Any, node: Node) -> None:
    item_node = node.item or VALUE
    item_name = node.item_name or Name("item")
    for item in items:
        parent.append(_write(item_name, item, item_node))


def _write_model(element: ET.Element, data: Mapping[str, Any], layout: Layout) -> None:
    known = set()
    for prop in layout.props:
        known.add(prop.key)
        value = data.get(prop.key)
        if value is not None:
            _write_prop(element, prop, value)
    for key, value in data.items():
        # Properties the layout does not name (additional or unknown ones) as simple elements.
        if key not in known and isinstance(value, str | int | float | bool):
            element.append(_write(Name(key), value, VALUE))


def _write_prop(element: ET.Element, prop: Prop, value: Any) -> None:
    if prop.attribute:
        element.set(prop.name.local, _text(value))
    elif prop.text:
        element.text = _text(value)
    elif prop.node.kind == "list" and not prop.node.wrapped:
        _write_items(element, value, prop.node)
    else:
        element.append(_write(prop.name, value, prop.node))


# --- reading -------------------------------------------------------------------------------------


def loads(data: bytes | str | None, node: Node) -> Any:
    """The JSON value an XML document spells; None for an empty body."""
    if data is None or not data.strip():
        return None
    return _read(parse(data), node)


class _RefusedError(Exception):
    """Raised from inside the parser to stop at a declaration the client does not accept."""


def _refuse(what: str) -> Callable[..., None]:
    def handler(*_: object) -> None:
        raise _RefusedError(what)

    return handler


def _refuse_external(*_: object) -> int:
    raise _RefusedError("an external entity")


def parse(data: bytes | str) -> ET.Element:
    """The element tree of a document, from a parser that stops at the first document type
    declaration, entity declaration or external reference.

    Namespaced names are "{namespace}local", as ElementTree spells them.
    """
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.StartDoctypeDeclHandler = _refuse("a document type declaration")
    parser.EntityDeclHandler = _refuse("an entity declaration")
    parser.UnparsedEntityDeclHandler = _refuse("an entity declaration")
    parser.ExternalEntityRefHandler = _refuse_external
    parser.StartElementHandler = lambda name, attrs: builder.start(
        _tag(name), {_tag(key): value for key, value in attrs.items()}
    )
    parser.EndElementHandler = lambda name: builder.end(_tag(name))
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
    except _RefusedError as refused:
        raise DeserializationError(f"XML with {refused} is not accepted") from None
    except expat.ExpatError as exc:
        raise DeserializationError(f"the response body is not valid XML: {exc}") from None
    return builder.close()


def _tag(name: str) -> str:
    return "{" + name if "}" in name else name


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _children(element: ET.Element, name: Name) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == name.local]


def _read(element: ET.Element, node: Node) -> Any:
    if node.kind == "model":
        return _read_model(element, _layout(node))
    if node.kind == "list":
        return [_read(child, node.item or VALUE) for child in _children_of_list(element, node)]
    if node.kind == "map":
        return {_local(child.tag): _read(child, node.item or VALUE) for child in element}
    return _read_text(element.text, node)


def _children_of_list(element: ET.Element, node: Node) -> list[ET.Element]:
    if node.item_name is None:
        return list(element)
    return _children(element, node.item_name)


def _read_text(text: str | None, node: Node) -> str | None:
    if text is None or text == "":
        return "" if node.keep_empty else None
    return text


def _read_model(element: ET.Element, layout: Layout) -> dict[str, Any]:
    result: dict[str, Any] = {}
    used: set[str] = set()
    for prop in layout.props:
        value = _read_prop(element, prop, used)
        if value is not None:
            result[prop.key] = value
    for child in element:
        tag = _local(child.tag)
        if tag not in used and tag not in result and len(child) == 0:
            result[tag] = child.text or ""
    return result


def _read_prop(element: ET.Element, prop: Prop, used: set[str]) -> Any:
    if prop.attribute:
        found = next((v for k, v in element.attrib.items() if _local(k) == prop.name.local), None)
        return _read_text(found, prop.node) if found is not None else None
    if prop.text:
        return _read_text(element.text, prop.node)
    if prop.node.kind == "list" and not prop.node.wrapped:
        item_name = prop.node.item_name or prop.name
        used.add(item_name.local)
        item = prop.node.item or VALUE
        return [_read(child, item) for child in _children(element, item_name)]
    used.add(prop.name.local)
    found_elements = _children(element, prop.name)
    return _read(found_elements[0], prop.node) if found_elements else None
