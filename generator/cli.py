"""The command line: `generate`, `check` and `ir`.

Exit 2 on bad input, 1 when `check` finds drift.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import ir
from generator.build import build_package
from generator.config import ClientConfig, load_config
from generator.diagnostics import Diagnostic, SpecError
from generator.loader import load_api
from generator.write import diff_tree, write_tree


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
    generate.add_argument("spec", nargs="?", type=Path)
    generate.add_argument(
        "--out", type=Path, help="directory the package directory is written into"
    )
    generate.add_argument("--package-name")
    generate.add_argument("--client-name")
    commands.add_parser("check", help="exit 1 with a diff when generated code is stale")
    dump = commands.add_parser("ir", help="print the intermediate model of a spec as JSON")
    dump.add_argument("spec", type=Path)
    dump.add_argument("--no-sources", action="store_true", help="leave out source locations")
    return parser


def _print_warnings(warnings: Sequence[Diagnostic]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def _clients(args: argparse.Namespace) -> list[ClientConfig]:
    if args.command == "generate" and args.spec is not None:
        if not args.package_name:
            raise SystemExit("sdkforge generate SPEC needs --package-name")
        return [
            ClientConfig(
                args.spec, args.package_name, args.out or Path("generated"), args.client_name
            )
        ]
    return load_config(args.config)


def _generate(clients: list[ClientConfig]) -> int:
    built = [
        (client, build_package(client.spec, client.package, client.client_name))
        for client in clients
    ]
    for client, result in built:
        _print_warnings(result.warnings)
        write_tree(client.package_dir, result.files)
        print(f"generated {client.package_dir}")
    return 0


def _check(clients: list[ClientConfig]) -> int:
    stale = 0
    for client in clients:
        result = build_package(client.spec, client.package, client.client_name)
        diff = diff_tree(client.package_dir, result.files)
        if diff:
            stale += 1
            sys.stdout.write(diff)
            print(
                f"{client.package_dir} is stale: run `python -m generator generate`",
                file=sys.stderr,
            )
    return 1 if stale else 0


def _ir(args: argparse.Namespace) -> int:
    warnings: list[Diagnostic] = []
    api = load_api(args.spec, warnings=warnings)
    _print_warnings(warnings)
    print(ir.to_json(api, with_sources=not args.no_sources))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "ir":
            return _ir(args)
        clients = _clients(args)
        return _check(clients) if args.command == "check" else _generate(clients)
    except SpecError as exc:
        print(f"error: {exc.diagnostic}", file=sys.stderr)
        return 2
