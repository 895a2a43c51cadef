"""dpg-initial.json, then dpg-update1.json: a service growing without breaking its callers, and a
package generated in place from each, keeping its customizations (tests/testserver/customizations/
dpg_service/: a method the description lacks, sent by hand, and a convenience method).

The same calls, written for the initial client, run against both generations; the updated one adds
optional parameters, operations, a path and a JPEG body.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from tests.buildstep.support import run
from tests.testserver.scenario_hits import hit
from tests.testserver.server import SWAGGER_DIR, TestServer

PACKAGE = "dpg_service"
CUSTOMIZATIONS = Path(__file__).parent / "customizations" / PACKAGE
PATCHES = sorted(
    path.relative_to(CUSTOMIZATIONS).as_posix() for path in CUSTOMIZATIONS.rglob("_patch.py")
)
IMAGE_URL = "http://example.org/myimage.jpeg"


@dataclass(frozen=True)
class Evolution:
    initial: Path  # holds the package as generated from dpg-initial.json and customized
    update1: Path  # the same package after generating it again from dpg-update1.json
    printed: list[str]  # what `generate` said the second time


def _generate(swagger: str, out: Path) -> list[str]:
    code, printed, errors = run(
        "generate", str(SWAGGER_DIR / swagger), "--out", str(out), "--package-name", PACKAGE
    )
    assert code == 0, errors
    return printed.splitlines()


@pytest.fixture(scope="module")
def evolution(tmp_path_factory: pytest.TempPathFactory) -> Evolution:
    work = tmp_path_factory.mktemp("dpg-evolution")
    current = work / "current"
    _generate("dpg-initial.json", current)
    for path in PATCHES:
        shutil.copyfile(CUSTOMIZATIONS / path, current / PACKAGE / path)
    shutil.copytree(current, work / "initial")
    printed = _generate("dpg-update1.json", current)
    return Evolution(work / "initial", current, printed)


@contextmanager
def imported(folder: Path) -> Iterator[ModuleType]:
    def forget() -> None:
        for name in [m for m in sys.modules if m.split(".")[0] == PACKAGE]:
            del sys.modules[name]

    forget()
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))
        forget()


def test_regeneration_keeps_the_customizations(evolution: Evolution) -> None:
    assert evolution.printed[1:] == [f"  kept customizations: {', '.join(PATCHES)}"]
    for path in PATCHES:
        assert (evolution.update1 / PACKAGE / path).read_bytes() == (
            CUSTOMIZATIONS / path
        ).read_bytes()
    generated = (evolution.update1 / PACKAGE / "operations" / "_params.py").read_text()
    assert "def delete_parameters(" in generated  # the package was generated again
    assert (
        "def delete_parameters("
        not in (evolution.initial / PACKAGE / "operations" / "_params.py").read_text()
    )


def calls_written_for_the_initial_client(pkg: ModuleType, testserver: TestServer) -> None:
    success = {"message": "An object was successfully returned"}
    with pkg.DPGClient(endpoint=testserver.url) as client:
        params = client.params
        assert hit(testserver, "DPGAddOptionalInput_NoParams", params.head_no_params, "dpg") is True
        assert hit(testserver, "DPGAddOptionalInput", lambda: params.get_required("x"), "dpg") == (
            success
        )
        assert (
            hit(
                testserver,
                "DPGAddOptionalInput_RequiredOptionalParam",
                lambda: params.put_required_optional("x", optional_param="y"),
                "dpg",
            )
            == success
        )
        assert (
            hit(
                testserver,
                "DPGAddOptionalInput_OptionalParam",
                lambda: params.get_optional(optional_param="y"),
                "dpg",
            )
            == success
        )
        body = pkg.models.PostInput(url=IMAGE_URL)
        posted = hit(testserver, "DPGNewBodyType", lambda: params.post_parameters(body), "dpg")
        assert posted is None  # the service answers 200 without a body
        assert params.message("x") == success["message"]  # the customization


@pytest.mark.parametrize("version", ["initial", "update1"])
def test_calls_written_for_the_initial_client_keep_working(
    evolution: Evolution, testserver: TestServer, version: str
) -> None:
    with imported(getattr(evolution, version)) as pkg:
        calls_written_for_the_initial_client(pkg, testserver)


def test_the_updated_client_has_the_new_parameters_operations_and_body_type(
    evolution: Evolution, testserver: TestServer
) -> None:
    success = {"message": "An object was successfully returned"}
    with imported(evolution.update1) as pkg, pkg.DPGClient(endpoint=testserver.url) as client:
        params = client.params
        assert params.head_no_params(new_parameter="n") is True
        assert params.get_required("x", new_parameter="n") == success
        assert params.put_required_optional("x", optional_param="y", new_parameter="n") == success
        assert params.get_optional(optional_param="y", new_parameter="n") == success
        assert hit(testserver, "DPGAddNewOperation", params.delete_parameters, "dpg") is None
        assert hit(testserver, "DPGAddNewPath", params.get_new_operation, "dpg") == success
        json_body = pkg.models.PostInput(url=IMAGE_URL)
        assert (
            hit(testserver, "DPGNewBodyType.JSON", lambda: params.post_parameters(json_body), "dpg")
            is None
        )
        assert (
            hit(
                testserver,
                "DPGNewBodyType.JPEG",
                lambda: params.post_parameters(b"\xff\xd8\xff\xe0", content_type="image/jpeg"),
                "dpg",
            )
            is None
        )


def test_an_operation_the_description_lacks_is_added_by_hand(
    evolution: Evolution, testserver: TestServer
) -> None:
    with imported(evolution.update1) as pkg, pkg.DPGClient(endpoint=testserver.url) as client:
        assert type(client).__module__ == f"{PACKAGE}._patch"
        answer = hit(testserver, "DPGGlassBreaker", client.glass_breaker, "dpg")
    assert answer == {"message": "An object was successfully returned"}
