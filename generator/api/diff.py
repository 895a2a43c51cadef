"""API diff: what changed between two snapshots, in terms of the generated Python API.

Each change names the Python path a user writes (`client.group.method`, `Model.field`,
`Enum.MEMBER`), says whether code written against the old client can break with the new one,
and keeps a wire-level locator (operationId, definition, property, enum value) so the change can be
traced to the spec.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.api.snapshot import Snapshot

SECTIONS = ("client", "operations", "models", "enums")
_TITLES = {"client": "Client", "operations": "Operations", "models": "Models", "enums": "Enums"}


@dataclass(frozen=True)
class Change:
    section: str  # one of SECTIONS
    kind: str  # e.g. "field-removed"
    subject: str  # the Python path: client.group.method(param), Model.field, Enum.MEMBER
    breaking: bool
    detail: str  # markdown, one line
    spec: tuple[tuple[str, Any], ...] = ()  # where to look in the spec: operation_id, definition...

    def as_json(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "kind": self.kind,
            "subject": self.subject,
            "breaking": self.breaking,
            "detail": self.detail,
            "spec": dict(self.spec),
        }


@dataclass(frozen=True)
class Report:
    title: str
    old_version: str
    new_version: str
    changes: tuple[Change, ...] = field(default=())

    @property
    def breaking(self) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.breaking)


def diff_snapshots(old: Snapshot, new: Snapshot) -> Report:
    changes = [
        *_client_changes(old["client"], new["client"]),
        *_group_changes(old["groups"], new["groups"]),
        *_model_changes(old["models"], new["models"]),
        *_enum_changes(old["enums"], new["enums"]),
    ]
    order = {s: i for i, s in enumerate(SECTIONS)}
    changes.sort(key=lambda c: (order[c.section], c.subject, c.kind, c.detail))
    return Report(new["title"], old["api_version"], new["api_version"], tuple(changes))


def code(text: object) -> str:
    """Inline markdown code that survives backticks inside the text."""
    value = str(text)
    return f"`` {value} ``" if "`" in value else f"`{value}`"


def _added_removed(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> tuple[list[str], list[str], list[str]]:
    added = sorted(k for k in new if k not in old)
    removed = sorted(k for k in old if k not in new)
    common = sorted(k for k in old if k in new)
    return added, removed, common


# -- client -----------------------------------------------------------------------------------


def _client_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    cls = old["class"]
    if new["class"] != cls:
        yield Change("client", "client-renamed", cls, True, f"renamed to {code(new['class'])}")
    if new["credential"] != old["credential"]:
        detail = f"credential {code(old['credential'])} -> {code(new['credential'])}"
        yield Change("client", "credential-changed", cls, True, detail)
    old_params = {p["wire"]: p for p in old["parameters"]}
    new_params = {p["wire"]: p for p in new["parameters"]}
    added, removed, common = _added_removed(old_params, new_params)
    for wire in added:
        p = new_params[wire]
        subject, where = f"{cls}({p['name']})", (("parameter", wire),)
        kind, breaking = "client-parameter-added", bool(p["required"])
        yield Change("client", kind, subject, breaking, _added_text(p["required"]), where)
    for wire in removed:
        subject = f"{cls}({old_params[wire]['name']})"
        kind, where = "client-parameter-removed", (("parameter", wire),)
        yield Change("client", kind, subject, True, "constructor parameter removed", where)
    for wire in common:
        yield from _client_parameter_changes(cls, old_params[wire], new_params[wire])


def _added_text(required: bool) -> str:
    return "added, required" if required else "added, optional"


def _client_parameter_changes(
    cls: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[Change]:
    subject, where = f"{cls}({old['name']})", (("parameter", old["wire"]),)
    if old["name"] != new["name"]:
        detail = f"renamed to {code(new['name'])}"
        yield Change("client", "client-parameter-renamed", subject, True, detail, where)
    if old["type"] != new["type"]:
        detail = f"type {code(old['type'])} -> {code(new['type'])}"
        yield Change("client", "client-parameter-type-changed", subject, True, detail, where)
    if old["required"] != new["required"]:
        kind = "client-parameter-required" if new["required"] else "client-parameter-optional"
        detail = "now required" if new["required"] else "now optional"
        yield Change("client", kind, subject, bool(new["required"]), detail, where)


# -- operations -------------------------------------------------------------------------------


def _method_path(group: str, method: str) -> str:
    return f"client.{group}.{method}" if group else f"client.{method}"


def _group_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    added, removed, common = _added_removed(old, new)
    for name in added:
        yield _group_change("group-added", name, new[name], breaking=False)
    for name in removed:
        yield _group_change("group-removed", name, old[name], breaking=True)
    for name in common:
        yield from _operation_changes(name, old[name]["operations"], new[name]["operations"])


def _group_change(kind: str, name: str, group: Mapping[str, Any], *, breaking: bool) -> Change:
    methods = sorted(op["method"] for op in group["operations"].values())
    verb = "added" if kind == "group-added" else "removed"
    count = f"{len(methods)} operation{'s' if len(methods) != 1 else ''}"
    detail = f"operation group {verb} ({count}: {', '.join(code(m) for m in methods)})"
    where = (("operation_ids", sorted(group["operations"])),)
    return Change("operations", kind, f"client.{name}", breaking, detail, where)


def _operation_changes(
    group: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[Change]:
    added, removed, common = _added_removed(old, new)
    for op_id in added:
        subject = _method_path(group, new[op_id]["method"])
        where = (("operation_id", op_id),)
        yield Change("operations", "operation-added", subject, False, "operation added", where)
    for op_id in removed:
        subject = _method_path(group, old[op_id]["method"])
        where = (("operation_id", op_id),)
        yield Change("operations", "operation-removed", subject, True, "operation removed", where)
    for op_id in common:
        yield from _one_operation(group, op_id, old[op_id], new[op_id])


def _one_operation(
    group: str, op_id: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[Change]:
    path = _method_path(group, old["method"])
    where = (("operation_id", op_id),)

    def change(kind: str, breaking: bool, detail: str) -> Change:
        return Change("operations", kind, path, breaking, detail, where)

    if old["method"] != new["method"]:
        renamed = code(_method_path(group, new["method"]))
        yield change("operation-renamed", True, f"renamed to {renamed}")
    if old["returns"] != new["returns"]:
        detail = f"returns {code(old['returns'])} -> {code(new['returns'])}"
        yield change("response-type-changed", old["returns"] != "None", detail)
    for kind, breaking, detail in _behaviour_changes(old, new):
        yield change(kind, breaking, detail)
    yield from _parameter_changes(path, op_id, old["parameters"], new["parameters"])


def _behaviour_changes(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[tuple[str, bool, str]]:
    was, now = old["long_running"], new["long_running"]
    if was != now:
        if was is None or now is None:
            text = "now long-running" if was is None else "no longer long-running"
            yield "long-running-changed", True, text
        else:
            yield "long-running-changed", False, f"final state via {code(was)} -> {code(now)}"
    was, now = old["pageable"], new["pageable"]
    if was != now:
        if was is None or now is None:
            yield "pageable-changed", True, "now pageable" if was is None else "no longer pageable"
        else:
            detail = f"paging {code(json.dumps(was))} -> {code(json.dumps(now))}"
            yield "pageable-changed", False, detail
    if old["deprecated"] != new["deprecated"]:
        text = "now deprecated" if new["deprecated"] else "no longer deprecated"
        yield "deprecated-changed", False, text
    if old["http"] != new["http"]:
        yield "request-changed", False, f"request {code(old['http'])} -> {code(new['http'])}"


def _param_key(p: Mapping[str, Any]) -> str:
    return f"{p['in']}:{p['wire']}"


def _parameter_changes(
    path: str, op_id: str, old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> Iterator[Change]:
    old_by = {_param_key(p): p for p in old}
    new_by = {_param_key(p): p for p in new}
    added, removed, common = _added_removed(old_by, new_by)

    def change(kind: str, p: Mapping[str, Any], breaking: bool, detail: str) -> Change:
        where = (("operation_id", op_id), ("parameter", p["wire"]), ("in", p["in"]))
        return Change("operations", kind, f"{path}({p['name']})", breaking, detail, where)

    for key in added:
        p = new_by[key]
        detail = "parameter added, " + ("positional" if p["positional"] else "keyword-only")
        yield change("parameter-added", p, bool(p["positional"]), detail)
    for key in removed:
        yield change("parameter-removed", old_by[key], True, "parameter removed")
    for key in common:
        for kind, breaking, detail in _one_parameter(old_by[key], new_by[key]):
            yield change(kind, old_by[key], breaking, detail)
    for p, before, after in _moved(old, new):
        yield change("parameter-moved", p, True, f"position {before} -> {after}")


def _one_parameter(
    old: Mapping[str, Any], new: Mapping[str, Any]
) -> Iterator[tuple[str, bool, str]]:
    if old["name"] != new["name"]:
        yield "parameter-renamed", True, f"renamed to {code(new['name'])}"
    if old["type"] != new["type"]:
        yield "parameter-type-changed", True, f"type {code(old['type'])} -> {code(new['type'])}"
    if old["positional"] != new["positional"]:
        if new["positional"]:
            yield "parameter-required", True, "now required (positional)"
        else:
            # Callers that passed it by position get a TypeError from the keyword-only argument.
            yield "parameter-optional", True, "now optional (keyword-only)"


def _moved(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any], int, int]]:
    """Positional arguments whose order relative to each other changed (1-based ranks)."""
    old_keys = [_param_key(p) for p in old if p["positional"]]
    new_keys = [_param_key(p) for p in new if p["positional"]]
    both = [k for k in old_keys if k in new_keys]
    after = [k for k in new_keys if k in both]
    by_key = {_param_key(p): p for p in old}
    for rank, key in enumerate(both, start=1):
        if after[rank - 1] != key:
            yield by_key[key], rank, after.index(key) + 1


# -- models -----------------------------------------------------------------------------------


def _model_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    added, removed, common = _added_removed(old, new)
    for name in added:
        where = (("definition", new[name]["definition"]),)
        yield Change("models", "model-added", name, False, "model added", where)
    for name in removed:
        where = (("definition", old[name]["definition"]),)
        yield Change("models", "model-removed", name, True, "model removed", where)
    for name in common:
        yield from _one_model(name, old[name], new[name])


def _one_model(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    where = (("definition", new["definition"]),)
    if old["parents"] != new["parents"]:
        before = ", ".join(old["parents"]) or "none"
        after = ", ".join(new["parents"]) or "none"
        detail = f"base classes {code(before)} -> {code(after)}"
        yield Change("models", "model-bases-changed", name, True, detail, where)
    if old["additional_properties"] != new["additional_properties"]:
        before, after = old["additional_properties"], new["additional_properties"]
        detail = f"additional properties {code(before)} -> {code(after)}"
        kind = "additional-properties-changed"
        yield Change("models", kind, name, after is None, detail, where)
    yield from _field_changes(name, old, new)


def _constructor_argument(f: Mapping[str, Any]) -> bool:
    return bool(f["required"]) and not f["read_only"] and not f["type"].startswith("Literal[")


def _field_changes(
    model: str, old_model: Mapping[str, Any], new_model: Mapping[str, Any]
) -> Iterator[Change]:
    old, new = old_model["fields"], new_model["fields"]
    added, removed, common = _added_removed(old, new)
    renamed = _renames(old, new, added, removed)

    def change(kind: str, name: str, f: Mapping[str, Any], breaking: bool, detail: str) -> Change:
        model_json = new_model if kind != "field-removed" else old_model
        where = (("definition", model_json["definition"]), ("property", f["wire"]))
        return Change("models", kind, f"{model}.{name}", breaking, detail, where)

    for old_name, new_name in renamed.items():
        yield change("field-renamed", old_name, old[old_name], True, f"renamed to {code(new_name)}")
        common.append(old_name)
    for name in added:
        if name not in renamed.values():
            f = new[name]
            required = _constructor_argument(f)
            detail = "field added, required" if required else "field added"
            yield change("field-added", name, f, required, detail)
    for name in removed:
        if name not in renamed:
            yield change("field-removed", name, old[name], True, "field removed")
    for name in common:
        now = new[renamed.get(name, name)]
        for kind, breaking, detail in _one_field(old[name], now):
            yield change(kind, name, now, breaking, detail)


def _renames(
    old: Mapping[str, Any], new: Mapping[str, Any], added: list[str], removed: list[str]
) -> dict[str, str]:
    """Removed -> added field names that stand for the same wire property."""
    by_wire: dict[str, list[str]] = {}
    for name in added:
        by_wire.setdefault(new[name]["wire"], []).append(name)
    result: dict[str, str] = {}
    for name in removed:
        candidates = by_wire.get(old[name]["wire"], [])
        if len(candidates) == 1:
            result[name] = candidates[0]
    return result


def _one_field(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[tuple[str, bool, str]]:
    if old["type"] != new["type"]:
        yield "field-type-changed", True, f"type {code(old['type'])} -> {code(new['type'])}"
    if old["required"] != new["required"]:
        if new["required"]:
            yield "field-required", _constructor_argument(new), "now required"
        else:
            yield "field-optional", False, "now optional"
    if old["read_only"] != new["read_only"]:
        if new["read_only"]:
            yield "field-read-only", True, "now read-only (no longer sent to the service)"
        else:
            yield "field-writable", False, "no longer read-only"
    if old["wire"] != new["wire"]:
        yield "field-wire-changed", False, f"wire name {code(old['wire'])} -> {code(new['wire'])}"


# -- enums ------------------------------------------------------------------------------------


def _enum_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    added, removed, common = _added_removed(old, new)
    for name in added:
        where = (("enum", new[name]["name"]),)
        yield Change("enums", "enum-added", name, False, "enum added", where)
    for name in removed:
        where = (("enum", old[name]["name"]),)
        yield Change("enums", "enum-removed", name, True, "enum removed", where)
    for name in common:
        yield from _one_enum(name, old[name], new[name])


def _one_enum(name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    where = (("enum", new["name"]),)
    if old["extensible"] != new["extensible"]:
        detail = "now extensible (unknown values allowed)" if new["extensible"] else "now closed"
        kind = "enum-extensible-changed"
        yield Change("enums", kind, name, not new["extensible"], detail, where)
    old_values = {_value_key(v["value"]): v for v in old["values"]}
    new_values = {_value_key(v["value"]): v for v in new["values"]}
    added, removed, common = _added_removed(old_values, new_values)

    def change(kind: str, member: Mapping[str, Any], breaking: bool, detail: str) -> Change:
        spot = (*where, ("value", member["value"]))
        return Change("enums", kind, f"{name}.{member['name']}", breaking, detail, spot)

    for key in added:
        member = new_values[key]
        # Code written for a closed enum may handle every member; a new value falls outside it.
        breaking = not new["extensible"]
        yield change("enum-value-added", member, breaking, f"value {_literal(member)} added")
    for key in removed:
        member = old_values[key]
        yield change("enum-value-removed", member, True, f"value {_literal(member)} removed")
    for key in common:
        before, after = old_values[key], new_values[key]
        if before["name"] != after["name"]:
            yield change("enum-value-renamed", before, True, f"renamed to {code(after['name'])}")


def _literal(member: Mapping[str, Any]) -> str:
    return code(repr(member["value"]))


def _value_key(value: object) -> str:
    return json.dumps(value)


# -- rendering --------------------------------------------------------------------------------


def render_json(report: Report) -> str:
    data = {
        "title": report.title,
        "old_api_version": report.old_version,
        "new_api_version": report.new_version,
        "summary": {"changes": len(report.changes), "breaking": len(report.breaking)},
        "changes": [c.as_json() for c in report.changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def count_line(report: Report) -> str:
    total, breaking = len(report.changes), len(report.breaking)
    if not total:
        return "No changes to the Python API."
    return f"{total} change{'s' if total != 1 else ''}, {breaking} breaking."


def render_markdown(report: Report, *, level: int = 1) -> str:
    """The report as markdown; `level` is the heading level of its title."""
    title = "#" * level
    lines = [
        f"{title} {report.title}: api-version {report.old_version} -> {report.new_version}",
        "",
        count_line(report),
    ]
    lines += render_sections(report.changes, level=level + 1)
    return "\n".join(lines) + "\n"


def render_sections(changes: Iterable[Change], *, level: int) -> list[str]:
    """Breaking changes first, then the others; each grouped by section."""
    changes = list(changes)
    lines: list[str] = []
    for heading, breaking in (("Breaking changes", True), ("Other changes", False)):
        chosen = [c for c in changes if c.breaking == breaking]
        if not chosen:
            continue
        lines += ["", f"{'#' * level} {heading}"]
        for section in SECTIONS:
            inside = [c for c in chosen if c.section == section]
            if inside:
                lines += ["", f"{'#' * (level + 1)} {_TITLES[section]}", ""]
                lines += [f"- {code(c.subject)}: {c.detail}" for c in inside]
    return lines
