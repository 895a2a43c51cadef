"""azure/resource-manager/operation-templates:
ARM operations, from the OpenAPI 3 document (the Swagger one $refs common-types no package
ships).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from tests.spector.areas import Area
from tests.spector.clients import SpectorClients
from tests.spector.credentials import ARM_CLIENT
from tests.spector.server import SpectorSession

LRO = (
    "long-running, but the OpenAPI 3 document does not say so: the operation is a plain "
    "request and the status monitor is never polled"
)
# Known defects (EXCEPTIONS.md): scenario -> what goes wrong.
XFAIL = {
    f"Azure_ResourceManager_OperationTemplates_{name}": LRO
    for name in (
        "Lro_createOrReplace",
        "Lro_export",
        "Lro_delete",
        "Lro_exportArray",
        "LroPaging_postPagingLro",
    )
}
# Each of these passes only when called both without a body and with the one its handler
# expects (the answer depends on which); driven by hand below.
BY_HAND = {
    f"Azure_ResourceManager_OperationTemplates_OptionalBody_{name}": "driven by hand below"
    for name in ("patch", "post", "providerPost")
}
AREA = Area(
    "azure-http-specs",
    "azure/resource-manager/operation-templates",
    "openapi3",
    skip=BY_HAND,
    client=ARM_CLIENT,
    xfail=XFAIL,
)
GROUP = "test-rg"


@AREA.parametrize
def test_scenario(name: str, spector: SpectorSession, spector_clients: SpectorClients) -> None:
    AREA.run(name, spector, spector_clients)


@contextmanager
def _client(spector: SpectorSession, spector_clients: SpectorClients) -> Iterator[Any]:
    with AREA.document(spector_clients).client(spector.url, **ARM_CLIENT) as client:
        yield client


@pytest.mark.scenario("Azure_ResourceManager_OperationTemplates_OptionalBody_patch")
def test_optional_body_patch(spector: SpectorSession, spector_clients: SpectorClients) -> None:
    models = AREA.document(spector_clients).models
    with _client(spector, spector_clients) as client:
        original = client.optional_body.patch(GROUP, "widget1")
        update = models.WidgetUpdate(
            properties=models.WidgetUpdateProperties(
                name="updated-widget", description="Updated description"
            )
        )
        updated = client.optional_body.patch(GROUP, "widget1", body=update)
    assert original.name == "widget1"
    assert original.properties.name == "widget1"
    assert original.properties.description == "A test widget"
    assert updated.properties.name == "updated-widget"
    assert updated.properties.description == "Updated description"
    assert updated.properties.provisioning_state == "Succeeded"


@pytest.mark.scenario("Azure_ResourceManager_OperationTemplates_OptionalBody_post")
def test_optional_body_post(spector: SpectorSession, spector_clients: SpectorClients) -> None:
    models = AREA.document(spector_clients).models
    with _client(spector, spector_clients) as client:
        plain = client.optional_body.post(GROUP, "widget1")
        request = models.ActionRequest(action_type="perform", parameters="test-parameters")
        with_body = client.optional_body.post(GROUP, "widget1", body=request)
    assert plain.result == "Action completed successfully"
    assert with_body.result == "Action completed successfully with parameters"


@pytest.mark.scenario("Azure_ResourceManager_OperationTemplates_OptionalBody_providerPost")
def test_optional_body_provider_post(
    spector: SpectorSession, spector_clients: SpectorClients
) -> None:
    models = AREA.document(spector_clients).models
    with _client(spector, spector_clients) as client:
        default = client.optional_body.provider_post()
        request = models.ChangeAllowanceRequest(total_allowed=100, reason="Increased demand")
        changed = client.optional_body.provider_post(body=request)
    assert (default.total_allowed, default.status) == (50, "Changed to default allowance")
    assert (changed.total_allowed, changed.status) == (100, "Changed to requested allowance")
