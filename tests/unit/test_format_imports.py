"""Import blocks sorted once per distinct block give the same text as ruff sorting each module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.render.format import RUFF_SETTINGS, _split_imports, format_sources

HEADER = (
    '# Code generated.\n\n"""A module.\n\nTwo lines."""\n\nfrom __future__ import annotations\n\n'
)

MODULES = {
    # The same unsorted block in two modules of one folder, a class next.
    "pkg/models/_a.py": HEADER + "import httpx\nfrom typing import Any\nfrom .. import models\n"
    "import dataclasses\n\nclass A:\n    x: Any = None\n",
    "pkg/models/_b.py": HEADER + "import httpx\nfrom typing import Any\nfrom .. import models\n"
    "import dataclasses\n\nclass B:\n    y: Any = None\n",
    # A statement (not a definition) after the imports, one blank line.
    "pkg/_c.py": HEADER + "from typing import TypeVar, Any\nimport os\n_R = TypeVar('_R')\n",
    # Typing-only imports in a block, a parenthesized import.
    "pkg/_d.py": HEADER + "from typing import TYPE_CHECKING\nfrom ._c import (\n    _R,\n)\n"
    "if TYPE_CHECKING:\n    from .models._b import B\n    from .models._a import A\n\n\n"
    "def f() -> None:\n    pass\n",
    # An import further down: sorted whole.
    "pkg/__init__.py": HEADER + "import sys\nimport os\n\n\ndef g() -> None:\n"
    "    import json, ast\n    print(json, ast, os, sys)\n",
    # A comment after the imports.
    "pkg/_e.py": "import sys\nimport os\n# a comment\nX = (os, sys)\n",
    "pkg/_f.py": "X = 1\n",
    "pkg/_g.py": "",
}


def _sorted_whole(tmp_path: Path) -> dict[str, bytes]:
    for path, text in MODULES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    for args in (["check", "--fix", "--select", "I", "--exit-zero"], ["format"]):
        subprocess.run(
            [
                sys.executable,
                "-m",
                "ruff",
                *args[:1],
                "--quiet",
                *RUFF_SETTINGS,
                *args[1:],
                str(tmp_path),
            ],
            check=True,
            capture_output=True,
        )
    return {path: (tmp_path / path).read_bytes() for path in MODULES}


def test_block_by_block_equals_module_by_module(tmp_path: Path) -> None:
    files = {path: text.encode() for path, text in MODULES.items()}
    files["pkg/README.md"] = b"not python"
    formatted = format_sources(files)
    assert formatted.pop("pkg/README.md") == b"not python"
    assert formatted == _sorted_whole(tmp_path)
    assert (
        b"import dataclasses\nfrom typing import Any\n\nimport httpx\n"
        in formatted["pkg/models/_a.py"]
    )


def test_split_leaves_modules_with_later_imports_whole() -> None:
    assert _split_imports(MODULES["pkg/__init__.py"]) is None
    assert _split_imports(MODULES["pkg/_e.py"]) is None
    head, rest = _split_imports(MODULES["pkg/_d.py"]) or ("", "")
    assert head.startswith(HEADER) and "if TYPE_CHECKING:" in head
    assert rest == "def f() -> None:\n    pass\n"
