"""The recipe: spec -> intermediate model -> selected operations -> planned files -> rendered ->
formatted sources, plus the API snapshot, the changelog and the manifest that `generate` skips by.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator import __version__, ir
from generator.api.changelog import update_changelog
from generator.api.snapshot import FILE_NAME as SNAPSHOT
from generator.api.snapshot import Snapshot, api_snapshot, dumps, loads
from generator.cache import MANIFEST, manifest
from generator.config import BuildOptions, ClientConfig, Selection
from generator.diagnostics import SKIPPED_OPERATION, Diagnostic
from generator.loader import load_api
from generator.plan import Options, OutputFile, plan_package
from generator.plan.dist import plan_distribution
from generator.plan.validation import unchecked_patterns
from generator.render.format import format_sources
from generator.render.jinja import environment, render_file
from generator.runtime.patterns import translate
from generator.select import select_operations

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
    )
    api = select_operations(api, options.selection, spec.name, warnings)
    warnings.extend(unchecked_patterns(api, translate))
    # The formatter runs in its own processes: the first half of the package is formatted while
    # the second is rendered, and the snapshot and changelog are made meanwhile.
    with ThreadPoolExecutor(max_workers=FORMAT_BATCHES) as formatter:
        formatting = [
            formatter.submit(format_sources, batch, consume=True)
            for batch in _rendered(api, options)
        ]
        history = _history(api, options, previous)
        files = {path: text for batch in formatting for path, text in batch.result().items()}
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
    planned = _prefixed(options.code_dir, plan_package(api, Options(package, __version__)))
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
    return build(client.spec, client.options, previous)


def _prefixed(prefix: str, planned: list[OutputFile]) -> list[OutputFile]:
    if not prefix:
        return planned
    return [OutputFile(prefix + f.path, f.template, f.context, f.copy_from) for f in planned]


def _history(api: ir.Api, options: BuildOptions, previous: Path | None) -> dict[str, bytes]:
    """The API snapshot, and the changelog written from the previous one."""
    current = api_snapshot(api)
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
