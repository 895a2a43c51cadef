"""Handwritten operations over the generated ones of dpg-customization.json."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import models as _models
from ._operations_mixin import DPGClientOperationsMixin as _Generated

__all__ = ["DPGClientOperationsMixin"]


class DPGClientOperationsMixin(_Generated):
    def post_model(  # type: ignore[override]
        self, mode: str, input: _models.Input | Mapping[str, Any], **kwargs: Any
    ) -> Any:
        """The generated operation, taking the raw JSON body as well as the model."""
        return super().post_model(mode, _models.Input.of(input), **kwargs)

    def received(self, mode: str) -> str:
        """An added method: only the mode the service says it received."""
        return str(self.get_model(mode).received)
