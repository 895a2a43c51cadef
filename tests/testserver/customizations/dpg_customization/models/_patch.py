"""Handwritten models over the generated ones of dpg-customization.json: what the client returns
once it has "grown up". sdkforge keeps this file when it regenerates the package."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._enums import ProductReceived
from ._input import Input as _GeneratedInput
from ._lro_product import LROProduct as _GeneratedLROProduct
from ._product import Product as _GeneratedProduct

__all__ = ["Input", "LROProduct", "Product"]


class Product(_GeneratedProduct):
    """A product that knows whether the service answered in "model" mode."""

    @property
    def grown_up(self) -> bool:
        return self.received == ProductReceived.MODEL


class LROProduct(_GeneratedLROProduct):
    @property
    def grown_up(self) -> bool:
        return self.received == ProductReceived.MODEL and self.provisioning_state == "Succeeded"


class Input(_GeneratedInput):
    """Also made from the raw JSON body a caller of the raw operation passed."""

    @classmethod
    def of(cls, body: _GeneratedInput | Mapping[str, Any]) -> _GeneratedInput:
        return body if isinstance(body, _GeneratedInput) else cls.from_dict(body)
