"""parameters/spread: spread models and aliases as parameters."""

from __future__ import annotations

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.server import SpectorSession

# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    "Parameters_Spread_Alias_spreadAsRequestBody": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
    "Parameters_Spread_Alias_spreadAsRequestParameter": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
    "Parameters_Spread_Alias_spreadParameterWithInnerAlias": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
    "Parameters_Spread_Alias_spreadParameterWithInnerModel": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
    "Parameters_Spread_Alias_spreadWithMultipleParameters": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
    "Parameters_Spread_Model_spreadAsRequestBody": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
    "Parameters_Spread_Model_spreadCompositeRequestOnlyWithBody": (
        "TypeError: Title.__init__() missing 2 required positional arguments: 'name' and "
        "'test_header'"
    ),
}
AREA = Area("http-specs", "parameters/spread", "openapi3", xfail=XFAIL)


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)
