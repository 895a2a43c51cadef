"""response/status-code-range: left out (EXCEPTIONS.md); this checks the reason still holds."""

from __future__ import annotations

import json
from pathlib import Path

FOLDER = Path("http-specs") / "response" / "status-code-range"


def test_neither_emitter_can_express_a_status_range(spector_cache: Path) -> None:
    result = json.loads((spector_cache / FOLDER / "result.json").read_text(encoding="utf-8"))
    assert set(result["emitters"].values()) == {"error"}
    assert all("unsupported-status-code-range" in error for error in result["errors"])
    assert not list((spector_cache / FOLDER).glob("@*/**/*.json"))
