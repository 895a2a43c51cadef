"""x-ms-parameter-grouping: method parameters passed together, as one instance of a model.

The group's class is named after `name` when the extension gives one, else after the operationId
(group and method) followed by `postfix` ("Parameters" when absent), as AutoRest names it.
Operations that name the same group share its class, which holds every parameter any of them puts
in it. Only method parameters are grouped: client properties and constants stay where they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator import ir, naming
from generator.loader.spec import RawParameter

_DESCRIPTION = "Parameter group."


def wanted_group(raw: RawParameter, operation_id: str) -> str | None:
    """The class name the parameter's x-ms-parameter-grouping asks for; None without one."""
    node = raw.node.get("x-ms-parameter-grouping")
    if node is None:
        return None
    if not node.is_dict():
        raise node.error("'x-ms-parameter-grouping' must be an object")
    name = node.opt_str("name")
    if name:
        return naming.class_name(name)
    group, method = naming.split_operation_id(operation_id)
    postfix = node.opt_str("postfix") or "Parameters"
    parts = (group, method, postfix)
    return naming.class_name("".join(naming.pascal_case(part) for part in parts if part))


@dataclass
class _Group:
    wanted: str
    members: dict[tuple[str, str], ir.Field] = field(default_factory=dict)  # (location, wire)


@dataclass
class ParameterGroups:
    """Grouping requests gathered while operations are built, made into models at the end."""

    wanted: dict[tuple[str, int], str] = field(default_factory=dict)  # (operationId, index)

    def note(self, operation_id: str, index: int, raw: RawParameter) -> None:
        wanted = wanted_group(raw, operation_id)
        if wanted is not None:
            self.wanted[(operation_id, index)] = wanted

    def apply(self, api: ir.Api) -> ir.Api:
        if not self.wanted:
            return api
        groups = self._collect(api)
        keys, classes = _names(api, list(groups))
        modules = dict(zip(groups, _modules(api, [classes[w] for w in groups]), strict=True))
        models = [_model(groups[w], keys[w], classes[w], modules[w]) for w in groups]
        model_fields = {
            keys[w]: {k: f.py_name for k, f in groups[w].members.items()} for w in groups
        }
        new_groups = tuple(
            replace(
                g,
                operations=tuple(
                    self._operation(op, keys, model_fields, api) for op in g.operations
                ),
            )
            for g in api.groups
        )
        return replace(
            api,
            groups=new_groups,
            models=tuple(sorted((*api.models, *models), key=lambda m: m.name)),
        )

    def _grouped(self, op: ir.Operation) -> list[tuple[ir.Parameter, str]]:
        found = []
        for index, p in enumerate(op.parameters):
            wanted = self.wanted.get((op.operation_id, index))
            if wanted is None or p.client_level or isinstance(p.type, ir.ConstantType):
                continue
            found.append((p, wanted))
        return found

    def _collect(self, api: ir.Api) -> dict[str, _Group]:
        groups: dict[str, _Group] = {}
        for group in api.groups:
            for op in group.operations:
                for p, wanted in self._grouped(op):
                    members = groups.setdefault(wanted, _Group(wanted)).members
                    members.setdefault((p.location.value, p.wire_name), _field(p))
        for g in groups.values():
            unique = naming.unique_names(
                [
                    naming.safe_identifier(f.py_name, naming.MODEL_RESERVED)
                    for f in g.members.values()
                ]
            )
            g.members = {
                k: replace(f, py_name=n)
                for (k, f), n in zip(g.members.items(), unique, strict=True)
            }
        return groups

    def _operation(
        self,
        op: ir.Operation,
        keys: dict[str, str],
        model_fields: dict[str, dict[tuple[str, str], str]],
        api: ir.Api,
    ) -> ir.Operation:
        grouped = {id(p): keys[w] for p, w in self._grouped(op)}
        if not grouped:
            return op
        parameters = tuple(
            replace(
                p,
                group=grouped[id(p)],
                group_field=model_fields[grouped[id(p)]][(p.location.value, p.wire_name)],
            )
            if id(p) in grouped
            else p
            for p in op.parameters
        )
        return replace(
            op, parameters=parameters, parameter_groups=_parameter_groups(parameters, api)
        )


def _field(p: ir.Parameter) -> ir.Field:
    return ir.Field(
        wire_name=p.wire_name,
        wire_path=(p.wire_name,),
        py_name=p.py_name,
        type=p.type,
        required=p.required and not p.has_default,
        nullable=p.nullable,
        read_only=False,
        description=p.description,
        source=p.source,
        default=p.default,
        has_default=p.has_default,
        constraints=p.constraints,
    )


def _names(api: ir.Api, wanted: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Model keys and class names for the groups, clear of the spec's models and enums."""
    keys = naming.unique_names(wanted, [m.name for m in api.models])
    taken = [m.py_name for m in api.models] + [e.py_name for e in api.enums]
    classes = naming.unique_names(wanted, taken)
    return dict(zip(wanted, keys, strict=True)), dict(zip(wanted, classes, strict=True))


def _modules(api: ir.Api, classes: list[str]) -> list[str]:
    taken = [m.module_name for m in api.models] + ["_enums"]
    return naming.unique_names([naming.module_name(c) for c in classes], taken)


def _model(group: _Group, key: str, class_name: str, module: str) -> ir.Model:
    first = next(iter(group.members.values()))
    return ir.Model(
        name=key,
        py_name=class_name,
        module_name=module,
        description=_DESCRIPTION,
        fields=tuple(group.members.values()),
        source=ir.Source(first.source.file, first.source.pointer),
    )


def _parameter_groups(
    parameters: tuple[ir.Parameter, ...], api: ir.Api
) -> tuple[ir.ParameterGroup, ...]:
    order: list[str] = []
    required: dict[str, bool] = {}
    for p in parameters:
        if p.group is None:
            continue
        if p.group not in required:
            order.append(p.group)
        required[p.group] = required.get(p.group, False) or (p.required and not p.has_default)
    taken = {p.py_name for p in parameters if p.group is None}
    taken |= {p.py_name for p in api.client_parameters}
    wanted = [naming.parameter_name(naming.snake_case(key)) for key in order]
    names = naming.unique_names(wanted, taken)
    return tuple(
        ir.ParameterGroup(model=key, py_name=name, required=required[key], description=_DESCRIPTION)
        for key, name in zip(order, names, strict=True)
    )
