"""The view of a long-running operation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator import ir
from generator.pytypes import TypeNames

if TYPE_CHECKING:
    from generator.plan_operations import OperationView


def lro_view(names: TypeNames, op: ir.Operation, basic: OperationView) -> OperationView:
    # Until its own template exists, the method makes the first call and returns its result.
    return basic
