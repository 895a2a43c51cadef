"""parameters/path: required and optional path parameters."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# `{/name}`: an optional path value with a "/" before it when given (".../optional" and
# ".../optional/foo"). OpenAPI path parameters are always required and have no such expansion;
# the document says `/parameters/path/optional{name}`.
SKIP = {
    "Parameters_Path_optional": (
        "not expressible: an optional path parameter expanded with a leading '/'"
    ),
}
AREA = Area("http-specs", "parameters/path", "openapi3", skip=SKIP)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
