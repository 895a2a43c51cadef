"""Format generated sources with ruff, in one batch, with settings that do not depend on where."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

RUFF_SETTINGS = ("--isolated", "--line-length", "100", "--target-version", "py311")


def formatter_version() -> str:
    """The formatter that shapes the output, as recorded in `_sdkforge.json` ("ruff 0.8.6").

    Read from the installed distribution, so asking costs no subprocess (a no-op `generate` asks).
    """
    from importlib import metadata

    try:
        return f"ruff {metadata.version('ruff')}"
    except metadata.PackageNotFoundError:
        return "ruff (version unknown)"


def format_sources(files: dict[str, bytes], *, consume: bool = False) -> dict[str, bytes]:
    """Return `files` (relative path -> content) with every .py file formatted by `ruff format`.

    `consume`: the .py files are taken out of `files` once written for the formatter, so that a
    large package is not held in memory twice.
    """
    with tempfile.TemporaryDirectory(prefix="sdkforge-format-", dir=_scratch_dir()) as tmp:
        root = Path(tmp)
        order = list(files)
        python_files = [path for path in order if path.endswith(".py")]
        for path in python_files:
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files.pop(path) if consume else files[path])
        if python_files:
            # Sorting imports first, then formatting, gives one canonical text for any template.
            _sort_imports(root, python_files)
            _ruff("format", str(root))
        return {
            path: (root / path).read_bytes() if path.endswith(".py") else files[path]
            for path in order
        }


def _sort_imports(root: Path, files: list[str]) -> None:
    """Sort the imports of the files written under `root` with ruff's isort rules.

    Most generated modules differ only below their imports, and many share the same import block:
    each distinct block is sorted once, as a small file in the same folder (so ruff classifies the
    imports as it would in the module), and spliced back. A module with an import further down is
    sorted whole.
    """
    whole: list[str] = []
    # (folder, head) -> [(path, where the rest of the module starts)]; the rest is read back from
    # the written file, so that the whole package is not held twice in memory.
    heads: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for path in files:
        text = (root / path).read_bytes().decode("utf-8")
        split = _split_imports(text)
        if split is None:
            whole.append(str(root / path))
        else:
            head, rest = split
            folder = path.rpartition("/")[0]
            heads.setdefault((folder, head), []).append((path, len(text) - len(rest)))
    scratch: list[Path] = []
    for index, (folder, head) in enumerate(heads):
        scratch.append(root / folder / f"{_HEAD_FILE}{index}.py")
        scratch[-1].write_text(head, encoding="utf-8")
    _ruff("check", "--fix", "--select", "I", "--exit-zero", *whole, *map(str, scratch))
    for users, file in zip(heads.values(), scratch, strict=True):
        sorted_head = file.read_text(encoding="utf-8")
        file.unlink()
        for path, start in users:
            rest = (root / path).read_bytes().decode("utf-8")[start:]  # exactly as written
            (root / path).write_text(_join_imports(sorted_head, rest), encoding="utf-8")


_HEAD_FILE = "_sdkforge_imports_"
# What the split leaves after the imports stands in for the rest of the module while they are
# sorted: the blank lines after imports depend on whether a class or function comes next.
_NEXT_DEF = "class _SdkforgeNext:\n    pass\n"
_NEXT_OTHER = "_sdkforge_next = 0\n"
_IMPORT_LINE = re.compile(r"(?:import |from \S+ import |if TYPE_CHECKING:|\)|\s)")
_ANY_IMPORT = re.compile(r"^[ \t]*(?:import |from \S+ import )", re.MULTILINE)


def _split_imports(text: str) -> tuple[str, str] | None:
    """(head, rest): the module's opening comments, docstring and import statements, then a
    stand-in for what follows; None when an import appears below them (or nothing follows)."""
    lines = text.splitlines(keepends=True)
    end = _head_end(lines)
    while end > 0 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
        end -= 1
    blank = 0
    while end + blank < len(lines) and not lines[end + blank].strip():
        blank += 1
    rest = "".join(lines[end + blank :])
    if not rest or rest.startswith(("#", " ", "\t")):
        return None
    if "import " in rest and _ANY_IMPORT.search(rest):  # the plain search rules most out quickly
        return None
    is_def = rest.startswith(("class ", "def ", "async def ", "@"))
    stand_in = _NEXT_DEF if is_def else _NEXT_OTHER
    return "".join(lines[:end]) + "\n" * blank + stand_in, rest


def _head_end(lines: list[str]) -> int:
    """The number of opening lines that are comments, blank, the docstring or imports."""
    index = 0
    docstring_allowed = True
    while index < len(lines):
        line = lines[index]
        if docstring_allowed and line.startswith('"""'):
            docstring_allowed = False
            closed = line.rstrip().endswith('"""') and len(line.strip()) >= 6
            while not closed:
                index += 1
                if index >= len(lines):
                    return 0
                closed = lines[index].rstrip().endswith('"""')
            index += 1
            continue
        if line.startswith("#") or not line.strip():
            index += 1
            continue
        if not _IMPORT_LINE.match(line):
            return index
        docstring_allowed = False
        index += 1
    return index


def _join_imports(sorted_head: str, rest: str) -> str:
    for stand_in in (_NEXT_DEF, _NEXT_OTHER):
        if sorted_head.endswith(stand_in):
            return sorted_head[: -len(stand_in)] + rest
    raise AssertionError("the stand-in after the imports was moved")


def _scratch_dir() -> str | None:
    """A memory-backed directory when the system has one: ruff only needs the files for a moment,
    and writing and deleting a thousand small files on a slow disk costs seconds."""
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def _ruff(*args: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "ruff", *args[:1], "--quiet", *RUFF_SETTINGS, *args[1:]],
        check=True,
        capture_output=True,
    )
