"""The command line: `generate`, `check`, `diff` and `ir`.

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
from generator.diagnostics import Diagnostic, SpecError, printable

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
    _ref_root_argument(parser)


def _ref_root_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ref-root",
        action="append",
        default=[],
        type=Path,
        metavar="DIR",
        help="a folder besides the spec's own (and an enclosing `specification` folder) that "
        "its $refs may read; repeatable",
    )


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
    _ref_root_argument(diff)
    dump = commands.add_parser("ir", help="print the intermediate model of a spec as JSON")
    dump.add_argument("spec", type=Path)
    _ref_root_argument(dump)
    dump.add_argument("--no-sources", action="store_true", help="leave out source locations")
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
    return [
        ClientConfig(
            args.spec,
            args.package_name,
            args.out or Path("generated"),
            args.client_name,
            _selection(args),
            args.package_mode,
            args.package_version,
            tuple(args.ref_root),
        )
    ]


def _check_names(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    from generator.naming import client_name_problem, package_name_problem

    checks = [("--client-name", getattr(args, "client_name", None), client_name_problem)]
    checks.append(("--package-name", getattr(args, "package_name", None), package_name_problem))
    for flag, value, problem_of in checks:
        problem = problem_of(value) if value is not None else None
        if problem is not None:
            parser.error(f"{flag} {printable(repr(value))} {problem}")


def _check_outputs(clients: list[ClientConfig]) -> None:
    """Every package directory can be written: nothing on its way is a file."""
    for client in clients:
        for path in (client.package_dir, *client.package_dir.parents):
            if path.exists() or path.is_symlink():
                if not path.is_dir():
                    raise SpecError(str(path), "", "is not a directory; cannot write the package")
                break


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
    _check_outputs(clients)
    stale = _stale(clients, force=force, echo=echo)
    if not stale:
        return
    from generator.build import build_client
    from generator.render.write import write_tree

    # Everything is built before anything is written: a bad spec leaves every package as it was.
    built = [(c, build_client(c, previous=c.package_dir), reason) for c, reason in stale]
    for client, result, reason in built:
        _print_warnings(result.warnings)
        try:
            write_tree(client.package_dir, result.files)
        except OSError as exc:
            reason_text = exc.strerror or type(exc).__name__
            raise SpecError(str(client.package_dir), "", f"cannot write: {reason_text}") from None
        echo(f"generated {client.package_dir} ({reason})")


def _check(clients: list[ClientConfig]) -> int:
    from generator.build import build_client
    from generator.render.write import diff_tree

    _check_outputs(clients)
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
    from generator.loader.limits import FileRefusedError, first_bad_value, read_bounded
    from generator.select import select_operations

    try:
        data = read_bounded(path)
    except FileRefusedError as exc:
        raise SpecError(str(path), "", str(exc)) from None
    if is_snapshot_text(data):
        snapshot = loads(data, str(path))
        bad = first_bad_value(snapshot)
        if bad is not None:
            raise SpecError(str(path), *bad)
        return snapshot
    warnings: list[Diagnostic] = []
    api = load_api(path, client_name=args.client_name, warnings=warnings, ref_roots=args.ref_root)
    api = select_operations(api, _selection(args), path.name, warnings)
    return api_snapshot(api)


def _diff(args: argparse.Namespace) -> int:
    from generator.api.diff import diff_snapshots, render_json, render_markdown

    old, new = _snapshot_of(args.old, args), _snapshot_of(args.new, args)
    try:
        report = diff_snapshots(old, new)
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        # Specs always give well-formed snapshots; a snapshot file edited by hand may not be.
        raise SpecError(
            f"{args.old} / {args.new}", "", f"malformed API snapshot ({type(exc).__name__}: {exc})"
        ) from None
    if args.format == "json":
        sys.stdout.write(render_json(report))
    else:
        # Markdown is read on a terminal: names from the specs must not drive it.
        lines = render_markdown(report).split("\n")
        sys.stdout.write("\n".join(printable(line) for line in lines))
    return 1 if report.breaking else 0


def _ir(args: argparse.Namespace) -> int:
    from generator import ir
    from generator.loader import load_api

    warnings: list[Diagnostic] = []
    api = load_api(args.spec, warnings=warnings, ref_roots=args.ref_root)
    _print_warnings(warnings)
    print(ir.to_json(api, with_sources=not args.no_sources))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _check_names(args, parser)
    try:
        if args.command == "ir":
            return _ir(args)
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
    except RecursionError:
        print("error: the input is nested too deeply", file=sys.stderr)
        return 2
