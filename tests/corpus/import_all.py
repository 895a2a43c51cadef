"""Import every module of a generated package, one by one; print the failures as JSON.

Run as a script in its own interpreter (`python import_all.py ROOT PACKAGE`), so that a package
that hangs or crashes on import cannot take the corpus driver down with it.
"""

from __future__ import annotations

import importlib
import json
import sys
import traceback
from pathlib import Path


def module_names(root: Path, package: str) -> list[str]:
    """Every module of the package, in a stable order (packages before their modules)."""
    names: list[str] = []
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return sorted(names, key=lambda n: (n.count("."), n))


def _failure(name: str, exc: BaseException) -> dict[str, str]:
    last = traceback.extract_tb(exc.__traceback__)[-1:] if exc.__traceback__ else []
    where = f"{Path(last[0].filename).name}:{last[0].lineno}" if last else ""
    return {"module": name, "error": f"{type(exc).__name__}: {exc}", "where": where}


def main(argv: list[str]) -> int:
    root, package = Path(argv[0]), argv[1]
    sys.path.insert(0, str(root))
    names = module_names(root, package)
    failures = []
    for name in names:
        try:
            importlib.import_module(name)
        except BaseException as exc:  # every failure is reported; none stops the walk
            failures.append(_failure(name, exc))
    print(json.dumps({"modules": len(names), "failures": failures}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
