"""The API snapshot: the generated package's public Python surface as plain, deterministic JSON.

Derived from the IR only (no planner view), keyed by Python names, with the wire names next to them
so a change can be traced back to the spec. `generate` writes it as `<package>/_api_snapshot.json`;
`generator.api.diff` compares two snapshots.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from generator import ir

FORMAT = 1
FILE_NAME = "_api_snapshot.json"
FORMAT_KEY = "sdkforge-api-snapshot"

Snapshot = dict[str, Any]

_PRIMITIVES: dict[ir.Primitive, str] = {
    ir.Primitive.STRING: "str",
    ir.Primitive.UUID: "str",
    ir.Primitive.INT: "int",
    ir.Primitive.FLOAT: "float",
    ir.Primitive.DECIMAL: "Decimal",
    ir.Primitive.BOOL: "bool",
    ir.Primitive.DATE: "date",
    ir.Primitive.DATETIME: "datetime",
    ir.Primitive.DATETIME_RFC1123: "datetime",
    ir.Primitive.UNIXTIME: "datetime",
    ir.Primitive.TIME: "time",
    ir.Primitive.DURATION: "timedelta",
    ir.Primitive.BYTES: "bytes",
    ir.Primitive.BASE64URL: "bytes",
    ir.Primitive.BINARY: "bytes",
}


def api_snapshot(api: ir.Api) -> Snapshot:
    names = _TypeText(api)
    return {
        FORMAT_KEY: FORMAT,
        "title": api.title,
        "api_version": api.api_version,
        "client": _client(api, names),
        "groups": {g.py_attr: _group(g, names) for g in api.groups},
        "models": {m.py_name: _model(api, m, names) for m in api.models},
        "enums": {e.py_name: _enum(e) for e in api.enums},
    }


def dumps(snapshot: Snapshot) -> bytes:
    return (json.dumps(snapshot, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()


def loads(data: bytes | str, file: str) -> Snapshot:
    """A snapshot read back from JSON text; ValueError when the text is not one."""
    value = json.loads(data)
    if not isinstance(value, dict) or value.get(FORMAT_KEY) != FORMAT:
        raise ValueError(f"{file} is not an sdkforge API snapshot (format {FORMAT})")
    return value


def is_snapshot_text(data: bytes) -> bool:
    try:
        loads(data, "")
    except ValueError:
        return False
    return True


class _TypeText:
    """Python annotations for IR types, with class names as the generated package spells them."""

    def __init__(self, api: ir.Api) -> None:
        self._classes = {m.name: m.py_name for m in api.models}
        self._classes.update({e.name: e.py_name for e in api.enums})

    def __call__(self, t: ir.TypeRef | None) -> str:
        match t:
            case None:
                return "None"
            case ir.PrimitiveType(primitive=p):
                return _PRIMITIVES[p]
            case ir.ModelType(name=name) | ir.EnumType(name=name):
                return self._classes[name]
            case ir.ConstantType(value=value):
                return f"Literal[{value!r}]"
            case ir.ListType(item=item):
                return f"list[{self(item)}]"
            case ir.DictType(value=value):
                return f"dict[str, {self(value)}]"
            case ir.UnionType(members=members):
                return " | ".join(dict.fromkeys(self(m) for m in members))
        return "Any"


def _scheme_text(scheme: ir.SecurityScheme) -> str:
    if isinstance(scheme, ir.OAuth2Scheme):
        return "token credential, scopes " + " ".join(scheme.scopes)
    if isinstance(scheme, ir.HttpScheme):
        return f"HTTP {scheme.scheme}"
    return f"API key in {scheme.location} {scheme.wire_name}"


def _credential(api: ir.Api) -> str | None:
    """What the client authenticates with: the first scheme (the Azure shape's one credential),
    or each scheme's keyword argument."""
    if api.security and not api.credential_scheme:
        return "; ".join(f"{s.py_name}: {_scheme_text(s)}" for s in api.security)
    for scheme in api.security:
        if isinstance(scheme, ir.OAuth2Scheme):
            return "token credential, scopes " + " ".join(scheme.scopes)
        if isinstance(scheme, ir.HttpScheme):
            return f"HTTP {scheme.scheme}"
        return f"API key in {scheme.location} {scheme.wire_name}"
    return None


def _client(api: ir.Api, names: _TypeText) -> dict[str, Any]:
    return {
        "class": api.client_name,
        "credential": _credential(api),
        "parameters": [_client_parameter(p, names) for p in api.client_parameters],
    }


def _client_parameter(p: ir.Parameter, names: _TypeText) -> dict[str, Any]:
    # The client fills api-version in itself, so callers never have to pass it.
    has_default = p.has_default or p.wire_name == "api-version"
    return {
        "name": p.py_name,
        "wire": p.wire_name,
        "type": names(p.type),
        "required": p.required and not has_default,
    }


def method_parameters(op: ir.Operation) -> list[ir.Parameter]:
    """The arguments of the generated method (client-level, constant and host values are not)."""
    return [
        p
        for p in op.parameters
        if not p.client_level
        and not isinstance(p.type, ir.ConstantType)
        and p.location != ir.ParamLocation.HOST
    ]


def _parameter(p: ir.Parameter, names: _TypeText) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": p.py_name,
        "wire": p.wire_name,
        "in": p.location.value,
        "type": names(p.type),
        "required": p.required,
        # Required arguments without a default come first and are positional; the rest are
        # keyword-only (the generated signature puts `*` between them).
        "positional": p.required and not p.has_default,
    }
    if p.has_default:
        entry["default"] = p.default
    return entry


def _returns(op: ir.Operation, names: _TypeText) -> str:
    texts: list[str] = []
    for r in op.responses:
        if not r.is_error and r.status_codes and names(r.type) not in texts:
            texts.append(names(r.type))
    if "None" in texts:
        texts = [t for t in texts if t != "None"] + ["None"]
    return " | ".join(texts) or "None"


def _operation(op: ir.Operation, names: _TypeText) -> dict[str, Any]:
    long_running = None
    if op.long_running is not None:
        via = op.long_running.final_state_via
        long_running = via.value if via is not None else "default"
    pageable = None
    if op.paging is not None:
        pageable = {"items": op.paging.item_name, "next_link": op.paging.next_link_name}
    return {
        "method": op.py_name,
        "http": f"{op.method.upper()} {op.path}",
        "parameters": [_parameter(p, names) for p in method_parameters(op)],
        "returns": _returns(op, names),
        "long_running": long_running,
        "pageable": pageable,
        "deprecated": op.deprecated,
    }


def _group(group: ir.OperationGroup, names: _TypeText) -> dict[str, Any]:
    return {
        "class": group.class_name,
        "operations": {op.operation_id: _operation(op, names) for op in group.operations},
    }


def _all_fields(api: ir.Api, model: ir.Model) -> dict[str, ir.Field]:
    """Own and inherited fields by Python name: what `instance.<name>` can reach."""
    fields: dict[str, ir.Field] = {}
    for parent in reversed(model.parents):
        fields.update(_all_fields(api, api.model(parent)))
    fields.update({f.py_name: f for f in model.fields})
    return fields


def _model(api: ir.Api, model: ir.Model, names: _TypeText) -> dict[str, Any]:
    return {
        "definition": model.name,
        "parents": [api.model(p).py_name for p in model.parents],
        "discriminator_value": model.discriminator_value,
        "additional_properties": (
            None if model.additional_properties is None else names(model.additional_properties)
        ),
        "fields": {name: _field(f, names) for name, f in sorted(_all_fields(api, model).items())},
    }


def _field(f: ir.Field, names: _TypeText) -> dict[str, Any]:
    return {
        "wire": ".".join(f.wire_path),
        "type": names(f.type),
        "required": f.required,
        "read_only": f.read_only,
    }


def _enum(e: ir.Enum) -> dict[str, Any]:
    return {
        "name": e.name,
        "extensible": e.extensible,
        "values": [{"value": v.value, "name": v.py_name} for v in e.values],
    }


def summary(snapshot: Mapping[str, Any]) -> str:
    """One line saying how big the API is."""
    groups = snapshot["groups"]
    operations = sum(len(g["operations"]) for g in groups.values())
    named = [g for g in groups if g]
    return (
        f"{operations} operation{'s' if operations != 1 else ''} in {len(named)} "
        f"group{'s' if len(named) != 1 else ''}, {len(snapshot['models'])} models, "
        f"{len(snapshot['enums'])} enums"
    )


def multiapi_snapshot(snapshots: list[Snapshot]) -> Snapshot:
    """The surface of a multi-API package, from its api-versions' snapshots (oldest first): each
    operation, model and enum as the newest api-version that has it gives it (what the client
    serves when no api_version is given), each operation with the api-versions that have it, and
    every api-version's own snapshot under "versions"."""
    latest = snapshots[-1]
    groups: dict[str, Any] = {}
    models: dict[str, Any] = {}
    enums: dict[str, Any] = {}
    for snapshot in snapshots:  # a newer api-version's entry replaces an older one's
        version = snapshot["api_version"]
        for attr, group in snapshot["groups"].items():
            merged = groups.setdefault(attr, {"operations": {}})
            merged["class"] = group["class"]
            for key, op in group["operations"].items():
                before = merged["operations"].get(key, {}).get("api_versions", [])
                merged["operations"][key] = {**op, "api_versions": [version, *before]}
        models.update(snapshot["models"])
        enums.update(snapshot["enums"])
    versions = [s["api_version"] for s in snapshots]
    return {
        FORMAT_KEY: FORMAT,
        "title": latest["title"],
        "api_version": ", ".join(versions),
        "latest_api_version": latest["api_version"],
        "client": latest["client"],
        "groups": groups,
        "models": models,
        "enums": enums,
        "versions": {s["api_version"]: s for s in snapshots},
    }
