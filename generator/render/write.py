"""Write a package, touching only the files sdkforge owns; or compare it with what is on disk.

A package directory is shared: sdkforge writes the generated files, users may keep their own next
to them (`_patch.py` customizations, notes, tests). The manifest (`_sdkforge.json`) lists the files
the last generation wrote, and only those are sdkforge's: `write_tree` replaces them, removes the
ones no longer generated, and leaves every other file alone (it reports them; `clean=True` removes
them, except `_patch.py` customizations). Each file is replaced atomically, files and directories
get the modes the umask gives, and every new file is fully written to a temporary file before the
first one replaces anything, so a failure (a full disk, a conflict) leaves the directory as it was.
"""

from __future__ import annotations

import contextlib
import difflib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import SpecError

MANIFEST = "_sdkforge.json"
CUSTOMIZATION = "_patch.py"  # a user's module next to generated ones: never removed
_CACHE = "__pycache__"
_STAGING = ".sdkforge-new-"


class OutputError(SpecError):
    """The package directory cannot be written without losing a file sdkforge did not write."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(str(path), "", message)


@dataclass(frozen=True)
class Written:
    """What `write_tree` did, as paths relative to the package directory (folders end in "/")."""

    changed: tuple[str, ...] = ()  # written because they were new or different
    removed: tuple[str, ...] = ()  # written by an earlier generation and no longer generated
    foreign: tuple[str, ...] = ()  # not written by sdkforge, left in place
    customizations: tuple[str, ...] = ()  # `_patch.py` files, left in place
    cleaned: tuple[str, ...] = ()  # not written by sdkforge, removed because of clean=True


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digests(files: Mapping[str, bytes]) -> dict[str, str]:
    """What the manifest records of the generated files: content hash per path."""
    return {path: file_digest(files[path]) for path in sorted(files) if path != MANIFEST}


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` (compiled bytecode left out)."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and _CACHE not in path.parts
    }


def owned_files(root: Path) -> set[str]:
    """The files of `root` that sdkforge wrote, as its manifest lists them (and the manifest)."""
    try:
        recorded = json.loads((root / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return set()
    files = recorded.get("files") if isinstance(recorded, dict) else None
    if isinstance(files, dict):
        return {path for path in files if isinstance(path, str)} | {MANIFEST}
    if isinstance(recorded, dict) and isinstance(recorded.get("outputs"), str):
        return _legacy_owned(root, recorded["outputs"])
    return set()


def _legacy_owned(root: Path, outputs: str) -> set[str]:
    """A manifest of sdkforge 0.1 recorded one hash of the whole tree instead of a file list:
    when the tree still has that hash, every file in it was generated."""
    tree = read_tree(root)
    digest = hashlib.sha256()
    for path in sorted(tree):
        if path != MANIFEST:
            digest.update(f"{path}\0{file_digest(tree[path])}\0".encode())
    return set(tree) | {MANIFEST} if digest.hexdigest() == outputs else {MANIFEST}


def write_tree(target: Path, files: Mapping[str, bytes], *, clean: bool = False) -> Written:
    """Make the files sdkforge owns under `target` exactly `files` (the manifest among them).

    Raises OutputError, with nothing changed, when `target` is a file, or when a generated file
    would replace a file or folder sdkforge did not write (unless `clean`).
    """
    check_target(target)
    for leftover in target.glob(f"{_STAGING}*"):  # from a generation that was killed
        shutil.rmtree(leftover, ignore_errors=True)
    owned = owned_files(target)
    on_disk = _files_on_disk(target)
    _refuse_conflicts(target, files, owned, clean=clean)
    changed = [path for path in sorted(files) if _differs(target / path, files[path])]
    with _Staging(target) as staging:
        for path in changed:
            staging.add(path, files[path])
        staging.commit(sorted(changed, key=lambda p: p == MANIFEST))  # the manifest last
    removed = _remove(target, sorted((owned & on_disk) - set(files) - {MANIFEST}))
    foreign, customizations = _not_written(target, on_disk - owned - set(files), files)
    cleaned: list[str] = []
    if clean:
        cleaned, foreign = foreign, []
        _remove(target, cleaned)
    return Written(
        tuple(changed), tuple(removed), tuple(foreign), tuple(customizations), tuple(cleaned)
    )


def check_target(target: Path) -> None:
    """Raises OutputError when `target` cannot be a package folder: it, or the nearest of its
    parents that exists, is a file."""
    for path in (target, *target.parents):
        if path.exists() or path.is_symlink():
            if not path.is_dir():
                what = "a package folder" if path == target else "a folder"
                raise OutputError(path, f"is a file, not {what}: move it away and generate again")
            return


def _files_on_disk(root: Path) -> set[str]:
    if not root.is_dir():
        return set()
    found: set[str] = set()
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != _CACHE)
        base = Path(folder).relative_to(root)
        found.update((base / name).as_posix() for name in names)
    return found


def _refuse_conflicts(
    target: Path, files: Mapping[str, bytes], owned: set[str], *, clean: bool
) -> None:
    """A generated file may replace only a file sdkforge wrote (or one with the same content)."""
    for path in sorted(files):
        destination = target / path
        for parent in reversed(Path(path).parents[:-1]):
            folder = target / parent
            blocked = folder.exists() and not folder.is_dir()
            if blocked and not (clean or parent.as_posix() in owned):
                raise _conflict(folder, "sdkforge needs a folder there")
        if destination.is_dir() and not destination.is_symlink():
            raise _conflict(destination, "sdkforge generates a file there")
        if path in owned or clean or not destination.exists():
            continue
        if _differs(destination, files[path]):
            raise _conflict(destination, "sdkforge generates a file of that name")


def _conflict(path: Path, why: str) -> OutputError:
    return OutputError(
        path,
        f"was not written by sdkforge and {why}; move it away, or pass --clean to replace it",
    )


def _differs(path: Path, content: bytes) -> bool:
    try:
        return path.is_symlink() or path.read_bytes() != content
    except OSError:
        return True


def _not_written(
    target: Path, paths: Iterable[str], files: Mapping[str, bytes]
) -> tuple[list[str], list[str]]:
    """Files sdkforge did not write, a folder holding nothing of sdkforge's named once as a
    whole, and apart from them the customizations (a `_patch.py` of a generated package)."""
    kept_folders = {parent.as_posix() for path in files for parent in Path(path).parents}
    foreign: set[str] = set()
    customizations: list[str] = []
    for path in sorted(paths):
        location = Path(path)
        if location.name == CUSTOMIZATION and (location.parent / "__init__.py").as_posix() in files:
            customizations.append(path)
            continue
        outermost = next(
            (p for p in reversed(location.parents[:-1]) if p.as_posix() not in kept_folders), None
        )
        foreign.add(f"{outermost.as_posix()}/" if outermost is not None else path)
    return sorted(foreign), customizations


def _remove(target: Path, paths: Iterable[str]) -> list[str]:
    """Delete files (and folders given with a trailing "/"), then the folders left empty."""
    removed: list[str] = []
    folders: set[Path] = set()
    for path in paths:
        location = target / path
        if path.endswith("/"):
            shutil.rmtree(location, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                location.unlink()
        removed.append(path)
        folders.update(p for p in location.parents if p.is_relative_to(target) and p != target)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        _remove_if_empty(folder)
    return removed


def _remove_if_empty(folder: Path) -> None:
    try:
        entries = list(folder.iterdir())
    except OSError:
        return
    if any(entry.name != _CACHE for entry in entries):
        return
    for entry in entries:
        shutil.rmtree(entry, ignore_errors=True)
    with contextlib.suppress(OSError):
        folder.rmdir()


class _Staging:
    """New contents written to temporary files in one hidden folder of the package, then moved
    into place one by one (`os.replace`, atomic per file).

    Until `commit`, nothing the package had is changed; on an error the temporary files, and the
    folders made for them, are removed again.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.made: list[Path] = []
        self.file_mode = 0o666 & ~_umask()
        self.staged: dict[str, Path] = {}
        self.folder: Path | None = None

    def __enter__(self) -> _Staging:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
        if kind is not None:
            for folder in reversed(self.made):
                with contextlib.suppress(OSError):
                    folder.rmdir()

    def add(self, path: str, content: bytes) -> None:
        destination = self.target / path
        try:
            if self.folder is None:
                self._make_folders(self.target)
                self.folder = Path(tempfile.mkdtemp(prefix=_STAGING, dir=self.target))
            self._make_folders(destination.parent)
            staged = self.folder / str(len(self.staged))
            staged.write_bytes(content)
            staged.chmod(self._mode(destination))
            self.staged[path] = staged
        except OSError as exc:
            raise OutputError(destination, f"cannot be written: {exc.strerror or exc}") from None

    def _make_folders(self, folder: Path) -> None:
        """Make the missing folders up to `folder`, unless a file is in the way (that one is
        replaced at commit time)."""
        for parent in reversed((folder, *folder.parents)):
            if parent.is_dir():
                continue
            if parent.exists() or parent.is_symlink():
                return
            parent.mkdir()  # the umask decides the mode
            self.made.append(parent)

    def _mode(self, destination: Path) -> int:
        if destination.is_file() and not destination.is_symlink():
            return destination.stat().st_mode & 0o7777  # a regenerated file keeps its mode
        return self.file_mode

    def commit(self, paths: Iterable[str]) -> None:
        for path in paths:
            destination = self.target / path
            for parent in reversed(destination.relative_to(self.target).parents[:-1]):
                folder = self.target / parent
                if not folder.is_dir():
                    folder.unlink(missing_ok=True)  # allowed by _refuse_conflicts
                    folder.mkdir()
            if destination.is_symlink():
                destination.unlink()
            os.replace(self.staged[path], destination)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def diff_tree(root: Path, files: Mapping[str, bytes]) -> str:
    """A unified diff from the files sdkforge owns under `root` to `files`; "" when they are the
    same. Files it did not write are not compared."""
    owned = owned_files(root) & _files_on_disk(root)
    chunks: list[str] = []
    for path in sorted(owned | set(files)):
        old, new = _read(root / path), files.get(path)
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


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _lines(content: bytes | None) -> list[str]:
    if content is None:
        return []
    return content.decode("utf-8", errors="replace").splitlines(keepends=True)
