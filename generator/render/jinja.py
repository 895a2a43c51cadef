"""Render planned files with Jinja2: strict about undefined values, safe about spec strings."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from generator.locations import TEMPLATE_DIR
from generator.plan import OutputFile
from generator.plan.pydantic import TEMPLATE as PYDANTIC_MODELS

# Control characters, and lone surrogates (they cannot be written as UTF-8 at all); characters
# that Python's tokenizer treats as line breaks inside a docstring are fine.
_UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def pystr(value: object) -> str:
    """A Python literal: repr() of a str always yields a literal that ends where it should."""
    return repr(value)


def _clean(text: object) -> str:
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n")
    return _UNWRITABLE.sub("", text)


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
    if planned.template == PYDANTIC_MODELS:
        from generator.render.pydantic import render_models

        header = env.get_template("_header.jinja").render(**planned.context)
        return render_models(planned.context["input"], header).encode("utf-8")  # type: ignore[arg-type]
    text = env.get_template(planned.template).render(**planned.context)
    return text.encode("utf-8")
