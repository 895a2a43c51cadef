"""Operations, parameters, responses, extensions, security and host (Swagger 2.0)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator import ir
from generator.diagnostics import Diagnostic, Severity, SpecError
from generator.loader import load_api

P = ir.Primitive
OK = {"200": {"description": "OK"}}


def _spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "swagger": "2.0",
        "consumes": ["application/json"],
        "info": {"title": "Contoso Widgets API!", "version": "2023-05-01"},
        "host": "api.contoso.com",
        "schemes": ["http", "https"],
        "paths": paths,
        **extra,
    }


def _load(tmp_path: Path, spec: dict[str, Any], **kwargs: Any) -> ir.Api:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return load_api(path, **kwargs)


def _op(api: ir.Api, operation_id: str) -> ir.Operation:
    for group in api.groups:
        for op in group.operations:
            if op.operation_id == operation_id:
                return op
    raise KeyError(operation_id)


def _params(op: ir.Operation) -> dict[str, ir.Parameter]:
    return {p.wire_name: p for p in op.parameters}


def test_groups_order_and_names(tmp_path: Path) -> None:
    paths = {
        "/b": {
            "delete": {"operationId": "Widgets_Delete", "responses": OK},
            "get": {"operationId": "Widgets_Get", "responses": OK},
            "put": {
                "operationId": "Widgets_CreateOrUpdate",
                "responses": OK,
                "x-ms-long-running-operation": True,
            },
        },
        "/a": {"get": {"operationId": "Ping", "responses": OK}},
        "/c": {"get": {"operationId": "HTTPServers_ListAll", "responses": OK}},
        "/d": {"post": {"operationId": "widgets_get", "responses": OK}},
        "/e": {"post": {"operationId": "Close", "responses": OK}},
    }
    api = _load(tmp_path, _spec(paths))
    assert api.client_name == "ContosoWidgetsAPI"
    # "widgets_get" joins the Widgets group: group names that differ in case only are one group.
    assert [g.name for g in api.groups] == ["", "HTTPServers", "Widgets"]
    client_group = api.groups[0]
    assert (client_group.py_attr, client_group.class_name, client_group.module_name) == (
        "",
        "ContosoWidgetsAPIOperationsMixin",
        "_operations_mixin",
    )
    assert [op.py_name for op in client_group.operations] == ["ping", "close_"]
    servers = api.groups[1]
    assert (servers.py_attr, servers.class_name, servers.module_name) == (
        "http_servers",
        "HTTPServersOperations",
        "_http_servers",
    )
    widgets = api.groups[2]
    assert [op.py_name for op in widgets.operations] == [
        "get",
        "begin_create_or_update",
        "delete",
        "get_2",
    ]
    assert [op.method for op in widgets.operations] == ["GET", "PUT", "DELETE", "POST"]
    assert widgets.py_attr == "widgets"
    assert widgets.class_name == "WidgetsOperations"


def test_client_name_argument_wins(tmp_path: Path) -> None:
    api = _load(tmp_path, _spec({}), client_name="MyClient")
    assert api.client_name == "MyClient"
    assert api.groups == ()


def test_py_names_unique_within_a_group(tmp_path: Path) -> None:
    paths = {
        "/a": {"get": {"operationId": "G_ListAll", "responses": OK}},
        "/b": {"get": {"operationId": "G_List_All", "responses": OK}},
    }
    api = _load(tmp_path, _spec(paths))
    assert [op.py_name for op in api.groups[0].operations] == ["list_all", "list_all_2"]


def test_parameters_merge_rename_and_serialize(tmp_path: Path) -> None:
    paths = {
        "/items/{id}": {
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "type": "string",
                    "description": "path level",
                },
                {"name": "x-trace", "in": "header", "type": "string"},
            ],
            "get": {
                "operationId": "Items_Get",
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "type": "integer",
                        "x-ms-client-name": "itemId",
                        "x-ms-skip-url-encoding": True,
                    },
                    {
                        "name": "tags",
                        "in": "query",
                        "type": "array",
                        "items": {"type": "string"},
                        "collectionFormat": "pipes",
                    },
                    {"name": "ids", "in": "query", "type": "array", "items": {"type": "integer"}},
                    {
                        "name": "many",
                        "in": "query",
                        "type": "array",
                        "items": {"type": "string"},
                        "collectionFormat": "multi",
                    },
                    {
                        "name": "timeout",
                        "in": "query",
                        "type": "integer",
                        "default": 30,
                        "minimum": 1,
                    },
                    {
                        "name": "kind",
                        "in": "query",
                        "required": True,
                        "type": "string",
                        "enum": ["fixed"],
                    },
                ],
                "responses": OK,
            },
        }
    }
    op = _op(_load(tmp_path, _spec(paths)), "Items_Get")
    assert [p.wire_name for p in op.parameters] == [
        "x-trace",
        "id",
        "tags",
        "ids",
        "many",
        "timeout",
        "kind",
    ]
    params = _params(op)
    item = params["id"]
    assert (item.py_name, item.type, item.skip_url_encoding) == (
        "item_id",
        ir.PrimitiveType(P.INT),
        True,
    )
    assert params["x-trace"].py_name == "x_trace"
    assert params["tags"].collection_format is ir.CollectionFormat.PIPES
    assert params["ids"].collection_format is ir.CollectionFormat.CSV
    assert (params["many"].collection_format, params["many"].explode) == (
        ir.CollectionFormat.MULTI,
        True,
    )
    assert params["timeout"].py_name == "timeout_"  # `timeout` is every method's own keyword
    assert (params["timeout"].default, params["timeout"].has_default) == (30, True)
    assert params["timeout"].constraints.minimum == 1
    assert params["kind"].type == ir.ConstantType("fixed", ir.PrimitiveType(P.STRING))
    assert not any(p.client_level for p in op.parameters)


def test_client_level_parameters(tmp_path: Path) -> None:
    paths = {
        "/a/{subscriptionId}": {
            "get": {
                "operationId": "A_Get",
                "parameters": [
                    {"$ref": "#/parameters/ApiVersion"},
                    {"$ref": "#/parameters/Subscription"},
                    {"$ref": "#/parameters/Filter"},
                    {"name": "subscription_id", "in": "query", "type": "string"},
                ],
                "responses": OK,
            }
        },
        "/b": {
            "get": {
                "operationId": "B_Get",
                "parameters": [
                    {"$ref": "#/parameters/ApiVersion"},
                    {"$ref": "#/parameters/Region"},
                ],
                "responses": OK,
            }
        },
    }
    parameters = {
        "ApiVersion": {"name": "api-version", "in": "query", "required": True, "type": "string"},
        "Subscription": {
            "name": "subscriptionId",
            "in": "path",
            "required": True,
            "type": "string",
        },
        "Filter": {
            "name": "$filter",
            "in": "query",
            "type": "string",
            "x-ms-parameter-location": "method",
        },
        "Region": {
            "name": "region",
            "in": "header",
            "required": True,
            "type": "string",
            "x-ms-parameter-location": "client",
        },
    }
    api = _load(tmp_path, _spec(paths, parameters=parameters))
    assert [(p.py_name, p.wire_name) for p in api.client_parameters] == [
        ("subscription_id", "subscriptionId"),
        ("region", "region"),
        ("api_version", "api-version"),
    ]
    api_version = api.client_parameters[2]
    assert (api_version.default, api_version.has_default, api_version.required) == (
        "2023-05-01",
        True,
        True,
    )
    params = _params(_op(api, "A_Get"))
    assert params["api-version"] is api_version
    assert params["subscriptionId"].client_level
    assert not params["$filter"].client_level
    assert params["$filter"].py_name == "filter"
    assert params["subscription_id"].py_name == "subscription_id_2"


def test_body_and_form_parameters(tmp_path: Path) -> None:
    paths = {
        "/body": {
            "put": {
                "operationId": "Body_Put",
                "consumes": ["application/json", "text/json"],
                "parameters": [
                    {
                        "name": "payload",
                        "in": "body",
                        "required": True,
                        "x-ms-client-flatten": True,
                        "schema": {"$ref": "#/definitions/Thing"},
                    }
                ],
                "responses": OK,
            },
            "post": {
                "operationId": "Body_Post",
                "parameters": [
                    {"name": "data", "in": "body", "schema": {"type": "string", "format": "binary"}}
                ],
                "responses": OK,
            },
        },
        "/form": {
            "post": {
                "operationId": "Form_Upload",
                "consumes": ["multipart/form-data"],
                "parameters": [
                    {"name": "file", "in": "formData", "type": "file", "required": True},
                    {"name": "fileName", "in": "formData", "type": "string"},
                ],
                "responses": OK,
            }
        },
    }
    definitions = {"Thing": {"properties": {"a": {"type": "string"}}}}
    api = _load(
        tmp_path, _spec(paths, consumes=["application/octet-stream"], definitions=definitions)
    )
    body = _params(_op(api, "Body_Put"))["payload"]
    assert (body.location, body.flatten, body.required) == (ir.ParamLocation.BODY, True, True)
    assert body.content_types == ("application/json", "text/json")
    assert body.type == ir.ModelType("Thing")
    raw = _params(_op(api, "Body_Post"))["data"]
    assert raw.content_types == ("application/octet-stream",)
    assert raw.type == ir.PrimitiveType(P.BINARY)
    form = _params(_op(api, "Form_Upload"))
    assert form["file"].location is ir.ParamLocation.FORM
    assert form["file"].type == ir.PrimitiveType(P.BINARY)
    assert form["fileName"].py_name == "file_name"
    assert _op(api, "Form_Upload").consumes == ("multipart/form-data",)
    assert _op(api, "Body_Post").consumes == ("application/octet-stream",)


def test_responses(tmp_path: Path) -> None:
    paths = {
        "/r": {
            "get": {
                "operationId": "R_Get",
                "produces": ["application/xml"],
                "responses": {
                    "200": {
                        "description": "OK",
                        "schema": {"type": "string"},
                        "headers": {
                            "ETag": {"type": "string"},
                            "x-ms-request-id": {"type": "string", "format": "uuid"},
                            "Retry-After": {
                                "type": "integer",
                                "x-ms-client-name": "retryAfterSeconds",
                            },
                        },
                    },
                    "204": {"description": "No content"},
                    "404": {"description": "Missing", "x-ms-error-response": False},
                    "409": {"description": "Conflict", "schema": {"$ref": "#/definitions/Err"}},
                    "202": {"description": "Accepted", "x-ms-error-response": True},
                    "default": {"description": "Error", "schema": {"$ref": "#/definitions/Err"}},
                },
            }
        }
    }
    definitions = {"Err": {"properties": {"code": {"type": "string"}}}}
    api = _load(tmp_path, _spec(paths, definitions=definitions))
    op = _op(api, "R_Get")
    summary = [(r.status_codes, r.is_error, r.type) for r in op.responses]
    assert summary == [
        ((200,), False, ir.PrimitiveType(P.STRING)),
        ((204,), False, None),
        ((404,), False, None),
        ((409,), True, ir.ModelType("Err")),
        ((202,), True, None),
        ((), True, ir.ModelType("Err")),
    ]
    assert op.responses[0].content_types == ("application/xml",)
    assert op.responses[1].content_types == ()
    assert [(h.wire_name, h.py_name, h.type) for h in op.responses[0].headers] == [
        ("ETag", "e_tag", ir.PrimitiveType(P.STRING)),
        ("x-ms-request-id", "x_ms_request_id", ir.PrimitiveType(P.UUID)),
        ("Retry-After", "retry_after_seconds", ir.PrimitiveType(P.INT)),
    ]
    assert op.produces == ("application/xml",)
    assert op.consumes == ()  # nothing is sent, so the global consumes does not apply
    assert api.model("Err").is_error


def test_invalid_status_code_is_an_error(tmp_path: Path) -> None:
    paths = {"/r": {"get": {"operationId": "R_Get", "responses": {"20x0": {"description": ""}}}}}
    with pytest.raises(SpecError) as info:
        _load(tmp_path, _spec(paths))
    assert info.value.diagnostic.pointer == "/paths/~1r/get/responses/20x0"
    assert info.value.diagnostic.message == "'20x0' is not an HTTP status code"


def test_long_running_and_paging(tmp_path: Path) -> None:
    paths = {
        "/lro": {
            "put": {
                "operationId": "L_Put",
                "responses": OK,
                "x-ms-long-running-operation": True,
                "x-ms-long-running-operation-options": {"final-state-via": "azure-async-operation"},
            },
            "post": {
                "operationId": "L_Post",
                "responses": OK,
                "x-ms-long-running-operation": False,
            },
        },
        "/pages": {
            "get": {
                "operationId": "P_List",
                "responses": OK,
                "x-ms-pageable": {"nextLinkName": "nextLink"},
            },
            "put": {
                "operationId": "P_Single",
                "responses": OK,
                "x-ms-pageable": {"nextLinkName": None, "itemName": "items"},
            },
            "post": {"operationId": "P_Absent", "responses": OK, "x-ms-pageable": {}},
            "patch": {
                "operationId": "P_Next",
                "responses": OK,
                "x-ms-pageable": {"nextLinkName": "odata.nextLink", "operationName": "P_ListNext"},
            },
        },
    }
    api = _load(tmp_path, _spec(paths))
    put = _op(api, "L_Put")
    assert put.py_name == "begin_put"
    assert put.long_running == ir.LongRunning(ir.FinalStateVia.AZURE_ASYNC_OPERATION)
    assert _op(api, "L_Post").long_running is None
    assert _op(api, "L_Post").py_name == "post"
    assert _op(api, "P_List").paging == ir.Paging("value", "nextLink")
    assert _op(api, "P_Single").paging == ir.Paging("items", None)
    assert _op(api, "P_Absent").paging == ir.Paging("value", None)
    assert _op(api, "P_Next").paging == ir.Paging("value", "odata.nextLink", "P_ListNext")


def test_unknown_final_state_via_is_an_error(tmp_path: Path) -> None:
    paths = {
        "/lro": {
            "put": {
                "operationId": "L_Put",
                "responses": OK,
                "x-ms-long-running-operation": True,
                "x-ms-long-running-operation-options": {"final-state-via": "nowhere"},
            }
        }
    }
    with pytest.raises(SpecError) as info:
        _load(tmp_path, _spec(paths))
    assert info.value.diagnostic.pointer == (
        "/paths/~1lro/put/x-ms-long-running-operation-options/final-state-via"
    )
    assert "unknown final-state-via 'nowhere'" in info.value.diagnostic.message


def test_examples_and_missing_example_warning(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    example = {
        "parameters": {"name": "w1", "api-version": "2023-05-01", "body": {"b": 2, "a": [1]}},
        "responses": {
            "200": {"body": {"z": None, "a": "x"}, "headers": {"ETag": "abc"}},
            "204": {},
        },
    }
    (tmp_path / "examples" / "Get.json").write_text(json.dumps(example), encoding="utf-8")
    paths = {
        "/w": {
            "get": {
                "operationId": "W_Get",
                "responses": OK,
                "x-ms-examples": {
                    "Get a widget": {"$ref": "./examples/Get.json"},
                    "Missing one": {"$ref": "./examples/Missing.json"},
                },
            }
        }
    }
    warnings: list[Diagnostic] = []
    api = _load(tmp_path, _spec(paths), warnings=warnings)
    (example_ir,) = _op(api, "W_Get").examples
    assert example_ir.name == "Get a widget"
    assert example_ir.source == ir.Source("examples/Get.json", "")
    assert example_ir.parameters == (
        ir.ExampleValue("name", '"w1"'),
        ir.ExampleValue("api-version", '"2023-05-01"'),
        ir.ExampleValue("body", '{"a":[1],"b":2}'),
    )
    assert example_ir.responses == (
        ir.ExampleResponse(200, '{"a":"x","z":null}', (ir.ExampleValue("ETag", '"abc"'),)),
        ir.ExampleResponse(204, None),
    )
    (warning,) = warnings
    assert warning.severity is Severity.WARNING
    assert (warning.file, warning.pointer) == (
        "spec.json",
        "/paths/~1w/get/x-ms-examples/Missing one/$ref",
    )
    assert warning.message == (
        "example 'Missing one' left out: $ref './examples/Missing.json': "
        "examples/Missing.json: cannot read file: No such file or directory"
    )
    assert api.source_files == ("examples/Get.json", "spec.json")


def test_security_schemes(tmp_path: Path) -> None:
    definitions = {
        "aad": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://login.microsoftonline.com/common/oauth2/authorize",
            "scopes": {"user_impersonation": "act as user"},
        },
        "other": {
            "type": "oauth2",
            "flow": "application",
            "tokenUrl": "https://auth.example.com/token",
            "scopes": {"read": "", "write": ""},
        },
        "key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
        "unused": {"type": "apiKey", "name": "code", "in": "query"},
    }
    paths = {
        "/s": {
            "get": {
                "operationId": "S_Get",
                "responses": OK,
                "security": [{"other": ["write"]}, {"key": []}],
            }
        }
    }
    spec = _spec(paths, securityDefinitions=definitions, security=[{"aad": ["user_impersonation"]}])
    api = _load(tmp_path, spec)
    assert api.security == (
        ir.OAuth2Scheme("aad", ("https://api.contoso.com/.default",), py_name="aad"),
        ir.OAuth2Scheme("other", ("write",), py_name="other"),
        ir.ApiKeyScheme("key", "x-api-key", "header", py_name="key"),
    )
    assert api.security_default == (("aad",),)
    assert _op(api, "S_Get").security == (("other",), ("key",))


def test_operation_security_overrides_and_empty_means_none(tmp_path: Path) -> None:
    definitions = {
        "key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
        "user": {"type": "basic"},
    }
    paths = {
        "/a": {"get": {"operationId": "A", "responses": OK}},
        "/b": {"get": {"operationId": "B", "responses": OK, "security": []}},
        "/c": {"get": {"operationId": "C", "responses": OK, "security": [{}, {"key": []}]}},
    }
    spec = _spec(paths, securityDefinitions=definitions, security=[{"key": [], "user": []}])
    api = _load(tmp_path, spec)
    assert _op(api, "A").security == (("key", "user"),)
    assert _op(api, "B").security == ()
    assert _op(api, "C").security == ((), ("key",))


def test_scheme_names_avoid_the_constructor_arguments(tmp_path: Path) -> None:
    definitions = {
        "endpoint": {"type": "apiKey", "name": "a", "in": "header"},
        "Endpoint": {"type": "apiKey", "name": "b", "in": "query"},
    }
    spec = _spec({}, securityDefinitions=definitions, security=[{"endpoint": [], "Endpoint": []}])
    api = _load(tmp_path, spec)
    assert [s.py_name for s in api.security] == ["endpoint_", "endpoint_2"]


def test_undefined_security_scheme_is_a_warning(tmp_path: Path) -> None:
    warnings: list[Any] = []
    spec = _spec({}, security=[{"nope": []}])
    api = _load(tmp_path, spec, warnings=warnings)
    assert api.security == ()
    assert api.security_default == ()
    assert [(w.pointer, w.message) for w in warnings] == [
        ("/security/0", "security scheme 'nope' is not defined; requirement left out")
    ]


def test_host_and_base_path(tmp_path: Path) -> None:
    api = _load(tmp_path, _spec({}, basePath="/v2/"))
    assert api.default_endpoint == "https://api.contoso.com/v2"
    assert api.host == ir.Host("https://api.contoso.com/v2", (), True)
    api = _load(tmp_path, _spec({}, basePath="/", schemes=["http"]))
    assert api.default_endpoint == "http://api.contoso.com"


def test_no_host(tmp_path: Path) -> None:
    spec = _spec({})
    del spec["host"]
    api = _load(tmp_path, spec)
    assert api.default_endpoint == ""
    assert api.host.template == ""


def test_parameterized_host(tmp_path: Path) -> None:
    spec = _spec(
        {"/p": {"get": {"operationId": "P_Get", "responses": OK}}},
        basePath="/api",
        parameters={
            "Endpoint": {
                "name": "endpoint",
                "in": "path",
                "required": True,
                "type": "string",
                "x-ms-skip-url-encoding": True,
            }
        },
    )
    spec["x-ms-parameterized-host"] = {
        "hostTemplate": "{account}.{endpoint}",
        "parameters": [
            {"name": "account", "in": "path", "required": True, "type": "string"},
            {"$ref": "#/parameters/Endpoint"},
            {
                "name": "zone",
                "in": "path",
                "type": "string",
                "default": "eu",
                "x-ms-parameter-location": "method",
            },
        ],
    }
    spec["x-ms-parameterized-host"]["hostTemplate"] += ".{zone}"
    api = _load(tmp_path, spec)
    assert api.host.template == "https://{account}.{endpoint}.{zone}/api"
    assert not api.host.use_scheme_host
    assert api.default_endpoint == ""
    # Written inline, a host parameter is the method's (as AutoRest has it); a $ref to the
    # parameters section makes it the client's.
    assert [(p.py_name, p.location, p.client_level) for p in api.host.parameters] == [
        ("account", ir.ParamLocation.HOST, False),
        ("endpoint", ir.ParamLocation.HOST, True),
        ("zone", ir.ParamLocation.HOST, False),
    ]
    assert [p.py_name for p in api.client_parameters] == ["endpoint"]
    op_params = _params(_op(api, "P_Get"))
    assert op_params["zone"].location is ir.ParamLocation.HOST
    assert not op_params["zone"].client_level
    assert not op_params["account"].client_level


def test_parameterized_host_with_defaults_and_no_scheme_prefix(tmp_path: Path) -> None:
    spec = _spec({})
    spec["x-ms-parameterized-host"] = {
        "hostTemplate": "{endpoint}/{region}",
        "useSchemePrefix": False,
        "parameters": [
            {"name": "endpoint", "in": "path", "type": "string", "default": "https://x.io"},
            {"name": "region", "in": "path", "type": "string", "default": "eu"},
        ],
    }
    api = _load(tmp_path, spec)
    assert api.host.template == "{endpoint}/{region}"
    assert api.default_endpoint == "https://x.io/eu"
    # The template's leading authority is the service endpoint: the client's, though inline.
    assert [(p.py_name, p.client_level) for p in api.host.parameters] == [
        ("endpoint", True),
        ("region", False),
    ]


def test_only_a_whole_leading_authority_is_the_endpoint(tmp_path: Path) -> None:
    spec = _spec({})
    spec["x-ms-parameterized-host"] = {
        "hostTemplate": "{account}{host}",
        "useSchemePrefix": False,
        "parameters": [
            {"name": "account", "in": "path", "type": "string"},
            {"name": "host", "in": "path", "type": "string"},
        ],
    }
    api = _load(tmp_path, spec)
    assert [p.client_level for p in api.host.parameters] == [False, False]


def test_x_ms_paths_client_default_and_api_version_flag(tmp_path: Path) -> None:
    paths = {"/q": {"get": {"operationId": "Q_Get", "responses": OK}}}
    spec = _spec(paths)
    spec["x-ms-paths"] = {
        "/q?op=special": {
            "get": {
                "operationId": "Q_Special",
                "parameters": [
                    {
                        "name": "api-version",
                        "in": "query",
                        "type": "string",
                        "x-ms-api-version": False,
                    },
                    {"name": "size", "in": "query", "type": "integer", "x-ms-client-default": 10},
                ],
                "responses": OK,
            }
        }
    }
    api = _load(tmp_path, spec)
    (group,) = api.groups
    assert [(op.operation_id, op.path) for op in group.operations] == [
        ("Q_Get", "/q"),
        ("Q_Special", "/q?op=special"),
    ]
    params = _params(_op(api, "Q_Special"))
    assert params["api-version"].has_default is False
    assert (params["size"].default, params["size"].has_default) == (10, True)
