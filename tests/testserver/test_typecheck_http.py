"""Generated clients of the HTTP swaggers pass `mypy --strict` and `ruff check --isolated`, and
their signatures type what callers write (the `cls` overloads, HEAD as bool, streams)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients

SWAGGERS = [
    "header.json",
    "url.json",
    "httpInfrastructure.json",
    "validation.json",
    "body-formdata.json",
    "body-formdata-urlencoded.json",
    "reserved-words.json",
]


def _root(package: ModuleType) -> Path:
    """The directory holding the package (what goes on MYPYPATH)."""
    assert package.__file__ is not None
    return Path(package.__file__).parent.parent


def _mypy(cwd: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("swagger", SWAGGERS)
def test_generated_client_passes_mypy_strict_and_ruff(
    generated_clients: GeneratedClients, swagger: str
) -> None:
    package = generated_clients(swagger)
    root = _root(package)
    result = _mypy(root, package.__name__)
    assert result.returncode == 0, result.stdout + result.stderr
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", package.__name__],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


USAGE = """\
from __future__ import annotations

from typing import Any

import httpx

from header import AutoRestSwaggerBATHeaderService
from http_infrastructure import AutoRestHttpInfrastructureTestService


def value_header(response: httpx.Response, result: None, headers: dict[str, Any]) -> int:
    return int(headers["value"])


def use(
    header: AutoRestSwaggerBATHeaderService, http: AutoRestHttpInfrastructureTestService
) -> None:
    plain: None = header.header.response_integer("positive")
    typed: int = header.header.response_integer("positive", cls=value_header)
    exists: bool = http.http_success.head200()
    redirect: list[str] | None = http.http_redirects.get300()
    wrong: str = header.header.response_integer("positive", cls=value_header)
    header.header.param_integer("positive", "1")
"""


def test_signatures_type_what_callers_write(
    generated_clients: GeneratedClients, tmp_path: Path
) -> None:
    header = generated_clients("header.json")
    http = generated_clients("httpInfrastructure.json")
    usage = tmp_path / "usage.py"
    usage.write_text(textwrap.dedent(USAGE), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(usage)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={"MYPYPATH": f"{_root(header)}:{_root(http)}", "PATH": "/usr/bin:/bin"},
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    # Exactly the two deliberate mistakes are reported: the cls result is an int, not a str,
    # and the integer header takes an int.
    assert len(errors) == 2, result.stdout
    assert (
        'Incompatible types in assignment (expression has type "int", variable has type "str")'
        in errors[0]
    )
    assert 'No overload variant of "param_integer"' in errors[1]
    assert 'argument types "str", "str"' in errors[1]
