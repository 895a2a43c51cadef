"""Where the generator's own files are; a module without imports, cheap for a no-op `generate`."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

# Installed from a wheel the templates are the `generator.templates` package; in a checkout they
# are the top-level templates/ folder.
TEMPLATE_DIR = _HERE / "templates" if (_HERE / "templates").is_dir() else _HERE.parent / "templates"
RUNTIME_DIR = _HERE / "runtime"
GENERATOR_DIR = _HERE
