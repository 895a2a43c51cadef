"""What the operations template prints: one class per operation group, one method per operation."""

from __future__ import annotations

from dataclasses import dataclass

from generator import ir
from generator.plan import groups, lro, paging
from generator.plan.imports import ImportSet
from generator.plan.method import ArgView, Context, OperationView, operation_view
from generator.plan.pytypes import TypeNames

__all__ = ["ArgView", "GroupView", "OperationView", "group_class_name", "group_view"]


@dataclass(frozen=True)
class GroupView:
    class_name: str
    client_class: str
    client_annotation: str  # the client class as annotations name it
    is_mixin: bool
    def_kw: str  # "def" or "async def"
    await_kw: str  # "" or "await "
    imports: tuple[str, ...]
    typing_imports: tuple[str, ...]
    operations: tuple[OperationView, ...]
    uses_cls: bool = False  # the module defines the `_R` type variable of `cls` results


def group_class_name(api: ir.Api, group: ir.OperationGroup) -> str:
    return f"{api.client_name}OperationsMixin" if group.name == "" else group.class_name


def group_view(api: ir.Api, group: ir.OperationGroup, *, is_async: bool) -> GroupView:
    up = "..." if is_async else ".."
    imports = ImportSet()
    imports.name("__future__", "annotations")
    imports.name(f"{up}_runtime", "codec as _s")
    # The client module, not its class: the client imports this module (a mixin is its base),
    # and an attribute of a module resolves at run time for typing.get_type_hints.
    imports.name("..", "_client as _client_module")
    imports.name("collections.abc", "Mapping")  # the per-call `headers` of every method
    names = TypeNames(api, imports, up)
    context = Context(api, group, is_async)
    operations = tuple(_view(names, op, context) for op in group.operations)
    if any(_uses_cast(op) for op in operations):
        imports.name("typing", "cast as _cast")
    uses_cls = any(op.cls_annotation for op in operations)
    if uses_cls:
        imports.name("typing", "Any", "TypeVar", "overload")
        imports.name("collections.abc", "Callable")
        names.httpx()
    return GroupView(
        class_name=group_class_name(api, group),
        client_class=api.client_name,
        client_annotation=f"_client_module.{api.client_name}",
        is_mixin=group.name == "",
        def_kw="async def" if is_async else "def",
        await_kw="await " if is_async else "",
        imports=tuple(imports.runtime_lines()),
        typing_imports=tuple(imports.typing_lines()),
        operations=operations,
        uses_cls=uses_cls,
    )


def _uses_cast(op: OperationView) -> bool:
    """Pageable methods cast their pages; long-running ones their pages or final result (a poller
    of None casts nothing); plain ones decoded values only."""
    if isinstance(op, lro.LroView):
        return op.pages is not None or "_cast(" in op.result_expr
    if op.template != "operation_basic.py.jinja":
        return True
    return any("_cast(" in expr for expr in (op.fallback_expr, *(b.expr for b in op.branches)))


def _view(names: TypeNames, op: ir.Operation, context: Context) -> OperationView:
    """Long-running and pageable operations build on the view of a plain call; parameter groups
    (x-ms-parameter-grouping) replace the arguments they hold."""
    basic = operation_view(names, op, is_async=context.is_async)
    basic = groups.grouped_view(names, op, basic)
    if op.long_running is not None:
        return lro.lro_view(names, op, basic, context)
    if op.paging is not None:
        return paging.paging_view(names, op, basic, context)
    return basic
