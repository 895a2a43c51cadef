"""routes: path and query parameters in every position and expansion style, from the Swagger
2.0 document (the OpenAPI 3 emitter refuses the folder: some paths hold a query string).

The document repeats operationIds across interfaces (`Explode_Array` under PathParameters'
label, matrix, path and simple expansions and QueryParameters' two); sdkforge names each by
its path (`explode.array_path_label`), and the driver finds operations by method and path.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

FOLDER = Path("http-specs") / "routes"
PREFIX = "Routes_PathParameters_"
# RFC 6570 expansions OpenAPI 2.0 has no words for: the value would have to be written with the
# expansion's prefix ("/a", ".a", ";param=a") for the client to send what the mock expects,
# which is another API than the one described.
EXPANSION = "not expressible: Swagger 2.0 has no {} expansion of a path parameter"
RECORD = (
    "not expressible: the document describes the record as a string (Swagger 2.0 has no "
    "object-valued path or query parameters)"
)
SKIP = {
    **{
        f"{PREFIX}{style.title()}Expansion_{how}_{kind}": EXPANSION.format(style)
        for style in ("path", "label", "matrix")
        for how in ("Standard", "Explode")
        for kind in ("primitive", "array", "record")
    },
    **{
        f"{folder}_{how}_record": RECORD
        for folder in (
            "Routes_PathParameters_SimpleExpansion",
            "Routes_QueryParameters_QueryExpansion",
            "Routes_QueryParameters_QueryContinuation",
        )
        for how in ("Standard", "Explode")
    },
}
AREA = Area("http-specs", "routes", "autorest", skip=SKIP)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)


def test_openapi3_refuses_paths_with_a_query_string(spector_cache: Path) -> None:
    result = json.loads((spector_cache / FOLDER / "result.json").read_text(encoding="utf-8"))
    assert result["emitters"]["@typespec/openapi3"] == "error"
    assert any("path-query" in error for error in result["errors"])


def test_repeated_operation_ids_are_named_by_path(spector_clients: SpectorClients) -> None:
    document = AREA.document(spector_clients)
    names = {
        (group["py_attr"], operation["py_name"]): operation["path"]
        for group, operation in document.operations()
    }
    assert names[("explode", "array_path_label")] == "/routes/path/label/explode/array{param}"
    assert names[("explode", "array_path_simple")] == "/routes/path/simple/explode/array{param}"
    assert names[("standard", "primitive_query_query_continuation")] == (
        "/routes/query/query-continuation/standard/primitive?fixed=true"
    )
