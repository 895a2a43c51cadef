"""The multi-API package of multiapi-v1/v2/v3.json passes `mypy --strict` and `ruff check
--isolated`, and its client types each method as the api-version that serves it by default."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.testserver.clients import GeneratedClients

USAGE = """\
from __future__ import annotations

from multiapi import MultiapiServiceClient, exceptions
from multiapi.aio import MultiapiServiceClient as AsyncMultiapiServiceClient
from multiapi.v2_0_0.models import ModelTwo
from multiapi.v3_0_0.models import ModelThree


def use(client: MultiapiServiceClient) -> None:
    one: ModelTwo = client.test_one(id=1)  # served by 2.0.0, the newest with test_one
    two: ModelThree = client.operation_group_one.test_two()  # by 3.0.0
    client.operation_group_one.test_three()  # only 2.0.0 has it; its group is in 3.0.0 too
    paged: list[ModelThree] = list(client.test_paging())
    version: str = client.api_version
    try:
        client.operation_group_two.test_five()
    except exceptions.HttpResponseError as err:
        status: int | None = err.status_code
    wrong: ModelThree = client.test_one(id=1)
    client.test_nothing()


async def use_async(client: AsyncMultiapiServiceClient) -> None:
    two: ModelThree = await client.operation_group_one.test_two()
    async with AsyncMultiapiServiceClient(api_version="1.0.0") as other:
        await other.operation_group_one.test_three()


MultiapiServiceClient(api_version="2.0.0", timeout=5.0)
MultiapiServiceClient(api_version=2)
"""


def test_multiapi_package_passes_mypy_strict_ruff_and_types_what_callers_write(
    generated_clients: GeneratedClients, tmp_path: Path
) -> None:
    package = generated_clients.multiapi(
        "multiapi", "multiapi-v1.json", "multiapi-v2.json", "multiapi-v3.json"
    )
    assert package.__file__ is not None
    root = Path(package.__file__).parent.parent
    usage = tmp_path / "usage.py"
    usage.write_text(textwrap.dedent(USAGE), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "multiapi", str(usage)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "MYPYPATH": str(root)},
    )
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    # Only the three deliberate mistakes, all in usage.py: the package itself is clean.
    assert len(errors) == 3, result.stdout + result.stderr
    assert all(line.startswith(str(usage)) for line in errors), errors
    assert 'expression has type "ModelTwo", variable has type "ModelThree"' in errors[0]
    assert '"MultiapiServiceClient" has no attribute "test_nothing"' in errors[1]
    assert (
        'Argument "api_version" to "MultiapiServiceClient" has incompatible type "int"'
        in (errors[2])
    )
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "multiapi"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
