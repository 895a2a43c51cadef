"""The recipe: spec -> intermediate model -> selected operations -> planned files -> rendered ->
formatted sources, plus the API snapshot, the changelog and the manifest that `generate` skips by.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__, ir
from generator.api.changelog import update_changelog
from generator.api.snapshot import FILE_NAME as SNAPSHOT
from generator.api.snapshot import Snapshot, api_snapshot, dumps, loads, multiapi_snapshot
from generator.cache import MANIFEST, manifest
from generator.config import BuildOptions, ClientConfig, Selection
from generator.diagnostics import SKIPPED_OPERATION, Diagnostic, Severity, SpecError, printable
from generator.loader import load_api
from generator.plan import Options, OutputFile, plan_package
from generator.plan.dist import plan_distribution
from generator.plan.models import uses_xml
from generator.plan.multiapi import Version, plan_multiapi, subpackage_name, version_key
from generator.plan.validation import unchecked_patterns
from generator.render.format import format_sources
from generator.render.jinja import environment, render_file
from generator.render.pydantic import ModelsError
from generator.runtime.patterns import translate
from generator.select import check_patterns, select_operations, selects_any

CHANGELOG = "CHANGELOG.md"


@dataclass(frozen=True)
class Built:
    files: dict[str, bytes]  # path relative to the package directory -> content
    warnings: tuple[Diagnostic, ...]
    api_version: str = ""
    stats: dict[str, int] = field(default_factory=dict)  # operations, skipped, models, enums


def build_package(
    spec: Path,
    package_name: str,
    client_name: str | None = None,
    *,
    selection: Selection | None = None,
    package_mode: bool = False,
    package_version: str | None = None,
    previous: Path | None = None,
    ref_roots: tuple[Path, ...] = (),
    azure: bool = False,
    azure_compat: bool | None = None,
    models: str = "dataclass",
) -> Built:
    """Every file of the package directory. `previous` is the directory as generated last time:
    its snapshot and changelog decide the new changelog entry (none: a first generation)."""
    options = BuildOptions(
        package_name,
        client_name,
        selection or Selection(),
        package_mode,
        package_version,
        ref_roots,
        azure,
        azure_compat,
        models,
    )
    return build(spec, options, previous)


def build(spec: Path, options: BuildOptions, previous: Path | None = None) -> Built:
    warnings: list[Diagnostic] = []
    api = load_api(
        spec,
        client_name=options.client_name,
        warnings=warnings,
        ref_roots=options.ref_roots,
        azure=options.azure,
        azure_compat=options.azure_compat,
    )
    api = select_operations(api, options.selection, spec.name, warnings)
    warnings.extend(unchecked_patterns(api, translate))
    if options.models == "pydantic" and uses_xml(api):
        raise SpecError(
            str(spec), "", "XML bodies need the dataclass model style (--models dataclass)"
        )
    # The formatter runs in its own processes: the first half of the package is formatted while
    # the second is rendered, and the snapshot and changelog are made meanwhile.
    try:
        with ThreadPoolExecutor(max_workers=FORMAT_BATCHES) as formatter:
            formatting = [
                formatter.submit(format_sources, batch, consume=True)
                for batch in _rendered(api, options)
            ]
            history = _history(api, options, previous)
            files = {path: text for batch in formatting for path, text in batch.result().items()}
    except ModelsError as exc:
        raise SpecError(str(spec), "", f"the pydantic models could not be written: {exc}") from None
    files.update(history)
    files[MANIFEST] = manifest(spec, api.source_files, options.as_json(spec), files)
    return Built(
        dict(sorted(files.items())), tuple(warnings), api.api_version, _stats(api, warnings)
    )


FORMAT_BATCHES = 2


def _rendered(api: ir.Api, options: BuildOptions) -> Iterator[dict[str, bytes]]:
    """The planned files rendered, in `FORMAT_BATCHES` batches; the plan (a view of each model
    and operation) is let go once rendered. Every batch has the package's `__init__.py` files, so
    that the formatter sees each module inside its package."""
    package = options.package_name
    planned = _prefixed(
        options.code_dir, plan_package(api, Options(package, __version__, options.models))
    )
    if options.package_mode:
        planned += plan_distribution(api, package, options.package_version, __version__)
    env = environment()
    inits = {f.path: render_file(env, f) for f in planned if f.path.endswith("__init__.py")}
    others = [f for f in planned if f.path not in inits]
    del planned
    size = -(-len(others) // FORMAT_BATCHES)
    for start in range(0, max(len(others), 1), size or 1):
        batch = dict(inits)
        batch.update((f.path, render_file(env, f)) for f in others[start : start + size])
        yield batch


def _stats(api: ir.Api, warnings: list[Diagnostic]) -> dict[str, int]:
    return {
        "operations": sum(len(g.operations) for g in api.groups),
        "skipped": sum(1 for w in warnings if w.kind == SKIPPED_OPERATION),
        "models": len(api.models),
        "enums": len(api.enums),
    }


def build_client(client: ClientConfig, *, previous: Path | None = None) -> Built:
    if client.more_specs:
        return build_multiapi(client.specs, client.options, previous)
    return build(client.spec, client.options, previous)


def build_multiapi(
    specs: Sequence[Path], options: BuildOptions, previous: Path | None = None
) -> Built:
    """A multi-API package: one subpackage per api-version (each spec one api-version), and the
    client that serves each operation from the api-version it is given or the newest with it."""
    if options.models != "dataclass":
        raise SpecError(
            str(specs[0]), "", "a multi-API package is written with the dataclass model style"
        )
    warnings: list[Diagnostic] = []
    apis = _load_versions(specs, options, warnings)
    versions = [Version(api, subpackage_name(api.api_version)) for _, api in apis]
    for _, api in apis:
        warnings.extend(unchecked_patterns(api, translate))
    latest = versions[-1].api
    package = options.package_name
    planned = _prefixed(options.code_dir, plan_multiapi(versions, Options(package, __version__)))
    if options.package_mode:
        planned += plan_distribution(latest, package, options.package_version, __version__)
    files = format_sources({f.path: render_file(environment(), f) for f in planned})
    current = multiapi_snapshot([api_snapshot(v.api) for v in versions])
    files.update(_history_of(current, options, previous))
    first = specs[0]
    read = {spec.parent / name for spec, api in apis for name in api.source_files}
    sources = sorted({_relative(path, first.parent) for path in read})
    files[MANIFEST] = manifest(first, sources, options.as_json(*specs), files)
    stats = _stats(latest, warnings)
    stats["operations"] = sum(_stats(v.api, [])["operations"] for v in versions)
    return Built(dict(sorted(files.items())), tuple(warnings), latest.api_version, stats)


def _load_versions(
    specs: Sequence[Path], options: BuildOptions, warnings: list[Diagnostic]
) -> list[tuple[Path, ir.Api]]:
    """Each spec's API, oldest api-version first, all with the newest one's client name."""
    found: list[Diagnostic] = []
    apis = _load_each(specs, options, found)
    name = apis[-1][1].client_name
    if options.client_name is None and any(api.client_name != name for _, api in apis):
        found = []
        apis = _load_each(specs, dataclasses.replace(options, client_name=name), found)
    warnings.extend(found)
    seen: dict[str, Path] = {}
    for spec, api in apis:
        other = seen.setdefault(subpackage_name(api.api_version), spec)
        if other != spec:
            raise SpecError(
                str(spec),
                "/info/version",
                f"api-version {printable(repr(api.api_version))} is also that of {other} (or "
                "names the same subpackage): a multi-API package takes one spec per api-version",
            )
    return apis


def _load_each(
    specs: Sequence[Path], options: BuildOptions, warnings: list[Diagnostic]
) -> list[tuple[Path, ir.Api]]:
    loaded = [
        (
            spec,
            load_api(
                spec,
                client_name=options.client_name,
                warnings=warnings,
                ref_roots=options.ref_roots,
                azure=options.azure,
                azure_compat=options.azure_compat,
            ),
        )
        for spec in specs
    ]
    return sorted(
        _selected(loaded, options.selection, warnings),
        key=lambda found: version_key(found[1].api_version),
    )


def _selected(
    loaded: list[tuple[Path, ir.Api]], selection: Selection, warnings: list[Diagnostic]
) -> list[tuple[Path, ir.Api]]:
    """The selection applied to every api-version: a pattern must match in one of them, and an
    api-version with none of the selected operations is left out."""
    if not selection:
        return loaded
    every = [op for _, api in loaded for group in api.groups for op in group.operations]
    check_patterns(every, selection, ", ".join(spec.name for spec, _ in loaded), warnings)
    kept: list[tuple[Path, ir.Api]] = []
    for spec, api in loaded:
        if not selects_any(api, selection):
            message = f"api-version {api.api_version} has none of the selected operations: left out"
            warnings.append(Diagnostic(Severity.WARNING, str(spec), "", message))
            continue
        chosen = select_operations(api, selection, spec.name, warnings, patterns_checked=True)
        kept.append((spec, chosen))
    if not kept:
        raise SpecError(str(loaded[0][0]), "", "the operation selection leaves no operation")
    return kept


def _relative(path: Path, start: Path) -> str:
    return Path(os.path.relpath(path, start)).as_posix()


def _prefixed(prefix: str, planned: list[OutputFile]) -> list[OutputFile]:
    if not prefix:
        return planned
    return [OutputFile(prefix + f.path, f.template, f.context, f.copy_from) for f in planned]


def _history(api: ir.Api, options: BuildOptions, previous: Path | None) -> dict[str, bytes]:
    return _history_of(api_snapshot(api), options, previous)


def _history_of(
    current: Snapshot, options: BuildOptions, previous: Path | None
) -> dict[str, bytes]:
    """The API snapshot, and the changelog written from the previous one."""
    snapshot_path = options.code_dir + SNAPSHOT
    old_snapshot, old_text = _previous(previous, snapshot_path)
    changelog = update_changelog(current, old_snapshot, old_text)
    return {snapshot_path: dumps(current), CHANGELOG: changelog.encode()}


def _previous(previous: Path | None, snapshot_path: str) -> tuple[Snapshot | None, str | None]:
    if previous is None:
        return None, None
    old_snapshot: Snapshot | None
    try:
        old_snapshot = loads((previous / snapshot_path).read_bytes(), snapshot_path)
    except (OSError, ValueError):
        old_snapshot = None  # no usable snapshot: the changelog starts afresh
    old_text: str | None
    try:
        old_text = (previous / CHANGELOG).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        old_text = None
    return old_snapshot, old_text
