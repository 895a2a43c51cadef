"""Every entry of the committed diff reports, checked against the raw spec JSON.

The checks below read the Swagger files directly (their own `$ref` walker, no sdkforge code), so a
report entry is only accepted when the files really say so: a removed field exists in the old
definition (or one of its allOf parents) and not in the new one, a new enum value is listed by an
`x-ms-enum` of that name in the new files only, and so on. The breaking flag is re-derived from the
raw schema (`required`, `readOnly`, `modelAsString`) too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest

from tests.diff.test_golden_reports import PAIRS, golden_path
from tests.support.paths import VMSS_SPEC

pytestmark = pytest.mark.skipif(
    not all(p.is_file() for p in VMSS_SPEC.values()), reason="the shared Azure specs are not here"
)

Schema = dict[str, Any]


class RawSpec:
    """The Swagger files of one api-version, read as plain JSON."""

    def __init__(self, main: Path) -> None:
        self.main = main.resolve()
        self._files: dict[Path, Any] = {}

    def doc(self, path: Path) -> Any:
        path = path.resolve()
        if path not in self._files:
            self._files[path] = json.loads(path.read_text(encoding="utf-8"))
        return self._files[path]

    def resolve(self, ref: str, base: Path) -> tuple[Path, Any]:
        file_part, _, pointer = ref.partition("#")
        path = (base.parent / file_part).resolve() if file_part else base
        node = self.doc(path)
        for token in [t for t in pointer.split("/") if t]:
            node = node[token.replace("~1", "/").replace("~0", "~")]
        return path, node

    def walk(
        self, node: Any, path: Path, seen: set[tuple[Path, str]]
    ) -> Iterator[tuple[Path, Any]]:
        if isinstance(node, list):
            for item in node:
                yield from self.walk(item, path, seen)
            return
        if not isinstance(node, dict):
            return
        yield path, node
        ref = node.get("$ref")
        if isinstance(ref, str):
            target_path, target = self.resolve(ref, path)
            key = (target_path, ref.partition("#")[2])
            if key not in seen:
                seen.add(key)
                yield from self.walk(target, target_path, seen)
        for key, value in node.items():
            if key not in ("$ref", "x-ms-examples"):
                yield from self.walk(value, path, seen)

    @cached_property
    def reached(self) -> list[tuple[Path, Schema]]:
        """Every schema-ish object reachable from the main file's paths, following $refs."""
        return list(self.walk(self.doc(self.main)["paths"], self.main, set()))

    @cached_property
    def reached_definitions(self) -> set[str]:
        names: set[str] = set()
        for _, node in self.reached:
            ref = node.get("$ref")
            if isinstance(ref, str) and "#/definitions/" in ref:
                names.add(ref.rpartition("/")[2])
        return names

    def definition(self, name: str) -> tuple[Path, Schema]:
        assert name in self.reached_definitions, f"{name} is not reachable in {self.main}"
        for path, node in self.reached:
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.endswith(f"#/definitions/{name}"):
                return self.resolve(ref, path)
        raise AssertionError(name)

    def own_and_inherited(self, path: Path, schema: Schema) -> Iterator[tuple[Path, Schema]]:
        yield path, schema
        for parent in schema.get("allOf", []):
            if "$ref" in parent:
                yield from self.own_and_inherited(*self.resolve(parent["$ref"], path))
            else:
                yield from self.own_and_inherited(path, parent)

    def property(self, definition: str, wire_path: str) -> tuple[Schema, Schema] | None:
        """(the object schema that declares it, the property schema), following flattening."""
        path, schema = self.definition(definition)
        found: tuple[Schema, Schema] | None = None
        for step in wire_path.split("."):
            found = None
            for owner_path, owner in self.own_and_inherited(path, schema):
                if step in owner.get("properties", {}):
                    found = owner, owner["properties"][step]
                    path = owner_path
                    break
            if found is None:
                return None
            path, schema = self._deref(path, found[1])
        return found

    def _deref(self, path: Path, schema: Schema) -> tuple[Path, Schema]:
        while "$ref" in schema:
            path, schema = self.resolve(schema["$ref"], path)
        return path, schema

    def enum_values(self, name: str) -> tuple[set[Any], set[bool]] | None:
        """Values and modelAsString flags of every reachable x-ms-enum called `name`."""
        values: set[Any] = set()
        flags: set[bool] = set()
        for _, node in self.reached:
            x_ms_enum = node.get("x-ms-enum")
            if isinstance(x_ms_enum, dict) and x_ms_enum.get("name") == name:
                values.update(node.get("enum", []))
                flags.add(bool(x_ms_enum.get("modelAsString", False)))
        return (values, flags) if flags else None

    @cached_property
    def enum_names(self) -> set[str]:
        return {
            node["x-ms-enum"]["name"]
            for _, node in self.reached
            if isinstance(node.get("x-ms-enum"), dict) and "name" in node["x-ms-enum"]
        }

    @cached_property
    def operation_ids(self) -> set[str]:
        return {
            op["operationId"]
            for item in self.doc(self.main)["paths"].values()
            for op in item.values()
            if isinstance(op, dict) and "operationId" in op
        }


def raw_type(spec: RawSpec, schema: Schema) -> str:
    if "$ref" in schema:
        return schema["$ref"].rpartition("/")[2]
    if schema.get("type") == "array":
        return f"array of {raw_type(spec, schema.get('items', {}))}"
    return f"{schema.get('type')}/{schema.get('format')}"


SPECS = {version: RawSpec(path) for version, path in VMSS_SPEC.items()}


def _entries() -> list[tuple[str, str, dict[str, Any]]]:
    if not all(p.is_file() for p in VMSS_SPEC.values()):
        return []
    found = []
    for old, new in PAIRS:
        report = json.loads(golden_path(old, new, "json").read_text(encoding="utf-8"))
        assert (report["old_api_version"], report["new_api_version"]) == (old, new)
        found += [(old, new, change) for change in report["changes"]]
    return found


ENTRIES = _entries()


def _check_model(old: RawSpec, new: RawSpec, change: dict[str, Any]) -> None:
    name = change["spec"]["definition"]
    if change["kind"] == "model-added":
        assert name in new.reached_definitions and name not in old.reached_definitions
        assert change["breaking"] is False
    else:
        assert name in old.reached_definitions and name not in new.reached_definitions
        assert change["breaking"] is True


def _check_field(old: RawSpec, new: RawSpec, change: dict[str, Any]) -> None:
    where = change["spec"]
    before = old.property(where["definition"], where["property"])
    after = new.property(where["definition"], where["property"])
    kind = change["kind"]
    if kind == "field-removed":
        assert before is not None and after is None
        assert change["breaking"] is True
        return
    if kind == "field-added":
        assert before is None and after is not None
        owner, prop = after
        constructor_argument = where["property"].rpartition(".")[2] in owner.get(
            "required", []
        ) and not prop.get("readOnly", False)
        assert change["breaking"] is constructor_argument
        return
    assert before is not None and after is not None
    _check_field_change(new, kind, before, after, change)


def _check_field_change(
    new: RawSpec,
    kind: str,
    before: tuple[Schema, Schema],
    after: tuple[Schema, Schema],
    change: dict[str, Any],
) -> None:
    prop_name = change["spec"]["property"].rpartition(".")[2]
    if kind == "field-type-changed":
        assert raw_type(new, before[1]) != raw_type(new, after[1])
        new_is_list = change["detail"].split("->")[1].strip(" `").startswith("list[")
        assert new_is_list is (after[1].get("type") == "array")
        assert change["breaking"] is True
    elif kind == "field-required":
        assert prop_name not in before[0].get("required", [])
        assert prop_name in after[0].get("required", [])
        assert change["breaking"] is (not after[1].get("readOnly", False))
    elif kind == "field-read-only":
        assert not before[1].get("readOnly", False) and after[1].get("readOnly") is True
        assert change["breaking"] is True
    else:
        raise AssertionError(f"no check for {kind}")


def _check_enum(old: RawSpec, new: RawSpec, change: dict[str, Any]) -> None:
    name = change["spec"]["enum"]
    if change["kind"] == "enum-added":
        assert name in new.enum_names and name not in old.enum_names
        return
    if change["kind"] == "enum-removed":
        assert name in old.enum_names and name not in new.enum_names
        return
    before, after = old.enum_values(name), new.enum_values(name)
    assert before is not None and after is not None
    value = change["spec"]["value"]
    if change["kind"] == "enum-value-added":
        assert value in after[0] and value not in before[0]
        # A new value breaks code only when the enum is closed (modelAsString false).
        assert change["breaking"] is (after[1] == {False})
    elif change["kind"] == "enum-value-removed":
        assert value in before[0] and value not in after[0]
        assert change["breaking"] is True
    else:
        raise AssertionError(f"no check for {change['kind']}")


def _check_operation(old: RawSpec, new: RawSpec, change: dict[str, Any]) -> None:
    op_id = change["spec"]["operation_id"]
    if change["kind"] == "operation-added":
        assert op_id in new.operation_ids and op_id not in old.operation_ids
    elif change["kind"] == "operation-removed":
        assert op_id in old.operation_ids and op_id not in new.operation_ids
    else:
        raise AssertionError(f"no check for {change['kind']}")


@pytest.mark.parametrize(
    ("old", "new", "change"),
    ENTRIES,
    ids=[f"{o}..{n}:{c['kind']}:{c['subject']}" for o, n, c in ENTRIES],
)
def test_entry_is_true_in_the_raw_files(old: str, new: str, change: dict[str, Any]) -> None:
    before, after = SPECS[old], SPECS[new]
    if change["kind"] in ("model-added", "model-removed"):
        _check_model(before, after, change)
    elif change["kind"].startswith("field-"):
        _check_field(before, after, change)
    elif change["section"] == "enums":
        _check_enum(before, after, change)
    elif change["section"] == "operations":
        _check_operation(before, after, change)
    else:
        raise AssertionError(f"no check for {change['kind']}")


def test_every_entry_was_checked() -> None:
    assert len(ENTRIES) > 20
    kinds = {c["kind"] for _, _, c in ENTRIES}
    assert kinds <= {
        "model-added",
        "model-removed",
        "field-added",
        "field-removed",
        "field-type-changed",
        "field-required",
        "field-read-only",
        "enum-added",
        "enum-removed",
        "enum-value-added",
        "enum-value-removed",
        "operation-added",
        "operation-removed",
    }


@pytest.mark.parametrize(("old", "new"), PAIRS, ids=[f"{a}..{b}" for a, b in PAIRS])
def test_no_operation_or_enum_value_change_is_missing(old: str, new: str) -> None:
    """The other direction: what the raw files say changed is in the report."""
    before, after = SPECS[old], SPECS[new]
    report = json.loads(golden_path(old, new, "json").read_text(encoding="utf-8"))
    reported = {(c["kind"], json.dumps(c["spec"], sort_keys=True)) for c in report["changes"]}
    # The operations are the same 56 in every version: no operation entry at all.
    assert before.operation_ids == after.operation_ids
    assert not [c for c in report["changes"] if c["section"] == "operations"]
    for name in sorted(before.enum_names & after.enum_names):
        was, now = before.enum_values(name), after.enum_values(name)
        assert was is not None and now is not None
        for value in sorted(now[0] - was[0]):
            spot = json.dumps({"enum": name, "value": value}, sort_keys=True)
            assert ("enum-value-added", spot) in reported
        for value in sorted(was[0] - now[0]):
            spot = json.dumps({"enum": name, "value": value}, sort_keys=True)
            assert ("enum-value-removed", spot) in reported


def test_proxy_agent_settings_and_placement_as_in_the_files() -> None:
    """The facts named in the issue, read from the files, and what the reports make of them."""
    fields = {
        version: set(spec.definition("ProxyAgentSettings")[1]["properties"])
        for version, spec in SPECS.items()
    }
    assert {"mode"} <= fields["2024-03-01"] and {"mode"} <= fields["2024-11-01"]
    assert "mode" not in fields["2024-07-01"]
    assert {"wireServer", "imds"} <= fields["2024-07-01"]
    # Placement is a definition of virtualMachine.json in 2024-03-01 and 2024-11-01 and absent in
    # 2024-07-01, but only VirtualMachine uses it, and no scale-set operation reaches that: it is
    # not part of the scale-set client in any version, so no report mentions it.
    defined = {
        version: "Placement" in spec.doc(spec.main.parent / "virtualMachine.json")["definitions"]
        for version, spec in SPECS.items()
    }
    assert defined == {"2024-03-01": True, "2024-07-01": False, "2024-11-01": True}
    assert not any("Placement" in spec.reached_definitions for spec in SPECS.values())
    for old, new in PAIRS:
        assert "Placement" not in golden_path(old, new, "markdown").read_text(encoding="utf-8")
