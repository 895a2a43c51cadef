"""The README's Python examples pass `mypy --strict` against the packages they use.

The snippets are read from README.md by their ```python fences, so the examples cannot drift from
what the generated code accepts. Snippets under one `## ` heading form one module, in order (a
later one uses the client an earlier one made). A snippet whose first line is a comment naming a
file of a package (`# compute_rolling_upgrades/models/_patch.py`) is written there instead.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from generator.build import build_package
from generator.render.write import write_tree
from tests.support.paths import GENERATED, ROOT

README = ROOT / "README.md"
PET_STORE = ROOT / "docs" / "examples" / "pet-store.json"

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)```python[ \t]*\n(?P<body>.*?)^(?P=indent)```", re.M | re.S
)
_HEADING = re.compile(r"^## (.+)$", re.M)
_PACKAGE_FILE = re.compile(r"^# ([\w/]+\.py)\s*$")

# What the first example imports from azure-identity, which the tests do not install: the shape
# azure-identity's stubs give it.
_AZURE_IDENTITY_STUB = """\
from typing import Any, NamedTuple

class AccessToken(NamedTuple):
    token: str
    expires_on: int

class DefaultAzureCredential:
    def __init__(self, **kwargs: Any) -> None: ...
    def get_token(self, *scopes: str, **kwargs: Any) -> AccessToken: ...
"""


@dataclass
class Snippets:
    by_section: dict[str, list[str]] = field(default_factory=dict)
    package_files: dict[str, str] = field(default_factory=dict)


def readme_snippets(text: str) -> Snippets:
    headings = [(m.start(), m.group(1)) for m in _HEADING.finditer(text)]
    found = Snippets()
    for match in _FENCE.finditer(text):
        code = textwrap.dedent(match.group("body"))
        first = code.splitlines()[0] if code.strip() else ""
        target = _PACKAGE_FILE.match(first)
        if target:
            found.package_files[target.group(1)] = code
            continue
        section = next((h for start, h in reversed(headings) if start < match.start()), "top")
        found.by_section.setdefault(section, []).append(code)
    return found


def test_the_readme_has_the_snippets_this_test_expects() -> None:
    snippets = readme_snippets(README.read_text(encoding="utf-8"))
    assert "compute_rolling_upgrades/models/_patch.py" in snippets.package_files
    assert len(snippets.by_section) >= 3
    assert sum(len(codes) for codes in snippets.by_section.values()) >= 8
    assert any("model_as(" in code for codes in snippets.by_section.values() for code in codes)


def test_readme_snippets_pass_mypy_strict(tmp_path: Path) -> None:
    snippets = readme_snippets(README.read_text(encoding="utf-8"))
    packages = tmp_path / "packages"
    shutil.copytree(GENERATED / "compute_rolling_upgrades", packages / "compute_rolling_upgrades")
    write_tree(packages / "pet_store", build_package(PET_STORE, "pet_store").files)
    stubs = tmp_path / "stubs" / "azure" / "identity"
    stubs.mkdir(parents=True)
    (stubs.parent / "__init__.pyi").write_text("", encoding="utf-8")
    (stubs / "__init__.pyi").write_text(_AZURE_IDENTITY_STUB, encoding="utf-8")
    checked: list[Path] = []
    for relative, code in snippets.package_files.items():
        path = packages / relative
        path.write_text(code, encoding="utf-8")
        checked.append(path)
    examples = tmp_path / "examples"
    examples.mkdir()
    for number, (section, codes) in enumerate(snippets.by_section.items()):
        path = examples / f"readme_{number}.py"
        path.write_text(f"# {section}\n" + "\n".join(codes), encoding="utf-8")
        checked.append(path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--cache-dir",
            str(tmp_path / "cache"),
            *(str(p) for p in checked),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        cwd=tmp_path,
        env={"MYPYPATH": f"{packages}:{tmp_path / 'stubs'}", "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
