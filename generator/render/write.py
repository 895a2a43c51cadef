"""Write a package atomically, or compare it with what is on disk (`check`)."""

from __future__ import annotations

import difflib
import os
import shutil
import tempfile
from pathlib import Path


def write_tree(target: Path, files: dict[str, bytes]) -> None:
    """Replace `target` with exactly `files`; on any failure the old tree stays as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
    try:
        for path, content in sorted(files.items()):
            destination = staging / path
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(content)
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_tree(root: Path) -> dict[str, bytes]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def diff_tree(root: Path, files: dict[str, bytes]) -> str:
    """A unified diff from what is on disk under `root` to `files`; "" when they are the same."""
    current = read_tree(root)
    chunks: list[str] = []
    for path in sorted(set(current) | set(files)):
        old, new = current.get(path), files.get(path)
        if old == new:
            continue
        chunks.extend(
            difflib.unified_diff(
                _lines(old),
                _lines(new),
                fromfile=f"a/{root.as_posix()}/{path}" if old is not None else "/dev/null",
                tofile=f"b/{root.as_posix()}/{path}" if new is not None else "/dev/null",
            )
        )
    return "".join(chunks)


def _lines(content: bytes | None) -> list[str]:
    if content is None:
        return []
    return content.decode("utf-8", errors="replace").splitlines(keepends=True)
