"""Operations and their groups, responses, paging and long-running options."""

from __future__ import annotations

import http
import re
from dataclasses import dataclass, field, replace

from generator import ir, naming
from generator.diagnostics import SKIPPED_OPERATION, Diagnostic, Severity, SpecError
from generator.loader.document import Node
from generator.loader.examples import read_examples
from generator.loader.grouping import ParameterGroups
from generator.loader.keywords import source
from generator.loader.parameters import (
    ClientParameters,
    ParamContext,
    build_parameter,
    is_client_level,
    unique_method_names,
)
from generator.loader.schemas import SchemaReader
from generator.loader.spec import RawOperation, RawParameter, RawResponse


@dataclass
class OperationsBuilder:
    schemas: SchemaReader
    api_version: str
    client: ClientParameters = field(default_factory=ClientParameters)
    error_models: set[str] = field(default_factory=set)
    grouping: ParameterGroups = field(default_factory=ParameterGroups)
    tag_groups: bool = True  # operations outside a `Group_Method` id are grouped by their tag
    strict: bool = False  # an operation the spec gets wrong fails the spec (else it is left out)

    def collect_client_parameters(self, raws: list[RawParameter], context: str) -> None:
        for raw in raws:
            if self.on_client(raw) and raw.name not in self.client:
                self.client.add(
                    build_parameter(self.schemas, raw, self._context(context), client_level=True)
                )

    def on_client(self, raw: RawParameter) -> bool:
        spec = self.schemas.spec
        return is_client_level(raw, spec.azure, oas3=spec.flavor.is_oas3)

    def _context(self, operation_id: str) -> ParamContext:
        return ParamContext(naming.pascal_case(operation_id), self.api_version)

    def groups(
        self, operations: list[RawOperation], host: tuple[RawParameter, ...], client_name: str
    ) -> tuple[ir.OperationGroup, ...]:
        by_group: dict[str, list[ir.Operation]] = {}
        # "HttpSuccess_Post" and "httpSuccess_Get" are one group, named as first written.
        spelling: dict[str, str] = {}
        errors: list[SpecError] = []
        for raw in operations:
            group, method = place(raw, tags=self.tag_groups)
            operation = self._try_operation(raw, host, method, on_client=not group, errors=errors)
            if operation is not None:
                group = spelling.setdefault(group.lower(), group)
                by_group.setdefault(group, []).append(operation)
        if errors and not by_group:
            raise errors[0]  # nothing could be generated: the spec is refused, not left empty
        names = sorted(by_group)
        # The client's attributes: its parameters, then the mixin's methods, then group attributes.
        client_attrs = self.client.py_names()
        mixin = _unique_operations(by_group.get("", []), client_attrs)
        client_attrs |= {op.py_name for op in mixin}
        attrs = _group_attributes(names, client_name, client_attrs)
        return tuple(
            ir.OperationGroup(
                name,
                *attrs[name],
                operations=mixin if not name else _unique_operations(by_group[name]),
            )
            for name in names
        )

    def _try_operation(
        self,
        raw: RawOperation,
        host: tuple[RawParameter, ...],
        method: str,
        *,
        on_client: bool,
        errors: list[SpecError],
    ) -> ir.Operation | None:
        """The operation, or None (with a warning) when the spec gets it wrong in a way that
        leaves no faithful method to write; with `strict` the error is raised instead."""
        try:
            return self._operation(raw, host, method, on_client=on_client)
        except SpecError as exc:
            if self.strict:
                raise
            errors.append(exc)
            found = exc.diagnostic
            self.schemas.spec.warnings.append(
                Diagnostic(
                    Severity.WARNING,
                    found.file,
                    found.pointer,
                    f"operation {raw.method} {raw.path} left out: {found.message}",
                    SKIPPED_OPERATION,
                )
            )
            return None

    def _operation(
        self, raw: RawOperation, host: tuple[RawParameter, ...], method: str, *, on_client: bool
    ) -> ir.Operation:
        op = raw.node
        long_running = _long_running(op)
        py_name = naming.parameter_name(method)
        if long_running is not None:
            py_name = f"begin_{naming.snake_case(method)}"
        if on_client:
            py_name = naming.safe_identifier(py_name, naming.CLIENT_RESERVED)
        return ir.Operation(
            operation_id=raw.operation_id,
            py_name=py_name,
            method=raw.method,
            path=raw.path,
            summary=op.str_at("summary"),
            description=op.str_at("description"),
            parameters=self._parameters(raw, host),
            responses=tuple(
                self._response(raw, r, codes) for r, codes in _known_statuses(raw, self.schemas)
            ),
            source=source(op),
            long_running=long_running,
            paging=_paging(op),
            examples=read_examples(self.schemas.spec, op),
            deprecated=op.bool_at("deprecated"),
            produces=raw.produces,
            consumes=raw.consumes,
            tags=tuple(op.str_list_at("tags")),
        )

    def _parameters(
        self, raw: RawOperation, host: tuple[RawParameter, ...]
    ) -> tuple[ir.Parameter, ...]:
        context = self._context(raw.operation_id)
        slots: list[ir.Parameter | None] = []
        method_level: list[ir.Parameter] = []
        for index, param in enumerate((*raw.parameters, *host)):
            self.grouping.note(raw.operation_id, index, param)
            if self.on_client(param):
                slots.append(self.client.get(param.name))
                continue
            slots.append(None)
            method_level.append(build_parameter(self.schemas, param, context, client_level=False))
        named = iter(unique_method_names(method_level, self.client.py_names()))
        return tuple(slot if slot is not None else next(named) for slot in slots)

    def _response(
        self, raw: RawOperation, response: RawResponse, codes: tuple[int, ...]
    ) -> ir.Response:
        is_error = _is_error(response, codes)
        value_type = None
        if response.schema is not None:
            context = f"{naming.pascal_case(raw.operation_id)}Response"
            # A response body is always what the schema says, so a single-value enum there is
            # a constant (as it is for a required property).
            value_type = self.schemas.type_of(response.schema, context, required=True)
        if is_error and isinstance(value_type, ir.ModelType):
            self.error_models.add(value_type.name)
        return ir.Response(
            status_codes=codes,
            type=value_type,
            is_error=is_error,
            description=response.node.str_at("description"),
            source=source(response.node),
            headers=self._headers(response),
            content_types=response.content_types,
        )

    def _headers(self, response: RawResponse) -> tuple[ir.ResponseHeader, ...]:
        names = naming.unique_names(
            [naming.field_name(_client_name(node) or wire) for wire, node in response.headers]
        )
        return tuple(
            ir.ResponseHeader(wire, py, self.schemas.type_of(node, naming.pascal_case(wire)))
            for (wire, node), py in zip(response.headers, names, strict=True)
        )


def place(raw: RawOperation, *, tags: bool) -> tuple[str, str]:
    """The group ("" for the client itself) and method name of an operation.

    `group/name` ids and AutoRest's `Group_Method` ids name their group. Otherwise, with `tags`,
    the first tag names it; an operation with neither belongs to the client. Without `tags` (the
    AutoRest convention) every id is split at its first `_`, and one without is the client's.
    """
    operation_id = raw.operation_id
    if raw.named and "/" in operation_id.strip("/"):
        group, _, method = operation_id.strip("/").partition("/")
        return group, method
    if not tags:
        return naming.split_operation_id(operation_id)
    if raw.named and _group_method(operation_id):
        return naming.split_operation_id(operation_id)
    tag_list = raw.node.str_list_at("tags")
    tag = tag_list[0].strip() if tag_list else ""
    # "1. Getting started": the numbering orders a document's sections, it names nothing.
    return (re.sub(r"^[0-9]+[.)]?\s+", "", tag) or tag), operation_id


def _group_method(operation_id: str) -> bool:
    """`Group_Method`, `group_method` or `Group_Method_Name`, but not a snake_case name of several
    words such as FastAPI's `read_items_items__get`."""
    group, _, method = operation_id.partition("_")
    if not group or not method:
        return False
    return operation_id.count("_") == 1 or operation_id.lower() != operation_id


def _client_name(node: Node) -> str | None:
    return node.opt_str("x-ms-client-name") if node.is_dict() else None


def _known_statuses(
    raw: RawOperation, schemas: SchemaReader
) -> list[tuple[RawResponse, tuple[int, ...]]]:
    """Responses with their status codes: `default` has none; a range such as 4XX stands for the
    registered codes in it that the operation does not list on their own."""
    listed = {int(r.key) for r in raw.responses if r.key.isdigit() and len(r.key) == 3}
    known: list[tuple[RawResponse, tuple[int, ...]]] = []
    for response in raw.responses:
        if response.key == "default":
            known.append((response, ()))
        elif response.key.isdigit() and len(response.key) == 3:
            known.append((response, (int(response.key),)))
        elif re.fullmatch(r"[1-5][Xx][Xx]", response.key):
            hundred = int(response.key[0])
            codes = tuple(c for c in _REGISTERED if c // 100 == hundred and c not in listed)
            if not codes:
                continue  # every code of the range has its own response
            schemas.spec.warn(
                response.node,
                f"status range '{response.key}' is read as the registered codes "
                f"{codes[0]}-{codes[-1]} not listed on their own",
                "status-range",
            )
            known.append((response, codes))
        else:
            raise response.node.error(f"'{response.key}' is not an HTTP status code")
    return known


_REGISTERED = tuple(sorted(s.value for s in http.HTTPStatus))


def _is_error(response: RawResponse, codes: tuple[int, ...]) -> bool:
    if not codes:
        return True
    explicit = response.node.get("x-ms-error-response")
    if explicit is not None and isinstance(explicit.value, bool):
        return explicit.value
    return codes[0] >= 400


def _long_running(op: Node) -> ir.LongRunning | None:
    if not op.bool_at("x-ms-long-running-operation"):
        return None
    options = op.dict_at("x-ms-long-running-operation-options")
    text = options.opt_str("final-state-via") if options is not None else None
    if text is None:
        return ir.LongRunning(None)
    try:
        return ir.LongRunning(ir.FinalStateVia(text))
    except ValueError:
        assert options is not None
        valid = ", ".join(v.value for v in ir.FinalStateVia)
        raise options.error(
            f"unknown final-state-via '{text}' (expected one of {valid})", "final-state-via"
        ) from None


def _paging(op: Node) -> ir.Paging | None:
    pageable = op.get("x-ms-pageable")
    if pageable is None:
        return None
    if not pageable.is_dict():
        raise pageable.error("'x-ms-pageable' must be an object")
    return ir.Paging(
        item_name=pageable.str_at("itemName", "value"),
        next_link_name=pageable.opt_str("nextLinkName"),
        next_operation_id=pageable.opt_str("operationName"),
    )


def _group_attributes(
    names: list[str], client_name: str, client_attrs: set[str]
) -> dict[str, tuple[str, str, str]]:
    """py_attr, class_name, module_name per group; the "" group is a mixin of the client.

    Group attributes keep clear of the client's own attributes (its parameters, its methods and
    the methods of the mixin); class names of the client class and its mixin.
    """
    named = [n for n in names if n]
    attrs = naming.unique_names([naming.group_attribute(n) for n in named], client_attrs)
    mixin = f"{client_name}OperationsMixin"
    classes = naming.unique_names(
        [naming.class_name(f"{n} Operations") for n in named], [client_name, mixin]
    )
    result = {
        name: (attr, cls, naming.module_name(name))
        for name, attr, cls in zip(named, attrs, classes, strict=True)
    }
    modules = naming.unique_names(
        [m for _, _, m in result.values()], ["_operations_mixin", "__init__"], ignore_case=True
    )
    result = {k: (a, c, m) for (k, (a, c, _)), m in zip(result.items(), modules, strict=True)}
    if "" in names:
        result[""] = ("", mixin, "_operations_mixin")
    return result


def _unique_operations(
    operations: list[ir.Operation], taken: set[str] | None = None
) -> tuple[ir.Operation, ...]:
    names = naming.unique_names([op.py_name for op in operations], taken or ())
    return tuple(replace(op, py_name=n) for op, n in zip(operations, names, strict=True))
