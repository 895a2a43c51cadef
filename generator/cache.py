"""`_sdkforge.json`: what a package was generated from, so `generate` can skip unchanged clients.

The manifest records content hashes of every spec file the loader read, the options, the
generator's version, code, templates and runtime, and each generated file with its hash: that
list is also what tells generated files from a user's own (generator.render.write). It is
written into the package like any other output, so it is deterministic and `check` compares it
too; `check` never trusts it and always rebuilds. `generate` skips a client only when every
recorded input and every generated file on disk still has the recorded hash, so a hand-edited
generated file is regenerated as well; files sdkforge did not write do not count.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from generator import __version__
from generator.locations import GENERATOR_DIR, TEMPLATE_DIR
from generator.render.format import formatter_version
from generator.render.write import MANIFEST, file_digest, file_digests

_sha256 = file_digest

__all__ = ["MANIFEST", "generator_digest", "manifest", "source_digests", "stale_reason"]


@functools.cache
def generator_digest() -> str:
    """The generator's modules, templates and runtime, by name and content.

    All of it shapes the output, so a change to any of it (even without a new version number)
    means every client is generated again.
    """
    digest = hashlib.sha256()
    folders = ((GENERATOR_DIR, "**/*.py"), (TEMPLATE_DIR, "*.jinja"))
    for folder, pattern in folders:
        for path in sorted(folder.glob(pattern)):
            digest.update(f"{path.relative_to(folder.parent).as_posix()}\0".encode())
            digest.update(_sha256(path.read_bytes()).encode())
    return digest.hexdigest()


def source_digests(spec: Path, sources: Iterable[str]) -> dict[str, str]:
    """Content hash per spec file (paths relative to the main spec's folder, as the IR has them)."""
    result: dict[str, str] = {}
    for name in sorted(sources):
        try:
            with (spec.parent / name).open("rb") as source:  # in pieces: specs can be large
                result[name] = hashlib.file_digest(source, "sha256").hexdigest()
        except OSError:
            result[name] = "missing"
    return result


def manifest(
    spec: Path, sources: Iterable[str], options: Mapping[str, Any], files: Mapping[str, bytes]
) -> bytes:
    data = {
        "generator": __version__,
        "generator_code": generator_digest(),
        "formatter": formatter_version(),
        "options": dict(options),
        "sources": source_digests(spec, sources),
        "files": file_digests(files),
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()


def stale_reason(package_dir: Path, spec: Path, options: Mapping[str, Any]) -> str | None:
    """Why the package must be regenerated, or None when nothing it was made from changed."""
    try:
        recorded = json.loads((package_dir / MANIFEST).read_bytes())
    except FileNotFoundError:
        return "first generation" if not package_dir.exists() else f"no {MANIFEST}"
    except (OSError, ValueError):
        return f"no readable {MANIFEST}"
    if not isinstance(recorded, dict):
        return f"{MANIFEST} is not an object"
    checks = (
        ("generator version", recorded.get("generator"), __version__),
        ("generator code", recorded.get("generator_code"), generator_digest()),
        ("formatter", recorded.get("formatter"), formatter_version()),
        ("options", recorded.get("options"), json.loads(json.dumps(dict(options)))),
    )
    for what, was, now in checks:
        if was != now:
            return f"{what} changed"
    return _changed_sources(recorded, spec) or _changed_outputs(recorded, package_dir)


def _changed_sources(recorded: Mapping[str, Any], spec: Path) -> str | None:
    sources = recorded.get("sources")
    if not isinstance(sources, dict) or not sources:
        return "no recorded spec files"
    # The set of referenced files can only change when one of the recorded files changes.
    now = source_digests(spec, sources)
    changed = sorted(name for name, digest in sources.items() if now.get(name) != digest)
    return f"spec file changed: {', '.join(changed)}" if changed else None


def _changed_outputs(recorded: Mapping[str, Any], package_dir: Path) -> str | None:
    """Files of other authors in the package folder do not count: only the generated ones."""
    files = recorded.get("files")
    if not isinstance(files, dict):
        return "no recorded generated files"
    for path, digest in files.items():
        try:
            if _sha256((package_dir / path).read_bytes()) != digest:
                return "generated files differ from what was generated"
        except OSError:
            return "generated files differ from what was generated"
    return None


def recorded_formatter(package_dir: Path) -> str | None:
    """The formatter `_sdkforge.json` says the package was written with, if it says."""
    try:
        recorded = json.loads((package_dir / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return None
    value = recorded.get("formatter") if isinstance(recorded, dict) else None
    return value if isinstance(value, str) else None
