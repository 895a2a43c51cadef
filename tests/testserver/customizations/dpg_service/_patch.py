"""Handwritten additions to the client of dpg-initial.json, kept as the service evolves
(dpg-update1.json) and the package is generated again."""

from __future__ import annotations

from typing import Any

from ._client import DPGClient as _GeneratedClient

__all__ = ["DPGClient"]


class DPGClient(_GeneratedClient):
    def glass_breaker(self) -> Any:
        """An operation the service has but its description does not: sent by hand."""
        response = self.send_request("GET", "/servicedriven/glassbreaker")
        response.raise_for_status()
        return response.json()
