"""`_sdkforge.json`: what a package was generated from, so `generate` can skip unchanged clients.

The manifest records content hashes of every spec file the loader read, the options, the
generator's version, code, templates and runtime, and the generated files themselves. It is
written into the package like any other output, so it is deterministic and `check` compares it
too; `check` never trusts it and always rebuilds. `generate` skips a client only when every
recorded input and every generated file on disk still has the recorded hash, so a hand-edited
file is regenerated as well.
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
from generator.render.write import read_tree

MANIFEST = "_sdkforge.json"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
            result[name] = _sha256((spec.parent / name).read_bytes())
        except OSError:
            result[name] = "missing"
    return result


def output_digest(files: Mapping[str, bytes]) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        if path != MANIFEST:
            digest.update(f"{path}\0{_sha256(files[path])}\0".encode())
    return digest.hexdigest()


def manifest(
    spec: Path, sources: Iterable[str], options: Mapping[str, Any], files: Mapping[str, bytes]
) -> bytes:
    data = {
        "generator": __version__,
        "generator_code": generator_digest(),
        "options": dict(options),
        "sources": source_digests(spec, sources),
        "outputs": output_digest(files),
    }
    return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode()


def stale_reason(package_dir: Path, spec: Path, options: Mapping[str, Any]) -> str | None:
    """Why the package must be regenerated, or None when nothing it was made from changed."""
    try:
        recorded = json.loads((package_dir / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return f"no readable {MANIFEST}"
    if not isinstance(recorded, dict):
        return f"{MANIFEST} is not an object"
    checks = (
        ("generator version", recorded.get("generator"), __version__),
        ("generator code", recorded.get("generator_code"), generator_digest()),
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
    if recorded.get("outputs") != output_digest(read_tree(package_dir)):
        return "generated files differ from what was generated"
    return None
