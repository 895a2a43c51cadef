"""A handwritten convenience over the generated operations of dpg-initial.json."""

from __future__ import annotations

from ._params import ParamsOperations as _Generated

__all__ = ["ParamsOperations"]


class ParamsOperations(_Generated):
    def message(self, parameter: str) -> str:
        """Only the message of get_required's answer."""
        return str(self.get_required(parameter)["message"])
