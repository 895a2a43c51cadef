"""routes: left out (EXCEPTIONS.md); this checks the reasons still hold."""

from __future__ import annotations

import collections
import json
from pathlib import Path

FOLDER = Path("http-specs") / "routes"


def test_openapi3_refuses_paths_with_a_query_string(spector_cache: Path) -> None:
    result = json.loads((spector_cache / FOLDER / "result.json").read_text(encoding="utf-8"))
    assert result["emitters"]["@typespec/openapi3"] == "error"
    assert any("path-query" in error for error in result["errors"])


def test_swagger_repeats_operation_ids(spector_cache: Path) -> None:
    (document,) = (spector_cache / FOLDER).glob("@azure-tools/typespec-autorest/**/*.json")
    paths = json.loads(document.read_text(encoding="utf-8"))["paths"]
    ids = collections.Counter(
        operation["operationId"]
        for item in paths.values()
        for method, operation in item.items()
        if method != "parameters"
    )
    assert ids["Explode_Array"] > 1
