"""Render, format, write: planned files through Jinja2 (`jinja`), ruff (`format`), then to disk or
to a diff (`write`). The package itself imports nothing, so reading a tree does not load Jinja2."""
