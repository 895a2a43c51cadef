"""What the loader accepts from spec files: bounded reads, bounded YAML, printable text.

Specs are untrusted. A file is read only when it is a regular file of at most `MAX_FILE_BYTES`
(never a device, FIFO or socket), only from the folders a spec may refer to (`RefRoots`), and its
values must be plain JSON: finite numbers, text without lone surrogates. YAML anchors may repeat
nodes, but only within a budget, so a few hundred bytes cannot stand for billions of nodes.
"""

from __future__ import annotations

import math
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import pointer_join

MAX_FILE_BYTES = 64 * 1024 * 1024
# What YAML aliases may add to a document beyond what is written: this many nodes or characters,
# or as many as the file writes itself, whichever is larger.
ALIAS_EXTRA_NODES = 10_000
ALIAS_EXTRA_CHARS = 1_000_000
_SHARED_TEXT = 64  # strings this long that occur twice are the same object: an alias

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class FileRefusedError(Exception):
    """A file the loader does not read; the message says why."""


def read_bounded(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES, without blocking on anything else."""
    try:
        before = os.stat(path)
    except OSError as exc:
        raise FileRefusedError(f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    _require_regular(before)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefusedError(f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    try:
        # The file may have been swapped between stat and open: check what was opened.
        _require_regular(os.fstat(fd))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise FileRefusedError(f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    finally:
        os.close(fd)
    _require_small(size)
    return b"".join(chunks)


def _require_regular(info: os.stat_result) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileRefusedError("cannot read file: Is a directory")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefusedError("not a regular file (devices, FIFOs and sockets are not read)")
    _require_small(info.st_size)


def _require_small(size: int) -> None:
    if size > MAX_FILE_BYTES:
        raise FileRefusedError(f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")


# Where `$ref`s may lead


@dataclass(frozen=True)
class RefRoots:
    """The folders whose files a spec may refer to (symbolic links resolved).

    The main spec's folder, the nearest enclosing folder named `specification` (the layout of
    Azure's azure-rest-api-specs, whose `common-types` every service refers to), and the folders
    the user allows explicitly.
    """

    folders: tuple[Path, ...]

    @classmethod
    def for_spec(cls, main: Path, allowed: Iterable[Path] = ()) -> RefRoots:
        real = Path(os.path.realpath(main)).parent
        folders = [real]
        repository = next((p for p in (real, *real.parents) if p.name == "specification"), None)
        if repository is not None:
            folders.append(repository)
        folders.extend(Path(os.path.realpath(p)) for p in allowed)
        return cls(tuple(dict.fromkeys(folders)))

    def allows(self, path: Path) -> bool:
        real = Path(os.path.realpath(path))
        return any(real.is_relative_to(folder) for folder in self.folders)

    def describe(self, display: Callable[[Path], str]) -> str:
        return ", ".join(display(folder) or "." for folder in self.folders)


# Values


def check_json_text(text: str) -> bool:
    """Whether JSON text may hold a lone surrogate (an escaped one); then its values are checked."""
    return _SURROGATE_ESCAPE.search(text) is not None


def first_bad_value(root: object) -> tuple[str, str] | None:
    """The JSON pointer and reason of the first value that is not plain JSON text or number."""
    if all(_bad_scalar(value) is None for value in _scalars(root)):
        return None  # the common case, without building a pointer for every node
    for pointer, value in _located_scalars(root):
        reason = _bad_scalar(value)
        if reason is not None:
            return pointer, reason
    return None


def _scalars(root: object) -> Iterator[object]:
    """Every scalar and key, each shared container once."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            if id(current) not in seen:
                seen.add(id(current))
                yield from current
                stack.extend(current.values())
        elif isinstance(current, list):
            if id(current) not in seen:
                seen.add(id(current))
                stack.extend(current)
        else:
            yield current


def _located_scalars(root: object) -> Iterator[tuple[str, object]]:
    """The same in document order, with the pointer of each (a bad key: its object's pointer)."""
    seen: set[int] = set()
    stack: list[tuple[str, object]] = [("", root)]
    while stack:
        where, current = stack.pop()
        if not isinstance(current, dict | list):
            yield where, current
            continue
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, dict):
            yield from ((where, key) for key in current)
            items = [(pointer_join(where, str(k)), v) for k, v in current.items()]
        else:
            items = [(pointer_join(where, i), v) for i, v in enumerate(current)]
        stack.extend(reversed(items))


def _bad_scalar(value: object) -> str | None:
    if isinstance(value, str):
        if value.isascii() or _SURROGATE.search(value) is None:
            return None
        return "text holds a lone surrogate (an unpaired \\ud800-\\udfff), which is not Unicode"
    if isinstance(value, float) and not math.isfinite(value):
        return f"the number {value} is not finite"
    return None


class AliasBudget:
    """Counts the nodes and characters of a YAML document as written and as aliases expand it."""

    def __init__(self) -> None:
        self.written_nodes = 0
        self.written_chars = 0
        self._long_texts: set[int] = set()

    def scalar(self, value: object) -> tuple[int, int]:
        """The expanded size of a scalar; counted as written unless it is a repeated long text."""
        chars = len(value) if isinstance(value, str) else 0
        if chars >= _SHARED_TEXT:
            if id(value) in self._long_texts:
                return 1, chars
            self._long_texts.add(id(value))
        self.written_nodes += 1
        self.written_chars += chars
        return 1, chars

    def container(self) -> None:
        self.written_nodes += 1

    def exceeded(self, nodes: int, chars: int) -> str | None:
        extra_nodes = nodes - self.written_nodes
        extra_chars = chars - self.written_chars
        if extra_nodes > max(ALIAS_EXTRA_NODES, self.written_nodes):
            written = self.written_nodes
            return f"YAML aliases expand the document to {nodes} nodes ({written} written)"
        if extra_chars > max(ALIAS_EXTRA_CHARS, self.written_chars):
            return f"YAML aliases expand the document to {chars} characters of text"
        return None
