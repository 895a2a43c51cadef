"""Compare JSON documents with date-times as the instants they name, not as their spelling."""

from __future__ import annotations

import datetime as dt
from typing import Any


def with_instants(value: Any) -> Any:
    """`value` with every string that spells an aware date-time replaced by that datetime."""
    if isinstance(value, dict):
        return {k: with_instants(v) for k, v in value.items()}
    if isinstance(value, list):
        return [with_instants(v) for v in value]
    if isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and value[10:11] in "Tt":
        try:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return value
        return parsed if parsed.tzinfo else value
    return value
