"""streaming/jsonl: JSON lines bodies."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Streaming_Jsonl_Basic_receive": (
        "DeserializationError: the response body is not valid JSON: Extra data: line 2 "
        "column 1 (char 16)"
    ),
}
AREA = Area("http-specs", "streaming/jsonl", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
