"""Hostile spec files: what the loader refuses to read, and how it says so.

Each case must end in one diagnostic naming the file and JSON pointer, exit code 2, nothing
written, and no traceback; none may hang or exhaust memory.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Diagnostic, SpecError
from generator.loader import limits, load_api
from tests.hostile.support import fails_cleanly, run_cli, swagger, write_json
from tests.support.paths import SHARED


def _ref_spec(tmp_path: Path, ref: str) -> Path:
    spec = swagger({"Thing": {"type": "object", "properties": {"c": {"$ref": ref}}}})
    return write_json(tmp_path / "spec" / "api.json", spec)


# Files that are not files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_ref_to_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    spec = _ref_spec(tmp_path, "pipe.json#/x")
    os.mkfifo(spec.parent / "pipe.json")
    result = run_cli("generate", str(spec), "--out", "out", "--package-name", "p", cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "pipe.json: not a regular file" in result.stderr
    assert "api.json#/definitions/Thing/properties/c/$ref" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_ref_to_a_device_is_refused_even_inside_an_allowed_root(
    tmp_path: Path, device: str
) -> None:
    spec = _ref_spec(tmp_path, f"{device}#/x")
    args = ["generate", str(spec), "--out", "out", "--package-name", "p"]
    outside = run_cli(*args, cwd=tmp_path)
    assert outside.returncode == 2 and "outside the folders" in outside.stderr
    allowed = run_cli(*args, "--ref-root", "/dev", cwd=tmp_path)
    assert allowed.returncode == 2, allowed.stderr
    assert "not a regular file" in allowed.stderr
    assert "Traceback" not in allowed.stderr


def test_the_main_spec_must_be_a_regular_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder.json").mkdir()
    err = fails_cleanly(capsys, tmp_path, str(tmp_path / "folder.json"))
    assert "folder.json#: error: cannot read file: Is a directory" in err


def test_files_larger_than_the_limit_are_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = write_json(tmp_path / "big.json", swagger())
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", spec.stat().st_size - 1)
    with pytest.raises(SpecError) as info:
        load_api(spec)
    assert info.value.diagnostic.message == "file is larger than 0 MiB"
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", spec.stat().st_size)
    assert load_api(spec).models


# Where $refs may lead


def test_a_ref_outside_the_spec_folder_is_refused_and_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = {"password": {"type": "object", "description": "TOPSECRET", "properties": {}}}
    write_json(tmp_path / "secret" / "creds.json", secret)
    spec = _ref_spec(tmp_path, "../secret/creds.json#/password")
    err = fails_cleanly(capsys, tmp_path, str(spec))
    assert "api.json#/definitions/Thing/properties/c/$ref" in err
    assert "../secret/creds.json is outside the folders a spec may refer to" in err
    assert "--ref-root" in err
    assert "TOPSECRET" not in err


def test_an_example_outside_the_folder_is_left_out_with_a_warning(tmp_path: Path) -> None:
    write_json(tmp_path / "elsewhere.json", {"parameters": {}, "responses": {}})
    paths = {
        "/t": {
            "get": {
                "operationId": "Things_Get",
                "responses": {"200": {"description": "ok"}},
                "x-ms-examples": {"far": {"$ref": "../elsewhere.json"}},
            }
        }
    }
    spec = write_json(tmp_path / "spec" / "api.json", swagger(paths=paths))
    warnings: list[Diagnostic] = []
    api = load_api(spec, warnings=warnings)
    assert api.groups[0].operations[0].examples == ()
    assert [w.pointer for w in warnings] == ["/paths/~1t/get/x-ms-examples/far/$ref"]
    assert "example 'far' left out: $ref '../elsewhere.json'" in warnings[0].message
    assert "outside the folders" in warnings[0].message


def test_an_allowed_root_lets_the_ref_through(tmp_path: Path) -> None:
    shared = {"Shared": {"type": "object", "properties": {"x": {"type": "string"}}}}
    write_json(tmp_path / "common" / "types.json", shared)
    spec = _ref_spec(tmp_path, "../common/types.json#/Shared")
    with pytest.raises(SpecError):
        load_api(spec)
    api = load_api(spec, ref_roots=[tmp_path / "common"])
    assert "../common/types.json" in api.source_files
    assert any([f.wire_name for f in m.fields] == ["x"] for m in api.models)


def test_ref_roots_in_the_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = {"Shared": {"type": "object", "properties": {"x": {"type": "string"}}}}
    write_json(tmp_path / "common" / "types.json", shared)
    _ref_spec(tmp_path, "../common/types.json#/Shared")
    config = tmp_path / "pyproject.toml"
    entry = '[[tool.sdkforge.clients]]\nspec = "spec/api.json"\npackage = "cfg_client"\n'
    config.write_text(entry, encoding="utf-8")
    assert main(["--config", str(config), "generate"]) == 2
    assert "outside the folders" in capsys.readouterr().err
    config.write_text(entry + 'ref-roots = ["common"]\n', encoding="utf-8")
    assert main(["--config", str(config), "generate"]) == 0, capsys.readouterr().err
    assert (tmp_path / "generated" / "cfg_client" / "models" / "_thing_c.py").is_file()

    # The manifest records the files read under a ref root with their digests (so an edit there
    # makes the package stale), not the roots: which folders may be read is the configuration's
    # say, never the generated output's, and `check` reads it from there.
    manifest = json.loads((tmp_path / "generated" / "cfg_client" / "_sdkforge.json").read_text())
    assert "../common/types.json" in manifest["sources"]
    assert "ref-roots" not in manifest["options"]
    capsys.readouterr()
    assert main(["--config", str(config), "check"]) == 0, capsys.readouterr().out
    assert main(["--config", str(config), "generate"]) == 0
    assert "unchanged" in capsys.readouterr().out
    shared["Shared"]["properties"]["y"] = {"type": "integer"}
    write_json(tmp_path / "common" / "types.json", shared)
    assert main(["--config", str(config), "check"]) == 1
    assert main(["--config", str(config), "generate"]) == 0
    assert "spec file changed: ../common/types.json" in capsys.readouterr().out


def test_a_symlink_inside_the_folder_cannot_lead_out_of_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_json(tmp_path / "secret.json", {"S": {"type": "object", "properties": {}}})
    spec = _ref_spec(tmp_path, "link.json#/S")
    (spec.parent / "link.json").symlink_to(tmp_path / "secret.json")
    err = fails_cleanly(capsys, tmp_path, str(spec))
    assert "link.json is outside the folders" in err


# The shared folder next to the main checkout (a worktree sits one level deeper).
AZURE = next(
    (
        shared / "azure-specs" / "specification"
        for shared in (SHARED, SHARED.parent.parent / "shared")
        if (shared / "azure-specs").is_dir()
    ),
    SHARED / "azure-specs" / "specification",
)
VMSS_2024_07 = (
    AZURE
    / "compute"
    / "resource-manager"
    / "Microsoft.Compute"
    / "ComputeRP"
    / "stable"
    / "2024-07-01"
    / "virtualMachineScaleSet.json"
)


@pytest.mark.skipif(not AZURE.is_dir(), reason="the shared Azure spec files are not here")
def test_azure_common_types_stay_reachable_through_the_specification_folder() -> None:
    spec = VMSS_2024_07
    warnings: list[object] = []
    api = load_api(spec, warnings=warnings)  # type: ignore[arg-type]
    common = "../../../common-types/v1/common.json"
    assert common in api.source_files
    assert any(m.name == "SubResource" for m in api.models)


@pytest.mark.skipif(not AZURE.is_dir(), reason="the shared Azure spec files are not here")
def test_outside_the_specification_folder_nothing_is_reachable(tmp_path: Path) -> None:
    """A copy of the Azure layout without a `specification` folder needs an allowed root."""
    compute = AZURE / "compute" / "resource-manager" / "Microsoft.Compute"
    copy = tmp_path / "specs-copy"
    for source in [VMSS_2024_07.parent, compute / "common-types" / "v1"]:
        target = copy / source.relative_to(compute)
        target.mkdir(parents=True)
        for file in source.glob("*.json"):
            (target / file.name).write_bytes(file.read_bytes())
    spec = copy / VMSS_2024_07.relative_to(compute)
    with pytest.raises(SpecError) as info:
        load_api(spec)
    assert "common-types/v1/common.json is outside the folders" in info.value.diagnostic.message
    assert load_api(spec, ref_roots=[copy / "common-types"]).models


# YAML that expands


def _bomb(levels: int) -> str:
    lines = ['swagger: "2.0"', "info: {title: T, version: '1'}", "paths: {}"]
    lines.append("x-a: &a [" + ", ".join(['"lol"'] * 9) + "]")
    names = "abcdefghijklmnop"
    for previous, name in itertools.pairwise(names[: levels + 1]):
        lines.append(f"x-{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    lines.append(f"definitions: {{T: {{type: object, x-many: *{names[levels]}}}}}")
    return "\n".join(lines) + "\n"


def test_a_yaml_alias_bomb_fails_fast_with_one_message(tmp_path: Path) -> None:
    text = _bomb(8)
    assert len(text.encode()) < 700
    (tmp_path / "bomb.yaml").write_text(text, encoding="utf-8")
    result = run_cli(
        "generate", "bomb.yaml", "--out", "out", "--package-name", "p", cwd=tmp_path, timeout=60
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "bomb.yaml#: error: YAML aliases expand the document to " in result.stderr
    assert "nodes (27 written): refused (an alias bomb?)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_modest_yaml_anchors_are_fine(tmp_path: Path) -> None:
    """Anchors a person writes (a shared response, a shared schema) stay well inside the budget."""
    text = (
        'swagger: "2.0"\ninfo: {title: T, version: "1"}\n'
        "x-error: &error {description: failed, schema: {$ref: '#/definitions/Err'}}\n"
        "paths:\n"
        + "".join(
            f"  /r{i}:\n    get:\n      operationId: Things_Get{i}\n"
            f"      responses: {{'200': {{description: ok}}, default: *error}}\n"
            for i in range(50)
        )
        + "definitions:\n  Err: {type: object, properties: {code: {type: string}}}\n"
    )
    (tmp_path / "anchors.yaml").write_text(text, encoding="utf-8")
    api = load_api(tmp_path / "anchors.yaml")
    assert len(api.groups[0].operations) == 50


def test_repeated_long_text_counts_against_the_budget(tmp_path: Path) -> None:
    long = "x" * 100_000
    text = f'swagger: "2.0"\ninfo: {{title: T, version: "1"}}\npaths: {{}}\nx-s: &s "{long}"\n'
    text += "x-l: [" + ", ".join(["*s"] * 30) + "]\n"
    (tmp_path / "text.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_api(tmp_path / "text.yaml")
    assert "characters of text" in info.value.diagnostic.message


# Values that are not JSON text or numbers


@pytest.mark.parametrize(
    ("where", "pointer"),
    [
        # The $ref naming the definition comes first in the document.
        ("definition name", "/paths/~1r0/get/responses/200/schema/$ref"),
        ("description", "/definitions/Thing/description"),
        ("property name", "/definitions/Thing/properties"),
        ("enum value", "/definitions/Thing/properties/a/enum/0"),
    ],
)
def test_lone_surrogates_are_refused_with_their_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str, pointer: str
) -> None:
    thing = {"type": "object", "description": "ok", "properties": {"a": {"type": "string"}}}
    if where == "definition name":
        definitions = {"Thing\ud800": thing}
    elif where == "description":
        definitions = {"Thing": {**thing, "description": "bad \udfff"}}
    elif where == "property name":
        definitions = {"Thing": {**thing, "properties": {"a\ud800": {"type": "string"}}}}
    else:
        prop = {"type": "string", "enum": ["\ud83d"]}
        definitions = {"Thing": {**thing, "properties": {"a": prop}}}
    spec = write_json(tmp_path / "s.json", swagger(definitions))
    err = fails_cleanly(capsys, tmp_path, str(spec))
    assert f"s.json#{pointer}: error: text holds a lone surrogate" in err


def test_escaped_surrogate_pairs_are_ordinary_text(tmp_path: Path) -> None:
    spec = swagger({"Thing": {"type": "object", "description": "\U0001f600", "properties": {}}})
    path = tmp_path / "s.json"
    path.write_text(json.dumps(spec, ensure_ascii=True), encoding="utf-8")
    assert "\\ud83d\\ude00" in path.read_text(encoding="utf-8")
    assert load_api(path).title == "Test"


def test_lone_surrogates_in_yaml_are_refused(tmp_path: Path) -> None:
    text = 'swagger: "2.0"\ninfo: {title: "T\\ud800", version: "1"}\npaths: {}\n'
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_api(tmp_path / "s.yaml")
    assert info.value.diagnostic.pointer == "/info/title"


@pytest.mark.parametrize("command", ["ir", "diff"])
def test_ir_and_diff_refuse_lone_surrogates_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    spec = write_json(tmp_path / "s.json", swagger(title="T\ud800"))
    args = [command, str(spec)] + ([str(spec)] if command == "diff" else [])
    assert main(args) == 2
    captured = capsys.readouterr()
    assert "s.json#/info/title: error: text holds a lone surrogate" in captured.err
    assert captured.out == ""


def test_diff_refuses_a_snapshot_with_lone_surrogates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = Path(__file__).parents[2] / "generated" / "compute_rolling_upgrades"
    data = json.loads((snapshot / "_api_snapshot.json").read_text(encoding="utf-8"))
    data["title"] = "x\ud800"
    bad = tmp_path / "_api_snapshot.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert main(["diff", str(snapshot / "_api_snapshot.json"), str(bad)]) == 2
    assert (
        "_api_snapshot.json#/title: error: text holds a lone surrogate" in capsys.readouterr().err
    )


def test_a_five_thousand_digit_integer_is_refused_with_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(swagger()).replace('"2024-01-01"', '"1", "x-big": ' + "9" * 5000)
    (tmp_path / "s.json").write_text(text, encoding="utf-8")
    err = fails_cleanly(capsys, tmp_path, str(tmp_path / "s.json"))
    limit = sys.get_int_max_str_digits()
    assert "invalid JSON: an integer of 5000 digits (line 1, column" in err
    assert f"at most {limit} are read" in err


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_numbers_that_are_not_finite_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], number: str
) -> None:
    prop = {"type": "number", "default": 0.5}
    text = json.dumps(swagger({"Thing": {"type": "object", "properties": {"a": prop}}}))
    (tmp_path / "s.json").write_text(text.replace("0.5", number), encoding="utf-8")
    err = fails_cleanly(capsys, tmp_path, str(tmp_path / "s.json"))
    assert "s.json#/definitions/Thing/properties/a/default: error: the number" in err
    assert "is not finite" in err


def test_yaml_infinities_are_refused(tmp_path: Path) -> None:
    text = 'swagger: "2.0"\ninfo: {title: T, version: "1"}\npaths: {}\nx-n: [1, .inf]\n'
    (tmp_path / "s.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_api(tmp_path / "s.yaml")
    assert info.value.diagnostic.pointer == "/x-n/1"


# Diagnostics


def test_terminal_escape_sequences_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = {
        "/t": {
            "get": {
                "operationId": "Things_Get",
                "responses": {"2\x1b]0;owned\x07\x1b[31m": {"description": "ok"}},
            }
        }
    }
    spec = write_json(tmp_path / "s.json", swagger(paths=paths))
    err = fails_cleanly(capsys, tmp_path, str(spec))
    assert "\x1b" not in err and "\x07" not in err
    assert "2\\x1b]0;owned\\x07\\x1b[31m" in err


def test_warnings_are_escaped_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = {
        "/t": {
            "get": {
                "operationId": "Things_Get",
                "responses": {"200": {"description": "ok"}, "2XX": {"description": "\u202e"}},
                "x-ms-examples": {"e\x1b[2J": {"$ref": "missing\x1b[2J.json"}},
            }
        }
    }
    spec = write_json(tmp_path / "s.json", swagger(paths=paths))
    assert main(["ir", str(spec)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err
    assert "\x1b" not in err
    assert "e\\x1b[2J" in err


def test_json_output_escapes_what_a_terminal_could_act_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`ir`, `schema` and `diff --format json` print spec text: C1 controls and bidirectional
    overrides become \\u escapes (the same JSON value), never the raw characters."""
    raw = "evil\x9b31m\u202eright\u2066left\x85"
    definitions = {"Thing": {"type": "object", "description": raw, "properties": {}}}
    old = write_json(tmp_path / "old.json", swagger(definitions, title=raw))
    new_definitions = {"Thing": {"type": "object", "description": raw, "properties": {}}}
    new_paths = {
        "/t": {"get": {"operationId": "Things_Other", "responses": {"200": {"description": raw}}}}
    }
    new = write_json(tmp_path / "new.json", swagger(new_definitions, title=raw, paths=new_paths))
    outputs = []
    assert main(["ir", str(old)]) == 0
    outputs.append(capsys.readouterr().out)
    assert main(["schema", str(old)]) == 0
    outputs.append(capsys.readouterr().out)
    assert main(["diff", str(old), str(new), "--format", "json"]) == 1
    outputs.append(capsys.readouterr().out)
    for out in outputs:
        assert not set("\x9b\u202e\u2066\x85") & set(out), out
    assert raw in json.dumps(json.loads(outputs[0]), ensure_ascii=False)
    assert "evil\\u009b31m\\u202eright\\u2066left\\u0085" in outputs[0]
    assert json.loads(outputs[2])["title"] == raw


# More ways in


def test_percent_encoded_dots_do_not_escape_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_json(tmp_path / "secret.json", {"S": {"type": "object", "properties": {}}})
    spec = _ref_spec(tmp_path, "%2E%2E/secret.json#/S")
    err = fails_cleanly(capsys, tmp_path, str(spec))
    assert "../secret.json is outside the folders" in err


def test_a_main_spec_that_links_to_a_device_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    (tmp_path / "spec.json").symlink_to("/dev/zero")
    err = fails_cleanly(capsys, tmp_path, str(tmp_path / "spec.json"))
    assert "spec.json#: error: not a regular file" in err


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_deeply_nested_documents_end_in_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    depth = 100_000 if suffix == ".json" else 5_000
    (tmp_path / f"deep{suffix}").write_text("[" * depth + "]" * depth, encoding="utf-8")
    err = fails_cleanly(capsys, tmp_path, str(tmp_path / f"deep{suffix}"))
    assert f"deep{suffix}#: error: the spec is nested too deeply" in err


def test_ir_takes_ref_roots_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shared = {"Shared": {"type": "object", "properties": {"x": {"type": "string"}}}}
    write_json(tmp_path / "common" / "types.json", shared)
    spec = _ref_spec(tmp_path, "../common/types.json#/Shared")
    assert main(["ir", str(spec)]) == 2
    assert "outside the folders" in capsys.readouterr().err
    assert main(["ir", str(spec), "--ref-root", str(tmp_path / "common")]) == 0
    assert '"../common/types.json"' in capsys.readouterr().out


def test_diff_markdown_shows_spec_text_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "Things\x1b]0;owned\x07"
    old = {"Thing": _thing("a", "b")}
    old_spec = write_json(tmp_path / "old.json", swagger(old, title=title))
    new_spec = write_json(tmp_path / "new.json", swagger({"Thing": _thing("a")}, title=title))
    assert main(["diff", str(old_spec), str(new_spec)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "# Things\\x1b]0;owned\\x07: api-version" in out
    assert "`Thing.b`: field removed" in out
    assert main(["diff", str(old_spec), str(new_spec), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["title"] == title


def _thing(*names: str) -> dict[str, object]:
    return {"type": "object", "properties": {n: {"type": "string"} for n in names}}
