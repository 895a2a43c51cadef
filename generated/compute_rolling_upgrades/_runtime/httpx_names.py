"""httpx under the name generated modules use in annotations.

Generated modules import this module as `httpx`. Reading one of its attributes imports httpx
and returns httpx's own (a request does that anyway), so importing a generated package or
constructing its client does not load httpx, while `typing.get_type_hints` still resolves
annotations such as `httpx.Response`. Type checkers see the real classes.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from httpx import AsyncClient, Client, Request, Response, Timeout

__all__ = ["AsyncClient", "Client", "Request", "Response", "Timeout"]


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return getattr(importlib.import_module("httpx"), name)
