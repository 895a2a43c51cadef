"""Bad specs and the exact diagnostic each gives: file, JSON pointer and message, no traceback.

Mistakes that the loader tolerates with a warning are in tests/unit/test_loader_tolerance.py.
Every file in specs/ (not in specs/common/, which holds files the others refer to) must be listed
below; to add a case, add the spec file and its expected diagnostic.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Severity, SpecError
from generator.loader import load_api

SPECS = Path(__file__).parent / "specs"

# spec file: (diagnostic file, JSON pointer, message)
EXPECTED: dict[str, tuple[str, str, str]] = {
    "invalid_json.json": (
        "invalid_json.json",
        "",
        "invalid JSON: Expecting property name enclosed in double quotes (line 3, column 1)",
    ),
    "invalid_yaml.yaml": (
        "invalid_yaml.yaml",
        "",
        "invalid YAML: expected ',' or ']', but got ':' (line 4, column 6)",
    ),
    "list_root.json": ("list_root.json", "", "a spec must be a JSON or YAML object"),
    "no_version.json": (
        "no_version.json",
        "",
        "missing required field 'swagger' or 'openapi' (the spec version)",
    ),
    "unsupported_swagger.json": (
        "unsupported_swagger.json",
        "/swagger",
        "unsupported Swagger version '1.2' (expected 2.0)",
    ),
    "unsupported_openapi.yaml": (
        "unsupported_openapi.yaml",
        "/openapi",
        "unsupported OpenAPI version '4.0.0' (expected 3.0.x or 3.1.x)",
    ),
    "no_info.json": ("no_info.json", "", "missing required field 'info'"),
    "no_paths.json": ("no_paths.json", "", "missing required field 'paths'"),
    "parameter_without_in.json": (
        "parameter_without_in.json",
        "/paths/~1things/get/parameters/0",
        "missing required field 'in'",
    ),
    "parameter_in_cookie_swagger2.json": (
        "parameter_in_cookie_swagger2.json",
        "/paths/~1things/get/parameters/0/in",
        "unknown parameter location 'cookie' (expected one of path, query, header, body, formData)",
    ),
    "body_without_schema.json": (
        "body_without_schema.json",
        "/paths/~1things/put/parameters/0",
        "missing required field 'schema' (a body parameter needs one)",
    ),
    "request_body_without_content.yaml": (
        "request_body_without_content.yaml",
        "/paths/~1things/post/requestBody",
        "missing required field 'content'",
    ),
    "ref_to_missing_file.json": (
        "ref_to_missing_file.json",
        "/paths/~1things/get/responses/200/schema/$ref",
        "$ref 'common/missing.json#/definitions/Thing': common/missing.json: "
        "cannot read file: No such file or directory",
    ),
    "ref_to_missing_pointer.json": (
        "ref_to_missing_pointer.json",
        "/paths/~1things/get/responses/200/schema/$ref",
        "$ref 'common/types.json#/definitions/Nope': "
        "common/types.json has nothing at '/definitions/Nope'",
    ),
    "error_in_referenced_file.json": (
        "common/types.json",
        "/definitions/BadThing/required",
        "'required' must be an array",
    ),
    "properties_is_a_string.json": (
        "properties_is_a_string.json",
        "/definitions/Thing/properties",
        "'properties' must be an object",
    ),
    "circular_ref.json": (
        "circular_ref.json",
        "/definitions/A/$ref",
        "circular $ref '#/definitions/B'",
    ),
    "inheritance_cycle.json": (
        "inheritance_cycle.json",
        "/definitions/A/allOf",
        "inheritance cycle: 'A' is its own ancestor",
    ),
    "unknown_final_state_via.json": (
        "unknown_final_state_via.json",
        "/paths/~1things/put/x-ms-long-running-operation-options/final-state-via",
        "unknown final-state-via 'somewhere' "
        "(expected one of azure-async-operation, location, original-uri, operation-location)",
    ),
    "unknown_schema_type.json": (
        "unknown_schema_type.json",
        "/paths/~1things/get/responses/200/schema/type",
        'unknown schema type "strnig"',
    ),
}


def test_every_fixture_has_an_expected_diagnostic() -> None:
    on_disk = {p.name for p in SPECS.iterdir() if p.is_file()}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_spec_diagnostic(name: str) -> None:
    with pytest.raises(SpecError) as info:
        load_api(SPECS / name)
    found = info.value.diagnostic
    assert found.severity is Severity.ERROR
    assert (found.file, found.pointer, found.message) == EXPECTED[name]
    file, pointer, message = EXPECTED[name]
    assert str(info.value) == f"{file}#{pointer}: error: {message}"


def test_unreadable_main_file(tmp_path: Path) -> None:
    with pytest.raises(SpecError) as info:
        load_api(tmp_path / "absent.json")
    found = info.value.diagnostic
    assert (found.file, found.pointer, found.message) == (
        "absent.json",
        "",
        "cannot read file: No such file or directory",
    )


def test_directory_instead_of_file(tmp_path: Path) -> None:
    (tmp_path / "spec.json").mkdir()
    with pytest.raises(SpecError) as info:
        load_api(tmp_path / "spec.json")
    assert info.value.diagnostic.message == "cannot read file: Is a directory"
