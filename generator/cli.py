"""The command line: `generate`, `check`, `diff`, `ir` and `schema`.

Exit 2 on bad input; 1 when `check` finds drift or `diff` finds a breaking change.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import stale_reason
from generator.config import ClientConfig, Selection, load_config, split_patterns
from generator.diagnostics import Diagnostic, SpecError

if TYPE_CHECKING:
    from generator.api.snapshot import Snapshot

# The loader, planner and Jinja2 are imported only by the commands that use them, so that a
# `generate` with nothing to do stays quick.


def _selection_arguments(parser: argparse.ArgumentParser) -> None:
    for flag, what in (
        ("--include-operations", "operationId globs to generate (default: all)"),
        ("--exclude-operations", "operationId globs to leave out"),
        ("--tags", "generate the operations with these tags (globs)"),
    ):
        parser.add_argument(
            flag,
            action="append",
            default=[],
            metavar="PATTERNS",
            help=f"{what}; repeatable or comma separated",
        )


def _client_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("spec", nargs="?", type=Path, help="default: every configured client")
    parser.add_argument("--out", type=Path, help="directory the package directory is written into")
    parser.add_argument("--package-name")
    parser.add_argument("--client-name")
    _selection_arguments(parser)
    parser.add_argument(
        "--package-mode",
        action="store_true",
        help="write an installable distribution (pyproject.toml, README.md, CHANGELOG.md)",
    )
    parser.add_argument("--package-version", help="the distribution's version (package mode)")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sdkforge", description=__doc__)
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml"),
        help="pyproject.toml with [tool.sdkforge] (default: ./pyproject.toml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser("generate", help="generate one spec, or every configured client")
    _client_arguments(generate)
    generate.add_argument(
        "--force", action="store_true", help="regenerate even when no input changed"
    )
    check = commands.add_parser("check", help="exit 1 with a diff when generated code is stale")
    _client_arguments(check)
    diff = commands.add_parser(
        "diff", help="compare the Python APIs of two specs (or _api_snapshot.json files)"
    )
    diff.add_argument("old", type=Path)
    diff.add_argument("new", type=Path)
    diff.add_argument("--format", choices=("markdown", "json"), default="markdown")
    diff.add_argument("--client-name")
    _selection_arguments(diff)
    dump = commands.add_parser("ir", help="print the intermediate model of a spec as JSON")
    dump.add_argument("spec", type=Path)
    dump.add_argument("--no-sources", action="store_true", help="leave out source locations")
    schema = commands.add_parser(
        "schema", help="print the JSON Schema (2020-12) of every model and enum of a spec"
    )
    schema.add_argument("spec", type=Path, help="the spec file (JSON or YAML)")
    schema.add_argument("--out", type=Path, help="write the schema to this file instead")
    return parser


def _print_warnings(warnings: Sequence[Diagnostic]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _selection(args: argparse.Namespace) -> Selection:
    return Selection(
        include=split_patterns(args.include_operations),
        exclude=split_patterns(args.exclude_operations),
        tags=split_patterns(args.tags),
    )


def _clients(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[ClientConfig]:
    if args.spec is None:
        return load_config(args.config)
    if not args.package_name:
        parser.error(f"sdkforge {args.command} SPEC needs --package-name")
    if not args.package_name.isidentifier():
        parser.error("--package-name must be a Python identifier")
    return [
        ClientConfig(
            args.spec,
            args.package_name,
            args.out or Path("generated"),
            args.client_name,
            _selection(args),
            args.package_mode,
            args.package_version,
        )
    ]


def _stale(
    clients: list[ClientConfig], *, force: bool, echo: Callable[[str], None]
) -> list[tuple[ClientConfig, str]]:
    stale: list[tuple[ClientConfig, str]] = []
    for client in clients:
        options = client.options.as_json(client.spec)
        reason = "forced" if force else stale_reason(client.package_dir, client.spec, options)
        if reason is None:
            echo(f"unchanged {client.package_dir}")
        else:
            stale.append((client, reason))
    return stale


def generate_clients(
    clients: list[ClientConfig], *, force: bool = False, echo: Callable[[str], None] = print
) -> None:
    """Generate every client whose inputs changed (all of them with `force`); raises SpecError."""
    stale = _stale(clients, force=force, echo=echo)
    if not stale:
        return
    from generator.build import build_client
    from generator.render.write import write_tree

    # Everything is built before anything is written: a bad spec leaves every package as it was.
    built = [(c, build_client(c, previous=c.package_dir), reason) for c, reason in stale]
    for client, result, reason in built:
        _print_warnings(result.warnings)
        write_tree(client.package_dir, result.files)
        echo(f"generated {client.package_dir} ({reason})")


def _check(clients: list[ClientConfig]) -> int:
    from generator.build import build_client
    from generator.render.write import diff_tree

    stale = 0
    for client in clients:
        result = build_client(client, previous=client.package_dir)
        diff = diff_tree(client.package_dir, result.files)
        if diff:
            stale += 1
            sys.stdout.write(diff)
            print(
                f"{client.package_dir} is stale: run `python -m generator generate`",
                file=sys.stderr,
            )
    return 1 if stale else 0


def _snapshot_of(path: Path, args: argparse.Namespace) -> Snapshot:
    """The API of a spec file, or the snapshot itself when `path` is an _api_snapshot.json."""
    from generator.api.snapshot import api_snapshot, is_snapshot_text, loads
    from generator.loader import load_api
    from generator.select import select_operations

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SpecError(str(path), "", f"cannot read file: {exc.strerror}") from None
    if is_snapshot_text(data):
        return loads(data, str(path))
    warnings: list[Diagnostic] = []
    api = load_api(path, client_name=args.client_name, warnings=warnings)
    api = select_operations(api, _selection(args), path.name, warnings)
    return api_snapshot(api)


def _diff(args: argparse.Namespace) -> int:
    from generator.api.diff import diff_snapshots, render_json, render_markdown

    report = diff_snapshots(_snapshot_of(args.old, args), _snapshot_of(args.new, args))
    render = render_json if args.format == "json" else render_markdown
    sys.stdout.write(render(report))
    return 1 if report.breaking else 0


def _ir(args: argparse.Namespace) -> int:
    from generator import ir
    from generator.loader import load_api

    warnings: list[Diagnostic] = []
    api = load_api(args.spec, warnings=warnings)
    _print_warnings(warnings)
    print(ir.to_json(api, with_sources=not args.no_sources))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.api.schema import dumps, json_schema
    from generator.loader import load_api

    warnings: list[Diagnostic] = []
    api = load_api(args.spec, warnings=warnings)
    _print_warnings(warnings)
    text = dumps(json_schema(api))
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SpecError(str(args.out), "", f"cannot write the schema: {exc.strerror}") from None
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "ir":
            return _ir(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "diff":
            return _diff(args)
        clients = _clients(args, parser)
        if args.command == "check":
            return _check(clients)
        generate_clients(clients, force=args.force)
        return 0
    except SpecError as exc:
        print(f"error: {exc.diagnostic}", file=sys.stderr)
        return 2
