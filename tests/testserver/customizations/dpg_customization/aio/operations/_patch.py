"""Handwritten asynchronous operations over the generated ones of dpg-customization.json."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ... import models as _models
from ._operations_mixin import DPGClientOperationsMixin as _Generated

__all__ = ["DPGClientOperationsMixin"]


class DPGClientOperationsMixin(_Generated):
    async def post_model(  # type: ignore[override]
        self, mode: str, input: _models.Input | Mapping[str, Any], **kwargs: Any
    ) -> Any:
        return await super().post_model(mode, _models.Input.of(input), **kwargs)

    async def received(self, mode: str) -> str:
        return str((await self.get_model(mode)).received)
