"""The input specs under specs/ are well formed, agree with each other, and their examples conform.

The Swagger 2.0 file is the reference description of the rolling upgrades API; the OpenAPI 3.1 file
must describe exactly the same API, and the example files must be valid responses of it.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SWAGGER = ROOT / "specs" / "compute" / "rolling-upgrades.json"
OPENAPI3 = ROOT / "specs" / "compute-openapi3" / "rolling-upgrades.yaml"
EXAMPLES = ROOT / "specs" / "compute" / "examples"

PATH = (
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
    "Microsoft.Compute/virtualMachineScaleSets/{vmScaleSetName}/rollingUpgrades/latest"
)
OPERATION_ID = "VirtualMachineScaleSetRollingUpgrades_GetLatest"
_VMSS = (
    "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/"
    "Microsoft.Compute/virtualMachineScaleSets"
)
# Every operation of the spec: operationId -> (method, path), in the order of the real spec.
OPERATIONS = {
    "VirtualMachineScaleSets_List": ("get", _VMSS),
    "VirtualMachineScaleSetRollingUpgrades_Cancel": (
        "post",
        _VMSS + "/{vmScaleSetName}/rollingUpgrades/cancel",
    ),
    "VirtualMachineScaleSetRollingUpgrades_StartOSUpgrade": (
        "post",
        _VMSS + "/{vmScaleSetName}/osRollingUpgrade",
    ),
    "VirtualMachineScaleSetRollingUpgrades_StartExtensionUpgrade": (
        "post",
        _VMSS + "/{vmScaleSetName}/extensionRollingUpgrade",
    ),
    OPERATION_ID: ("get", PATH),
}
LONG_RUNNING = {op for op in OPERATIONS if op.endswith(("Cancel", "Upgrade"))}
# The example files of the other operations (their facts come from the real spec's examples).
OTHER_EXAMPLES = {
    "VirtualMachineScaleSets_List": {"VirtualMachineScaleSet_List_MinimumSet_Gen"},
    "VirtualMachineScaleSetRollingUpgrades_Cancel": {
        "VirtualMachineScaleSetRollingUpgrade_Cancel_MaximumSet_Gen",
        "VirtualMachineScaleSetRollingUpgrade_Cancel_MinimumSet_Gen",
    },
    "VirtualMachineScaleSetRollingUpgrades_StartOSUpgrade": {
        "VirtualMachineScaleSetRollingUpgrade_StartOSUpgrade_MinimumSet_Gen"
    },
    "VirtualMachineScaleSetRollingUpgrades_StartExtensionUpgrade": {
        "VirtualMachineScaleSetExtension_RollingUpgrade"
    },
}
MAX_EXAMPLE = "VirtualMachineScaleSetRollingUpgrade_GetLatest_MaximumSet_Gen"
MIN_EXAMPLE = "VirtualMachineScaleSetRollingUpgrade_GetLatest_MinimumSet_Gen"
PAGE_DEFINITIONS = {
    "ApiError",
    "ApiErrorBase",
    "CloudError",
    "InnerError",
    "RollingUpgradePolicy",
    "RollingUpgradeProgressInfo",
    "RollingUpgradeRunningStatus",
    "RollingUpgradeStatusInfo",
}

_REF = {"type": "object", "required": ["$ref"], "properties": {"$ref": {"type": "string"}}}

# Only the parts of the Swagger 2.0 schema that a loader relies on; extensions (x-*) stay allowed.
SWAGGER_SHAPE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["swagger", "info", "paths"],
    "properties": {
        "swagger": {"const": "2.0"},
        "info": {"$ref": "#/$defs/info"},
        "host": {"type": "string", "pattern": r"^[^{}/ :\\]+(?::\d+)?$"},
        "basePath": {"type": "string", "pattern": "^/"},
        "schemes": {
            "type": "array",
            "items": {"enum": ["http", "https", "ws", "wss"]},
        },
        "consumes": {"$ref": "#/$defs/mediaTypes"},
        "produces": {"$ref": "#/$defs/mediaTypes"},
        "security": {"$ref": "#/$defs/security"},
        "securityDefinitions": {
            "type": "object",
            "additionalProperties": {"$ref": "#/$defs/securityScheme"},
        },
        "paths": {
            "type": "object",
            "patternProperties": {"^/": {"$ref": "#/$defs/pathItem"}},
            "additionalProperties": False,
        },
        "definitions": {"type": "object", "additionalProperties": {"type": "object"}},
        "parameters": {
            "type": "object",
            "additionalProperties": {"$ref": "#/$defs/parameter"},
        },
    },
    "patternProperties": {"^x-": {}},
    "additionalProperties": False,
    "$defs": {
        "info": {
            "type": "object",
            "required": ["title", "version"],
            "properties": {"title": {"type": "string"}, "version": {"type": "string"}},
        },
        "mediaTypes": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
        "security": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
        },
        "securityScheme": {
            "type": "object",
            "required": ["type"],
            "properties": {"type": {"enum": ["basic", "apiKey", "oauth2"]}},
            "if": {"properties": {"type": {"const": "oauth2"}, "flow": {"const": "implicit"}}},
            "then": {
                "required": ["flow", "authorizationUrl", "scopes"],
                "properties": {
                    "authorizationUrl": {"type": "string", "pattern": "^https://"},
                    "scopes": {"type": "object", "additionalProperties": {"type": "string"}},
                },
            },
        },
        "pathItem": {
            "type": "object",
            "properties": {
                "parameters": {"type": "array", "items": {"$ref": "#/$defs/parameterOrRef"}},
            },
            "patternProperties": {
                "^(get|put|post|delete|options|head|patch)$": {"$ref": "#/$defs/operation"},
                "^x-": {},
            },
            "additionalProperties": False,
        },
        "operation": {
            "type": "object",
            "required": ["responses"],
            "properties": {
                "operationId": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string"}},
                "parameters": {"type": "array", "items": {"$ref": "#/$defs/parameterOrRef"}},
                "responses": {
                    "type": "object",
                    "minProperties": 1,
                    "patternProperties": {
                        "^([1-5][0-9]{2}|default)$": {"$ref": "#/$defs/response"},
                        "^x-": {},
                    },
                    "additionalProperties": False,
                },
                "x-ms-examples": {"type": "object", "additionalProperties": _REF},
            },
        },
        "response": {
            "type": "object",
            "required": ["description"],
            "properties": {"description": {"type": "string"}, "schema": {"type": "object"}},
        },
        "parameterOrRef": {"oneOf": [_REF, {"$ref": "#/$defs/parameter"}]},
        "parameter": {
            "type": "object",
            "required": ["name", "in"],
            "not": {"required": ["$ref"]},
            "properties": {
                "name": {"type": "string"},
                "in": {"enum": ["path", "query", "header", "body", "formData"]},
                "required": {"type": "boolean"},
            },
            "if": {"properties": {"in": {"const": "path"}}},
            "then": {"required": ["required", "type"], "properties": {"required": {"const": True}}},
            "else": {
                "if": {"properties": {"in": {"const": "body"}}},
                "then": {"required": ["schema"]},
                "else": {"required": ["type"]},
            },
        },
    },
}

# The same, for the parts of OpenAPI 3.1 this spec uses.
OPENAPI3_SHAPE: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["openapi", "info", "paths"],
    "properties": {
        "openapi": {"type": "string", "pattern": r"^3\.1\.\d+$"},
        "info": SWAGGER_SHAPE["$defs"]["info"],
        "servers": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["url"],
                "properties": {"url": {"type": "string"}},
            },
        },
        "security": SWAGGER_SHAPE["$defs"]["security"],
        "paths": {
            "type": "object",
            "patternProperties": {
                "^/": {
                    "type": "object",
                    "patternProperties": {
                        "^(get|put|post|delete|options|head|patch|trace)$": {
                            "$ref": "#/$defs/operation"
                        }
                    },
                }
            },
            "additionalProperties": False,
        },
        "components": {
            "type": "object",
            "properties": {
                "schemas": {"type": "object", "additionalProperties": {"type": "object"}},
                "parameters": {
                    "type": "object",
                    "additionalProperties": {"$ref": "#/$defs/parameter"},
                },
                "securitySchemes": {
                    "type": "object",
                    "additionalProperties": {
                        "type": "object",
                        "required": ["type"],
                        "if": {"properties": {"type": {"const": "oauth2"}}},
                        "then": {"required": ["flows"]},
                    },
                },
            },
        },
    },
    "patternProperties": {"^x-": {}},
    "additionalProperties": False,
    "$defs": {
        "operation": {
            "type": "object",
            "required": ["responses"],
            "properties": {
                "parameters": {
                    "type": "array",
                    "items": {"oneOf": [_REF, {"$ref": "#/$defs/parameter"}]},
                },
                "responses": {
                    "type": "object",
                    "propertyNames": {"pattern": "^([1-5][0-9]{2}|default|x-.*)$"},
                    "additionalProperties": {
                        "type": "object",
                        "required": ["description"],
                        "properties": {
                            "content": {
                                "type": "object",
                                "additionalProperties": {
                                    "type": "object",
                                    "properties": {"schema": {"type": "object"}},
                                },
                            }
                        },
                    },
                },
            },
        },
        "parameter": {
            "type": "object",
            "required": ["name", "in", "schema"],
            "not": {"required": ["$ref"]},
            "properties": {
                "in": {"enum": ["path", "query", "header", "cookie"]},
                "schema": {"type": "object"},
            },
        },
    },
}


def _load_swagger() -> dict[str, Any]:
    data = json.loads(SWAGGER.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _load_openapi3() -> dict[str, Any]:
    data = yaml.safe_load(OPENAPI3.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _resolve_pointer(document: Any, pointer: str) -> Any:
    node = document
    for token in pointer.lstrip("/").split("/") if pointer not in ("", "/") else []:
        key = token.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def _deref(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref is None:
        return node
    assert isinstance(ref, str)
    assert ref.startswith("#/"), ref
    target = _resolve_pointer(document, ref[1:])
    assert isinstance(target, dict)
    return target


def _all_refs(node: Any, pointer: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.append((pointer, value))
            else:
                escaped = key.replace("~", "~0").replace("/", "~1")
                found.extend(_all_refs(value, f"{pointer}/{escaped}"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_all_refs(value, f"{pointer}/{index}"))
    return found


def _operation(spec: dict[str, Any], operation_id: str = OPERATION_ID) -> dict[str, Any]:
    method, path = OPERATIONS[operation_id]
    operation = spec["paths"][path][method]
    assert isinstance(operation, dict)
    return operation


def _example_files(spec_file: Path, operation: dict[str, Any]) -> dict[str, Path]:
    return {
        name: (spec_file.parent / entry["$ref"]).resolve()
        for name, entry in operation["x-ms-examples"].items()
    }


def _read_json(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# --- JSON Schema built from the Swagger definitions -------------------------------------------


def _rewrite_refs(node: Any, prefix: str, replacement: str) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                value.replace(prefix, replacement, 1)
                if key == "$ref" and isinstance(value, str)
                else _rewrite_refs(value, prefix, replacement)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite_refs(value, prefix, replacement) for value in node]
    return node


def _allof_parents(definitions: dict[str, Any]) -> set[str]:
    parents: set[str] = set()
    for definition in definitions.values():
        for part in definition.get("allOf", []):
            parents.add(part["$ref"].rsplit("/", 1)[-1])
    return parents


def _closed(schema: dict[str, Any]) -> dict[str, Any]:
    """Reject properties the spec does not declare, so a typo in an example body cannot pass."""
    closed = dict(schema)
    if "properties" in closed and "additionalProperties" not in closed:
        closed["unevaluatedProperties"] = False
    return closed


def _body_schema(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    definitions = _rewrite_refs(spec["definitions"], "#/definitions/", "#/$defs/")
    # unevaluatedProperties on an allOf parent cannot see the child's own properties, so only
    # the children (which see everything through allOf) are closed.
    parents = _allof_parents(spec["definitions"])
    defs = {
        name: definition if name in parents else _closed(definition)
        for name, definition in definitions.items()
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": ref.replace("#/definitions/", "#/$defs/", 1),
        "$defs": defs,
    }


_FORMATS = jsonschema.FormatChecker(formats=())
_RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


@_FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _RFC3339.fullmatch(instance):
        raise ValueError(f"not an RFC 3339 date-time: {instance!r}")
    datetime.fromisoformat(instance.upper().replace("Z", "+00:00"))
    return True


@_FORMATS.checks("int32")
def _is_int32(instance: object) -> bool:
    if isinstance(instance, bool) or not isinstance(instance, int):
        return True
    return bool(-(2**31) <= instance < 2**31)


def _validator(spec: dict[str, Any], ref: str) -> jsonschema.Draft202012Validator:
    schema = _body_schema(spec, ref)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=_FORMATS)


def _success_ref(spec: dict[str, Any]) -> str:
    ref = _operation(spec)["responses"]["200"]["schema"]["$ref"]
    assert isinstance(ref, str)
    return ref


# --- the Swagger file ------------------------------------------------------------------------


def test_swagger_file_has_the_swagger_2_structure() -> None:
    spec = _load_swagger()
    jsonschema.Draft202012Validator.check_schema(SWAGGER_SHAPE)
    jsonschema.Draft202012Validator(SWAGGER_SHAPE).validate(spec)


def test_swagger_shape_check_rejects_broken_documents() -> None:
    validator = jsonschema.Draft202012Validator(SWAGGER_SHAPE)
    spec = _load_swagger()
    broken = [copy.deepcopy(spec) for _ in range(4)]
    broken[0]["swagger"] = "3.0"
    del broken[1]["paths"][PATH]["get"]["responses"]
    broken[2]["parameters"]["SubscriptionIdParameter"]["required"] = False
    del broken[3]["securityDefinitions"]["azure_auth"]["authorizationUrl"]
    for document in broken:
        assert not validator.is_valid(document)


def test_swagger_file_states_the_api_facts() -> None:
    spec = _load_swagger()
    assert spec["info"]["title"] == "ComputeManagementClient"
    assert spec["info"]["version"] == "2024-07-01"
    assert spec["host"] == "management.azure.com"
    assert spec["schemes"] == ["https"]
    assert spec["consumes"] == spec["produces"] == ["application/json"]
    assert spec["security"] == [{"azure_auth": ["user_impersonation"]}]
    auth = spec["securityDefinitions"]["azure_auth"]
    assert (auth["type"], auth["flow"]) == ("oauth2", "implicit")
    assert auth["authorizationUrl"] == "https://login.microsoftonline.com/common/oauth2/authorize"
    assert list(auth["scopes"]) == ["user_impersonation"]
    assert list(spec["paths"]) == list(dict.fromkeys(path for _, path in OPERATIONS.values()))
    for operation_id in OPERATIONS:
        operation = _operation(spec, operation_id)
        assert operation["operationId"] == operation_id
        assert operation["responses"]["default"]["schema"] == {"$ref": "#/definitions/CloudError"}
        assert operation.get("x-ms-long-running-operation", False) is (operation_id in LONG_RUNNING)
        if operation_id in LONG_RUNNING:
            assert set(operation["responses"]) == {"200", "202", "default"}
            assert all("schema" not in operation["responses"][c] for c in ("200", "202"))
    assert set(_operation(spec)["responses"]) == {"200", "default"}
    listing = _operation(spec, "VirtualMachineScaleSets_List")
    assert listing["x-ms-pageable"] == {"nextLinkName": "nextLink"}
    assert listing["responses"]["200"]["schema"] == {
        "$ref": "#/definitions/VirtualMachineScaleSetListResult"
    }
    assert set(spec["definitions"]) >= PAGE_DEFINITIONS


def test_swagger_file_is_two_space_indented_json() -> None:
    text = SWAGGER.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("spec_file", [SWAGGER, OPENAPI3], ids=["swagger", "openapi3"])
def test_every_reference_resolves(spec_file: Path) -> None:
    spec = _load_swagger() if spec_file == SWAGGER else _load_openapi3()
    refs = _all_refs(spec)
    assert refs
    for pointer, ref in refs:
        target, _, fragment = ref.partition("#")
        document: Any = spec
        if target:
            path = spec_file.parent / target
            assert path.is_file(), f"{pointer}: {ref} does not exist"
            document = _read_json(path)
        assert _resolve_pointer(document, fragment) is not None, f"{pointer}: {ref}"


@pytest.mark.parametrize("spec_file", [SWAGGER, OPENAPI3], ids=["swagger", "openapi3"])
@pytest.mark.parametrize("operation_id", list(OPERATIONS))
def test_path_placeholders_match_path_parameters(spec_file: Path, operation_id: str) -> None:
    spec = _load_swagger() if spec_file == SWAGGER else _load_openapi3()
    parameters = [_deref(spec, p) for p in _operation(spec, operation_id)["parameters"]]
    in_path = {p["name"] for p in parameters if p["in"] == "path"}
    assert in_path == set(re.findall(r"{([^}]+)}", OPERATIONS[operation_id][1]))
    assert [p["name"] for p in parameters if p["in"] == "query"] == ["api-version"]
    assert all(p["required"] for p in parameters)


def test_flattened_resource_and_enums_are_marked() -> None:
    definitions = _load_swagger()["definitions"]
    info = definitions["RollingUpgradeStatusInfo"]
    assert info["allOf"] == [{"$ref": "#/definitions/Resource"}]
    assert info["properties"]["properties"]["x-ms-client-flatten"] is True
    assert definitions["Resource"]["x-ms-azure-resource"] is True
    assert definitions["Resource"]["required"] == ["location"]
    status = definitions["RollingUpgradeRunningStatus"]["properties"]
    assert status["code"]["x-ms-enum"]["name"] == "RollingUpgradeStatusCode"
    assert status["lastAction"]["x-ms-enum"]["name"] == "RollingUpgradeActionType"
    assert set(status["code"]["enum"]) == {"RollingForward", "Cancelled", "Completed", "Faulted"}
    assert set(status["lastAction"]["enum"]) == {"Start", "Cancel"}


# --- the examples ----------------------------------------------------------------------------


def test_examples_are_the_two_page_examples() -> None:
    spec = _load_swagger()
    files = _example_files(SWAGGER, _operation(spec))
    assert set(files) == {MAX_EXAMPLE, MIN_EXAMPLE}
    assert {path.parent for path in files.values()} == {EXAMPLES.resolve()}
    assert all(path.stem == name for name, path in files.items())


@pytest.mark.parametrize("name", [MAX_EXAMPLE, MIN_EXAMPLE])
def test_example_parameters_fill_the_request(name: str) -> None:
    spec = _load_swagger()
    example = _read_json(_example_files(SWAGGER, _operation(spec))[name])
    parameters = example["parameters"]
    assert set(re.findall(r"{([^}]+)}", PATH)) <= set(parameters)
    assert parameters["api-version"] == spec["info"]["version"]
    assert parameters["resourceGroupName"] == "rgcompute"


@pytest.mark.parametrize("name", [MAX_EXAMPLE, MIN_EXAMPLE])
def test_example_bodies_conform_to_the_definitions(name: str) -> None:
    spec = _load_swagger()
    example = _read_json(_example_files(SWAGGER, _operation(spec))[name])
    assert set(example["responses"]) == {"200"}
    validator = _validator(spec, _success_ref(spec))
    errors = [e.message for e in validator.iter_errors(example["responses"]["200"]["body"])]
    assert errors == []


def _other_examples() -> list[tuple[str, str]]:
    return [(op, name) for op, names in OTHER_EXAMPLES.items() for name in sorted(names)]


@pytest.mark.parametrize("spec_file", [SWAGGER, OPENAPI3], ids=["swagger", "openapi3"])
def test_every_operation_has_its_example_files(spec_file: Path) -> None:
    spec = _load_swagger() if spec_file == SWAGGER else _load_openapi3()
    for operation_id, names in OTHER_EXAMPLES.items():
        files = _example_files(spec_file, _operation(spec, operation_id))
        assert set(files) == names
        assert all(
            path.parent == EXAMPLES.resolve() and path.stem == name for name, path in files.items()
        )


@pytest.mark.parametrize(("operation_id", "name"), _other_examples())
def test_other_example_parameters_fill_the_request(operation_id: str, name: str) -> None:
    spec = _load_swagger()
    example = _read_json(EXAMPLES / f"{name}.json")
    parameters = example["parameters"]
    assert set(re.findall(r"{([^}]+)}", OPERATIONS[operation_id][1])) <= set(parameters)
    assert parameters["api-version"] == spec["info"]["version"]


@pytest.mark.parametrize(("operation_id", "name"), _other_examples())
def test_other_example_responses_are_responses_of_the_operation(
    operation_id: str, name: str
) -> None:
    spec = _load_swagger()
    operation = _operation(spec, operation_id)
    responses = _read_json(EXAMPLES / f"{name}.json")["responses"]
    assert set(responses) <= set(operation["responses"]) - {"default"}
    for code, response in responses.items():
        schema = operation["responses"][code].get("schema")
        if schema is None:
            assert "body" not in response
            continue
        validator = _validator(spec, schema["$ref"])
        assert [e.message for e in validator.iter_errors(response["body"])] == []
    if operation_id in LONG_RUNNING:
        # The 202 of a long-running operation names the URL to follow it with.
        (location,) = responses["202"]["headers"].values()
        assert location.startswith("https://")


def test_list_body_validator_rejects_items_that_break_the_spec() -> None:
    spec = _load_swagger()
    body = _read_json(EXAMPLES / "VirtualMachineScaleSet_List_MinimumSet_Gen.json")["responses"][
        "200"
    ]["body"]
    validator = _validator(spec, "#/definitions/VirtualMachineScaleSetListResult")
    assert validator.is_valid(body)
    broken = copy.deepcopy(body)
    del broken["value"][0]["location"]
    assert not validator.is_valid(broken)
    assert not validator.is_valid({"nextLink": "x"})  # value is required
    assert not validator.is_valid({**body, "value": [{**body["value"][0], "zones": "1"}]})


def _max_body() -> dict[str, Any]:
    body = _read_json(EXAMPLES / f"{MAX_EXAMPLE}.json")["responses"]["200"]["body"]
    assert isinstance(body, dict)
    return body


def _set(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    *parents, last = path.split("/")
    node = changed
    for key in parents:
        node = node[key]
    if value is _DELETE:
        del node[last]
    else:
        node[last] = value
    return changed


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("properties/policy/maxBatchInstancePercent", 4),
        ("properties/policy/maxUnhealthyUpgradedInstancePercent", 101),
        ("properties/policy/maxSurge", "yes"),
        ("properties/runningStatus/code", "Paused"),
        ("properties/runningStatus/startTime", "30/11/2021 13:06"),
        ("properties/progress/pendingInstanceCount", 2**31),
        ("properties/progress/unknownCount", 1),
        ("properties/error/details", {"code": "x"}),
        ("tags/key8533", 5),
        ("location", _DELETE),
        ("provisioningState", "Succeeded"),
    ],
)
def test_body_validator_rejects_bodies_that_break_the_spec(path: str, value: Any) -> None:
    spec = _load_swagger()
    validator = _validator(spec, _success_ref(spec))
    assert validator.is_valid(_max_body())
    assert not validator.is_valid(_set(_max_body(), path, value))


# --- the OpenAPI 3.1 file --------------------------------------------------------------------


def test_openapi3_file_has_the_openapi_3_1_structure() -> None:
    jsonschema.Draft202012Validator.check_schema(OPENAPI3_SHAPE)
    jsonschema.Draft202012Validator(OPENAPI3_SHAPE).validate(_load_openapi3())


def _as_swagger_parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    converted = {key: value for key, value in parameter.items() if key != "schema"}
    converted.update(parameter["schema"])
    return converted


def _as_swagger_response(response: dict[str, Any]) -> dict[str, Any]:
    converted = {key: value for key, value in response.items() if key != "content"}
    if "content" not in response:
        return converted  # a response without a body
    assert list(response["content"]) == ["application/json"]
    converted["schema"] = response["content"]["application/json"]["schema"]
    return converted


def _as_swagger_operation(openapi: dict[str, Any], operation_id: str) -> dict[str, Any]:
    operation = copy.deepcopy(_operation(openapi, operation_id))
    operation["parameters"] = [
        p if "$ref" in p else _as_swagger_parameter(p) for p in operation["parameters"]
    ]
    operation["responses"] = {
        code: _as_swagger_response(r) for code, r in operation["responses"].items()
    }
    operation["x-ms-examples"] = {
        name: str(path) for name, path in _example_files(OPENAPI3, operation).items()
    }
    rewritten = _rewrite_refs(operation, "#/components/parameters/", "#/parameters/")
    result = _rewrite_refs(rewritten, "#/components/schemas/", "#/definitions/")
    assert isinstance(result, dict)
    return result


def test_openapi3_file_describes_the_same_api_as_the_swagger_file() -> None:
    swagger, openapi = _load_swagger(), _load_openapi3()
    assert openapi["info"] == swagger["info"]
    assert openapi["servers"] == [{"url": f"https://{swagger['host']}"}]
    assert openapi["security"] == swagger["security"]
    assert list(openapi["paths"]) == list(swagger["paths"])

    for operation_id in OPERATIONS:
        expected = copy.deepcopy(_operation(swagger, operation_id))
        expected["x-ms-examples"] = {
            name: str(path) for name, path in _example_files(SWAGGER, expected).items()
        }
        assert _as_swagger_operation(openapi, operation_id) == expected

    components = openapi["components"]
    schemas = _rewrite_refs(components["schemas"], "#/components/schemas/", "#/definitions/")
    assert schemas == swagger["definitions"]
    assert list(schemas) == list(swagger["definitions"])
    parameters = {n: _as_swagger_parameter(p) for n, p in components["parameters"].items()}
    assert parameters == swagger["parameters"]


def test_openapi3_security_scheme_matches_the_swagger_one() -> None:
    swagger_scheme = _load_swagger()["securityDefinitions"]["azure_auth"]
    scheme = _load_openapi3()["components"]["securitySchemes"]["azure_auth"]
    assert scheme["type"] == "oauth2"
    assert scheme["description"] == swagger_scheme["description"]
    assert scheme["flows"] == {
        "implicit": {
            "authorizationUrl": swagger_scheme["authorizationUrl"],
            "scopes": swagger_scheme["scopes"],
        }
    }


def test_loader_builds_the_same_model_from_both_files() -> None:
    loader = pytest.importorskip("generator.loader")
    from generator.ir import to_json

    from_swagger = loader.load_api(SWAGGER)
    # Its examples are the Swagger file's, in a sibling folder: allowed explicitly.
    from_openapi3 = loader.load_api(OPENAPI3, ref_roots=[ROOT / "specs"])
    operation_ids = {op.operation_id for group in from_swagger.groups for op in group.operations}
    assert operation_ids == set(OPERATIONS)
    assert {m.name for m in from_swagger.models} >= PAGE_DEFINITIONS
    assert to_json(from_swagger, with_sources=False) == to_json(from_openapi3, with_sources=False)
