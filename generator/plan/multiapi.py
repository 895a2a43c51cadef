"""Plan a multi-API package: one subpackage per api-version, each planned as a package of its
own (`plan_package`), and at the top the client that serves every operation from the api-version
it was given or, without one, from the newest api-version that has the operation.

The top-level classes derive at runtime from `_versions.py` (generator/runtime/versions.py),
which makes each version's client on first use; to type checkers they derive from the version
clients themselves, newest first, so each method has the signature of the version that serves it
by default.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import ir
from generator.locations import RUNTIME_DIR
from generator.plan import Options, OutputFile, plan_package
from generator.plan.client import ClientParamView, ClientView, client_views
from generator.plan.lazy import ExportView, LazyInitView

VERSIONS_MODULE = "versions.py"  # in generator/runtime, copied only into multi-API packages

# What every package's exceptions.py exports (templates/exceptions.py.jinja).
ERRORS = (
    "ClientAuthenticationError",
    "DecodeError",
    "DeserializationError",
    "HttpResponseError",
    "ResourceExistsError",
    "ResourceModifiedError",
    "ResourceNotFoundError",
    "ResourceNotModifiedError",
    "SdkError",
    "ServiceRequestError",
    "ServiceResponseError",
    "UnexpectedContentTypeError",
    "ValidationError",
)

_PRERELEASE = re.compile(r"[a-z]", re.IGNORECASE)


def version_key(api_version: str) -> tuple[bool, tuple[int, ...], str]:
    """Orders api-versions oldest to newest: by their numbers ("2019-07-01", "1.0.0"), a preview
    ("2020-01-01-preview") before every stable version, so the newest is a stable one if any."""
    numbers = tuple(int(n) for n in re.findall(r"\d+", api_version))
    return (not _PRERELEASE.search(api_version), numbers, api_version)


def subpackage_name(api_version: str) -> str:
    """ "2019-07-01" -> "v2019_07_01", "1.0.0" -> "v1_0_0"."""
    return "v" + (re.sub(r"[^0-9A-Za-z]+", "_", api_version).strip("_").lower() or "0")


@dataclass(frozen=True)
class Version:
    api: ir.Api
    subpackage: str  # "v2019_07_01"

    @property
    def api_version(self) -> str:
        return self.api.api_version


@dataclass(frozen=True)
class GroupDispatchView:
    py_attr: str
    class_name: str
    bases: tuple[str, ...]  # typing-only aliases of the versions' group classes, newest first


@dataclass(frozen=True)
class MultiClientView:
    class_name: str
    description: str
    is_async: bool
    up: str  # the multi-API package, relative to the module ("." or "..")
    # The newest api-version's runtime: names the annotations need when they are evaluated.
    runtime: str
    typing_imports: tuple[str, ...]
    client_bases: tuple[str, ...]  # typing-only aliases of the version clients, newest first
    groups: tuple[GroupDispatchView, ...]
    parameters: tuple[ClientParamView, ...]  # keyword-only, as the newest client takes them
    assignments: tuple[str, ...]  # client attributes the version clients have too
    positional: tuple[ClientParamView, ...]
    transport_annotation: str
    packages: tuple[tuple[str, str], ...]  # (api-version, subpackage), oldest first
    latest: str
    operations: tuple[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], ...]

    @property
    def versions_text(self) -> str:
        return ", ".join(version for version, _ in self.packages)

    @property
    def runtime_client(self) -> str:
        return "AsyncVersionedClient" if self.is_async else "VersionedClient"


def plan_multiapi(versions: Sequence[Version], options: Options) -> list[OutputFile]:
    """`versions` oldest first; every file of the package, in a stable order."""
    latest = versions[-1].api
    common: dict[str, object] = {
        "package": options.package_name,
        "title": latest.title,
        "api_version": ", ".join(v.api_version for v in versions),
        "generator_version": options.generator_version,
        "client_name": latest.client_name,
        "api_versions": tuple(v.api_version for v in versions),
        "latest": latest.api_version,
        "latest_subpackage": versions[-1].subpackage,
        "subpackages": tuple(f"`{options.package_name}.{v.subpackage}`" for v in versions),
    }
    files = [
        OutputFile("__init__.py", "multiapi_init.py.jinja", common),
        OutputFile("py.typed", "py_typed.jinja", common),
        OutputFile("_versions.py", None, {}, copy_from=RUNTIME_DIR / VERSIONS_MODULE),
        OutputFile("models/__init__.py", "lazy_init.py.jinja", {**common, **_models(versions)}),
        OutputFile("aio/__init__.py", "aio_init_multiapi.py.jinja", common),
        OutputFile(
            "exceptions.py",
            "multiapi_exceptions.py.jinja",
            {**common, "errors": ERRORS, "subpackage_names": [v.subpackage for v in versions]},
        ),
    ]
    for is_async, path in ((False, "_client.py"), (True, "aio/_client.py")):
        view = _client_view(versions, is_async=is_async)
        files.append(OutputFile(path, "multiapi_client.py.jinja", {**common, "client": view}))
    for version in versions:
        package = f"{options.package_name}.{version.subpackage}"
        for f in plan_package(version.api, Options(package, options.generator_version)):
            path = f"{version.subpackage}/{f.path}"
            files.append(OutputFile(path, f.template, f.context, f.copy_from))
    return sorted(files, key=lambda f: f.path)


def _models(versions: Sequence[Version]) -> dict[str, object]:
    """`<package>.models`: each model and enum name as the newest api-version defines it."""
    newest: dict[str, str] = {}
    for version in versions:  # oldest first: a newer version's class replaces an older one's
        api = version.api
        for name in (*(m.py_name for m in api.models), *(e.py_name for e in api.enums)):
            newest[name] = version.subpackage
    exports = tuple(ExportView(name, f".{sub}.models") for name, sub in sorted(newest.items()))
    latest = versions[-1]
    summary = f"Models of {latest.api.title}, each as the newest api-version that has it defines it"
    return {"init": LazyInitView(summary, exports, runtime=f"..{latest.subpackage}.")}


def _operations(versions: Sequence[Version]) -> dict[str, dict[str, list[str]]]:
    """group attribute -> method -> api-versions that have it, newest first."""
    found: dict[str, dict[str, list[str]]] = {}
    for version in reversed(versions):
        for group in version.api.groups:
            methods = found.setdefault(group.py_attr, {})
            for op in group.operations:
                methods.setdefault(op.py_name, []).append(version.api_version)
    return found


def _alias(name: str, version: Version) -> str:
    return f"_{name}_{version.subpackage}"


def _client_view(versions: Sequence[Version], *, is_async: bool) -> MultiClientView:
    latest = versions[-1]
    up = ".." if is_async else "."
    aio = ".aio" if is_async else ""
    imports: set[str] = set()
    bases: list[str] = []
    for version in reversed(versions):
        name = version.api.client_name
        alias = _alias(name, version)
        imports.add(f"from {up}{version.subpackage}{aio}._client import {name} as {alias}")
        bases.append(alias)
    groups = _groups(versions, imports, up, aio)
    view = client_views(latest.api, latest.subpackage)[1 if is_async else 0]
    # The version clients' api-version parameters give way to the multi-API client's own.
    own = {p.py_name for p in latest.api.client_parameters if p.wire_name.lower() == "api-version"}
    parameters = [p for p in view.keyword if p.py_name not in own]
    imports.update(_annotation_imports(view, (*view.positional, *parameters), latest, is_async))
    operations = _operations(versions)
    return MultiClientView(
        class_name=latest.api.client_name,
        description=latest.api.description or latest.api.title,
        is_async=is_async,
        up=up,
        runtime=f"{up}{latest.subpackage}._runtime",
        typing_imports=tuple(sorted(imports)),
        client_bases=tuple(bases),
        groups=groups,
        parameters=tuple(parameters),
        assignments=tuple(name for name in view.assignments if name not in own),
        positional=view.positional,
        transport_annotation=view.transport_annotation,
        packages=tuple((v.api_version, v.subpackage) for v in versions),
        latest=latest.api_version,
        operations=tuple(
            (group, tuple((method, tuple(found)) for method, found in sorted(methods.items())))
            for group, methods in sorted(operations.items())
        ),
    )


def _groups(
    versions: Sequence[Version], imports: set[str], up: str, aio: str
) -> tuple[GroupDispatchView, ...]:
    by_attr: dict[str, list[tuple[Version, ir.OperationGroup]]] = {}
    for version in reversed(versions):
        for group in version.api.groups:
            if group.name:
                by_attr.setdefault(group.py_attr, []).append((version, group))
    views: list[GroupDispatchView] = []
    for attr, found in sorted(by_attr.items()):
        aliases: list[str] = []
        for version, group in found:
            alias = _alias(group.class_name, version)
            source = f"{up}{version.subpackage}{aio}.operations"
            imports.add(f"from {source} import {group.class_name} as {alias}")
            aliases.append(alias)
        views.append(GroupDispatchView(attr, found[0][1].class_name, tuple(aliases)))
    return tuple(views)


_FROM = re.compile(r"from (\.*)(\S*) import (.+)")


def _annotation_imports(
    view: ClientView, parameters: Sequence[ClientParamView], latest: Version, is_async: bool
) -> set[str]:
    """The newest client's imports that the constructor's annotations need, moved to where the
    multi-API client is (its module sits one subpackage above the newest client's)."""
    text = " ".join(p.annotation for p in parameters)
    needed: set[str] = set()
    for line in (*view.imports, *view.typing_imports):
        for module, name, bound in _imported(line):
            if bound in {"httpx", "Sequence", "annotations"} or not re.search(
                rf"\b{re.escape(bound)}\b", text
            ):
                continue
            target = _moved(module, latest.subpackage, is_async)
            needed.add(f"from {target} import {name}" if module else f"import {name}")
    return needed


def _imported(line: str) -> list[tuple[str, str, str]]:
    """(module, name as written, name bound) for each name an import line binds."""
    match = _FROM.fullmatch(line.strip())
    if match is None:
        name = line.strip().removeprefix("import ").strip()
        return [("", name, name.split(" as ")[-1].split(".")[0])]
    module = match.group(1) + match.group(2)
    names = [n.strip() for n in match.group(3).strip("()").split(",") if n.strip()]
    return [(module, n, n.split(" as ")[-1]) for n in names]


def _moved(module: str, subpackage: str, is_async: bool) -> str:
    """A relative module as the newest client's module names it, from the multi-API client's."""
    if not module.startswith("."):
        return module
    dots = len(module) - len(module.lstrip("."))
    rest = module[dots:]
    if is_async and dots == 1:  # inside <version>/aio
        target = f"..{subpackage}.aio"
    else:
        target = ("." if not is_async else "..") + subpackage
    return f"{target}.{rest}" if rest else target
