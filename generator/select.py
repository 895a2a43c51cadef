"""Selective generation: keep some operations of an `ir.Api` and only the types they reach.

An IR-to-IR filter that runs after loading, so every later stage sees an ordinary, smaller API.
Python names are kept as the full spec gave them, so a class is called the same whether the package
holds one operation or all of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from fnmatch import fnmatchcase

from generator import ir
from generator.config import Selection
from generator.diagnostics import Diagnostic, Severity, SpecError


def select_operations(
    api: ir.Api,
    selection: Selection,
    spec_file: str,
    warnings: list[Diagnostic] | None = None,
    *,
    patterns_checked: bool = False,
) -> ir.Api:
    """`api` with only the selected operations, the groups that still have one, and the types,
    client parameters and models they reach. Raises `SpecError` when a pattern matches nothing
    that it could select (unless `patterns_checked`: several specs were checked together with
    `check_patterns`), or when no operation is left."""
    if not selection:
        return api
    every = [op for group in api.groups for op in group.operations]
    if not patterns_checked:
        check_patterns(every, selection, spec_file, warnings)
    kept = _with_next_pages({op.operation_id for op in every if _selected(op, selection)}, every)
    if not kept:
        raise SpecError(spec_file, "", "the operation selection leaves no operation")
    groups = tuple(_filtered_groups(api.groups, kept))
    operations = [op for group in groups for op in group.operations]
    client_parameters = _used_client_parameters(api, operations)
    models, enums = _reachable_types(api, _roots(api, operations, client_parameters))
    return dataclasses.replace(
        api,
        groups=groups,
        client_parameters=client_parameters,
        models=tuple(m for m in api.models if m.name in models),
        enums=tuple(e for e in api.enums if e.name in enums),
    )


def _matches(value: str, patterns: Iterable[str]) -> bool:
    return any(fnmatchcase(value, pattern) for pattern in patterns)


def _selected(op: ir.Operation, selection: Selection) -> bool:
    if _matches(op.operation_id, selection.exclude):
        return False
    if not selection.include and not selection.tags:
        return True
    return _matches(op.operation_id, selection.include) or any(
        _matches(tag, selection.tags) for tag in op.tags
    )


def selects_any(api: ir.Api, selection: Selection) -> bool:
    """Whether `selection` keeps at least one operation of `api`."""
    return any(_selected(op, selection) for group in api.groups for op in group.operations)


def check_patterns(
    every: list[ir.Operation],
    selection: Selection,
    spec_file: str,
    warnings: list[Diagnostic] | None,
) -> None:
    ids = [op.operation_id for op in every]
    tags = sorted({tag for op in every for tag in op.tags})
    # A typo in an include pattern would silently give a smaller SDK, so it is an error.
    for pattern in selection.include:
        if not _matches_any(pattern, ids):
            message = f"--include-operations '{pattern}' matches no operationId"
            raise SpecError(spec_file, "", message)
    for pattern in selection.tags:
        if not _matches_any(pattern, tags):
            known = ", ".join(tags) or "none"
            raise SpecError(spec_file, "", f"--tags '{pattern}' matches no tag (tags: {known})")
    for pattern in selection.exclude:
        if not _matches_any(pattern, ids) and warnings is not None:
            message = f"--exclude-operations '{pattern}' matches no operationId"
            warnings.append(Diagnostic(Severity.WARNING, spec_file, "", message))


def _matches_any(pattern: str, values: list[str]) -> bool:
    return any(fnmatchcase(value, pattern) for value in values)


def _with_next_pages(kept: set[str], every: list[ir.Operation]) -> set[str]:
    """Add the next-page operations (x-ms-pageable operationName) that kept operations call."""
    by_id = {op.operation_id: op for op in every}
    pending = list(kept)
    while pending:
        op = by_id[pending.pop()]
        following = op.paging.next_operation_id if op.paging else None
        if following in by_id and following not in kept:
            assert following is not None
            kept.add(following)
            pending.append(following)
    return kept


def _filtered_groups(
    groups: tuple[ir.OperationGroup, ...], kept: set[str]
) -> Iterator[ir.OperationGroup]:
    for group in groups:
        operations = tuple(op for op in group.operations if op.operation_id in kept)
        if operations:
            yield dataclasses.replace(group, operations=operations)


def _used_client_parameters(
    api: ir.Api, operations: list[ir.Operation]
) -> tuple[ir.Parameter, ...]:
    used = {p.wire_name for op in operations for p in op.parameters if p.client_level}
    used |= {p.wire_name for p in api.host.parameters}
    return tuple(p for p in api.client_parameters if p.wire_name in used)


def _roots(
    api: ir.Api, operations: list[ir.Operation], client_parameters: tuple[ir.Parameter, ...]
) -> Iterator[ir.TypeRef]:
    for parameter in (*client_parameters, *api.host.parameters):
        yield parameter.type
    for op in operations:
        for parameter in op.parameters:
            yield parameter.type
        for response in op.responses:
            if response.type is not None:
                yield response.type
            for header in response.headers:
                yield header.type


def _reachable_types(api: ir.Api, roots: Iterable[ir.TypeRef]) -> tuple[set[str], set[str]]:
    models: set[str] = set()
    enums: set[str] = set()
    by_name = {m.name: m for m in api.models}
    pending = list(roots)
    while pending:
        match pending.pop():
            case ir.ModelType(name=name) if name not in models:
                models.add(name)
                pending.extend(_model_refs(by_name[name]))
            case ir.EnumType(name=name):
                enums.add(name)
            case ir.ListType(item=item):
                pending.append(item)
            case ir.DictType(value=value):
                pending.append(value)
            case ir.UnionType(members=members):
                pending.extend(members)
    return models, enums


def _model_refs(model: ir.Model) -> Iterator[ir.TypeRef]:
    for f in model.fields:
        yield f.type
    for name in (*model.parents, *model.subtypes):
        yield ir.ModelType(name)
    if model.additional_properties is not None:
        yield model.additional_properties
