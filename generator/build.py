"""The recipe: spec -> intermediate model -> planned files -> rendered -> formatted sources."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.diagnostics import Diagnostic
from generator.format import format_sources
from generator.loader import load_api
from generator.plan import Options, plan_package
from generator.render import environment, render_file


@dataclass(frozen=True)
class Built:
    files: dict[str, bytes]  # path relative to the package directory -> content
    warnings: tuple[Diagnostic, ...]


def build_package(spec: Path, package_name: str, client_name: str | None = None) -> Built:
    warnings: list[Diagnostic] = []
    api = load_api(spec, client_name=client_name, warnings=warnings)
    planned = plan_package(api, Options(package_name, __version__))
    env = environment()
    rendered = {f.path: render_file(env, f) for f in planned}
    return Built(format_sources(rendered), tuple(warnings))
