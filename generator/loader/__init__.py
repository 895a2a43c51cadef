"""The loader: spec files (Swagger 2.0, OpenAPI 3.0/3.1; JSON or YAML) to `ir.Api`.

Stages, each in its own module:
  document   read files, follow `$ref`s, know every node's file and JSON pointer
  spec       make 2.0 and 3.x alike: operations, parameters, request bodies, responses
  schemas    schemas to types; object schemas to model drafts; enums (enums.py)
  models     model drafts to `ir.Model` (field names, inheritance, discriminators)
  operations operations, groups, responses, paging, long-running; parameters.py, examples.py
  endpoint   host / servers (the spec's, a path's, an operation's) and security schemes
  callbacks  the payload models of callbacks and webhooks (their operations are not generated)
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator import ir, naming
from generator.diagnostics import Diagnostic, SpecError
from generator.loader.callbacks import read_callbacks
from generator.loader.document import DocumentStore, Node
from generator.loader.endpoint import (
    Endpoint,
    operation_servers,
    read_endpoint,
    read_security,
)
from generator.loader.limits import RefRoots
from generator.loader.models import ModelFinisher
from generator.loader.operations import OperationsBuilder
from generator.loader.parameters import ParamContext, build_parameter
from generator.loader.schemas import SchemaReader
from generator.loader.spec import Flavor, Spec, detect_flavor, operations, require_dict

__all__ = ["load_api"]


def load_api(
    path: str | os.PathLike[str],
    *,
    client_name: str | None = None,
    warnings: list[Diagnostic] | None = None,
    strict: bool = False,
    ref_roots: Iterable[str | os.PathLike[str]] = (),
    azure: bool = False,
    azure_compat: bool | None = None,
) -> ir.Api:
    """Read the spec at `path` (and every file it refers to) into the intermediate model.

    `$ref`s may lead into the spec's folder, the enclosing `specification` folder of an Azure
    spec repository, and the folders in `ref_roots` (see `limits.RefRoots`). `azure` asks for
    Azure conventions even when the spec shows none (see `ir.Api.azure`); `azure_compat` turns
    the azure-mgmt compatible surface on or off (None: on for Azure specs). Raises `SpecError`
    for bad input; non-fatal problems are appended to `warnings`. An operation that cannot be
    generated is left out with a warning, or with `strict` fails the spec.
    """
    main = Path(os.path.abspath(path))
    roots = RefRoots.for_spec(main, [Path(os.path.abspath(r)) for r in ref_roots])
    store = DocumentStore(main.parent, roots)
    try:
        found = warnings if warnings is not None else []
        api = _load(store, main, client_name, found, strict=strict, azure=azure)
    except RecursionError:
        raise SpecError(store.display(main), "", "the spec is nested too deeply") from None
    compat = api.azure if azure_compat is None else azure_compat
    return dataclasses.replace(api, azure_compat=compat)


def _azure_flavoured(store: DocumentStore) -> bool:
    """Any x-ms-* extension in the files read, or Azure AD as the token issuer."""
    return any(
        doc.contents.azure_ad_hosts or any(key.startswith("x-ms-") for key in doc.contents.keys)
        for doc in store.documents
    )


def _load(
    store: DocumentStore,
    main: Path,
    client_name: str | None,
    warnings: list[Diagnostic],
    *,
    strict: bool,
    azure: bool,
) -> ir.Api:
    root = store.load(main).node()
    # Decided from the main file, before any parameter is placed on the client or a method.
    azure = azure or _azure_flavoured(store)
    spec = Spec(root, detect_flavor(root), store, warnings, azure)
    info = require_dict(root, "info")
    _check_paths(spec)
    title = info.str_at("title")
    api_version = _version(info)
    # Azure specs follow AutoRest: an operation outside a `Group_Method` id belongs to the client,
    # and the client class is the whole title.
    tag_groups = not azure
    name = client_name or naming.client_class_name(title, shorten=tag_groups)
    schemas = SchemaReader(spec)
    builder = OperationsBuilder(schemas, api_version, tag_groups=tag_groups, strict=strict)
    endpoint = read_endpoint(spec)
    raw_operations = operations(spec)
    builder.collect_client_parameters(list(endpoint.parameters), "")
    for raw in raw_operations:
        builder.collect_client_parameters(list(raw.parameters), raw.operation_id)
    client_parameters = builder.client.finish()
    groups = builder.groups(raw_operations, endpoint.parameters, name)
    host = _host(builder, endpoint, api_version)
    taken = frozenset(p.py_name for p in client_parameters)
    security = read_security(spec, endpoint, taken)
    read_callbacks(spec, schemas, [raw.node for raw in raw_operations])
    servers = operation_servers(spec)
    groups = tuple(
        dataclasses.replace(
            g,
            operations=tuple(
                dataclasses.replace(
                    op,
                    security=security.of(op.source),
                    server=servers.get((op.source.file, op.source.pointer), ""),
                )
                for op in g.operations
            ),
        )
        for g in groups
    )
    schemas.drain()
    models, enums = _types(schemas, builder.error_models)
    api = ir.Api(
        title=title,
        description=info.str_at("description"),
        api_version=api_version,
        client_name=name,
        default_endpoint=endpoint.default,
        host=host,
        client_parameters=client_parameters,
        security=security.schemes,
        security_default=security.default,
        azure=azure,
        credential_scheme=_credential_scheme(security.schemes) if azure else "",
        groups=groups,
        models=models,
        enums=enums,
        source_files=tuple(sorted(doc.display for doc in store.documents)),
    )
    return builder.grouping.apply(api)


def _check_paths(spec: Spec) -> None:
    """`paths` is required before OpenAPI 3.1; in 3.1 a document may describe only webhooks
    (their payload models are read with the callbacks)."""
    root = spec.root
    if root.has("paths"):
        require_dict(root, "paths")
    elif spec.flavor is not Flavor.OPENAPI31:
        raise root.error("missing required field 'paths'")


def _credential_scheme(schemes: tuple[ir.SecurityScheme, ...]) -> str:
    """Azure clients take one credential, for the first scheme, when it is a kind Azure uses."""
    first = schemes[0] if schemes else None
    if isinstance(first, ir.OAuth2Scheme) and not first.openid:
        return first.name
    if isinstance(first, ir.ApiKeyScheme) and first.location != "cookie":
        return first.name
    return ""


def _version(info: Node) -> str:
    found = info.get("version")
    if found is None or found.value is None:
        return ""
    if isinstance(found.value, bool) or not isinstance(found.value, str | int | float):
        raise found.error("'version' must be a string")
    return str(found.value)


def _host(builder: OperationsBuilder, endpoint: Endpoint, api_version: str) -> ir.Host:
    parameters: list[ir.Parameter] = []
    for raw in endpoint.parameters:
        if builder.on_client(raw):
            parameters.append(builder.client.get(raw.name))
        else:
            context = ParamContext("", api_version)
            parameters.append(build_parameter(builder.schemas, raw, context, client_level=False))
    return ir.Host(endpoint.template, tuple(parameters), endpoint.from_scheme_host)


def _types(
    schemas: SchemaReader, error_models: set[str]
) -> tuple[tuple[ir.Model, ...], tuple[ir.Enum, ...]]:
    """Python class names unique across models and enums (models first, each sorted by name)."""
    model_names = sorted(schemas.drafts)
    enum_drafts = schemas.enums.drafts()
    wanted = [naming.class_name(schemas.drafts[n].client_name) for n in model_names]
    wanted += [naming.class_name(e.client_name) for e in enum_drafts]
    py_names = naming.unique_names(wanted)
    model_py = dict(zip(model_names, py_names, strict=False))
    enum_py = {e.name: py for e, py in zip(enum_drafts, py_names[len(model_names) :], strict=True)}
    finisher = ModelFinisher(schemas.drafts, schemas.is_polymorphic, error_models, model_py)
    models = finisher.build()
    # One file per model next to _enums.py: names unique even where case does not count.
    modules = naming.unique_names(
        [m.module_name for m in models], ["_enums", "__init__"], ignore_case=True
    )
    models = [replace(m, module_name=module) for m, module in zip(models, modules, strict=True)]
    return tuple(models), tuple(schemas.enums.build(enum_py))
