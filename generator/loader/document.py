"""Spec files as located JSON values.

Every `Node` knows the file and JSON pointer it came from, so any problem can be reported exactly
where it is. `DocumentStore` reads each file once (JSON or YAML, with or without a UTF-8 BOM) and
follows `$ref`s across files, relative to the file that holds the reference.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
import urllib.parse
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

import yaml

from generator.diagnostics import SpecError, pointer_escape, pointer_join
from generator.loader.limits import (
    AliasBudget,
    FileRefusedError,
    RefRoots,
    check_json_text,
    first_bad_value,
    read_bounded,
)

_YAML_SUFFIXES = (".yaml", ".yml")


class _SpecYamlLoader(yaml.SafeLoader):
    """The safe loader with YAML 1.2 scalars: `version: 2024-07-01` stays a string, a property
    named `on` or `no` stays a name (not a boolean), `1:30` is not sexagesimal 90."""


_YAML_1_1_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float", "timestamp")}
_SpecYamlLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _YAML_1_1_TAGS]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_SpecYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_SpecYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_SpecYamlLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*|[0-9]+(?=[eE]))(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


# Token issuers that make a spec an Azure one even without x-ms-* extensions.
AZURE_AD_HOSTS = ("login.microsoftonline.com", "login.windows.net", "login.microsoftonline.us")


@dataclass(frozen=True)
class Contents:
    """What one walk over a whole file finds: every object key, and the Azure AD hosts its
    strings mention. Stages that would each walk the file ask this instead."""

    keys: frozenset[str]
    azure_ad_hosts: frozenset[str]


def _contents(root: object) -> Contents:
    # The walk only collects; the searches run once over joined text. A value shared by YAML
    # aliases is looked at once.
    pending = [root]
    seen: set[int] = set()
    keys: set[object] = set()
    strings: list[str] = []
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            if id(value) in seen:
                continue
            seen.add(id(value))
            keys.update(value)
            pending.extend(value.values())
        elif isinstance(value, list):
            if id(value) in seen:
                continue
            seen.add(id(value))
            pending.extend(value)
        elif isinstance(value, str):
            strings.append(value)
    text = "\0".join(strings)
    return Contents(
        frozenset(k for k in keys if isinstance(k, str)),
        frozenset(host for host in AZURE_AD_HOSTS if host in text),
    )


class Document:
    """One parsed file."""

    def __init__(self, path: Path, display: str, root: object) -> None:
        self.path = path
        self.display = display
        self.root = root
        # Canonical JSON text of arrays and objects, by identity, for nodes shared by aliases.
        self.canonical: dict[int, str] = {}

    def node(self) -> Node:
        return Node(self.root, self, "")

    @cached_property
    def contents(self) -> Contents:
        return _contents(self.root)


_NO_OVERLAY: Mapping[str, Node] = MappingProxyType({})


class Node:
    """A JSON value with its location.

    `overlay` holds the keys written next to a `$ref` (e.g. `readOnly`, `description`): reads see
    them before the keys of the referenced value.
    """

    # A child's pointer is joined from its parent's only when asked for: most nodes the loader
    # reads are never reported or used as a key.
    __slots__ = ("_parent", "_pointer", "_token", "doc", "overlay", "value")

    def __init__(
        self, value: object, doc: Document, pointer: str, overlay: Mapping[str, Node] | None = None
    ) -> None:
        self.value = value
        self.doc = doc
        self._pointer: str | None = pointer
        self._parent: Node | None = None
        self._token = ""
        self.overlay: Mapping[str, Node] = overlay or _NO_OVERLAY

    def _child(self, value: object, token: str) -> Node:
        child = Node.__new__(Node)
        child.value = value
        child.doc = self.doc
        child._pointer = None
        child._parent = self
        child._token = token
        child.overlay = _NO_OVERLAY
        return child

    @property
    def pointer(self) -> str:
        pointer = self._pointer
        if pointer is None:
            assert self._parent is not None
            pointer = f"{self._parent.pointer}/{pointer_escape(self._token)}"
            self._pointer = pointer
            self._parent = None
        return pointer

    @property
    def file(self) -> str:
        return self.doc.display

    @property
    def key(self) -> tuple[Path, str]:
        """The identity of the location: two nodes with equal keys are the same spec object."""
        return (self.doc.path, self.pointer)

    def error(self, message: str, *tokens: str | int) -> SpecError:
        return SpecError(self.file, pointer_join(self.pointer, *tokens), message)

    def is_dict(self) -> bool:
        return isinstance(self.value, dict)

    def plain(self) -> Node:
        return Node(self.value, self.doc, self.pointer) if self.overlay else self

    def has(self, key: str) -> bool:
        return key in self.overlay or (isinstance(self.value, dict) and key in self.value)

    def get(self, key: str) -> Node | None:
        if self.overlay:
            found = self.overlay.get(key)
            if found is not None:
                return found
        value = self.value
        if isinstance(value, dict) and key in value:
            return self._child(value[key], key)
        return None

    def own(self, key: str) -> Node | None:
        """The key as written here, ignoring what a `$ref` pointed to (only the overlay counts)."""
        return self.overlay.get(key)

    def items(self) -> Iterator[tuple[str, Node]]:
        if not isinstance(self.value, dict):
            raise self.error("expected an object")
        for key, value in self.value.items():
            yield str(key), self._child(value, str(key))

    def elements(self) -> Iterator[Node]:
        if not isinstance(self.value, list):
            raise self.error("expected an array")
        for index, value in enumerate(self.value):
            yield self._child(value, str(index))

    # Typed reads. A missing key gives the default; a key of the wrong type is a SpecError.

    def dict_at(self, key: str) -> Node | None:
        found = self.get(key)
        if found is None or found.value is None:
            return None
        if not isinstance(found.value, dict):
            raise found.error(f"'{key}' must be an object")
        return found

    def list_at(self, key: str) -> Node | None:
        found = self.get(key)
        if found is None or found.value is None:
            return None
        if not isinstance(found.value, list):
            raise found.error(f"'{key}' must be an array")
        return found

    def str_at(self, key: str, default: str = "") -> str:
        found = self.get(key)
        if found is None or found.value is None:
            return default
        if not isinstance(found.value, str):
            raise found.error(f"'{key}' must be a string")
        return found.value

    def opt_str(self, key: str) -> str | None:
        found = self.get(key)
        if found is None or found.value is None:
            return None
        return self.str_at(key)

    def bool_at(self, key: str, default: bool = False) -> bool:
        found = self.get(key)
        if found is None or found.value is None:
            return default
        if not isinstance(found.value, bool):
            raise found.error(f"'{key}' must be true or false")
        return found.value

    def num_at(self, key: str) -> float | None:
        found = self.get(key)
        if found is None or found.value is None:
            return None
        value = found.value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise found.error(f"'{key}' must be a number")
        return value

    def int_at(self, key: str) -> int | None:
        found = self.get(key)
        if found is None or found.value is None:
            return None
        value = found.value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise found.error(f"'{key}' must be an integer")
        return value

    def str_list_at(self, key: str) -> list[str]:
        found = self.list_at(key)
        if found is None:
            return []
        result: list[str] = []
        for element in found.elements():
            if not isinstance(element.value, str):
                raise element.error(f"'{key}' must be a list of strings")
            result.append(element.value)
        return result


def _display(path: Path, base_dir: Path) -> str:
    return os.path.relpath(path, base_dir).replace(os.sep, "/")


class _YamlValues:
    """YAML gives int keys for `200:`; the spec model wants str keys. Shared anchors stay shared,
    and what aliases repeat is counted against the budget in `limits`."""

    def __init__(self) -> None:
        self.budget = AliasBudget()
        self._memo: dict[int, tuple[object, int, int]] = {}
        self._path: set[int] = set()

    def convert(self, value: object) -> tuple[object, int, int]:
        """The converted value and its size as aliases expand it (nodes, characters)."""
        if not isinstance(value, dict | list):
            if value is not None and not isinstance(value, str | int | float | bool):
                raise ValueError(f"unsupported YAML value of type {type(value).__name__}")
            nodes, chars = self.budget.scalar(value)
            return value, nodes, chars
        ident = id(value)
        if ident in self._path:
            raise ValueError("recursive YAML anchors are not supported")
        if ident in self._memo:
            return self._memo[ident]
        self._path.add(ident)
        self.budget.container()
        nodes, chars = 1, 0
        converted: object
        if isinstance(value, dict):
            result: dict[str, object] = {}
            for k, v in value.items():
                key = _yaml_key(k)
                self.budget.written_chars += len(key)
                item, n, c = self.convert(v)
                result[key] = item
                nodes, chars = nodes + n, chars + c + len(key)
            converted = result
        else:
            items: list[object] = []
            for v in value:
                item, n, c = self.convert(v)
                items.append(item)
                nodes, chars = nodes + n, chars + c
            converted = items
        self._path.discard(ident)
        self._memo[ident] = (converted, nodes, chars)
        return converted, nodes, chars


def _yaml_key(key: object) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return "null" if key is None else str(key)


def parse_text(text: str, suffix: str, display: str) -> object:
    """JSON for .json files, YAML for .yaml/.yml; anything else is tried as JSON, then YAML.

    Either way the values must be plain JSON (finite numbers, text without lone surrogates).
    """
    if suffix.lower() in _YAML_SUFFIXES:
        return _checked(_parse_yaml(text, display), display, always=True)
    finite = _Finite()
    try:
        value = json.loads(text, parse_constant=finite.constant, parse_float=finite.number)
    except json.JSONDecodeError as exc:
        if suffix.lower() == ".json":
            raise SpecError(
                display, "", f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
            ) from None
    except ValueError:  # an integer of more digits than Python converts
        raise SpecError(display, "", f"invalid JSON: {_long_integer(text)}") from None
    else:
        return _checked(value, display, always=finite.seen or check_json_text(text))
    return _checked(_parse_yaml(text, display), display, always=True)


def _long_integer(text: str) -> str:
    limit = sys.get_int_max_str_digits()
    found = re.search(rf"\d{{{limit + 1},}}", text)
    if found is None:
        return f"an integer has more than {limit} digits"
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    digits = len(found.group())
    return f"an integer of {digits} digits (line {line}, column {column}); at most {limit} are read"


class _Finite:
    """Hooks for json.loads that note NaN, Infinity and numbers too large for a float."""

    def __init__(self) -> None:
        self.seen = False

    def constant(self, text: str) -> float:
        self.seen = True
        return float(text)

    def number(self, text: str) -> float:
        value = float(text)
        self.seen = self.seen or not math.isfinite(value)
        return value


def _checked(value: object, display: str, *, always: bool) -> object:
    if always:
        bad = first_bad_value(value)
        if bad is not None:
            raise SpecError(display, *bad)
    return value


def _parse_yaml(text: str, display: str) -> object:
    try:
        loaded: object = yaml.load(text, Loader=_SpecYamlLoader)  # a SafeLoader subclass
        values = _YamlValues()
        converted, nodes, chars = values.convert(loaded)
        too_much = values.budget.exceeded(nodes, chars)
        if too_much is not None:
            raise SpecError(display, "", f"{too_much}: refused (an alias bomb?)")
        return converted
    except yaml.YAMLError as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (line {mark.line + 1}, column {mark.column + 1})"
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(display, "", f"invalid YAML: {problem}{where}") from None
    except ValueError as exc:
        raise SpecError(display, "", f"invalid YAML: {exc}") from None


class DocumentStore:
    """Reads each file once and resolves `$ref`s; file names are shown relative to `base_dir`."""

    def __init__(self, base_dir: Path, roots: RefRoots | None = None) -> None:
        self.base_dir = base_dir
        self.roots = roots
        self._documents: dict[Path, Document] = {}
        self._targets: dict[tuple[Path, str], Node] = {}  # where each $ref led (file, fragment)

    @property
    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def display(self, path: Path) -> str:
        return _display(path, self.base_dir)

    def load(self, path: Path) -> Document:
        cached = self._documents.get(path)  # a document's own path (the common case) is absolute
        if cached is not None:
            return cached
        path = Path(os.path.abspath(path))
        cached = self._documents.get(path)
        if cached is not None:
            return cached
        display = self.display(path)
        text = self._read(path, display)
        doc = Document(path, display, parse_text(text, path.suffix, display))
        self._documents[path] = doc
        return doc

    def _read(self, path: Path, display: str) -> str:
        try:
            data = read_bounded(path)
        except FileRefusedError as exc:
            raise SpecError(display, "", str(exc)) from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SpecError(display, "", "file is not UTF-8 text") from None

    def ref_target(self, node: Node) -> tuple[Path, str] | None:
        """Where the `$ref` of `node` points (file and pointer), without reading anything."""
        if not isinstance(node.value, dict):
            return None
        ref = node.value.get("$ref")
        if not isinstance(ref, str):
            return None
        file_part, _, fragment = ref.partition("#")
        path = node.doc.path
        if file_part:
            path = Path(os.path.normpath(node.doc.path.parent / urllib.parse.unquote(file_part)))
        return path, urllib.parse.unquote(fragment)

    def resolve(self, node: Node) -> Node:
        """Follow `$ref` chains; keys written next to a `$ref` stay visible through the overlay."""
        if not (isinstance(node.value, dict) and "$ref" in node.value):
            return node
        overlay: dict[str, Node] = dict(node.overlay)
        seen: set[tuple[Path, str]] = set()
        while isinstance(node.value, dict) and "$ref" in node.value:
            if node.key in seen:
                raise node.error(f"circular $ref '{node.value['$ref']}'", "$ref")
            seen.add(node.key)
            for key, child in node.plain().items():
                if key != "$ref":
                    overlay.setdefault(key, child)
            node = self._follow(node)
        if not overlay:
            return node
        return Node(node.value, node.doc, node.pointer, overlay)

    def _follow(self, node: Node) -> Node:
        assert isinstance(node.value, dict)
        ref = node.value["$ref"]
        if not isinstance(ref, str):
            raise node.error("$ref must be a string", "$ref")
        if "://" in ref.partition("#")[0]:
            raise node.error(f"$ref '{ref}': remote references are not supported", "$ref")
        target = self.ref_target(node)
        assert target is not None
        path, fragment = target
        if path not in self._documents and self.roots is not None and not self.roots.allows(path):
            raise node.error(
                f"$ref '{ref}': {self.display(path)} is outside the folders a spec may refer to "
                f"({self.roots.describe(self.display)}); allow its folder with --ref-root "
                "or ref-roots in [tool.sdkforge]",
                "$ref",
            )
        found = self._targets.get((path, fragment))
        if found is not None:
            return found
        try:
            doc = self.load(path)
        except SpecError as exc:
            reason = exc.diagnostic.message
            raise node.error(f"$ref '{ref}': {self.display(path)}: {reason}", "$ref") from None
        found = self._walk(doc, fragment, node, ref)
        self._targets[(path, fragment)] = found
        return found

    def _walk(self, doc: Document, fragment: str, origin: Node, ref: str) -> Node:
        if fragment and not fragment.startswith("/"):
            raise origin.error(f"$ref '{ref}': the fragment must be a JSON pointer", "$ref")
        current = doc.node()
        for raw in fragment.split("/")[1:]:
            token = raw.replace("~1", "/").replace("~0", "~")
            child = _child(current, token)
            if child is None:
                raise origin.error(
                    f"$ref '{ref}': {doc.display} has nothing at '{fragment}'", "$ref"
                )
            current = child
        return current


def _child(node: Node, token: str) -> Node | None:
    if isinstance(node.value, dict):
        return node.get(token) if token in node.value else None
    if isinstance(node.value, list) and token.isdigit() and int(token) < len(node.value):
        return node._child(node.value[int(token)], token)
    return None
