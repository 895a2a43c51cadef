"""Every kind of security scheme, per-operation requirements and several credentials at once:
clients generated from an inline OpenAPI 3 spec, sending to a local server."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.e2e.conftest import FakeCredential
from tests.support.example_server import ExampleServer, Exchange
from tests.support.generated_packages import generate_and_import

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Zoo", "version": "1.0"},
    "servers": [{"url": "http://zoo.invalid"}],
    "components": {
        "securitySchemes": {
            "header_key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
            "query_key": {"type": "apiKey", "in": "query", "name": "api_key"},
            "cookie_key": {"type": "apiKey", "in": "cookie", "name": "session"},
            "basic": {"type": "http", "scheme": "basic"},
            "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "clientCredentials": {
                        "tokenUrl": "https://auth.invalid/token",
                        "scopes": {"zoo.read": "read", "zoo.write": "write"},
                    }
                },
            },
            "oidc": {"type": "openIdConnect", "openIdConnectUrl": "https://auth.invalid/.wk"},
            "tls": {"type": "mutualTLS"},
        }
    },
    "security": [{"header_key": []}],
    "paths": {
        "/default": {
            "get": {"operationId": "byDefault", "responses": {"204": {"description": "ok"}}}
        },
        "/public": {
            "get": {
                "operationId": "public",
                "security": [],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/query": {
            "get": {
                "operationId": "byQuery",
                "security": [{"query_key": []}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/cookie": {
            "get": {
                "operationId": "byCookie",
                "security": [{"cookie_key": []}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/basic": {
            "get": {
                "operationId": "byBasic",
                "security": [{"basic": []}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/bearer": {
            "get": {
                "operationId": "byBearer",
                "security": [{"bearer": []}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/oauth": {
            "get": {
                "operationId": "byOauth",
                "security": [{"oauth": ["zoo.read"]}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/oidc": {
            "get": {
                "operationId": "byOidc",
                "security": [{"oidc": ["openid", "zoo"]}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/either": {
            "get": {
                "operationId": "either",
                "security": [{"bearer": []}, {"header_key": [], "query_key": []}, {"tls": []}],
                "responses": {"204": {"description": "ok"}},
            }
        },
    },
}


@pytest.fixture(scope="module")
def zoo(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("zoo")
    spec = out / "zoo.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    return generate_and_import(spec, "zoo_security", out)


def _ok(path: str) -> Exchange:
    return Exchange("GET", path, status=204, repeat=True)


PATHS = (
    "/default",
    "/public",
    "/query",
    "/cookie",
    "/basic",
    "/bearer",
    "/oauth",
    "/oidc",
    "/either",
)


@pytest.fixture
def server() -> Any:
    with ExampleServer([_ok(p) for p in PATHS]) as running:
        yield running


def _last(server: ExampleServer) -> Any:
    return server.requests[-1]


def test_keywords_are_named_after_the_schemes(zoo: ModuleType) -> None:
    import inspect

    parameters = inspect.signature(zoo.Zoo.__init__).parameters
    for name in ("header_key", "query_key", "cookie_key", "basic", "bearer", "oauth", "oidc"):
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY
        assert parameters[name].default is None
    # mutualTLS cannot be sent by an HTTP client: no argument for it.
    assert "tls" not in parameters


def test_each_operation_sends_its_own_scheme(zoo: ModuleType, server: ExampleServer) -> None:
    credential = FakeCredential(token="oauth-token")
    with zoo.Zoo(
        endpoint=server.url,
        header_key="h-key",
        query_key="q-key",
        cookie_key="c-key",
        basic=("ann", "pw:1"),
        bearer="static-token",
        oauth=credential,
        oidc="oidc-token",
    ) as client:
        client.by_default()
        assert _last(server).headers["X-Api-Key"] == "h-key"
        assert "Authorization" not in _last(server).headers
        assert "api_key" not in _last(server).query

        client.public()
        assert not {"X-Api-Key", "Authorization", "Cookie"} & set(_last(server).headers)
        assert _last(server).query == {}

        client.by_query()
        assert _last(server).query == {"api_key": ["q-key"]}
        assert "X-Api-Key" not in _last(server).headers

        client.by_cookie()
        assert _last(server).headers["Cookie"] == "session=c-key"

        client.by_basic()
        expected = "Basic " + base64.b64encode(b"ann:pw:1").decode()
        assert _last(server).headers["Authorization"] == expected

        client.by_bearer()
        assert _last(server).headers["Authorization"] == "Bearer static-token"

        client.by_oauth()
        assert _last(server).headers["Authorization"] == "Bearer oauth-token"

        client.by_oidc()
        assert _last(server).headers["Authorization"] == "Bearer oidc-token"
    # The oauth2 scheme asks for the scopes the spec's requirements name.
    assert credential.calls == [("zoo.read",)]


def test_alternatives_use_the_first_one_configured(zoo: ModuleType, server: ExampleServer) -> None:
    with zoo.Zoo(endpoint=server.url, header_key="h", query_key="q") as client:
        client.either()
    request = _last(server)
    assert request.headers["X-Api-Key"] == "h"
    assert request.query == {"api_key": ["q"]}
    assert "Authorization" not in request.headers

    with zoo.Zoo(endpoint=server.url, header_key="h", query_key="q", bearer="t") as client:
        client.either()
    request = _last(server)
    assert request.headers["Authorization"] == "Bearer t"
    assert "X-Api-Key" not in request.headers


def test_an_alternative_needs_all_of_its_schemes(zoo: ModuleType, server: ExampleServer) -> None:
    with zoo.Zoo(endpoint=server.url, header_key="h") as client:
        client.either()
    request = _last(server)
    assert not {"X-Api-Key", "Authorization"} & set(request.headers)
    assert request.query == {}


def test_nothing_configured_sends_nothing(zoo: ModuleType, server: ExampleServer) -> None:
    with zoo.Zoo(endpoint=server.url) as client:
        client.by_default()
        client.by_oauth()
    for request in server.requests:
        assert not {"X-Api-Key", "Authorization", "Cookie"} & set(request.headers)


def test_a_token_credential_for_http_bearer(zoo: ModuleType, server: ExampleServer) -> None:
    credential = FakeCredential(token="jwt-from-credential")
    with zoo.Zoo(endpoint=server.url, bearer=credential) as client:
        client.by_bearer()
        client.by_bearer()
    assert _last(server).headers["Authorization"] == "Bearer jwt-from-credential"
    assert credential.calls == [()]  # asked once, with no scopes (http bearer names none)


def test_api_keys_stay_out_of_logs(
    zoo: ModuleType, server: ExampleServer, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    with (
        caplog.at_level(logging.DEBUG, logger="zoo_security"),
        zoo.Zoo(endpoint=server.url, query_key="q-secret-123", cookie_key="c-secret-456") as client,
    ):
        client.by_query()
        client.by_cookie()
    assert "q-secret-123" not in caplog.text
    assert "c-secret-456" not in caplog.text


class AsyncCredential:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, ...]] = []

    async def get_token(self, *scopes: str, **kwargs: object) -> Any:
        self.calls.append(scopes)
        return FakeCredential(token=self.token).get_token(*scopes)


def test_async_client_every_scheme(zoo: ModuleType, server: ExampleServer) -> None:
    from zoo_security.aio import Zoo as AsyncZoo

    credential = AsyncCredential("async-oauth")

    async def main() -> None:
        async with AsyncZoo(
            endpoint=server.url,
            header_key="h",
            query_key="q",
            cookie_key="c",
            basic=("u", "p"),
            bearer=FakeCredential(token="sync-cred-in-async"),
            oauth=credential,
        ) as client:
            await client.by_default()
            assert _last(server).headers["X-Api-Key"] == "h"
            await client.public()
            assert "X-Api-Key" not in _last(server).headers
            await client.by_query()
            assert _last(server).query == {"api_key": ["q"]}
            await client.by_cookie()
            assert _last(server).headers["Cookie"] == "session=c"
            await client.by_basic()
            assert (
                _last(server).headers["Authorization"]
                == "Basic " + base64.b64encode(b"u:p").decode()
            )
            await client.by_bearer()
            assert _last(server).headers["Authorization"] == "Bearer sync-cred-in-async"
            await client.by_oauth()
            assert _last(server).headers["Authorization"] == "Bearer async-oauth"
            await client.by_oidc()
            assert "Authorization" not in _last(server).headers

    asyncio.run(main())
    assert credential.calls == [("zoo.read",)]


def test_generated_package_type_checks(zoo: ModuleType) -> None:
    import subprocess
    import sys

    package_dir = Path(zoo.__file__).parent
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(package_dir)],
        capture_output=True,
        text=True,
        check=False,
        cwd=package_dir.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_readme_shows_the_scheme_keyword_not_azure_identity(tmp_path: Path) -> None:
    from generator.build import build_package

    spec = tmp_path / "zoo.json"
    spec.write_text(json.dumps(SPEC), encoding="utf-8")
    readme = build_package(spec, "zoo_dist", package_mode=True).files["README.md"].decode()
    assert "azure" not in readme.lower()
    assert "header_key='<api key>'," in readme


AZURE_SPEC: dict[str, Any] = {
    "swagger": "2.0",
    "info": {"title": "Vault", "version": "2024-01-01"},
    "host": "vault.invalid",
    "schemes": ["http"],
    "securityDefinitions": {
        "azure_auth": {
            "type": "oauth2",
            "flow": "implicit",
            "authorizationUrl": "https://login.invalid/authorize",
            "scopes": {"user_impersonation": "act as the user"},
        },
        "subscription_key": {"type": "apiKey", "in": "header", "name": "Ocp-Apim-Key"},
    },
    "security": [{"azure_auth": ["user_impersonation"]}],
    "paths": {
        "/secrets": {
            "get": {
                "operationId": "Secrets_List",
                "x-ms-examples": {},
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/keyed": {
            "get": {
                "operationId": "Secrets_Keyed",
                "security": [{"subscription_key": []}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/either": {
            "get": {
                "operationId": "Secrets_Either",
                "security": [{"subscription_key": []}, {"azure_auth": ["user_impersonation"]}],
                "responses": {"204": {"description": "ok"}},
            }
        },
        "/health": {
            "get": {
                "operationId": "Health_Get",
                "security": [],
                "responses": {"204": {"description": "ok"}},
            }
        },
    },
}


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    out = tmp_path_factory.mktemp("vault")
    spec = out / "vault.json"
    spec.write_text(json.dumps(AZURE_SPEC), encoding="utf-8")
    return generate_and_import(spec, "vault_security", out)


@pytest.fixture
def vault_server() -> Any:
    with ExampleServer([_ok(p) for p in ("/secrets", "/keyed", "/either", "/health")]) as running:
        yield running


def test_azure_shape_takes_the_other_schemes_as_keywords(vault: ModuleType) -> None:
    import inspect

    parameters = inspect.signature(vault.Vault.__init__).parameters
    assert parameters["credential"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert parameters["credential"].default is inspect.Parameter.empty
    assert parameters["subscription_key"].kind is inspect.Parameter.KEYWORD_ONLY
    assert parameters["subscription_key"].default is None


def test_azure_shape_follows_each_operation_requirements(
    vault: ModuleType, vault_server: ExampleServer
) -> None:
    credential = FakeCredential(token="aad-token")
    with vault.Vault(credential, endpoint=vault_server.url) as client:
        client.secrets.list()
        assert _last(vault_server).headers["Authorization"] == "Bearer aad-token"
        client.health.get()
        assert "Authorization" not in _last(vault_server).headers
        # Without the key, the alternative that needs it is skipped for the credential.
        client.secrets.either()
        assert _last(vault_server).headers["Authorization"] == "Bearer aad-token"
        client.secrets.keyed()
        assert not {"Authorization", "Ocp-Apim-Key"} & set(_last(vault_server).headers)
    assert credential.calls == [("user_impersonation",)]

    with vault.Vault(
        FakeCredential(token="t"), endpoint=vault_server.url, subscription_key="k-1"
    ) as client:
        client.secrets.keyed()
        assert _last(vault_server).headers["Ocp-Apim-Key"] == "k-1"
        assert "Authorization" not in _last(vault_server).headers
        client.secrets.either()
        assert _last(vault_server).headers["Ocp-Apim-Key"] == "k-1"
        assert "Authorization" not in _last(vault_server).headers
        client.secrets.list()
        assert "Ocp-Apim-Key" not in _last(vault_server).headers


def test_azure_shape_async_follows_each_operation_requirements(
    vault: ModuleType, vault_server: ExampleServer
) -> None:
    from vault_security.aio import Vault as AsyncVault

    credential = AsyncCredential("async-aad")

    async def main() -> None:
        async with AsyncVault(
            credential, endpoint=vault_server.url, subscription_key="k-2"
        ) as client:
            await client.secrets.list()
            assert _last(vault_server).headers["Authorization"] == "Bearer async-aad"
            await client.secrets.keyed()
            assert _last(vault_server).headers["Ocp-Apim-Key"] == "k-2"
            await client.health.get()
            assert not {"Authorization", "Ocp-Apim-Key"} & set(_last(vault_server).headers)

    asyncio.run(main())


def test_azure_shape_with_one_scheme_for_every_call_is_unchanged(tmp_path: Path) -> None:
    from generator.build import build_package

    spec = json.loads(json.dumps(AZURE_SPEC))
    del spec["securityDefinitions"]["subscription_key"]
    spec["paths"] = {"/secrets": AZURE_SPEC["paths"]["/secrets"]}
    path = tmp_path / "vault.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    files = build_package(path, "vault_plain").files
    client = files["_client.py"].decode()
    assert 'auth=BearerTokenAuth(credential, scopes=("user_impersonation",)),' in client
    assert "Security" not in client
    assert not any(b"security=" in text for text in files.values())


def test_azure_shape_with_several_schemes_type_checks(vault: ModuleType) -> None:
    import subprocess
    import sys

    package_dir = Path(vault.__file__).parent
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(package_dir)],
        capture_output=True,
        text=True,
        check=False,
        cwd=package_dir.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_azure_shape_status_monitors_carry_the_credential(tmp_path: Path) -> None:
    """Without a top-level `security`, requests no operation describes (LRO status monitors) still
    use the Azure credential, as a one-scheme Azure client does."""
    from generator.build import build_package

    spec = json.loads(json.dumps(AZURE_SPEC))
    del spec["security"]
    spec["paths"]["/secrets"]["get"]["security"] = [{"azure_auth": ["user_impersonation"]}]
    path = tmp_path / "vault.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    client = build_package(path, "vault_monitors").files["_client.py"].decode()
    assert '(("azure_auth",),)' in " ".join(client.split())
