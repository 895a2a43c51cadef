"""Generation writes only the files it owns: others' files stay, are listed, and `--clean` removes
them; modes follow the umask; a failure leaves the folder as it was; `check` ignores others' files.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.render.write import (
    MANIFEST,
    OutputError,
    Written,
    diff_tree,
    file_digests,
    owned_files,
    read_tree,
    write_tree,
)
from tests.buildstep.support import copy_rolling_spec, run, without_summaries, write_project


def package(files: dict[str, str]) -> dict[str, bytes]:
    """A package as `build` returns it: files plus a manifest that lists them."""
    content = {path: text.encode() for path, text in files.items()}
    manifest = {"files": file_digests(content)}
    content[MANIFEST] = json.dumps(manifest, indent=1, sort_keys=True).encode()
    return content


V1 = package({"__init__.py": "v1\n", "models/__init__.py": "m\n", "models/_old.py": "old\n"})
V2 = package({"__init__.py": "v2\n", "models/__init__.py": "m\n", "models/_new.py": "new\n"})


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_first_generation_writes_every_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "pkg"
    written = write_tree(target, V1)
    assert read_tree(target) == V1
    assert written == Written(changed=tuple(sorted(V1)))
    assert owned_files(target) == set(V1)


def test_regeneration_keeps_files_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    write_tree(target, V1)
    (target / "_patch.py").write_text("custom = 1\n")
    (target / "models" / "_patch.py").write_text("custom = 2\n")
    (target / "NOTES.md").write_text("mine\n")
    (target / "docs").mkdir()
    (target / "docs" / "a.md").write_text("a\n")
    (target / "docs" / "b.md").write_text("b\n")

    written = write_tree(target, V2)

    assert written.removed == ("models/_old.py",)  # written by sdkforge before, no longer generated
    assert written.changed == ("__init__.py", MANIFEST, "models/_new.py")  # not the unchanged
    assert written.customizations == ("_patch.py", "models/_patch.py")
    assert written.foreign == ("NOTES.md", "docs/")
    assert read_tree(target) == {
        **V2,
        "_patch.py": b"custom = 1\n",
        "models/_patch.py": b"custom = 2\n",
        "NOTES.md": b"mine\n",
        "docs/a.md": b"a\n",
        "docs/b.md": b"b\n",
    }
    assert not any(p.name.startswith(".") for p in tmp_path.rglob("*")), "no hidden leftovers"


def test_clean_removes_files_it_did_not_write_but_not_customizations(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    write_tree(target, V1)
    (target / "_patch.py").write_text("custom = 1\n")
    (target / "stray.py").write_text("x = 1\n")
    (target / "docs").mkdir()
    (target / "docs" / "a.md").write_text("a\n")

    written = write_tree(target, V2, clean=True)

    assert written.cleaned == ("docs/", "stray.py") and written.foreign == ()
    assert read_tree(target) == {**V2, "_patch.py": b"custom = 1\n"}
    assert not (target / "docs").exists()


def test_folders_left_empty_are_removed_others_stay(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    write_tree(target, package({"a/__init__.py": "", "b/__init__.py": "", "c.py": ""}))
    (target / "b" / "mine.txt").write_text("mine\n")
    (target / "a" / "__pycache__").mkdir()
    (target / "a" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    written = write_tree(target, package({"c.py": ""}))
    assert written.removed == ("a/__init__.py", "b/__init__.py")
    assert written.foreign == ("b/",)
    assert not (target / "a").exists()
    assert (target / "b" / "mine.txt").read_text() == "mine\n"


def test_a_file_it_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    target.mkdir()
    (target / "__init__.py").write_text("hand written\n")
    (target / "keep.txt").write_text("keep\n")
    with pytest.raises(OutputError) as caught:
        write_tree(target, V1)
    assert "__init__.py" in str(caught.value) and "--clean" in str(caught.value)
    assert read_tree(target) == {"__init__.py": b"hand written\n", "keep.txt": b"keep\n"}
    assert sorted(p.name for p in target.iterdir()) == ["__init__.py", "keep.txt"]

    write_tree(target, V1, clean=True)  # asked for: replaced
    assert (target / "__init__.py").read_bytes() == V1["__init__.py"]


def test_an_identical_file_without_a_manifest_is_adopted(tmp_path: Path) -> None:
    """What an interrupted generation leaves: files with the content sdkforge writes."""
    target = tmp_path / "pkg"
    target.mkdir()
    (target / "__init__.py").write_bytes(V1["__init__.py"])
    assert write_tree(target, V1).foreign == ()
    assert owned_files(target) == set(V1)


def test_a_plain_file_at_the_package_path_is_an_error_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    target.write_text("not a folder\n")
    with pytest.raises(OutputError, match="is a file, not a package folder"):
        write_tree(target, V1)
    assert target.read_text() == "not a folder\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pkg"]


def test_the_cli_reports_a_plain_file_at_the_package_path(tmp_path: Path) -> None:
    spec = copy_rolling_spec(tmp_path)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "pkg").write_text("mine\n")
    code, _, err = run(
        "generate", str(spec), "--out", str(tmp_path / "out"), "--package-name", "pkg"
    )
    assert code == 2
    assert err.strip().splitlines() == [
        f"{tmp_path / 'out' / 'pkg'}: error: is a file, not a package folder: "
        "move it away and generate again"
    ]
    assert (tmp_path / "out" / "pkg").read_text() == "mine\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["pkg"]


@pytest.mark.usefixtures("umask_022")
def test_modes_follow_the_umask(tmp_path: Path) -> None:
    for mask, folder_mode, file_mode in ((0o022, 0o755, 0o644), (0o002, 0o775, 0o664)):
        os.umask(mask)
        target = tmp_path / f"pkg{mask:o}"
        write_tree(target, V1)
        assert stat.S_IMODE(target.stat().st_mode) == folder_mode
        assert stat.S_IMODE((target / "models").stat().st_mode) == folder_mode
        assert stat.S_IMODE((target / "models" / "_old.py").stat().st_mode) == file_mode
        assert stat.S_IMODE((target / MANIFEST).stat().st_mode) == file_mode


def test_a_regenerated_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    write_tree(target, V1)
    (target / "__init__.py").chmod(0o600)
    write_tree(target, V2)
    assert (target / "__init__.py").read_bytes() == V2["__init__.py"]
    assert stat.S_IMODE((target / "__init__.py").stat().st_mode) == 0o600


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_failed_write_changes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    write_tree(target, V1)
    before = read_tree(target)
    locked = target / "models"
    locked.chmod(0o555)  # the new models/_new.py cannot be created
    try:
        with pytest.raises(OutputError, match="cannot be written"):
            write_tree(target, V2)
    finally:
        locked.chmod(0o755)
    assert read_tree(target) == before
    assert sorted(p.name for p in target.iterdir()) == sorted(
        {"__init__.py", "models", MANIFEST}
    ), "no staging folder left behind"


def test_a_failed_write_changes_nothing_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pkg"
    write_tree(target, V1)
    before = read_tree(target)
    real_write = Path.write_bytes
    calls: list[Path] = []

    def disk_full(self: Path, data: bytes) -> int:
        calls.append(self)
        if len(calls) == 4:  # new/x.py, after its folder was made
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(Path, "write_bytes", disk_full)
    wider = package({**{k: v.decode() for k, v in V2.items() if k != MANIFEST}, "new/x.py": ""})
    with pytest.raises(OutputError, match="No space left on device"):
        write_tree(target, wider)
    monkeypatch.undo()
    assert len(calls) == 4
    assert read_tree(target) == before
    assert sorted(p.name for p in target.iterdir()) == sorted({"__init__.py", "models", MANIFEST})


def test_a_manifest_of_the_earlier_format_owns_an_unedited_tree(tmp_path: Path) -> None:
    """sdkforge 0.1 recorded one hash of all outputs: an unchanged tree is entirely its own."""
    import hashlib

    target = tmp_path / "pkg"
    target.mkdir()
    (target / "_gone.py").write_text("old module\n")
    digest = hashlib.sha256()
    content_hash = hashlib.sha256(b"old module\n").hexdigest()
    digest.update(f"_gone.py\0{content_hash}\0".encode())
    (target / MANIFEST).write_text(json.dumps({"outputs": digest.hexdigest()}))
    assert write_tree(target, V1).removed == ("_gone.py",)

    other = tmp_path / "edited"
    other.mkdir()
    (other / "_gone.py").write_text("old module\n")
    (other / "_patch.py").write_text("added later\n")  # the tree no longer has the hash
    (other / MANIFEST).write_text(json.dumps({"outputs": digest.hexdigest()}))
    written = write_tree(other, V1)
    assert written.removed == () and written.foreign == ("_gone.py",)
    assert written.customizations == ("_patch.py",)


def test_diff_ignores_files_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "pkg"
    write_tree(target, V1)
    (target / "_patch.py").write_text("custom\n")
    (target / "extra.txt").write_text("x\n")
    assert diff_tree(target, V1) == ""
    (target / "__init__.py").write_text("edited\n")
    assert "+v1" in diff_tree(target, V1)
    assert "models/_old.py" in diff_tree(target, V2)  # an owned file that would be removed


@pytest.fixture
def project(tmp_path: Path) -> Path:
    spec = copy_rolling_spec(tmp_path)
    return write_project(
        tmp_path, [{"spec": str(spec.relative_to(tmp_path)), "package": "rolling", "output": "out"}]
    )


def test_cli_keeps_lists_and_cleans(project: Path) -> None:
    package_dir = project.parent / "out" / "rolling"
    assert run("--config", str(project), "generate")[0] == 0
    (package_dir / "_patch.py").write_text("__all__: list[str] = []\n")
    (package_dir / "scratch.txt").write_text("notes\n")

    code, out, _ = run("--config", str(project), "generate")
    assert (code, out.strip()) == (0, f"unchanged {package_dir}")  # others' files are not drift
    assert run("--config", str(project), "check")[:2] == (0, "")

    code, out, _ = run("--config", str(project), "generate", "--force")
    out = without_summaries(out)
    assert code == 0
    assert out.splitlines() == [
        f"generated {package_dir} (forced)",
        "  kept customizations: _patch.py",
        "  kept, not written by sdkforge (--clean removes): scratch.txt",
    ]
    assert (package_dir / "scratch.txt").read_text() == "notes\n"

    code, out, _ = run("--config", str(project), "generate", "--clean")
    out = without_summaries(out)
    assert out.splitlines() == [
        f"generated {package_dir} (clean)",
        "  kept customizations: _patch.py",
        "  removed, not written by sdkforge: scratch.txt",
    ]
    assert not (package_dir / "scratch.txt").exists()
    assert (package_dir / "_patch.py").is_file()
