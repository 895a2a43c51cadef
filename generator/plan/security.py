"""How a client authenticates: the constructor arguments for the spec's security schemes and the
requirements each operation names.

Azure-flavoured specs keep the Azure shape: one positional `credential` for the first scheme;
where the spec also takes a token instead of a key (or a key instead of a token) it accepts
either, and where it also allows no credential at all it is an optional keyword. When such a
spec names other schemes too, or operations whose requirements differ (`security: []`, another
scheme), the other schemes are optional keyword arguments after it and each call names its
requirements, as below.
Every other spec gets one keyword argument per scheme, named after it, all optional; each call
uses the first of its alternatives whose schemes were all given (`_runtime.auth.Security`).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan.imports import ImportSet


@dataclass(frozen=True)
class SecurityParam:
    py_name: str
    annotation: str
    default: str
    description: str


@dataclass(frozen=True)
class SecurityView:
    positional: SecurityParam | None  # the Azure shape's `credential`
    keyword: tuple[SecurityParam, ...]
    auth_expr: str  # "None" without security


_AZURE_CREDENTIAL_DOC = (
    "Credential used to authorize requests: any object with get_token(*scopes), "
    "e.g. azure.identity.DefaultAzureCredential()."
)
_TOKEN_DOC = "any object with get_token(*scopes), or an access token (str)"


def per_scheme(api: ir.Api) -> bool:
    """The client takes a keyword per scheme and each call names its requirements."""
    return bool(api.security) and not api.credential_scheme


def _azure_mixed(api: ir.Api) -> bool:
    """An Azure-shape client whose calls do not all use its one credential."""
    if not api.credential_scheme:
        return False
    azure = _azure_scheme(api)
    if azure is not None and _azure_alternative(api, azure) is not None:
        return False  # its one credential argument takes either scheme's kind
    if any(s.name != api.credential_scheme for s in api.security):
        return True
    only = ((api.credential_scheme,),)
    return any(op.security != only for g in api.groups for op in g.operations)


def _names_requirements(api: ir.Api) -> bool:
    return per_scheme(api) or _azure_mixed(api)


def _azure_scheme(api: ir.Api) -> ir.OAuth2Scheme | ir.ApiKeyScheme | None:
    for scheme in api.security:
        if scheme.name == api.credential_scheme and not isinstance(scheme, ir.HttpScheme):
            return scheme
    return None


def requirements_literal(api: ir.Api, op: ir.Operation) -> str:
    """The `security=` argument of an operation's request; "" when the client has one credential."""
    if not _names_requirements(api):
        return ""
    return repr(tuple(tuple(r) for r in op.security))


def security_view(api: ir.Api, is_async: bool, imports: ImportSet) -> SecurityView:
    runtime_auth = f"{'..' if is_async else '.'}_runtime.auth"
    azure = _azure_scheme(api)
    positional: SecurityParam | None = None
    entries: list[str] = []
    if azure is not None:
        other = _azure_alternative(api, azure)
        if other is None:
            positional, expr = _azure_credential(azure, is_async, imports, runtime_auth)
        else:
            positional, expr = _key_or_token(azure, other, is_async, imports, runtime_auth)
        if () in api.security_default:  # the service also takes calls without credentials
            positional = SecurityParam(
                "credential",
                f"{positional.annotation} | None",
                " = None",
                positional.description,
            )
            expr = f"None if credential is None else {expr}"
        if not _azure_mixed(api):
            return SecurityView(positional, (), expr)
        entries.append(f"{azure.name!r}: {expr}")
    if not api.security:
        return SecurityView(None, (), "None")
    imports.name(runtime_auth, "Security")
    params: list[SecurityParam] = []
    for scheme in api.security:
        if azure is not None and scheme.name == azure.name:
            continue
        param, expr = _scheme_argument(scheme, is_async, imports, runtime_auth)
        params.append(param)
        entries.append(f"{scheme.name!r}: {expr}")
    default_requirements = api.security_default
    if azure is not None and not default_requirements:
        # Requests no operation describes (status monitors of long-running operations) carry
        # the Azure shape's credential, as they do when it is the only scheme.
        default_requirements = ((azure.name,),)
    default = repr(tuple(tuple(r) for r in default_requirements))
    auth = f"Security({{{', '.join(entries)}}}, {default})"
    return SecurityView(positional, tuple(params), auth)


def _azure_alternative(
    api: ir.Api, chosen: ir.OAuth2Scheme | ir.ApiKeyScheme
) -> ir.OAuth2Scheme | ir.ApiKeyScheme | None:
    """A scheme of the other kind (token for a key, key for a token) that the spec accepts on its
    own instead of the credential's: one credential argument can then be either."""
    alone = {r[0] for r in api.security_default if len(r) == 1}
    for scheme in api.security:
        if scheme.name == chosen.name or scheme.name not in alone:
            continue
        token = isinstance(scheme, ir.OAuth2Scheme) and not scheme.openid
        key = isinstance(scheme, ir.ApiKeyScheme) and scheme.location != "cookie"
        if (token and isinstance(chosen, ir.ApiKeyScheme)) or (
            key and isinstance(chosen, ir.OAuth2Scheme)
        ):
            assert isinstance(scheme, ir.OAuth2Scheme | ir.ApiKeyScheme)
            return scheme
    return None


def _key_or_token(
    chosen: ir.OAuth2Scheme | ir.ApiKeyScheme,
    other: ir.OAuth2Scheme | ir.ApiKeyScheme,
    is_async: bool,
    imports: ImportSet,
    runtime: str,
) -> tuple[SecurityParam, str]:
    key = chosen if isinstance(chosen, ir.ApiKeyScheme) else other
    token = other if key is chosen else chosen
    assert isinstance(key, ir.ApiKeyScheme) and isinstance(token, ir.OAuth2Scheme)
    factory = "async_key_or_token_auth" if is_async else "key_or_token_auth"
    tokens = "AsyncTokenCredential | TokenCredential" if is_async else "TokenCredential"
    imports.name(runtime, factory, "KeyCredential", *tokens.split(" | "))
    param = SecurityParam(
        "credential",
        f"str | KeyCredential | {tokens}",
        "",
        f"A token credential (any object with get_token(*scopes)), or the API key sent as "
        f"{_key_place(key)}: a str, or an object with a .key str read for every request.",
    )
    prefix = f", prefix={key.prefix!r}" if key.prefix else ""
    expr = (
        f"{factory}(credential, scopes={token.scopes!r}, name={key.wire_name!r}, "
        f"location={key.location!r}{prefix})"
    )
    return param, expr


def _key_place(scheme: ir.ApiKeyScheme) -> str:
    if scheme.prefix:
        return f"{scheme.wire_name} after {scheme.prefix!r}"
    return scheme.wire_name


def _azure_credential(
    scheme: ir.OAuth2Scheme | ir.ApiKeyScheme, is_async: bool, imports: ImportSet, runtime: str
) -> tuple[SecurityParam, str]:
    if isinstance(scheme, ir.OAuth2Scheme):
        cls = "AsyncBearerTokenAuth" if is_async else "BearerTokenAuth"
        annotation = "AsyncTokenCredential | TokenCredential" if is_async else "TokenCredential"
        imports.name(runtime, cls, *annotation.split(" | "))
        param = SecurityParam("credential", annotation, "", _AZURE_CREDENTIAL_DOC)
        return param, f"{cls}(credential, scopes={scheme.scopes!r})"
    imports.name(runtime, "ApiKeyAuth", "KeyCredential")
    param = SecurityParam(
        "credential",
        "str | KeyCredential",
        "",
        f"The API key sent as {_key_place(scheme)}: a str, or an object with a .key str "
        "(such as AzureKeyCredential) read for every request.",
    )
    prefix = f", prefix={scheme.prefix!r}" if scheme.prefix else ""
    return param, (
        f"ApiKeyAuth(credential, name={scheme.wire_name!r}, location={scheme.location!r}{prefix})"
    )


def _described(scheme: ir.SecurityScheme, text: str) -> str:
    own = " ".join(scheme.description.split())
    return f"{text} {own}" if own else text


def _scheme_argument(
    scheme: ir.SecurityScheme, is_async: bool, imports: ImportSet, runtime: str
) -> tuple[SecurityParam, str]:
    name = scheme.py_name
    if isinstance(scheme, ir.ApiKeyScheme):
        imports.name(runtime, "KeyCredential", "api_key_auth")
        doc = (
            f"The API key of scheme {scheme.name!r}, sent as the {scheme.location} "
            f"{scheme.wire_name!r}: a str, or an object with a .key str read for every request."
        )
        prefix = f", prefix={scheme.prefix!r}" if scheme.prefix else ""
        expr = (
            f"api_key_auth({name}, name={scheme.wire_name!r}, location={scheme.location!r}"
            f"{prefix})"
        )
        annotation = "str | KeyCredential | None"
        return SecurityParam(name, annotation, " = None", _described(scheme, doc)), expr
    if isinstance(scheme, ir.HttpScheme) and scheme.scheme == "basic":
        imports.name(runtime, "BasicAuth", "basic_auth")
        doc = f"The (user name, password) of scheme {scheme.name!r} (HTTP basic authentication)."
        param = SecurityParam(
            name, "tuple[str, str] | BasicAuth | None", " = None", _described(scheme, doc)
        )
        return param, f"basic_auth({name})"
    scopes: tuple[str, ...] = scheme.scopes if isinstance(scheme, ir.OAuth2Scheme) else ()
    factory = "async_token_auth" if is_async else "token_auth"
    credential = "AsyncTokenCredential | TokenCredential" if is_async else "TokenCredential"
    imports.name(runtime, factory, *credential.split(" | "))
    asked = f", asked for scopes {', '.join(scopes)}" if scopes else ""
    doc = f"The bearer token of scheme {scheme.name!r}: {_TOKEN_DOC}{asked}."
    annotation = f"str | {credential} | None"
    return SecurityParam(name, annotation, " = None", _described(scheme, doc)), (
        f"{factory}({name}, {scopes!r})"
    )
