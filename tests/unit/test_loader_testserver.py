"""Every swagger of the AutoRest test server loads; a few are checked in detail.

The swaggers come from the npm package @microsoft.azure/autorest.testserver, installed under
tests/testserver/node_modules (or /tmp/ts/node_modules when tried by hand).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import ir
from generator.loader import load_api

_PACKAGE = Path("node_modules") / "@microsoft.azure" / "autorest.testserver" / "swagger"
_CANDIDATES = (
    Path(__file__).resolve().parents[1] / "testserver" / _PACKAGE,
    Path("/tmp/ts") / _PACKAGE,
)
SWAGGER_DIR = next((c for c in _CANDIDATES if c.is_dir()), None)
SWAGGERS = sorted(SWAGGER_DIR.glob("*.json")) if SWAGGER_DIR is not None else []

needs_testserver = pytest.mark.skipif(
    SWAGGER_DIR is None,
    reason="autorest.testserver swaggers not installed (npm install in tests/testserver)",
)


@needs_testserver
def test_the_package_has_swaggers() -> None:
    assert len(SWAGGERS) > 60


@needs_testserver
@pytest.mark.parametrize("swagger", SWAGGERS, ids=lambda p: p.name)
def test_swagger_loads(swagger: Path) -> None:
    api = load_api(swagger, warnings=[])
    assert swagger.name in api.source_files
    spec = json.loads(swagger.read_text(encoding="utf-8-sig"))
    expected = sorted(
        op["operationId"]
        for section in ("paths", "x-ms-paths")
        for item in spec.get(section, {}).values()
        for method, op in item.items()
        if method in ("get", "put", "post", "patch", "delete", "head", "options")
    )
    assert sorted(op.operation_id for g in api.groups for op in g.operations) == expected


def _load(name: str) -> ir.Api:
    assert SWAGGER_DIR is not None
    return load_api(SWAGGER_DIR / name, warnings=[])


@needs_testserver
def test_body_complex_polymorphism() -> None:
    api = _load("body-complex.json")
    fish = api.model("Fish")
    assert fish.discriminator == "fishtype"
    assert fish.subtypes == ("salmon", "shark")
    assert api.model("shark").subtypes == ("cookiecuttershark", "goblinshark", "sawshark")
    assert api.model("goblinshark").discriminator_value == "goblin"
    assert api.model("sawshark").discriminator_value == "sawshark"
    assert api.model("smart_salmon").additional_properties == ir.AnyType()
    siblings = next(f for f in fish.fields if f.wire_name == "siblings")
    assert siblings.type == ir.ListType(ir.ModelType("Fish"))
    color = api.enum("GoblinSharkColor")
    assert [v.py_name for v in color.values] == ["PINK", "GRAY", "BROWN", "UPPER_RED", "LOWER_RED"]
    dot = api.model("DotFish")
    assert dot.discriminator == "fish.type"
    assert [f.py_name for f in dot.fields] == ["fish_type", "species"]


@needs_testserver
def test_model_flattening() -> None:
    api = _load("model-flattening.json")
    flattened = api.model("FlattenedProduct")
    assert flattened.parents == ("Resource",)
    assert [(f.py_name, f.wire_path) for f in flattened.fields] == [
        ("p_name", ("properties", "p.name")),
        ("properties_type", ("properties", "type")),
        ("provisioning_state_values", ("properties", "provisioningStateValues")),
        ("provisioning_state", ("properties", "provisioningState")),
    ]
    simple = api.model("SimpleProduct")
    assert ("generic_value", ("details", "max_product_image", "generic_value")) in [
        (f.py_name, f.wire_path) for f in simple.fields
    ]
    op = next(
        o
        for g in api.groups
        for o in g.operations
        if o.operation_id == "postFlattenedSimpleProduct"
    )
    (body,) = [p for p in op.parameters if p.location is ir.ParamLocation.BODY]
    assert body.flatten


@needs_testserver
def test_custom_base_url() -> None:
    api = _load("custom-baseUrl.json")
    assert api.host.template == "http://{accountName}{host}"
    assert [(p.wire_name, p.default) for p in api.host.parameters] == [
        ("accountName", None),
        ("host", "host"),
    ]
    # accountName is written inline, so it is an argument of each method (AutoRest's rule).
    assert [p.py_name for p in api.client_parameters] == ["host"]
    assert [p.client_level for p in api.host.parameters] == [False, True]
    assert api.default_endpoint == ""


@needs_testserver
def test_security_and_constants() -> None:
    aad = _load("security-aad.json")
    # The requirement names its scope; it wins over the scope made up from the host.
    assert aad.security == (
        ir.OAuth2Scheme(
            "AADToken", ("https://security.microsoft.com/.default",), py_name="aad_token"
        ),
    )
    # Azure AD as the issuer makes the spec Azure's: one positional credential, for this scheme.
    assert (aad.azure, aad.credential_scheme) == (True, "AADToken")
    key = _load("security-key.json")
    assert key.security == (
        ir.ApiKeyScheme(
            "AzureKey", "security-key", "header", py_name="azure_key", description="key"
        ),
    )
    # No x-ms-* and no Azure AD: the test server's clients ask for Azure conventions (--azure).
    assert not key.azure
    xml = _load("xml-service.json")
    assert any(m.xml is not None for m in xml.models)
