"""The XML spelling of JSON values, driven by layouts like the ones generated models describe."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from generator.runtime import xml as x
from generator.runtime.errors import DeserializationError


class Item:
    @classmethod
    def _xml_layout(cls) -> x.Layout:
        return x.Layout(
            x.Name("item"),
            (
                x.Prop("id", x.Name("id"), x.VALUE, attribute=True),
                x.Prop("label", x.Name("label"), x.STRING, text=True),
            ),
        )


class Box:
    @classmethod
    def _xml_layout(cls) -> x.Layout:
        return x.Layout(
            x.Name("box", "http://example.com/ns", "b"),
            (
                x.Prop("name", x.Name("Name"), x.STRING),
                x.Prop("count", x.Name("Count"), x.VALUE),
                x.Prop("open", x.Name("Open"), x.VALUE),
                x.Prop("tags", x.Name("Tags"), x.array(x.STRING, x.Name("Tag"), wrapped=True)),
                x.Prop("items", x.Name("items"), x.array(x.model(Item), x.Name("item"))),
                x.Prop("meta", x.Name("Meta"), x.mapping(x.STRING)),
                x.Prop("inner", x.Name("Inner"), x.model(Item)),
            ),
        )


BOX: dict[str, Any] = {
    "name": "crate",
    "count": 3,
    "open": False,
    "tags": ["a", ""],
    "items": [{"id": 1, "label": "one"}, {"id": 2, "label": ""}],
    "meta": {"Color": "blue"},
    "inner": {"id": 9, "label": "x"},
}


def test_a_model_is_written_by_its_layout() -> None:
    document = x.dumps(BOX, x.model(Box))
    assert document is not None
    assert document.startswith(b"<?xml")
    root = ET.fromstring(document)
    assert root.tag == "{http://example.com/ns}box"
    assert root.find("Name").text == "crate"  # type: ignore[union-attr]
    assert root.find("Open").text == "false"  # type: ignore[union-attr]
    assert [t.text for t in root.findall("Tags/Tag")] == ["a", None]
    # Unwrapped: the items are children of the box itself.
    assert [i.get("id") for i in root.findall("item")] == ["1", "2"]
    assert root.find("Meta/Color").text == "blue"  # type: ignore[union-attr]
    assert root.find("Inner").get("id") == "9"  # type: ignore[union-attr]


def test_reading_gives_back_the_json_spelling() -> None:
    document = x.dumps(BOX, x.model(Box))
    data = x.loads(document, x.model(Box))
    # Values come back as text: the model's own decoders turn "3" into 3 and "false" into False.
    assert data == {
        "name": "crate",
        "count": "3",
        "open": "false",
        "tags": ["a", ""],
        "items": [{"id": "1", "label": "one"}, {"id": "2", "label": ""}],
        "meta": {"Color": "blue"},
        "inner": {"id": "9", "label": "x"},
    }


def test_absent_and_empty() -> None:
    data = x.loads(b"<box><Count/><Tags/></box>", x.model(Box))
    # An empty non-string element is absent; an empty wrapper is an empty list; unwrapped lists
    # with no item are empty too (XML cannot tell them from absent).
    assert data == {"tags": [], "items": []}
    assert x.dumps({"name": None, "tags": []}, x.model(Box)) == (
        b"<?xml version='1.0' encoding='utf-8'?>\n"
        b'<b:box xmlns:b="http://example.com/ns"><Tags /></b:box>'
    )


def test_elements_the_layout_does_not_name_are_kept_as_text() -> None:
    data = x.loads(b"<item id='1'>t<Url>http://u</Url><Deep><a/></Deep></item>", x.model(Item))
    assert data == {"id": "1", "label": "t", "Url": "http://u"}
    document = x.dumps({"id": 1, "extra": "e", "nested": {"a": 1}}, x.model(Item))
    assert document is not None
    root = ET.fromstring(document)
    assert root.find("extra").text == "e"  # type: ignore[union-attr]
    assert root.find("nested") is None


def test_root_lists_need_a_name() -> None:
    node = x.array(x.model(Item), x.Name("item"), wrapped=True)
    document = x.dumps([{"id": 1}], node, x.Name("items"))
    assert document is not None
    assert document.endswith(b'<items><item id="1" /></items>')
    # An element without text gives "" for a string property.
    assert x.loads(document, node) == [{"id": "1", "label": ""}]
    assert x.loads(b"<items/>", node) == []
    with pytest.raises(TypeError, match="name"):
        x.dumps([], node)


def test_nothing_in_nothing_out() -> None:
    assert x.dumps(None, x.model(Item)) is None
    assert x.loads(b"", x.model(Item)) is None
    assert x.loads(None, x.model(Item)) is None
    assert x.loads("  ", x.model(Item)) is None


def test_namespaced_input_is_matched_by_local_names() -> None:
    document = b'<p:item xmlns:p="urn:x" p:id="4"><p:Url>u</p:Url>text</p:item>'
    # The text after a child element is that child's tail, not the item's own text.
    assert x.loads(document, x.model(Item)) == {"id": "4", "label": "", "Url": "u"}


def test_bad_documents_are_deserialization_errors() -> None:
    with pytest.raises(DeserializationError, match="not valid XML"):
        x.loads(b"<item>", x.model(Item))
    entity = b'<!DOCTYPE a [<!ENTITY e "x">]><item>&e;</item>'
    with pytest.raises(DeserializationError, match="document type"):
        x.loads(entity, x.model(Item))
