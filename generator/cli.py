"""The command line: `generate`, `check`, `diff`, `ir`, `schema` and `completion`.

Exit 2 on bad input; 1 when `check` finds drift or `diff` finds a breaking change.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.cache import stale_reason
from generator.config import ClientConfig, Selection, load_config, split_patterns
from generator.diagnostics import Diagnostic, Severity, SpecError, json_printable, printable

if TYPE_CHECKING:
    from generator.api.snapshot import Snapshot
    from generator.build import Built

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
    parser.add_argument(
        "spec",
        nargs="*",
        type=Path,
        help="an OpenAPI/Swagger file (JSON or YAML); several, one per api-version: a multi-API "
        "package; default: every client in [tool.sdkforge]",
    )
    parser.add_argument(
        "--out", type=Path, help="directory the package folder is written into (default: generated)"
    )
    parser.add_argument(
        "--package-name", help="the Python package to write (needed with SPEC), e.g. petstore"
    )
    parser.add_argument(
        "--client-name", help="the client class name (default: from the spec's info.title)"
    )
    _selection_arguments(parser)
    parser.add_argument(
        "--package-mode",
        action="store_true",
        help="write an installable distribution (pyproject.toml, README.md, CHANGELOG.md)",
    )
    parser.add_argument("--package-version", help="the distribution's version (package mode)")
    parser.add_argument(
        "--azure",
        action="store_true",
        help="Azure conventions (one credential, request ids) even without x-ms-* in the spec",
    )
    parser.add_argument(
        "--azure-compat",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="the keywords and errors azure-mgmt callers use (default: on for Azure specs); "
        "see docs/azure-compat.md",
    )
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


def _warning_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--verbose", action="store_true", help="print every warning, not only their summary"
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat warnings as errors (exit 2, nothing written)"
    )


_CONFIG_HELP = "pyproject.toml with [tool.sdkforge] (default: ./pyproject.toml)"


def _config_argument(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """`--config` is taken before or after the command; the later one wins."""
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("pyproject.toml") if top else argparse.SUPPRESS,
        help=_CONFIG_HELP,
    )


def _jobs_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        help="clients built at once, each in its own process (default 0: one per CPU core)",
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sdkforge", description=__doc__)
    parser.add_argument("--version", action="version", version=f"sdkforge {__version__}")
    _config_argument(parser, top=True)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    generate = commands.add_parser("generate", help="generate one spec, or every configured client")
    _client_arguments(generate)
    _config_argument(generate, top=False)
    generate.add_argument(
        "--force", action="store_true", help="regenerate even when no input changed"
    )
    generate.add_argument(
        "--clean",
        action="store_true",
        help="remove files in the package folder that sdkforge did not write (not _patch.py)",
    )
    _warning_arguments(generate)
    _jobs_argument(generate)
    check = commands.add_parser("check", help="exit 1 with a diff when generated code is stale")
    _client_arguments(check)
    _config_argument(check, top=False)
    _jobs_argument(check)
    diff = commands.add_parser(
        "diff", help="compare the Python APIs of two specs (or _api_snapshot.json files)"
    )
    diff.add_argument("old", type=Path, help="the older spec, or its _api_snapshot.json")
    diff.add_argument("new", type=Path, help="the newer spec, or its _api_snapshot.json")
    diff.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="report format"
    )
    diff.add_argument("--client-name", help="the client class name both sides are read with")
    _selection_arguments(diff)
    _ref_root_argument(diff)
    dump = commands.add_parser("ir", help="print the intermediate model of a spec as JSON")
    dump.add_argument("spec", type=Path, help="the spec file (JSON or YAML)")
    _ref_root_argument(dump)
    dump.add_argument("--no-sources", action="store_true", help="leave out source locations")
    schema = commands.add_parser(
        "schema", help="print the JSON Schema (2020-12) of every model and enum of a spec"
    )
    schema.add_argument("spec", type=Path, help="the spec file (JSON or YAML)")
    schema.add_argument("--out", type=Path, help="write the schema to this file instead")
    completion = commands.add_parser(
        "completion", help='print a shell completion script: eval "$(sdkforge completion bash)"'
    )
    completion.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")
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
    if not args.spec:
        clients = load_config(args.config)
        if not clients:
            raise SpecError(
                str(args.config),
                "/tool/sdkforge/clients",
                "no clients configured: add [[tool.sdkforge.clients]] with spec and package, "
                f"or run `sdkforge {args.command} SPEC --package-name NAME`",
            )
        return clients
    if not args.package_name:
        parser.error(f"sdkforge {args.command} SPEC needs --package-name")
    if len(set(args.spec)) != len(args.spec):
        parser.error(f"sdkforge {args.command} names a spec twice")
    return [
        ClientConfig(
            args.spec[0],
            args.package_name,
            args.out or Path("generated"),
            args.client_name,
            _selection(args),
            args.package_mode,
            args.package_version,
            ref_roots=tuple(args.ref_root),
            azure=args.azure,
            azure_compat=args.azure_compat,
            more_specs=tuple(args.spec[1:]),
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
    """Before anything is built: every package directory can be written."""
    from generator.render.write import check_target

    for client in clients:
        check_target(client.package_dir)


def _stale(
    clients: list[ClientConfig], *, force: bool, echo: Callable[[str], None], clean: bool = False
) -> list[tuple[ClientConfig, str]]:
    stale: list[tuple[ClientConfig, str]] = []
    for client in clients:
        options = client.options.as_json(*client.specs)
        reason = "forced" if force else stale_reason(client.package_dir, client.spec, options)
        if reason is None and clean:
            reason = "clean"
        if reason is None:
            echo(f"unchanged {client.package_dir}")
        else:
            stale.append((client, reason))
    return stale


def _build_in_worker(client: ClientConfig) -> Built | Diagnostic:
    from generator.build import build_client

    try:
        return build_client(client, previous=client.package_dir)
    except SpecError as exc:
        return exc.diagnostic  # SpecError itself does not survive the trip between processes


def build_all(clients: list[ClientConfig], jobs: int = 0) -> list[Built]:
    """Each client built, `jobs` at a time in separate processes (0: one per CPU core); raises
    the SpecError of the first client (in order) whose spec is bad."""
    from generator.build import build_client

    workers = min(jobs if jobs > 0 else (os.cpu_count() or 1), len(clients))
    if workers <= 1:
        return [build_client(c, previous=c.package_dir) for c in clients]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        outcomes = list(pool.map(_build_in_worker, clients))
    built: list[Built] = []
    for outcome in outcomes:
        if isinstance(outcome, Diagnostic):
            raise SpecError(outcome.file, outcome.pointer, outcome.message)
        built.append(outcome)
    return built


def generate_clients(
    clients: list[ClientConfig],
    *,
    force: bool = False,
    clean: bool = False,
    echo: Callable[[str], None] = print,
    verbose: bool = False,
    strict: bool = False,
    jobs: int = 0,
) -> None:
    """Generate every client whose inputs changed (all of them with `force`); raises SpecError,
    and with `strict` raises StrictWarningsError when any spec gave a warning.

    Files in a package folder that sdkforge did not write are kept and listed (`clean` removes
    them, except `_patch.py` customizations)."""
    _check_outputs(clients)
    stale = _stale(clients, force=force, echo=echo, clean=clean)
    if not stale:
        return
    from generator.render.write import write_tree

    # Everything is built before anything is written: a bad spec leaves every package as it was.
    results = build_all([c for c, _ in stale], jobs)
    built = [(c, result, reason) for (c, reason), result in zip(stale, results, strict=True)]
    if strict:
        warned = [w for _, result, _ in built for w in result.warnings]
        if warned:
            raise StrictWarningsError(tuple(warned))
    for client, result, reason in built:
        if verbose:
            _print_warnings(result.warnings)
        try:
            written = write_tree(client.package_dir, result.files, clean=clean)
        except OSError as exc:
            reason_text = exc.strerror or type(exc).__name__
            raise SpecError(str(client.package_dir), "", f"cannot write: {reason_text}") from None
        echo(f"generated {client.package_dir} ({reason}): {summary_line(result, verbose=verbose)}")
        for what, paths in (
            ("kept customizations", written.customizations),
            ("kept, not written by sdkforge (--clean removes)", written.foreign),
            ("removed, not written by sdkforge", written.cleaned),
        ):
            if paths:
                echo(f"  {what}: {_listing(paths)}")


def _listing(paths: Sequence[str], shown: int = 8) -> str:
    more = f" and {len(paths) - shown} more" if len(paths) > shown else ""
    return ", ".join(paths[:shown]) + more


class StrictWarningsError(Exception):
    """`--strict` and the specs gave warnings: each is reported as an error."""

    def __init__(self, warnings: tuple[Diagnostic, ...]) -> None:
        self.warnings = warnings
        super().__init__(f"{len(warnings)} warnings")


def summary_line(result: Built, *, verbose: bool = False) -> str:
    """What a package holds and what the spec was warned about, on one line."""
    stats = result.stats
    text = (
        f"{stats.get('operations', 0)} operations"
        f" ({stats.get('skipped', 0)} skipped), {stats.get('models', 0)} models,"
        f" {stats.get('enums', 0)} enums, {len(result.warnings)} warnings"
    )
    kinds = Counter(w.kind or "other" for w in result.warnings)
    if kinds:
        text += " (" + ", ".join(f"{kind}: {n}" for kind, n in sorted(kinds.items())) + ")"
        if not verbose:
            text += "; --verbose lists them"
    return text


def _check(clients: list[ClientConfig], jobs: int = 0) -> int:
    from generator.render.write import diff_tree

    _check_outputs(clients)
    stale = 0
    for client, result in zip(clients, build_all(clients, jobs), strict=True):
        diff = diff_tree(client.package_dir, result.files)
        if diff:
            stale += 1
            sys.stdout.write(diff)
            print(
                f"{client.package_dir} is stale: run `{_regenerate_command(client)}`",
                file=sys.stderr,
            )
            _explain_formatter(client.package_dir)
    return 1 if stale else 0


def _regenerate_command(client: ClientConfig) -> str:
    """The command that brings `client` up to date, as the user would type it."""
    if client.from_config:
        return "sdkforge generate"
    specs = " ".join(shlex.quote(str(spec)) for spec in client.specs)
    return (
        f"sdkforge generate {specs} --out {shlex.quote(str(client.output))}"
        f" --package-name {client.package}"
    )


def _explain_formatter(package_dir: Path) -> None:
    """Say so when the installed formatter differs from the one that wrote the package: the diff
    may then be formatting alone."""
    from generator.cache import recorded_formatter
    from generator.render.format import formatter_version

    recorded, current = recorded_formatter(package_dir), formatter_version()
    if recorded is not None and recorded != current:
        print(
            f"note: {package_dir} was formatted with {recorded}, this run with {current}; "
            "the difference may be formatting only",
            file=sys.stderr,
        )


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
        sys.stdout.write(json_printable(render_json(report)))
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
    print(json_printable(ir.to_json(api, with_sources=not args.no_sources)))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from generator.api.schema import dumps, json_schema
    from generator.loader import load_api

    warnings: list[Diagnostic] = []
    api = load_api(args.spec, warnings=warnings)
    _print_warnings(warnings)
    text = json_printable(dumps(json_schema(api)))
    if args.out is None:
        sys.stdout.write(text)
        return 0
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SpecError(str(args.out), "", f"cannot write the schema: {exc.strerror}") from None
    return 0


def _completion(args: argparse.Namespace) -> int:
    from generator.completion import completion_script

    sys.stdout.write(completion_script(_parser(), args.shell))
    return 0


_SINGLE_FILE_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "ir": _ir,
    "schema": _schema,
    "diff": _diff,
    "completion": _completion,
}


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    command = _SINGLE_FILE_COMMANDS.get(args.command)
    if command is not None:
        return command(args)
    clients = _clients(args, parser)
    if args.command == "check":
        return _check(clients, args.jobs)
    generate_clients(
        clients,
        force=args.force,
        clean=args.clean,
        verbose=args.verbose,
        strict=args.strict,
        jobs=args.jobs,
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _check_names(args, parser)
    try:
        return _run(args, parser)
    except SpecError as exc:
        print(exc.diagnostic, file=sys.stderr)
        return 2
    except StrictWarningsError as exc:
        for warning in exc.warnings:
            print(replace(warning, severity=Severity.ERROR), file=sys.stderr)
        print(
            f"error: {len(exc.warnings)} warnings with --strict; nothing written", file=sys.stderr
        )
        return 2
    except RecursionError:
        print("error: the input is nested too deeply", file=sys.stderr)
        return 2
