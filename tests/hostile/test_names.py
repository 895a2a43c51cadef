"""Hostile names: a spec whose names collide with each other, with what generated code imports,
or with the client's own attributes, must still give a package that imports, type-checks and
keeps every class and group reachable. Names the user gives are checked before anything runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.build import build_package
from generator.loader.schemas import MAX_NESTING
from generator.naming import MAX_MODULE_NAME
from generator.render.write import write_tree
from tests.hostile.support import fails_cleanly, import_check, swagger, write_json

LONG_A = "Very" + "Long" * 70 + "A"
LONG_B = "Very" + "Long" * 70 + "B"


def _obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties or {"a": {"type": "string"}}}


def _nested_array(depth: int) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    for _ in range(depth):
        schema = {"type": "array", "items": schema}
    return schema


def _names_spec() -> dict[str, Any]:
    definitions = {
        "Thing": _obj(lower={"type": "string"}),
        "THING": _obj(upper={"type": "integer"}),
        "ClassVar": _obj(),
        "Self": _obj(),
        "Mapping": _obj(),
        "Enums": _obj(kind={"type": "string", "enum": ["a", "b"], "x-ms-enum": {"name": "Kind"}}),
        LONG_A: _obj(),
        LONG_B: _obj(),
        # Deepest nesting the loader accepts: the property itself is one level.
        "Deep": _obj(grid=_nested_array(MAX_NESTING - 1)),
    }
    spec = swagger(definitions, title="Pipeline")
    api_version = {"name": "api-version", "in": "query", "required": True, "type": "string"}
    spec["parameters"] = {
        "ApiVersion": api_version,
        "SubscriptionId": {
            "name": "subscriptionId",
            "in": "path",
            "required": True,
            "type": "string",
        },
    }
    ok = {"200": {"description": "ok"}}
    spec["paths"].update(
        {
            "/api-version": {
                "get": {
                    "operationId": "ApiVersion_Get",
                    "responses": ok,
                    "parameters": [{"$ref": "#/parameters/ApiVersion"}],
                }
            },
            "/sub/{subscriptionId}": {
                "get": {
                    "operationId": "SubscriptionId",
                    "responses": ok,
                    "parameters": [{"$ref": "#/parameters/SubscriptionId"}],
                }
            },
            "/things-mixin": {"get": {"operationId": "Things", "responses": ok}},
            "/long": {"get": {"operationId": f"{LONG_A}_Get", "responses": ok}},
            "/pipeline": {"get": {"operationId": "Pipeline_Get", "responses": ok}},
            "/mixin-module": {"get": {"operationId": "OperationsMixin_Get", "responses": ok}},
        }
    )
    return spec


@pytest.fixture(scope="module")
def names_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names")
    spec = write_json(root / "names.json", _names_spec())
    built = build_package(spec, "hostile_names")
    write_tree(root / "out" / "hostile_names", built.files)
    # A client whose title is the class name its group would get.
    spec = write_json(root / "groups.json", swagger(title="Things Operations"))
    write_tree(root / "out" / "hostile_groups", build_package(spec, "hostile_groups").files)
    return root / "out"


def test_names_differing_only_in_case_get_their_own_files(names_package: Path) -> None:
    models = sorted(p.name.lower() for p in (names_package / "hostile_names" / "models").iterdir())
    assert len(models) == len(set(models))
    result = import_check(
        names_package,
        "hostile_names",
        "from hostile_names import models as m\n"
        "assert m.Thing.from_dict({'lower': 'x'}).lower == 'x'\n"
        "assert m.THING.from_dict({'upper': 3}).upper == 3\n"
        "assert m.Thing.__module__ != m.THING.__module__\n"
        "assert m.Kind('a').value == 'a' and m.Enums.from_dict({'kind': 'b'}).kind == m.Kind.B\n",
    )
    assert result.returncode == 0, result.stderr


def test_classes_never_take_an_imported_name(names_package: Path) -> None:
    result = import_check(
        names_package,
        "hostile_names",
        "import typing\nfrom hostile_names import models as m, Pipeline_\n"
        "from hostile_names._runtime.pipeline import Pipeline\n"
        "assert m.ClassVar_.from_dict({'a': 'x'}).to_dict() == {'a': 'x'}\n"
        "assert m.Self_.from_dict({'a': 'x'}).a == 'x' and m.Mapping_.from_dict({}).a is None\n"
        "client = Pipeline_(subscription_id='s', api_version='v')\n"
        "assert isinstance(client._pipeline, Pipeline)\n",
    )
    assert result.returncode == 0, result.stderr


def test_groups_keep_clear_of_client_attributes(names_package: Path) -> None:
    result = import_check(
        names_package,
        "hostile_names",
        "from hostile_names import Pipeline_\n"
        "client = Pipeline_(subscription_id='s', api_version='2024')\n"
        "assert client.api_version == '2024' and client.subscription_id == 's'\n"
        "assert type(client.api_version_2).__name__ == 'ApiVersionOperations'\n"
        "assert callable(client.subscription_id_2) and callable(client.things)\n"
        "assert type(client.things_2).__name__ == 'ThingsOperations'\n"
        "assert type(client.pipeline).__name__ == 'PipelineOperations'\n"
        "assert type(client.operations_mixin).__name__ == 'OperationsMixinOperations'\n"
        "import hostile_names.operations._operations_mixin_2 as m2\n"
        "assert hasattr(m2, 'OperationsMixinOperations')\n"
        "import hostile_groups\n"
        "other = hostile_groups.ThingsOperations()\n"
        "assert type(other.things).__name__ == 'ThingsOperations_2'\n",
    )
    assert result.returncode == 0, result.stderr


def test_long_names_give_short_stable_file_names(names_package: Path, tmp_path: Path) -> None:
    package = names_package / "hostile_names"
    files = [p for p in package.rglob("*.py")]
    assert max(len(p.name) for p in files) <= MAX_MODULE_NAME + len(".py")
    long_models = sorted(p.name for p in (package / "models").glob("_very_long_*"))
    assert len(long_models) == 2 and long_models[0] != long_models[1]
    again = build_package(write_json(tmp_path / "n.json", _names_spec()), "hostile_names")
    assert sorted(n for n in again.files if "_very_long_" in n) == sorted(
        str(p.relative_to(package)) for p in package.rglob("_very_long_*.py")
    )
    result = import_check(
        names_package,
        "hostile_names",
        f"from hostile_names import models as m\nassert m.{LONG_A}.from_dict({{}}).a is None\n",
    )
    assert result.returncode == 0, result.stderr


def test_deep_nesting_at_the_limit_compiles(names_package: Path) -> None:
    value = "'x'"
    for _ in range(MAX_NESTING - 1):
        value = f"[{value}]"
    result = import_check(
        names_package,
        "hostile_names",
        f"from hostile_names import models as m\nv = {{'grid': {value}}}\n"
        "assert m.Deep.from_dict(v).to_dict() == v\n",
    )
    assert result.returncode == 0, result.stderr


def test_the_packages_pass_mypy_strict_and_ruff(names_package: Path, tmp_path: Path) -> None:
    packages = [str(names_package / "hostile_names"), str(names_package / "hostile_groups")]
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "c"), *packages],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", *packages],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert ruff.returncode == 0, ruff.stdout


@pytest.mark.parametrize("depth", [MAX_NESTING + 1, 200, 326])
def test_deeper_nesting_is_refused_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int
) -> None:
    spec = write_json(tmp_path / "deep.json", swagger({"Deep": _obj(grid=_nested_array(depth))}))
    err = fails_cleanly(capsys, tmp_path, str(spec))
    assert "deep.json#/definitions/Deep/properties/grid/items/items" in err
    assert f"nested more than {MAX_NESTING} deep" in err


@pytest.mark.parametrize(
    ("title", "security", "expected"),
    [
        ("Bearer Token Auth", "oauth2", "BearerTokenAuth_"),
        ("Token Credential", "oauth2", "TokenCredential_"),
        ("Api Key Auth", "apiKey", "ApiKeyAuth_"),
        ("Retry Policy", "apiKey", "RetryPolicy_"),
        ("VERSION", "none", "VERSION_"),
    ],
)
def test_titles_that_name_runtime_classes(
    tmp_path: Path, title: str, security: str, expected: str
) -> None:
    schemes = {
        "oauth2": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://x.invalid",
            "scopes": {"s": "scope"},
        },
        "apiKey": {"type": "apiKey", "name": "key", "in": "header"},
    }
    extra: dict[str, Any] = {}
    if security in schemes:
        extra = {"securityDefinitions": {"auth": schemes[security]}, "security": [{"auth": []}]}
    spec = write_json(tmp_path / "s.json", swagger(title=title, **extra))
    built = build_package(spec, "titled")
    write_tree(tmp_path / "out" / "titled", built.files)
    # Outside Azure specs each scheme is a keyword argument named after it ("auth" here).
    credential = {"oauth2": "auth=object()", "apiKey": "auth='k'", "none": ""}[security]
    result = import_check(
        tmp_path / "out",
        "titled",
        f"from titled import {expected}\nimport titled.aio\n"
        f"client = {expected}({credential})\nassert client.things is not None\n",
    )
    assert result.returncode == 0, result.stderr


# Names from the command line


@pytest.mark.parametrize(
    ("flag", "value", "problem"),
    [
        ("--package-name", "class", "must not be a Python keyword"),
        ("--package-name", "None", "must not be a Python keyword"),
        ("--package-name", "match", "must not be a Python keyword"),
        ("--package-name", "\uff43lass", "must be an ASCII Python identifier"),
        ("--package-name", "ﬁle", "must be an ASCII Python identifier"),
        ("--package-name", "json", "standard library"),
        ("--package-name", "httpx", "httpx"),
        ("--package-name", "a" * 101, "at most 100 characters"),
        ("--package-name", "my-client", "must be an ASCII Python identifier"),
        ("--client-name", "A; import os", "must be an ASCII Python identifier"),
        ("--client-name", "_s", "does not start with _"),
        ("--client-name", "Pipeline", "uses for something else"),
        ("--client-name", "str", "uses for something else"),
        ("--client-name", "None", "must not be a Python keyword"),
    ],
)
def test_command_line_names_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], flag: str, value: str, problem: str
) -> None:
    from generator.cli import main

    spec = write_json(tmp_path / "s.json", swagger())
    args = [
        "generate",
        str(spec),
        "--out",
        str(tmp_path / "out"),
        "--package-name",
        "ok",
        flag,
        value,
    ]
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert problem in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_configured_names_are_checked_with_their_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from generator.cli import main

    config = tmp_path / "pyproject.toml"
    config.write_text(
        '[[tool.sdkforge.clients]]\nspec = "s.json"\npackage = "ok"\nclient-name = "A; B"\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "generate"]) == 2
    err = capsys.readouterr().err
    assert "pyproject.toml#/tool/sdkforge/clients/0/client-name" in err


@pytest.mark.parametrize("kind", ["file", "file-parent"])
def test_out_naming_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    from generator.cli import main

    spec = write_json(tmp_path / "s.json", swagger())
    blocker = tmp_path / "blocker"
    blocker.write_text("keep me", encoding="utf-8")
    out = blocker if kind == "file" else blocker / "below"
    assert main(["generate", str(spec), "--out", str(out), "--package-name", "pkg"]) == 2
    err = capsys.readouterr().err
    assert "blocker: error: is a file, not a folder" in err
    assert blocker.read_text(encoding="utf-8") == "keep me"


def test_package_directory_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_json(tmp_path / "s.json", swagger())
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "pkg").write_text("x", encoding="utf-8")
    from generator.cli import main

    assert (
        main(["generate", str(spec), "--out", str(tmp_path / "out"), "--package-name", "pkg"]) == 2
    )
    assert "pkg: error: is a file, not a package folder" in capsys.readouterr().err
    assert (tmp_path / "out" / "pkg").read_text(encoding="utf-8") == "x"
