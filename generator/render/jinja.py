"""Render planned files with Jinja2: strict about undefined values, safe about spec strings."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import jinja2

from generator.locations import TEMPLATE_DIR
from generator.plan import OutputFile

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def pystr(value: object) -> str:
    """A Python literal: repr() of a str always yields a literal that ends where it should."""
    return repr(value)


def _clean(text: object) -> str:
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    # Characters that Python's tokenizer treats as line breaks inside a docstring are fine, but
    # lone surrogates cannot be written as UTF-8 at all.
    return "".join(c for c in text if unicodedata.category(c) != "Cs")


def docstring(text: object, indent: int = 4) -> str:
    """Text that stays inside a triple-quoted docstring, re-indented after the first line."""
    cleaned = _clean(text).strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if cleaned.endswith('"'):
        cleaned = cleaned[:-1] + '\\"'
    lines = [line.rstrip() for line in cleaned.split("\n")]
    pad = " " * indent
    return "\n".join([lines[0], *[(pad + line) if line else "" for line in lines[1:]]])


def comment(text: object) -> str:
    """Text that stays on one comment line."""
    return " ".join(_clean(text).split())


def environment(template_dir: Path = TEMPLATE_DIR) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pystr"] = pystr
    env.filters["docstring"] = docstring
    env.filters["comment"] = comment
    return env


def render_file(env: jinja2.Environment, planned: OutputFile) -> bytes:
    if planned.template is None:
        assert planned.copy_from is not None
        return planned.copy_from.read_bytes()
    text = env.get_template(planned.template).render(**planned.context)
    return text.encode("utf-8")
