"""The clients generated for paging.json and lro.json pass ruff and mypy --strict, and their
pagers and pollers are typed: code using them type-checks, and code misusing them does not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.testserver.clients import GeneratedClients

USE = """
from __future__ import annotations

from lro import AutoRestLongRunningOperationTestService
from lro.aio import AutoRestLongRunningOperationTestService as AsyncLro
from lro.models import Product
from paging import AutoRestPagingTestService
from paging.aio import AutoRestPagingTestService as AsyncPaging
from paging.models import Product as PagedProduct


def items(client: AutoRestPagingTestService) -> list[PagedProduct]:
    pages = client.paging.get_multiple_pages().by_page()
    first = list(next(pages))
    token: str | None = pages.continuation_token
    rest = [item for page in client.paging.get_multiple_pages().by_page(token) for item in page]
    return first + rest


def resource(client: AutoRestLongRunningOperationTestService) -> Product:
    poller = client.lros.begin_put200_succeeded(product=Product(location="here"))
    token: str = poller.continuation_token()
    done: bool = poller.done()
    status: str = poller.status()
    return poller.result(timeout=10.0)


def nothing(client: AutoRestLongRunningOperationTestService) -> None:
    client.lros.begin_delete204_succeeded().wait()


def lro_pages(client: AutoRestPagingTestService) -> list[PagedProduct]:
    return list(client.paging.begin_get_multiple_pages_lro(polling_interval=0).result())


async def async_items(client: AsyncPaging) -> list[PagedProduct]:
    return [item async for item in client.paging.get_multiple_pages()]


async def async_resource(client: AsyncLro) -> Product:
    poller = await client.lros.begin_put200_succeeded(polling_interval=0)
    return await poller.result()
"""

MISUSE = {
    "the items of a pager": (
        "from paging import AutoRestPagingTestService\n"
        "def f(c: AutoRestPagingTestService) -> list[int]:\n"
        "    return list(c.paging.get_multiple_pages())\n"
    ),
    "the result of a poller": (
        "from lro import AutoRestLongRunningOperationTestService\n"
        "def f(c: AutoRestLongRunningOperationTestService) -> str:\n"
        "    return c.lros.begin_put200_succeeded().result()\n"
    ),
    "awaiting a pager": (
        "from paging.aio import AutoRestPagingTestService\n"
        "async def f(c: AutoRestPagingTestService) -> None:\n"
        "    await c.paging.get_multiple_pages()\n"
    ),
}


@pytest.fixture(scope="module")
def packages(generated_clients: GeneratedClients) -> Path:
    roots = {_root(generated_clients(name)) for name in ("paging.json", "lro.json")}
    assert len(roots) == 1, roots
    return roots.pop()


def _root(package: ModuleType) -> Path:
    """The directory holding the package's output directory (generated_clients' work dir)."""
    assert package.__file__ is not None
    return Path(package.__file__).resolve().parents[2]


def _tool(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def _mypy(cwd: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    path = f"{cwd / 'paging'}:{cwd / 'lro'}"
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *targets],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={"MYPYPATH": path, "PATH": ""},
    )


@pytest.mark.parametrize("name", ["paging", "lro"])
def test_generated_client_passes_ruff_and_mypy_strict(packages: Path, name: str) -> None:
    ruff = _tool("ruff", "check", "--isolated", name, cwd=packages / name)
    assert ruff.returncode == 0, ruff.stdout
    mypy = _tool("mypy", "--strict", "--no-incremental", f"--package={name}", cwd=packages / name)
    assert mypy.returncode == 0, mypy.stdout


def test_code_using_pagers_and_pollers_type_checks(packages: Path, tmp_path: Path) -> None:
    use = tmp_path / "use_clients.py"
    use.write_text(USE, encoding="utf-8")
    result = _mypy(packages, str(use))
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("what", sorted(MISUSE))
def test_misusing_them_does_not(packages: Path, tmp_path: Path, what: str) -> None:
    wrong = tmp_path / "wrong.py"
    wrong.write_text(MISUSE[what], encoding="utf-8")
    result = _mypy(packages, str(wrong))
    assert result.returncode == 1, result.stdout
    assert "error:" in result.stdout
