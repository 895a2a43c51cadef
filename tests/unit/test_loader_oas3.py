"""OpenAPI 3.0 and 3.1 arrive in the same IR as Swagger 2.0."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import pytest

from generator import ir
from generator.diagnostics import Diagnostic
from generator.loader import load_api
from tests.support.generated_packages import generate_and_import

P = ir.Primitive
FIXTURES = Path(__file__).parent / "fixtures" / "oas3"


def _op(api: ir.Api, operation_id: str) -> ir.Operation:
    return next(op for g in api.groups for op in g.operations if op.operation_id == operation_id)


@pytest.fixture(scope="module")
def api30() -> tuple[ir.Api, list[Diagnostic]]:
    warnings: list[Diagnostic] = []
    return load_api(FIXTURES / "widgets-3.0.yaml", warnings=warnings), warnings


@pytest.fixture(scope="module")
def api31() -> tuple[ir.Api, list[Diagnostic]]:
    warnings: list[Diagnostic] = []
    return load_api(FIXTURES / "widgets-3.1.yaml", warnings=warnings), warnings


def test_30_servers_become_host_parameters(api30: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = api30
    assert api.api_version == "2024-01-01"
    assert api.host.template == "https://{region}.widgets.example.com/api"
    assert api.default_endpoint == "https://westus.widgets.example.com/api"
    (region,) = api.host.parameters
    assert (region.wire_name, region.location, region.default, region.client_level) == (
        "region",
        ir.ParamLocation.HOST,
        "westus",
        True,
    )
    assert region.type == ir.EnumType("Region")


def test_30_security(api30: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = api30
    assert api.security == (
        ir.OAuth2Scheme("aad", ("https://westus.widgets.example.com/.default",), py_name="aad"),
    )


def test_30_parameters(api30: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, warnings = api30
    params = {p.wire_name: p for p in _op(api, "Widgets_List").parameters}
    assert set(params) == {"api-version", "tags", "ids", "piped", "region", "session"}
    assert params["api-version"].client_level
    assert params["api-version"].default == "2024-01-01"
    assert (params["tags"].collection_format, params["tags"].explode) == (
        ir.CollectionFormat.MULTI,
        True,
    )
    assert (params["ids"].collection_format, params["ids"].explode) == (
        ir.CollectionFormat.CSV,
        False,
    )
    assert params["piped"].collection_format is ir.CollectionFormat.PIPES
    assert params["session"].location is ir.ParamLocation.COOKIE
    assert not params["session"].client_level
    assert warnings == []  # the unused `basic` scheme is not looked at


def test_30_request_bodies(api30: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = api30
    create = _op(api, "Widgets_Create")
    (body,) = [p for p in create.parameters if p.location is ir.ParamLocation.BODY]
    assert (body.wire_name, body.py_name, body.required) == ("widget", "widget", True)
    assert body.type == ir.ModelType("Widget")
    assert body.content_types == ("application/json", "application/merge-patch+json")
    assert create.consumes == body.content_types
    assert create.py_name == "begin_create"
    (upload,) = [
        p for p in _op(api, "Widgets_Upload").parameters if p.location is ir.ParamLocation.BODY
    ]
    assert (upload.wire_name, upload.type, upload.required) == (
        "body",
        ir.PrimitiveType(P.BINARY),
        False,
    )
    form = [p for p in _op(api, "Widgets_Form").parameters if p.location is ir.ParamLocation.FORM]
    assert [(p.wire_name, p.required, p.type) for p in form] == [
        ("name", True, ir.PrimitiveType(P.STRING)),
        ("size", False, ir.PrimitiveType(P.INT)),
    ]
    assert _op(api, "Widgets_Form").consumes == ("application/x-www-form-urlencoded",)
    assert _op(api, "Widgets_List").consumes == ()


def test_30_responses(api30: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = api30
    ok, default = _op(api, "Widgets_List").responses
    assert ok.type == ir.ListType(ir.ModelType("Widget"))
    assert ok.content_types == ("text/plain", "application/json")
    assert [(h.wire_name, h.py_name, h.type) for h in ok.headers] == [
        ("x-ms-request-id", "x_ms_request_id", ir.PrimitiveType(P.STRING))
    ]
    assert (default.status_codes, default.is_error, default.type) == (
        (),
        True,
        ir.ModelType("Error"),
    )
    assert default.description == "failure"
    assert api.model("Error").is_error
    assert _op(api, "Widgets_List").produces == ("text/plain", "application/json")


def test_30_discriminator_mapping(api30: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = api30
    widget = api.model("Widget")
    assert widget.discriminator == "kind"
    assert widget.subtypes == ("Gear", "Spring", "Sprocket")
    assert api.model("Gear").discriminator_value == "gear"
    assert api.model("Sprocket").discriminator_value == "sprocket"
    assert api.model("Spring").discriminator_value == "Spring"
    assert [f.py_name for f in api.model("Gear").fields] == ["teeth"]
    fields = {f.py_name: f for f in widget.fields}
    assert fields["name"].nullable and fields["name"].required
    assert fields["color"].type == ir.EnumType("Color")
    assert fields["color"].description == "The color."
    assert fields["weight"].constraints == ir.Constraints(minimum=0, exclusive_minimum=True)


def test_31_types(api31: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, _ = api31
    fields = {f.py_name: f for f in api.model("Widget").fields}
    assert fields["name"].type == ir.PrimitiveType(P.STRING)
    assert fields["name"].nullable
    assert fields["version"].type == ir.ConstantType(2, ir.PrimitiveType(P.INT))
    assert fields["mode"].type == ir.ConstantType("strict", ir.PrimitiveType(P.STRING))
    assert fields["weight"].constraints == ir.Constraints(
        minimum=0, exclusive_minimum=True, maximum=10
    )
    assert fields["owner"].type == ir.ModelType("Owner")
    assert fields["owner"].nullable
    assert fields["any"].type == ir.AnyType()
    assert fields["mixed"].type == ir.UnionType(
        "WidgetMixed",
        (ir.PrimitiveType(ir.Primitive.STRING), ir.PrimitiveType(ir.Primitive.INT)),
    )
    assert api.model("Owner").fields[0].type == ir.PrimitiveType(P.UUID)


def test_31_relative_server_and_api_key(api31: tuple[ir.Api, list[Diagnostic]]) -> None:
    api, warnings = api31
    assert api.host.template == "{endpoint}/widgets"
    assert api.default_endpoint == ""
    assert [p.py_name for p in api.client_parameters] == ["endpoint"]
    assert api.security == (ir.ApiKeyScheme("key", "x-key", "header", py_name="key"),)
    op = _op(api, "Widgets_Update")
    assert [p.wire_name for p in op.parameters] == ["name", "body", "endpoint"]
    assert [r.status_codes[:3] for r in op.responses] == [(200,), (400, 401, 402)]
    assert [w.kind for w in warnings] == ["status-range"]


def test_yaml_and_json_twins_give_the_same_ir(tmp_path: Path) -> None:
    import json

    import yaml

    data = yaml.safe_load((FIXTURES / "widgets-3.1.yaml").read_text(encoding="utf-8"))
    data["info"]["version"] = "2024-01-01"
    (tmp_path / "widgets-3.1.json").write_text(json.dumps(data), encoding="utf-8")
    from_yaml = ir.to_json(load_api(FIXTURES / "widgets-3.1.yaml"), with_sources=False)
    from_json = ir.to_json(load_api(tmp_path / "widgets-3.1.json"), with_sources=False)
    assert from_yaml == from_json


def _arm_document(tmp_path: Path, *, region_on_client: bool = True) -> Path:
    """An OpenAPI 3 document written the way TypeSpec writes ARM ones: every shared parameter
    in components/parameters, none marked with x-ms-parameter-location."""
    param = "#/components/parameters/"
    string = {"type": "string"}
    document = {
        "openapi": "3.0.0",
        "info": {"title": "Widgets", "version": "2024-01-01"},
        "servers": [{"url": "https://management.azure.com"}],
        "paths": {
            "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/widgets": {
                "get": {
                    "operationId": "Widgets_List",
                    "parameters": [
                        {"$ref": param + "ApiVersion"},
                        {"$ref": param + "SubscriptionId"},
                        {"$ref": param + "ResourceGroupName"},
                        {"$ref": param + "Region"},
                    ],
                    "responses": {"200": {"description": "OK"}},
                }
            }
        },
        "components": {
            "parameters": {
                "ApiVersion": {
                    "name": "api-version",
                    "in": "query",
                    "required": True,
                    "schema": string,
                },
                "SubscriptionId": {
                    "name": "subscriptionId",
                    "in": "path",
                    "required": True,
                    "schema": string,
                },
                "ResourceGroupName": {
                    "name": "resourceGroupName",
                    "in": "path",
                    "required": True,
                    "schema": string,
                },
                "Region": {
                    "name": "region",
                    "in": "header",
                    "schema": string,
                    **({"x-ms-parameter-location": "client"} if region_on_client else {}),
                },
            }
        },
    }
    path = tmp_path / "arm.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_azure_oas3_shared_parameters_are_the_methods_but_subscription_and_version(
    tmp_path: Path,
) -> None:
    api = load_api(_arm_document(tmp_path), azure=True)
    assert [p.wire_name for p in api.client_parameters] == [
        "subscriptionId",
        "api-version",
        "region",
    ]
    params = {p.wire_name: p for p in _op(api, "Widgets_List").parameters}
    assert not params["resourceGroupName"].client_level
    assert params["resourceGroupName"].py_name == "resource_group_name"


def test_oas3_shared_parameters_outside_azure_are_the_methods(tmp_path: Path) -> None:
    api = load_api(_arm_document(tmp_path, region_on_client=False), azure=False)
    assert not api.azure
    assert api.client_parameters == ()


def test_shared_path_parameters_are_method_arguments_not_constructor_ones(tmp_path: Path) -> None:
    """GitHub's shape: `owner` and `repo` live in components/parameters and every operation refers
    to them. Outside Azure that is shared text, so they are the methods' arguments; only the server
    variable reaches the constructor."""
    spec = {
        "openapi": "3.0.3",
        "info": {"title": "GitHub v3 REST API", "version": "1.1.4"},
        "servers": [
            {"url": "https://{host}", "variables": {"host": {"default": "api.github.com"}}}
        ],
        "paths": {
            "/repos/{owner}/{repo}": {
                "get": {
                    "operationId": "repos/get",
                    "tags": ["repos"],
                    "parameters": [
                        {"$ref": "#/components/parameters/owner"},
                        {"$ref": "#/components/parameters/repo"},
                        {"$ref": "#/components/parameters/per-page"},
                    ],
                    "responses": {"204": {"description": "No content"}},
                }
            }
        },
        "components": {
            "parameters": {
                "owner": {
                    "name": "owner",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                },
                "repo": {
                    "name": "repo",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                },
                "per-page": {"name": "per_page", "in": "query", "schema": {"type": "integer"}},
            }
        },
    }
    path = tmp_path / "github.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    api = load_api(path)
    assert [p.wire_name for p in api.client_parameters] == ["host"]
    assert not any(
        p.client_level for p in _op(api, "repos/get").parameters if p.wire_name != "host"
    )

    package = generate_and_import(path, "github_shared_params", tmp_path / "out")
    client_class = package.GitHubV3RESTAPI
    constructor = inspect.signature(client_class.__init__).parameters
    assert "host" in constructor
    assert not {"owner", "repo", "per_page"} & set(constructor)
    method = inspect.signature(client_class(host="127.0.0.1").repos.get).parameters
    assert {"owner", "repo", "per_page"} <= set(method)
